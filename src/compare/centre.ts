/**
 * The one number perfgate shows for a metric: the centre the comparison judges by. Each round's
 * 10th percentile (90th for bigger-is-better metrics: noise only ever slows code down), then a
 * mean over rounds without the worst fifth. `run` prints it too, so a bench's number in the run
 * table is the number `compare` starts from, not a different statistic of the same samples.
 */
import type { Metric } from '../results/types.js'
import { robustCentre } from './permutation.js'
import { roundSummaries } from './units.js'

/** Quantile of each round taken as its centre (compareRuns' default roundQuantile). */
export const ROUND_QUANTILE = 0.1

/** The label of the centre in table headers and CSV columns. */
export const CENTRE_LABEL = 'centre (p10 of rounds)'

/** One run's centre of `metric`, as compareRuns computes a side's centre. */
export function metricCentre(metric: Metric): number {
  // A document without samples (hand-written, or an old format) has only its summary left.
  if (metric.samples.length === 0) return metric.summary.median
  const quantile = metric.roundQuantile ?? ROUND_QUANTILE
  return robustCentre(roundSummaries(metric, 1, quantile).centres, metric.better)
}
