/** A budget's statistic from a metric's samples, with a bootstrap interval for its uncertainty. */
import type { BudgetStatistic } from '../config/budget.js'
import { splitRounds } from '../compare/units.js'
import { seededRandom, type Random } from '../compare/random.js'
import type { Metric } from '../results/types.js'

/** A point estimate and its two-sided interval, in the metric's unit (or ops/s). */
export interface Estimate {
  value: number
  interval: [number, number]
}

/** How the interval is computed. */
export interface EstimateOptions {
  /** Two-sided coverage of the interval (default 0.95). */
  confidence?: number
  /** Bootstrap resamples (default 1000). */
  resamples?: number
  /** Seed of the resampling, so the same samples give the same interval (default 1). */
  seed?: number
}

/** The statistic of a set of samples; `unit` tells ops/s of a time (1000 / mean ms) from a rate. */
export function statisticOf(
  samples: ArrayLike<number>,
  statistic: BudgetStatistic,
  unit: string,
): number {
  const values = samples
  switch (statistic.kind) {
    case 'mean':
      return mean(values)
    // Not Math.min(...values): a fast bench has more samples than the call stack holds.
    case 'min':
      return extreme(values, Math.min, Infinity)
    case 'max':
      return extreme(values, Math.max, -Infinity)
    case 'quantile':
      return sortedQuantile(Float64Array.from(values).sort(), statistic.q)
    case 'ops/s':
      return unit === 'ms' ? 1000 / mean(values) : mean(values)
  }
}

/**
 * The statistic with a percentile bootstrap interval. Samples from one process are more alike than
 * samples from separate runs, so with two or more rounds the bootstrap resamples rounds first and
 * samples within each drawn round second (two-stage): the interval then holds the run-to-run
 * variation a later run would see, not just the within-process spread.
 */
export function estimate(
  metric: Metric,
  statistic: BudgetStatistic,
  options: EstimateOptions = {},
): Estimate {
  const confidence = options.confidence ?? 0.95
  const resamples = options.resamples ?? 1000
  const random = seededRandom(options.seed ?? 1)
  const value = statisticOf(metric.samples, statistic, metric.unit)
  const groups = splitRounds(metric)
  const draws = new Float64Array(resamples)
  for (let i = 0; i < resamples; i++) {
    const drawn = resample(groups, random)
    // The resample is ours to sort in place: no copy per draw.
    draws[i] =
      statistic.kind === 'quantile'
        ? sortedQuantile(drawn.sort(), statistic.q)
        : statisticOf(drawn, statistic, metric.unit)
  }
  draws.sort()
  const tail = (1 - confidence) / 2
  return { value, interval: [sortedQuantile(draws, tail), sortedQuantile(draws, 1 - tail)] }
}

/** One two-stage bootstrap resample of the groups, as a flat array of the same total size. */
function resample(groups: readonly number[][], random: Random): Float64Array {
  const total = groups.reduce((sum, group) => sum + group.length, 0)
  const out = new Float64Array(total)
  let at = 0
  if (groups.length === 1) {
    const only = groups[0]
    for (let i = 0; i < total; i++) out[i] = only[Math.floor(random() * only.length)]
    return out
  }
  while (at < total) {
    const group = groups[Math.floor(random() * groups.length)]
    const take = Math.min(group.length, total - at)
    for (let i = 0; i < take; i++) out[at++] = group[Math.floor(random() * group.length)]
  }
  return out
}

/** Quantile q of sorted values, interpolated like quantileOf. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.min(sorted.length - 1, low + 1)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}

function extreme(
  values: ArrayLike<number>,
  pick: (a: number, b: number) => number,
  start: number,
): number {
  let result = start
  for (let i = 0; i < values.length; i++) result = pick(result, values[i])
  return result
}

function mean(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  return sum / values.length
}
