/**
 * The profile of one side's `serve` server of an `http` or `e2e` bench, over the requests (or
 * flows) the bench drives. The server starts with the profiling preload in signal mode: every
 * Node process of it registers, the bench warms it up, one SIGUSR2 starts their profilers, the
 * bench drives `calls` requests one at a time, and a second SIGUSR2 makes each write its
 * profile. Start-up and warm-up stay out of the profile; the server keeps running until stopped.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BenchConfig } from '../config/types.js'
import type { Settings } from '../config/settings.js'
import { RUNNERS } from '../run/kinds/index.js'
import type { RunContext } from '../run/outcome.js'
import { describeError } from '../run/run-benches.js'
import { procStat } from '../run/process.js'
import { createServers } from '../run/serve.js'
import { commandLabel, type Captured } from './captured.js'
import { mergeProfiles } from './merge.js'
import { PID_SUFFIX, PROFILE_SUFFIX, profiledEnv, STARTED_SUFFIX, writePreload } from './preload.js'
import { profileFiles, readProfile } from './read-profiles.js'

/** What profiling one side's server needs. */
export interface ServerCaptureOptions {
  /** The side's environment (its DATABASE_URL, …); `serve.env` goes over it. */
  env: Readonly<Record<string, string | undefined>>
  signal: AbortSignal
  log: (line: string) => void
  secret: (value: string) => void
  /** A/B mode: the side, named in the server's errors. */
  side?: string
  /** Requests (http) or flows (e2e) driven while profiling. */
  calls: number
  /** Sampling interval, microseconds (samplingIntervalUs). */
  intervalUs: number
}

/** How long a profiled process may take to start or write its profile after a signal. */
const ANSWER_MS = 10_000

/** Starts `bench`'s server profiled, drives `calls` requests through it, returns its profile or a note. */
export async function captureServerProfile(
  bench: BenchConfig,
  options: ServerCaptureOptions,
): Promise<Captured> {
  const serve = bench.settings.serve
  if (serve === undefined) return { note: `bench "${bench.name}" starts no server to profile` }
  const label = `the server \`${commandLabel(serve.command)}\``
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'))
  const servers = createServers()
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(bench.settings.timeout)])
  try {
    const dir = path.join(scratch, 'profiles')
    await mkdir(dir)
    const preload = await writePreload(scratch)
    // Over serve.env too: a NODE_OPTIONS set there keeps its flags and gains the preload.
    const merged = { ...options.env, ...serve.env }
    const profiled = profiledEnv(merged, {
      preload,
      dir,
      intervalUs: options.intervalUs,
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
    const ctx: RunContext = { env: options.env, signal, log: options.log, secret: options.secret }
    const runner = RUNNERS[bench.spec.kind]
    try {
      await servers.ensure(served, { ...ctx, ...(options.side ? { side: options.side } : {}) })
      // The bench's own warm-up (JIT, caches, connection pools), outside the profile.
      await runner(drive(served, { samples: 1 }), ctx)
    } catch (error) {
      return { note: `profiling failed: ${describeError(error)}` }
    }
    const pids = await registered(dir)
    if (pids.length === 0) {
      return {
        note: `no profiler applies to ${label}: it starts no Node process (or its NODE_OPTIONS does not reach one)`,
      }
    }
    pids.forEach((pid) => signalProfiler(pid))
    const started = await waitFor(() => allHave(dir, pids, STARTED_SUFFIX), signal)
    if (!started) return { note: `profiling failed: ${label} did not start its profiler` }
    let calls: number
    try {
      const measured = await runner(drive(served, { samples: options.calls }), ctx)
      calls = measured[0]?.metrics[0]?.samples.length ?? 0
    } catch (error) {
      return { note: `profiling failed: ${describeError(error)}` }
    } finally {
      pids.forEach((pid) => signalProfiler(pid))
    }
    const written = await waitFor(() => allHave(dir, pids, `-1${PROFILE_SUFFIX}`), signal)
    if (!written) return { note: `profiling failed: ${label} did not write its profile` }
    const profiles = await Promise.all((await profileFiles(dir)).map(readProfile))
    return { round: { profile: mergeProfiles(profiles), calls } }
  } finally {
    await servers.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The bench driving exactly `samples` requests one after another: no time filling, no levels. */
function drive(bench: BenchConfig, { samples }: { samples: number }): BenchConfig {
  const settings: Settings = {
    ...bench.settings,
    samples,
    rounds: 1,
    time: 0,
    concurrency: [],
    ...(samples === 1 ? {} : { warmup: { iterations: 0 } }),
  }
  return { ...bench, settings }
}

/** Pids of the processes that loaded the preload and still run. */
async function registered(dir: string): Promise<number[]> {
  const names = await readdir(dir)
  return names
    .filter((name) => name.endsWith(PID_SUFFIX))
    .map((name) => Number(name.slice(0, -PID_SUFFIX.length)))
    .filter((pid) => procStat(pid)?.running ?? isAlive(pid))
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

async function allHave(dir: string, pids: readonly number[], suffix: string): Promise<boolean> {
  const names = new Set(await readdir(dir))
  // A process that exited meanwhile never answers; the others still count.
  return pids.every((pid) => names.has(`${pid}${suffix}`) || !isAlive(pid))
}

async function waitFor(done: () => Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  const until = performance.now() + ANSWER_MS
  while (performance.now() < until && !signal.aborted) {
    if (await done()) return true
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return done()
}
