/** Messages between the `js` kind runner and its worker process (one process per module and round). */
import type { CpuProfile } from '../profile/types.js'

/** What the parent asks a worker to run. */
export interface JsJob {
  /** file:// URL of the bench module. */
  moduleUrl: string
  /** Exports to run; all exported functions but setup/teardown when absent. */
  functions?: string[]
  /** tinybench settings for this round. */
  time: number
  iterations: number
  warmupTime: number
  warmupIterations: number
  /** Arguments of setup and of every call: a scaled bench's data size. */
  args?: number[]
  /** Stop a function's round after this many samples. */
  maxSamples: number
  /** When set, also run the leak check: windows of iterations with a forced GC between them. */
  leakCheck?: { windowMs: number; windows: number }
}

/** Heap use of one function in one round, in bytes (heapUsed). */
export interface JsMemory {
  /** Heap after GC after the timed iterations minus heap after GC before them. */
  heapGrowth: number
  /** The largest heap seen after any iteration (garbage included). */
  peakHeap: number
}

/** The leak check's raw data: heap after a forced GC at each window boundary. */
export interface JsLeakWindows {
  iterationsPerWindow: number
  heapAfterGc: number[]
}

/** One function's outcome in a round. */
export type JsTaskOutcome =
  | { name: string; ok: true; samples: number[]; memory?: JsMemory; leak?: JsLeakWindows }
  | { name: string; ok: false; error: string }

/** The worker's reply. */
export type JsReply = { ok: true; tasks: JsTaskOutcome[] } | { ok: false; error: string }

/**
 * A profiling worker (after a regression is confirmed): it imports the module, runs `setup` and
 * warms the function up, replies `ready`, then profiles `calls` calls per `round` message until
 * `close`. One process per side serves every round, so rounds cost no process start.
 */
export interface JsProfileJob {
  profile: true
  moduleUrl: string
  /** The export to profile. */
  function: string
  args?: number[]
  /** Calls per profiled round (and of the warm-up). */
  calls: number
  /** The inspector's sampling interval, µs. */
  intervalUs: number
}

/** What the parent sends a profiling worker after `ready`. */
export type JsProfileRequest = { round: true } | { close: true }

/** A profiling worker's replies: ready, one profile per round, closed, or what failed. */
export type JsProfileReply =
  | { ok: true; ready: true }
  | { ok: true; profile: CpuProfile; calls: number; cpuMs: number }
  | { ok: true; closed: true }
  | { ok: false; error: string }
