/**
 * The profile of one side's `serve` server of an `http` or `e2e` bench, over the requests (or
 * flows) the bench drives. The server starts with the profiling preload in signal mode: every
 * Node process of it registers, the bench warms it up, one SIGUSR2 starts their profilers, the
 * bench drives `calls` requests one at a time for each round of a block, and a second SIGUSR2
 * makes each write its profile, which is cut into the rounds by time. Start-up and warm-up stay
 * out of the profile; the server keeps running until stopped.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BenchConfig } from '../config/types.js'
import type { Settings } from '../config/settings.js'
import { RUNNERS } from '../run/kinds/index.js'
import type { RunContext } from '../run/outcome.js'
import { describeError } from '../run/run-benches.js'
import { mainThreadCpuUs, procStat } from '../run/process.js'
import type { Capture, SideProfiler } from './captures.js'
import { commandLabel } from './label.js'
import {
  INLINING_OFF,
  PID_SUFFIX,
  PROFILE_DIR_VARIABLE,
  PROFILE_SUFFIX,
  profiledEnv,
  SERVER_NODE_FLAGS,
  STARTED_SUFFIX,
  writeNodeShim,
  writePreload,
} from './preload.js'
import { dropOwnTime } from './drop-own-time.js'
import { mergeProfiles } from './merge.js'
import { readProfile } from './read-profiles.js'
import { monotonicUs, sliceProfile } from './slice.js'
import type { ProfileRound } from './types.js'

/** How long a profiled process may take to start or write its profile after a signal. */
const ANSWER_MS = 10_000

/**
 * Requests (or flows) a server's round drives at least. One request of a slow handler was a
 * whole round (the plan's 30 ms), so one collection or one pause of the sampler moved its
 * shares: a 5x slower helper was once not told from noise. Rounds in one window cost only
 * their requests, so three are cheap.
 */
export const MIN_SERVER_CALLS = 3

/**
 * Rounds per side: as many as profiling can afford (at most 30% of a short server bench's
 * confirmation: of a 2.5 s pass at 15 rounds, the two starts with warm-up took 1.0 s, the
 * requests 1.3 s).
 * Chosen on bench:explain's server, seeds 301-345, each profiled in 60 one-request rounds a
 * side and cut offline, with the check that sides taken in turn show their totals grew: 20
 * rounds of 3 requests named the slowed helper in 41 of 45, 15 rounds in 39, 12 in 36, none of
 * them unchanged code in the A/A runs (10 rounds: 36, and unchanged code once). 15 rounds cost
 * 32% of the confirmation (seeds 701-730), so 12.
 */
export const SERVER_ROUNDS = 12

/** Opens one side's server under the profiler (started, checked, warmed up), or says why it cannot. */
const openServer: Capture = async (side, target) => {
  const { bench } = target
  const serve = bench.settings.serve
  if (serve === undefined) {
    return {
      note: `no profiler applies to bench "${bench.name}": perfgate does not start its server (no serve:)`,
    }
  }
  const label = `the ${side.side} side's server \`${commandLabel(serve.command)}\``
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'))
  const remove = (): Promise<void> => rm(scratch, { recursive: true, force: true })
  try {
    const dir = path.join(scratch, 'profiles')
    await mkdir(dir)
    const preload = await writePreload(scratch)
    // Over serve.env too: a NODE_OPTIONS set there keeps its flags and gains the preload.
    const merged = { ...side.env, ...serve.env }
    const profiled = profiledEnv(merged, {
      preload,
      shim: await writeNodeShim(scratch, merged, SERVER_NODE_FLAGS),
      dir,
      intervalUs: target.intervalUs,
      mode: 'signal',
    })
    const added = Object.fromEntries(
      Object.entries(profiled).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && merged[entry[0]] !== entry[1],
      ),
    )
    const served: BenchConfig = {
      ...bench,
      settings: { ...bench.settings, serve: { ...serve, env: { ...serve.env, ...added } } },
    }
    const runner = RUNNERS[bench.spec.kind]
    const context = (): RunContext => ({
      env: side.env,
      signal: AbortSignal.timeout(bench.settings.timeout),
      log: (line) => side.log(line),
      secret: (value) => side.secrets.add(value),
    })
    /** Starts the server (again, if it stopped since) and warms up a new one. */
    let warmed: number[] = []
    const ready = async (ctx: RunContext): Promise<number[]> => {
      await side.servers.ensure(served, { ...ctx, side: side.side })
      let pids = await registered(dir)
      if (pids.length > 0 && pids.join() !== warmed.join()) {
        // The bench's own warm-up (JIT, caches, pools) of a fresh server, outside the profile.
        await runner(drive(served, 1, true), ctx)
        pids = await registered(dir)
        warmed = pids
      }
      return pids
    }
    const first = await ready(context()).catch((error: unknown) => ({
      note: `profiling failed: ${describeError(error)}`,
    }))
    if ('note' in first) {
      await remove()
      return first
    }
    if (first.length === 0) {
      await remove()
      return {
        note: `no profiler applies to ${label}: it starts no Node process (or NODE_OPTIONS does not reach it)`,
      }
    }
    if (!(await withoutInlining(dir, first))) {
      await remove()
      return {
        note: `no profile of ${label}: its Node runs with inlining (not started through the \`node\` on PATH), so its functions cannot be told from their callers`,
      }
    }
    const windows = new Map<number, number>()
    /**
     * `count` rounds in one profiler window, cut by time: a window's start costs its process
     * tens of ms (V8 lists all its code), which a window per round paid every round.
     */
    const rounds = async (count: number): Promise<ProfileRound[]> => {
      const ctx = context()
      const pids = await ready(ctx)
      if (pids.length === 0) throw new Error(`${label} is not running`)
      const window = (pid: number): string => `${pid}-${windows.get(pid) ?? 0}`
      for (const pid of pids) windows.set(pid, (windows.get(pid) ?? 0) + 1)
      pids.forEach(signalProfiler)
      if (!(await waitFor(() => allHave(dir, pids.map(window), STARTED_SUFFIX), ctx.signal))) {
        throw new Error(`${label} did not start its profiler`)
      }
      const cuts: Cut[] = []
      try {
        for (let i = 0; i < count; i++) {
          const cpuBefore = pids.map(mainThreadCpuUs)
          const fromUs = monotonicUs()
          const measured = await runner(
            drive(served, Math.max(target.calls, MIN_SERVER_CALLS), false),
            ctx,
          )
          const toUs = monotonicUs()
          const calls = measured[0]?.metrics[0]?.samples.length ?? 0
          if (calls === 0)
            throw new Error(`bench "${bench.name}" drove no requests while profiling`)
          cuts.push({ fromUs, toUs, calls, cpuMs: cpuSpent(cpuBefore, pids.map(mainThreadCpuUs)) })
        }
      } finally {
        pids.forEach(signalProfiler)
      }
      if (!(await waitFor(() => allHave(dir, pids.map(window), PROFILE_SUFFIX), ctx.signal))) {
        throw new Error(`${label} did not write its profile`)
      }
      const files = pids
        .map((pid) => path.join(dir, `${window(pid)}${PROFILE_SUFFIX}`))
        .filter((file) => existsSync(file))
      const profiles = await Promise.all(files.map(readProfile))
      return cuts.map((cut) => ({
        profile: mergeProfiles(
          profiles.map((p) => dropOwnTime(sliceProfile(p, cut.fromUs, cut.toUs), preload)),
        ),
        calls: cut.calls,
        ...(cut.cpuMs === undefined ? {} : { cpuMs: cut.cpuMs }),
      }))
    }
    const profiler: SideProfiler = {
      round: async () => (await rounds(1))[0],
      rounds,
      close: remove,
    }
    return profiler
  } catch (error) {
    await remove()
    throw error
  }
}

