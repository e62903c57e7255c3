/**
 * Where a run's numbers come from. Three sources — measured here (measure.ts), both sides
 * measured here interleaved (measure-ab.ts), and a merge of shard jobs (merge-shards.ts) — give
 * the later stages one shape: the results, the baseline they are judged against, and how to
 * measure some benches again to confirm them.
 */
import type { ConfirmMode, Remeasured } from '../compare/confirmation.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Measured } from './measure.js'

export type { ConfirmMode, Remeasured } from '../compare/confirmation.js'

/** One source of a run's numbers. */
export interface NumbersSource {
  measured: Measured
  /** The baseline found for `measured` (an artifact, a file, or the base measured here). */
  finding: BaselineFinding
  /** How benches in doubt are confirmed: both sides here, the head alone, or not at all. */
  confirm: ConfirmMode
  /** Measures the benches producing `names` again: the head, and the base where it can. */
  remeasure(names: readonly string[]): Promise<Remeasured>
  /** Problems to show beside the comparison (a lost or duplicated shard). */
  problems: string[]
  /** Releases what the source holds (a base worktree, side databases). */
  close(): Promise<void>
}
