/** Google Benchmark's JSON (`--benchmark_format=json` or `--benchmark_out`). */
import { z } from 'zod'
import type { Metric } from '../types.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'
import { validate } from './validate.js'

const rowSchema = z.looseObject({
  name: z.string().min(1),
  run_name: z.string().optional(),
  run_type: z.enum(['iteration', 'aggregate']).optional(),
  aggregate_name: z.string().optional(),
  aggregate_unit: z.string().optional(),
  repetitions: z.number().optional(),
  threads: z.number().optional(),
  iterations: z.number().optional(),
  real_time: z.number().optional(),
  cpu_time: z.number().optional(),
  time_unit: z.string().optional(),
  error_occurred: z.boolean().optional(),
  error_message: z.string().optional(),
  items_per_second: z.number().optional(),
  bytes_per_second: z.number().optional(),
})

const fileSchema = z.looseObject({
  context: z
    .looseObject({
      num_cpus: z.number().optional(),
      mhz_per_cpu: z.number().optional(),
      cpu_scaling_enabled: z.boolean().optional(),
      library_build_type: z.string().optional(),
    })
    .optional(),
  benchmarks: z.array(rowSchema),
})

type Row = z.output<typeof rowSchema>

const WHAT = 'Google Benchmark JSON (--benchmark_format=json)'
const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/

/**
 * Every bench in a Google Benchmark JSON file. Per-repetition rows (run_type iteration) are the
 * samples, real_time being the per-iteration wall time; aggregate rows are kept in details only.
 */
export function parseGoogleBenchmark(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  const groups = new Map<string, { runs: Row[]; aggregates: Row[] }>()
  for (const row of data.benchmarks) {
    const aggregate = row.run_type === 'aggregate' || (!row.run_type && isOldAggregate(row))
    const key = row.run_name ?? (aggregate ? row.name.replace(AGGREGATE_SUFFIX, '') : row.name)
    const group = groups.get(key) ?? { runs: [], aggregates: [] }
    groups.set(key, group)
    if (aggregate) group.aggregates.push(row)
    else group.runs.push(row)
  }
  if (groups.size === 0) throw new ImportFormatError(file, 'lists no benchmarks')
  const context = data.context
  return [...groups].map(([id, { runs, aggregates }]) => {
    const details: Record<string, unknown> = {
      tool: 'google-benchmark',
      repetitions: runs.length,
      iterations: runs.map((row) => row.iterations),
      ...(runs[0]?.threads === undefined ? {} : { threads: runs[0].threads }),
      ...(aggregates.length > 0 ? { aggregates: aggregatesMs(aggregates, file) } : {}),
      ...(context ? { context: pick(context) } : {}),
    }
    const failed = runs.find((row) => row.error_occurred)
    if (failed) {
      return {
        id,
        metrics: [],
        details,
        error: failed.error_message ?? 'the bench reported an error',
      }
    }
    if (runs.length === 0) {
      throw new ImportFormatError(file, `bench "${id}" has aggregate rows but no repetition rows`)
    }
    return { id, metrics: metricsOf(runs, id, file), details }
  })
}

function metricsOf(runs: Row[], id: string, file: string): Metric[] {
  const unit = runs[0].time_unit ?? 'ns'
  if (runs.some((row) => (row.time_unit ?? 'ns') !== unit) || msPer(unit) === undefined) {
    throw new ImportFormatError(file, `bench "${id}" has an unknown or mixed time_unit "${unit}"`)
  }
  const column = (key: 'real_time' | 'cpu_time'): number[] =>
    runs.map((row) => {
      const value = row[key]
      if (value === undefined) throw new ImportFormatError(file, `bench "${id}" lacks ${key}`)
      return value
    })
  const metrics = [
    importedMetric({ name: 'time', unit, samples: column('real_time') }),
    importedMetric({ name: 'cpu-time', unit, samples: column('cpu_time') }),
  ]
  for (const [key, name, metricUnit] of [
    ['items_per_second', 'items-per-second', 'items/s'],
    ['bytes_per_second', 'bytes-per-second', 'bytes/s'],
  ] as const) {
    const values = runs.map((row) => row[key])
    if (values.every((value) => value !== undefined)) {
      metrics.push(importedMetric({ name, unit: metricUnit, better: 'bigger', samples: values }))
    }
  }
  return metrics
}

/** Google Benchmark before 1.5 wrote no run_type: aggregates were told apart by name suffix. */
function isOldAggregate(row: Row): boolean {
  return AGGREGATE_SUFFIX.test(row.name)
}

/** The tool's aggregates (real time in ms; cv as a fraction), keyed by aggregate name. */
function aggregatesMs(rows: Row[], file: string): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {}
  for (const row of rows) {
    const name = row.aggregate_name ?? AGGREGATE_SUFFIX.exec(row.name)?.[1] ?? row.name
    if (row.real_time === undefined) continue
    // cv is a ratio (its time_unit is meaningless); the others are times.
    const ratio = row.aggregate_unit === 'percentage' || name === 'cv'
    const factor = ratio ? 1 : msPer(row.time_unit ?? 'ns')
    if (factor === undefined) throw new ImportFormatError(file, `unknown time_unit in ${row.name}`)
    out[name] = row.real_time * factor
  }
  return out
}

function pick(
  context: NonNullable<z.output<typeof fileSchema>['context']>,
): Record<string, unknown> {
  const { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type } = context
  return { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type }
}
