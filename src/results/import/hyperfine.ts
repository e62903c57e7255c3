/** hyperfine's `--export-json` file: results[].times are the wall times of each run, in seconds. */
import { z } from 'zod'
import type { Metric } from '../types.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'
import { validate } from './validate.js'

const fileSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      command: z.string().min(1),
      mean: z.number(),
      stddev: z.number().nullish(),
      median: z.number().optional(),
      user: z.number().optional(),
      system: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      times: z.array(z.number()).optional(),
      exit_codes: z.array(z.number().nullable()).optional(),
      memory_usage_byte: z.array(z.number()).optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
})

const WHAT = 'a hyperfine JSON file (--export-json)'

/** Every command in a hyperfine export, keyed by its command (or its --command-name). */
export function parseHyperfine(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  if (data.results.length === 0) throw new ImportFormatError(file, 'lists no results')
  return data.results.map((result): ImportedBench => {
    const raw = result.times !== undefined && result.times.length > 0
    const metrics: Metric[] = [
      importedMetric({ name: 'time', unit: 's', samples: raw ? result.times! : [result.mean] }),
    ]
    if (result.memory_usage_byte !== undefined && result.memory_usage_byte.length > 0) {
      metrics.push(
        importedMetric({ name: 'peak-rss', unit: 'bytes', samples: result.memory_usage_byte }),
      )
    }
    const failedRuns = (result.exit_codes ?? []).filter((code) => code !== 0).length
    return {
      id: result.command,
      metrics,
      details: {
        tool: 'hyperfine',
        ...(result.user === undefined ? {} : { userMs: result.user * 1e3 }),
        ...(result.system === undefined ? {} : { systemMs: result.system * 1e3 }),
        ...(result.parameters ? { parameters: result.parameters } : {}),
        ...(failedRuns > 0 ? { failedRuns } : {}),
        ...(raw ? {} : { singleValue: 'mean (the file has no times)' }),
      },
    }
  })
}
