/**
 * A preload that makes any Node process perfgate starts write its own V8 CPU profile. Node 20
 * refuses `--cpu-prof` in NODE_OPTIONS, but accepts `--require`, and NODE_OPTIONS reaches every
 * Node process a command starts (npm → node, a shell script's node), so the preload profiles
 * them all with the inspector's Profiler and writes one `.cpuprofile` per process (and window).
 *
 * Two modes: `exit` profiles the whole process and writes at exit (a `command` run); `signal`
 * registers the process and profiles only between two SIGUSR2 (a `serve` server, over the
 * measured requests — a server never exits normally, so `--cpu-prof` would never write).
 */
import { constants } from 'node:fs'
import { access, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** How a profiled process decides when to profile. */
export type PreloadMode = 'exit' | 'signal'

/** Environment variables the preload reads (it does nothing without the folder). */
const DIR = 'PERFGATE_PROFILE_DIR'
/** The variable naming the folder a profiled process writes to (and registered in). */
export const PROFILE_DIR_VARIABLE = DIR
const INTERVAL = 'PERFGATE_PROFILE_INTERVAL_US'
const MODE = 'PERFGATE_PROFILE_MODE'

/** The file a process that loaded the preload writes at start (signal mode): `<pid>.pid`. */
export const PID_SUFFIX = '.pid'
/** A pid file's text when its process runs without inlining (NODE_FLAGS). */
export const INLINING_OFF = 'no-inlining'

/** The flag the preload looks for to tell that its process runs with NODE_FLAGS. */
const MARK_FLAG = '--no-maglev-inlining'

/**
 * V8 flags profiled Node processes run with: no inlining. An inlined function has no frame in a
 * CPU profile: once the optimiser inlines a function's helpers (Turbofan after a thousand calls
 * or so; on Node 22 and 24 Maglev after a few dozen), their samples land on the caller, and the
 * profiles could only name the caller. Both sides run the same way, so the comparison is fair.
 * Node refuses V8 flags in NODE_OPTIONS, and set at run time (v8.setFlagsFromString) they were
 * seen not to hold on Node 24: so on the command line (the js worker's) or through a `node` shim
 * on PATH (commands and servers).
 */
export const NODE_FLAGS = ['--no-turbo-inlining', MARK_FLAG]

/**
 * A server's flags add no on-stack replacement: on Node 24 the samples of a handler's helper
 * whose loop was optimised while it ran (called a few dozen times, as while profiling) were
 * counted as the handler's. Not for commands: there the same flag moved part of a long loop's
 * samples to its caller instead (both seen on Node 24, tested in __tests__/profile).
 */
export const SERVER_NODE_FLAGS = [...NODE_FLAGS, '--no-use-osr']
/** Written once a window's profiler runs (signal mode): `<pid>-<window>.started`. */
export const STARTED_SUFFIX = '.started'
/**
 * A window's finished profile, `<pid>-<window>.cpuprofile` (windows count from 1; exit mode has
 * one). Written under another name and renamed, so never read half-written.
 */
export const PROFILE_SUFFIX = '.cpuprofile'
/** The CPU time (µs, user + system) of a window, beside its profile: `<pid>-<window>.cpu-us`. */
export const CPU_SUFFIX = '.cpu-us'

// CommonJS, plain ES2020, no dependencies: it runs inside the user's process, whatever its setup.
// Worker threads are left alone (their isolate is not the main one, and they load it too).
const SOURCE = `'use strict'
;(() => {
  const dir = process.env.${DIR}
  if (!dir || !require('node:worker_threads').isMainThread) return
  const fs = require('node:fs')
  const path = require('node:path')
  const inspector = require('node:inspector')
  const interval = Number(process.env.${INTERVAL}) || 1000
  const session = new inspector.Session()
  try {
    session.connect()
  } catch {
    return
  }
  let running = false
  let windows = 0
  let cpuAtStart = process.cpuUsage()
  const mark = (suffix, text) => {
    const file = path.join(dir, process.pid + suffix)
    fs.writeFileSync(file + '.tmp', text)
    fs.renameSync(file + '.tmp', file)
  }
  // A main-thread session answers synchronously, so stopping works inside an 'exit' listener.
  const start = () => {
    session.post('Profiler.enable', () => {
      session.post('Profiler.setSamplingInterval', { interval }, () => {
        session.post('Profiler.start', (error) => {
          if (error) return
          running = true
          windows++
          cpuAtStart = process.cpuUsage()
          mark('-' + windows + '${STARTED_SUFFIX}', '')
        })
      })
    })
  }
  const stop = () => {
    if (!running) return
    running = false
    const cpu = process.cpuUsage(cpuAtStart)
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      // The window's CPU time first: a profile on disk always has its CPU time beside it.
      mark('-' + windows + '${CPU_SUFFIX}', String(cpu.user + cpu.system))
      mark('-' + windows + '${PROFILE_SUFFIX}', JSON.stringify(result.profile))
    })
  }
  process.on('exit', stop)
  if (process.env.${MODE} !== 'signal') return start()
  process.on('SIGUSR2', () => (running ? stop() : start()))
  // Whether this process runs without inlining (started through the node shim on PATH).
  mark('${PID_SUFFIX}', process.execArgv.includes(${JSON.stringify(MARK_FLAG)}) ? '${INLINING_OFF}' : '')
})()
`

/** Writes the preload into `dir` (a fresh temp folder) and returns its path. */
export async function writePreload(dir: string): Promise<string> {
  const file = path.join(dir, 'perfgate-profile-preload.cjs')
  await writeFile(file, SOURCE)
  return file
}

/**
 * Writes `dir/bin/node`, a shim that runs the `node` found on `env`'s PATH with `flags`, and
 * returns its folder, or undefined when PATH has no node (the processes then run as they are).
 */
export async function writeNodeShim(
  dir: string,
  env: Readonly<Record<string, string | undefined>>,
  flags: readonly string[] = NODE_FLAGS,
): Promise<string | undefined> {
  const real = await findOnPath('node', env.PATH ?? '')
  if (real === undefined) return undefined
  const bin = path.join(dir, 'bin')
  await mkdir(bin, { recursive: true })
  const quoted = `'${real.replace(/'/g, `'\\''`)}'`
  await writeFile(path.join(bin, 'node'), `#!/bin/sh\nexec ${quoted} ${flags.join(' ')} "$@"\n`, {
    mode: 0o755,
  })
  return bin
}

