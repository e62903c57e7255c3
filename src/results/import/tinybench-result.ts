/** A tinybench task result (shared by the tinybench and vitest formats), in both of its shapes. */
import { z } from 'zod'
import type { Metric } from '../types.js'
import { importedMetric } from './units.js'

const statisticsSchema = z.looseObject({
  mean: z.number(),
  p50: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  sd: z.number().optional(),
  rme: z.number().nullish(),
  samples: z.array(z.number()).nullish(),
  samplesCount: z.number().optional(),
})

/** tinybench ≥3 (latency/throughput objects) or tinybench 2 (flat fields), all times in ms. */
export const taskResultSchema = z.looseObject({
  state: z.string().optional(),
  latency: statisticsSchema.optional(),
  throughput: statisticsSchema.optional(),
  mean: z.number().optional(),
  median: z.number().optional(),
  p50: z.number().optional(),
  samples: z.array(z.number()).nullish(),
  rme: z.number().nullish(),
  totalTime: z.number().optional(),
  period: z.number().optional(),
})

/** A parsed tinybench task result. */
export type TaskResult = z.output<typeof taskResultSchema>

/** The time metric (ms) and notes of a task result, or undefined when it holds no statistics. */
export function timeFromTaskResult(
  result: TaskResult,
): { metric: Metric; details: Record<string, unknown> } | undefined {
  const latency = result.latency
  const samples = latency ? latency.samples : result.samples
  const mean = latency ? latency.mean : result.mean
  if (mean === undefined) return undefined
  const median = latency ? latency.p50 : (result.median ?? result.p50)
  const details: Record<string, unknown> = {
    summaryMs: {
      mean,
      ...(median === undefined ? {} : { median }),
      ...(latency?.min === undefined ? {} : { min: latency.min }),
      ...(latency?.max === undefined ? {} : { max: latency.max }),
      ...(latency?.sd === undefined ? {} : { sd: latency.sd }),
    },
    ...((latency?.rme ?? result.rme) == null ? {} : { rmePercent: latency?.rme ?? result.rme }),
    ...(latency?.samplesCount === undefined ? {} : { samplesCount: latency.samplesCount }),
  }
  if (samples && samples.length > 0) {
    // tinybench sorts the samples it keeps, so their run order is lost.
    details.samplesSorted = true
    return { metric: importedMetric({ name: 'time', unit: 'ms', samples }), details }
  }
  details.singleValue = median === undefined ? 'mean (no samples kept)' : 'median (no samples kept)'
  return {
    metric: importedMetric({ name: 'time', unit: 'ms', samples: [median ?? mean] }),
    details,
  }
}
