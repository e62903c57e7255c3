/** Descriptive statistics of raw samples, computed with simple-statistics. */
import {
  max,
  mean,
  median,
  medianAbsoluteDeviation,
  min,
  quantileSorted,
  standardDeviation,
} from 'simple-statistics'
import type { Better, Metric, Summary } from './types.js'

/** The summary of `samples` (which must be non-empty); ops/s only for millisecond times. */
export function summarize(samples: readonly number[], unit: string): Summary {
  const values = [...samples]
  const sorted = [...values].sort((a, b) => a - b)
  const average = mean(values)
  const sd = values.length > 1 ? standardDeviation(values) : 0
  return {
    n: values.length,
    mean: average,
    median: median(sorted),
    min: min(sorted),
    max: max(sorted),
    sd,
    cv: average === 0 ? 0 : sd / average,
    p75: quantileSorted(sorted, 0.75),
    p99: quantileSorted(sorted, 0.99),
    mad: medianAbsoluteDeviation(values),
    opsPerSecond: unit === 'ms' && average > 0 ? 1000 / average : null,
  }
}

/** A metric from its raw samples, with its summary computed. */
export function makeMetric(fields: {
  name: string
  unit: string
  better?: Better
  samples: number[]
  rounds?: number[]
  regressionThreshold?: number
  resolution?: number
}): Metric {
  const { better = 'smaller', ...rest } = fields
  return { ...rest, better, summary: summarize(fields.samples, fields.unit) }
}
