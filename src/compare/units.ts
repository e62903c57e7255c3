/**
 * Run-level evidence: the summaries that vary from run to run, which is the variation a
 * verdict must hold against (per-iteration spread within one process is far smaller).
 */
import type { Metric } from '../results/types.js'
import { CompareInputError } from './errors.js'

/** Quantile q (0..1, linear interpolation) of a non-empty array (not modified). */
export function quantileOf(values: readonly number[], q: number): number {
  const sorted = Float64Array.from(values).sort()
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.min(sorted.length - 1, low + 1)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}

/** Median of a non-empty array (not modified). */
export function medianOf(values: readonly number[]): number {
  return quantileOf(values, 0.5)
}

/** Throws CompareInputError when a metric's samples or rounds cannot be compared. */
export function checkMetric(bench: string, metric: Metric, side: string): void {
  const where = `bench "${bench}" metric "${metric.name}" (${side})`
  if (!Array.isArray(metric.samples) || metric.samples.length === 0) {
    throw new CompareInputError(`${where} has no samples`)
  }
  const bad = metric.samples.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v))
  if (bad >= 0) {
    throw new CompareInputError(`${where} has a non-finite sample at index ${bad}`)
  }
  if (metric.unit === 'ms' && metric.samples.some((v) => v < 0)) {
    throw new CompareInputError(`${where} has a negative time sample`)
  }
  if (metric.rounds) {
    const total = metric.rounds.reduce((a, b) => a + b, 0)
    const valid = metric.rounds.every((r) => Number.isInteger(r) && r >= 1)
    if (!valid || total !== metric.samples.length) {
      throw new CompareInputError(
        `${where} has rounds [${metric.rounds.join(', ')}] that do not add up to its ${metric.samples.length} samples`,
      )
    }
  }
}

/** The samples of each round, or one group of all samples when the metric has no rounds. */
export function splitRounds(metric: Metric): number[][] {
  if (!metric.rounds || metric.rounds.length < 2) return [metric.samples]
  const groups: number[][] = []
  let start = 0
  for (const size of metric.rounds) {
    groups.push(metric.samples.slice(start, start + size))
    start += size
  }
  return groups
}

/** What each round of a metric contributes: its centre and its best value. */
export interface RoundSummaries {
  /**
   * A quantile of each round at its fast end (the 10th percentile by default, the 90th when bigger
   * is better): it ignores the iterations a busy neighbour slowed while still moving with a real
   * shift of all iterations.
   */
  centres: number[]
  /** Best value of each round (minimum, or maximum when bigger is better): the least disturbed. */
  bests: number[]
  samples: number
}

/** Round summaries of a metric, each multiplied by `scale` (for calibration normalisation). */
export function roundSummaries(metric: Metric, scale = 1, quantile = 0.1): RoundSummaries {
  const groups = splitRounds(metric)
  const pick = metric.better === 'bigger' ? Math.max : Math.min
  return {
    // Noise lowers a bigger-is-better metric, so its undisturbed end is the top.
    centres: groups.map(
      (group) => quantileOf(group, metric.better === 'bigger' ? 1 - quantile : quantile) * scale,
    ),
    bests: groups.map((group) => pick(...group) * scale),
    samples: metric.samples.length,
  }
}