/** Opens a side's profiler for an http/e2e bench's `serve:` server, or says why none applies. */
export const captureServer: Capture = Object.assign(openServer, {
  oneSideAtATime: true,
  rounds: SERVER_ROUNDS,
})

/** One round of a window: when its requests started and ended, and what they cost. */
interface Cut {
  fromUs: number
  toUs: number
  calls: number
  /** The main threads' CPU time over the round, ms, where Linux tells it. */
  cpuMs: number | undefined
}

/** The CPU time the processes' main threads spent between two readings, ms, if all were read. */
function cpuSpent(
  before: readonly (number | undefined)[],
  after: readonly (number | undefined)[],
): number | undefined {
  let us = 0
  for (const [i, start] of before.entries()) {
    const end = after[i]
    if (start === undefined || end === undefined) return undefined
    us += end - start
  }
  return us / 1000
}

/**
 * The bench driving exactly `samples` requests one after another (no time filling, no levels),
 * after its own warm-up or none.
 */
function drive(bench: BenchConfig, samples: number, warmUp: boolean): BenchConfig {
  const settings: Settings = {
    ...bench.settings,
    samples,
    rounds: 1,
    time: 0,
    concurrency: [],
    ...(warmUp ? {} : { warmup: { iterations: 0 } }),
  }
  return { ...bench, settings }
}

/** Pids of the processes that loaded the preload and still run. */
async function registered(dir: string): Promise<number[]> {
  const names = await readdir(dir)
  return names
    .filter((name) => name.endsWith(PID_SUFFIX))
    .map((name) => Number(name.slice(0, -PID_SUFFIX.length)))
    .filter((pid) => (procStat(pid)?.running ?? isAlive(pid)) && profiledHere(pid, dir))
    .sort((a, b) => a - b)
}

/** Whether every process of `pids` registered as running without inlining (the node shim's). */
async function withoutInlining(dir: string, pids: readonly number[]): Promise<boolean> {
  for (const pid of pids) {
    const text = await readFile(path.join(dir, `${pid}${PID_SUFFIX}`), 'utf8').catch(() => '')
    if (text !== INLINING_OFF) return false
  }
  return true
}

/**
 * Whether `pid` is still the process that registered in `dir`: a pid reused by another process
 * must never get a SIGUSR2 (it would end most programs). Where /proc is missing, trusted.
 */
function profiledHere(pid: number, dir: string): boolean {
  let environ: string
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'utf8')
  } catch {
    return !existsSync('/proc/self')
  }
  return environ.split('\0').includes(`${PROFILE_DIR_VARIABLE}=${dir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function signalProfiler(pid: number): void {
  try {
    process.kill(pid, 'SIGUSR2')
  } catch {
    // It exited meanwhile: it has nothing more to profile.
  }
}

/** Whether every `<pid>-<window>` has written its `suffix` file (or its process is gone). */
async function allHave(dir: string, windows: readonly string[], suffix: string): Promise<boolean> {
  const names = new Set(await readdir(dir))
  // A process that exited meanwhile never answers; the others still count.
  return windows.every(
    (window) => names.has(`${window}${suffix}`) || !isAlive(Number(window.split('-')[0])),
  )
}

async function waitFor(done: () => Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  const until = performance.now() + ANSWER_MS
  while (performance.now() < until && !signal.aborted) {
    if (await done()) return true
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return done()
}
