import type { Better } from '../results/types.js'

/** The verdict on one bench metric, baseline versus head. */
export type Verdict =
  | 'regression'
  | 'improvement'
  | 'slower'
  | 'faster'
  | 'unchanged'
  | 'inconclusive'
  | 'new'
  | 'changed'
  | 'removed'
  | 'skipped'
  | 'error'

/** How one metric of one bench compares between baseline run(s) and the head run. */
export interface MetricComparison {
  /** Bench name; for a secondary metric, the bench name (the metric is in `metric`). */
  name: string
  metric: string
  unit: string
  better: Better
  verdict: Verdict
  /** Relative change of the robust centre, head/base - 1 (0.12 = 12% larger); null when not comparable. */
  change: number | null
  /** Interval [low, high] for `change`, reflecting run-to-run variation; null when not computable. */
  ci: [number, number] | null
  /** p-value of the test behind the verdict (after multiple-comparison correction); null when none applies. */
  p: number | null
  /** The verdict's reason in words. */
  reason: string
  /** Centre (e.g. median) of the baseline and head samples, in `unit`; null when absent. */
  base: number | null
  head: number | null
  baseSamples: number
  headSamples: number
  /** Number of baseline runs pooled. */
  baseRuns: number
  /** Rounds (run-level units) pooled on each side; absent when no statistics were computed. */
  baseRounds?: number
  headRounds?: number
  noiseThreshold: number
  regressionThreshold: number
  /** True when a re-run confirmed this verdict. */
  confirmed?: boolean
  /** Kind-specific notes shown beside the timing (e.g. a query plan change). */
  notes?: string[]
}

/** The comparison of a head run with its baseline run(s). */
export interface Comparison {
  comparisons: MetricComparison[]
  /** Warnings about the whole comparison (runner mismatch, config changed, ...). */
  warnings: string[]
  regressions: number
}
