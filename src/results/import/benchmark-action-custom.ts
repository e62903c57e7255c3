/**
 * github-action-benchmark's custom JSON (`customSmallerIsBetter` / `customBiggerIsBetter`):
 * `[{ name, unit, value, range?, extra? }]`, read as it is. The tool name, not the file, says
 * which direction is better.
 */
import { z } from 'zod'
import type { Better } from '../types.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'
import { validate } from './validate.js'

/** The leading action's custom shape: one value per bench. */
export const benchmarkActionCustomSchema = z
  .array(
    z.looseObject({
      name: z.string().min(1, { error: 'must be a non-empty name' }),
      unit: z.string().min(1, { error: 'must be a unit like ms or Megabytes' }),
      value: z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
      range: z.union([z.string(), z.number()]).optional(),
      extra: z.string().optional(),
    }),
  )
  .min(1, { error: 'must list at least one bench' })

const WHAT = 'github-action-benchmark custom JSON ([{"name", "unit", "value"}])'

/** Every entry of a custom JSON file in github-action-benchmark's shape. */
export function parseBenchmarkActionCustom(
  text: string,
  file: string,
  better: Better,
): ImportedBench[] {
  const data = validate(benchmarkActionCustomSchema, parseJson(text, file, WHAT), file, WHAT)
  const seen = new Set<string>()
  return data.map((entry, index): ImportedBench => {
    if (seen.has(entry.name)) {
      throw new ImportFormatError(file, `[${index}] ("${entry.name}"): name is used twice`)
    }
    seen.add(entry.name)
    return {
      id: entry.name,
      metrics: [
        importedMetric({
          name: msPer(entry.unit) === undefined ? 'value' : 'time',
          unit: entry.unit,
          better,
          samples: [entry.value],
        }),
      ],
      details: {
        tool: better === 'bigger' ? 'customBiggerIsBetter' : 'customSmallerIsBetter',
        ...(entry.range === undefined ? {} : { range: entry.range }),
        ...(entry.extra === undefined ? {} : { extra: entry.extra }),
        singleValue: 'value',
      },
    }
  })
}

/** Whether parsed JSON is in the leading action's shape (a top-level array) rather than ours. */
export function isBenchmarkActionCustom(data: unknown): boolean {
  return Array.isArray(data)
}
