/** Messages between the `js` kind runner and its worker process (one process per module and round). */

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
