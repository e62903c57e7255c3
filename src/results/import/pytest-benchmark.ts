/** pytest-benchmark's `--benchmark-json` file: stats.data holds every round's per-iteration time (s). */
import { z } from 'zod'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'
import { validate } from './validate.js'

const statsSchema = z.looseObject({
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  stddev: z.number(),
  median: z.number(),
  rounds: z.number(),
  iterations: z.number().optional(),
  ops: z.number().optional(),
  data: z.array(z.number()).optional(),
})

const fileSchema = z.looseObject({
  benchmarks: z.array(
    z.looseObject({
      name: z.string().min(1),
      fullname: z.string().min(1),
      group: z.string().nullish(),
      params: z.record(z.string(), z.unknown()).nullish(),
      stats: statsSchema.nullable(),
    }),
  ),
  version: z.string().optional(),
})

const WHAT = 'a pytest-benchmark JSON file (--benchmark-json)'

/**
 * Every bench in a pytest-benchmark JSON file, keyed by its full test id. Raw rounds come from
 * stats.data; without them (saved with data left out) the median is used as a single value.
 */
export function parsePytestBenchmark(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  if (data.benchmarks.length === 0) throw new ImportFormatError(file, 'lists no benchmarks')
  return data.benchmarks.map((bench): ImportedBench => {
    const details: Record<string, unknown> = {
      tool: 'pytest-benchmark',
      ...(data.version ? { version: data.version } : {}),
      ...(bench.group ? { group: bench.group } : {}),
      ...(bench.params ? { params: bench.params } : {}),
    }
    const stats = bench.stats
    if (stats === null) return { id: bench.fullname, metrics: [], details, error: 'no stats' }
    const raw = stats.data !== undefined && stats.data.length > 0
    details.iterationsPerRound = stats.iterations
    details.rounds = stats.rounds
    details.summaryMs = {
      min: stats.min * 1e3,
      max: stats.max * 1e3,
      mean: stats.mean * 1e3,
      median: stats.median * 1e3,
      stddev: stats.stddev * 1e3,
    }
    if (!raw) details.singleValue = 'median (the file has no stats.data)'
    return {
      id: bench.fullname,
      metrics: [
        importedMetric({ name: 'time', unit: 's', samples: raw ? stats.data! : [stats.median] }),
      ],
      details,
    }
  })
}
