/** What a kind runner reports, and the errors it throws to mark a bench errored or skipped. */
import type { BenchStatus, Metric } from '../results/types.js'
import type { BenchConfig } from '../config/types.js'
import type { DrawnCase } from './postgres/sample-cases.js'

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
  /** A/B mode: cases drawn by bench name, shared by both sides (see RunOptions.draws). */
  draws?: CaseDraws
}

/**
 * The cases a `params-query` bench drew, by bench name. In A/B mode one store serves both sides
 * of a measurement: the first run of a bench draws and records its cases, every later run (the
 * other side, later rounds) times those same cases, looked up by key in its own database.
 */
export type CaseDraws = Map<string, DrawnCase[]>

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