async function findOnPath(name: string, searchPath: string): Promise<string | undefined> {
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder === '') continue
    const file = path.join(folder, name)
    try {
      await access(file, constants.X_OK)
      return file
    } catch {
      // Not here.
    }
  }
  return undefined
}

/** What profiled processes need: where to write, how often to sample, when to profile. */
export interface PreloadOptions {
  /** The preload file (writePreload). */
  preload: string
  /** The node shim's folder (writeNodeShim), put first on PATH; undefined: none. */
  shim?: string | undefined
  /** The folder the profiles are written to. */
  dir: string
  /** Sampling interval, microseconds. */
  intervalUs: number
  mode: PreloadMode
}

/**
 * `env` with the preload added to NODE_OPTIONS (after whatever the user had there) and its
 * settings; every Node process started with this environment profiles itself.
 */
export function profiledEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: PreloadOptions,
): Record<string, string | undefined> {
  // NODE_OPTIONS takes double-quoted values, so a folder with spaces stays one argument.
  const require = `--require "${options.preload.replace(/(["\\])/g, '\\$1')}"`
  const existing = env.NODE_OPTIONS?.trim()
  return {
    ...env,
    ...(options.shim === undefined
      ? {}
      : { PATH: [options.shim, env.PATH].filter((p) => p).join(path.delimiter) }),
    NODE_OPTIONS: existing ? `${existing} ${require}` : require,
    [DIR]: options.dir,
    [INTERVAL]: String(Math.max(1, Math.round(options.intervalUs))),
    [MODE]: options.mode,
  }
}
