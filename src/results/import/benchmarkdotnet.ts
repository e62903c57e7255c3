/** BenchmarkDotNet's full JSON export (`--exporters json`): Statistics.OriginalValues in ns/op. */
import { z } from 'zod'
import type { Metric } from '../types.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'
import { validate } from './validate.js'

const fileSchema = z.looseObject({
  Title: z.string().optional(),
  HostEnvironmentInfo: z.looseObject({ BenchmarkDotNetVersion: z.string().optional() }).optional(),
  Benchmarks: z.array(
    z.looseObject({
      FullName: z.string().min(1),
      Parameters: z.string().nullish(),
      Statistics: z
        .looseObject({
          OriginalValues: z.array(z.number()).optional(),
          Mean: z.number(),
          Median: z.number().optional(),
          StandardError: z.number().optional(),
        })
        .nullish(),
      Memory: z.looseObject({ BytesAllocatedPerOperation: z.number().optional() }).nullish(),
    }),
  ),
})

const WHAT = 'a BenchmarkDotNet JSON export (*-report-full.json or *-report.json)'

/** Every benchmark in a BenchmarkDotNet JSON export, keyed by its FullName (as the leading action). */
export function parseBenchmarkDotNet(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  if (data.Benchmarks.length === 0) throw new ImportFormatError(file, 'lists no Benchmarks')
  const seen = new Set<string>()
  return data.Benchmarks.map((bench, index): ImportedBench => {
    // Parameterised benches share a FullName; the Parameters string tells them apart.
    const id = bench.Parameters ? `${bench.FullName}(${bench.Parameters})` : bench.FullName
    if (seen.has(id))
      throw new ImportFormatError(file, `Benchmarks[${index}] ("${id}") is listed twice`)
    seen.add(id)
    const details: Record<string, unknown> = {
      tool: 'benchmarkdotnet',
      ...(data.HostEnvironmentInfo?.BenchmarkDotNetVersion
        ? { version: data.HostEnvironmentInfo.BenchmarkDotNetVersion }
        : {}),
    }
    const stats = bench.Statistics
    if (!stats) return { id, metrics: [], details, error: 'no Statistics (the benchmark failed?)' }
    const raw = stats.OriginalValues ?? []
    if (raw.length === 0) details.singleValue = 'Mean (the file has no OriginalValues)'
    details.meanMs = stats.Mean * 1e-6
    const metrics: Metric[] = [
      importedMetric({ name: 'time', unit: 'ns', samples: raw.length > 0 ? raw : [stats.Mean] }),
    ]
    const allocated = bench.Memory?.BytesAllocatedPerOperation
    if (allocated !== undefined) {
      metrics.push(
        importedMetric({ name: 'allocated-per-op', unit: 'bytes', samples: [allocated] }),
      )
    }
    return { id, metrics, details }
  })
}
