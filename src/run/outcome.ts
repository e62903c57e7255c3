/** What a kind runner reports, and the errors it throws to mark a bench errored or skipped. */
import type { BenchStatus, Metric } from '../results/types.js'
import type { BenchConfig } from '../config/types.js'

/** One measured result a kind runner produced (a `js` module gives one per exported function). */
export interface MeasuredBench {
  /** Full bench name as it appears in results. */
  name: string
  status: BenchStatus
  reason?: string
  metrics: Metric[]
  details?: Record<string, unknown>
}

/** What every kind runner gets besides its bench. */
export interface RunContext {
  /** The environment benches may read (e.g. DATABASE_URL). */
  env: Readonly<Record<string, string | undefined>>
  /** Aborted when the bench's timeout passes: stop work and kill child processes. */
  signal: AbortSignal
  /** A line of progress for the log. */
  log(line: string): void
  /** Registers a value that must never appear in logs, results or reports (a password). */
  secret(value: string): void
}

/** Runs one configured bench of a kind and returns what it measured. */
export type KindRunner = (bench: BenchConfig, ctx: RunContext) => Promise<MeasuredBench[]>

/** A bench failed in a way the user can act on; the message says how (no stack trace needed). */
export class BenchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BenchError'
  }
}

/** A bench could not run here (a missing variable, no data); recorded as skipped with the reason. */
export class BenchSkipped extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BenchSkipped'
  }
}
