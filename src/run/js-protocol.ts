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
  /** Stop a function's round after this many samples. */
  maxSamples: number
}

/** One function's outcome in a round. */
export type JsTaskOutcome =
  { name: string; ok: true; samples: number[] } | { name: string; ok: false; error: string }

/** The worker's reply. */
export type JsReply = { ok: true; tasks: JsTaskOutcome[] } | { ok: false; error: string }
