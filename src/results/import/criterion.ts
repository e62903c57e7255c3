/** Criterion.rs results: one bench per `<id>/new/` folder (benchmark.json, sample.json, estimates.json). */
import { z } from 'zod'
import { parseJson, ImportFormatError, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'
import { validate } from './validate.js'

/** The texts of one Criterion `new/` folder (estimates.json is optional: only kept for reference). */
export interface CriterionFiles {
  benchmark: string
  sample: string
  estimates?: string
}

const benchmarkSchema = z.looseObject({
  full_id: z.string().min(1),
  group_id: z.string().optional(),
  function_id: z.string().nullish(),
  value_str: z.string().nullish(),
  throughput: z.unknown().optional(),
  directory_name: z.string().optional(),
})

const positive = z.number().positive()

const sampleSchema = z.looseObject({
  sampling_mode: z.enum(['Linear', 'Flat', 'Auto']).optional(),
  iters: z.array(positive).min(1),
  times: z.array(z.number().nonnegative()).min(1),
})

const estimateSchema = z.looseObject({
  confidence_interval: z.looseObject({
    confidence_level: z.number(),
    lower_bound: z.number(),
    upper_bound: z.number(),
  }),
  point_estimate: z.number(),
  standard_error: z.number(),
})

const estimatesSchema = z.looseObject({
  mean: estimateSchema,
  median: estimateSchema,
  median_abs_dev: estimateSchema.optional(),
  slope: estimateSchema.nullish(),
  std_dev: estimateSchema.optional(),
})

/**
 * One Criterion bench from the files of its `new/` folder (`dir` names it in messages).
 * Each sample of Criterion times `iters[i]` iterations in `times[i]` ns, in both Linear and Flat
 * mode, so the per-iteration time is the ratio times[i] / iters[i] (Linear iters are not
 * cumulative: differences between samples would be wrong).
 */
export function parseCriterion(files: CriterionFiles, dir: string): ImportedBench {
  const benchmarkFile = `${dir}/benchmark.json`
  const sampleFile = `${dir}/sample.json`
  const benchmark = validate(
    benchmarkSchema,
    parseJson(files.benchmark, benchmarkFile, "Criterion's benchmark.json"),
    benchmarkFile,
    "Criterion's benchmark.json",
  )
  const sample = validate(
    sampleSchema,
    parseJson(files.sample, sampleFile, "Criterion's sample.json"),
    sampleFile,
    "Criterion's sample.json",
  )
  if (sample.iters.length !== sample.times.length) {
    throw new ImportFormatError(
      sampleFile,
      `has ${sample.iters.length} iters but ${sample.times.length} times; they must pair up`,
    )
  }
  const perIterationNs = sample.times.map((time, i) => time / sample.iters[i])
  const details: Record<string, unknown> = {
    tool: 'criterion',
    samplingMode: sample.sampling_mode ?? 'unknown',
    iterations: sample.iters.reduce((sum, n) => sum + n, 0),
    groupId: benchmark.group_id,
    ...(benchmark.function_id ? { functionId: benchmark.function_id } : {}),
    ...(benchmark.value_str ? { value: benchmark.value_str } : {}),
    ...(benchmark.throughput ? { throughput: benchmark.throughput } : {}),
  }
  if (files.estimates !== undefined) {
    const estimatesFile = `${dir}/estimates.json`
    const estimates = validate(
      estimatesSchema,
      parseJson(files.estimates, estimatesFile, "Criterion's estimates.json"),
      estimatesFile,
      "Criterion's estimates.json",
    )
    details.estimatesMs = toMs(estimates)
  }
  return {
    id: benchmark.full_id,
    metrics: [importedMetric({ name: 'time', unit: 'ns', samples: perIterationNs })],
    details,
  }
}

type Estimate = z.output<typeof estimateSchema>

/** Criterion's own estimates (ns) in ms, for reference next to perfgate's statistics. */
function toMs(
  estimates: z.output<typeof estimatesSchema>,
): Record<string, { point: number; lower: number; upper: number; confidence: number }> {
  const out: Record<string, { point: number; lower: number; upper: number; confidence: number }> =
    {}
  const entries: [string, Estimate | null | undefined][] = [
    ['mean', estimates.mean],
    ['median', estimates.median],
    ['medianAbsDev', estimates.median_abs_dev],
    ['slope', estimates.slope],
    ['stdDev', estimates.std_dev],
  ]
  for (const [name, estimate] of entries) {
    if (!estimate) continue
    out[name] = {
      point: estimate.point_estimate / 1e6,
      lower: estimate.confidence_interval.lower_bound / 1e6,
      upper: estimate.confidence_interval.upper_bound / 1e6,
      confidence: estimate.confidence_interval.confidence_level,
    }
  }
  return out
}
