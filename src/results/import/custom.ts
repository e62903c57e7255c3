/** perfgate's own import format for any other harness (documented in docs/import.md). */
import { z } from 'zod'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'
import { validate } from './validate.js'
import { parseBenchmarkActionCustom } from './benchmark-action-custom.js'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })
const unit = z.string().min(1, { error: 'must be a unit like ms, ns, s, bytes or ops/s' })

/** The custom format: `{ unit, benches: [{ name, samples | value, unit?, bigger-is-better? }] }` (or the leading action's `[{ name, unit, value }]`). */
export const customSchema = z.strictObject({
  $schema: z.string().optional(),
  unit: unit.optional(),
  benches: z
    .array(
      z.strictObject({
        name: z.string().min(1, { error: 'must be a non-empty name' }),
        samples: z.array(finite).min(1, { error: 'must hold at least one number' }).optional(),
        value: finite.optional(),
        unit: unit.optional(),
        'bigger-is-better': z.boolean().optional(),
      }),
    )
    .min(1, { error: 'must list at least one bench' }),
})

const WHAT = 'perfgate custom import JSON ({"unit": "ms", "benches": [...]})'

/** Every bench in a custom-format file; times become ms, other units keep their direction. */
export function parseCustom(text: string, file: string): ImportedBench[] {
  const json = parseJson(text, file, WHAT)
  // github-action-benchmark's custom shape, a top-level array, is read as it is (smaller is better).
  if (Array.isArray(json)) return parseBenchmarkActionCustom(text, file, 'smaller')
  const data = validate(customSchema, json, file, WHAT)
  const seen = new Set<string>()
  return data.benches.map((bench, index): ImportedBench => {
    const where = `benches[${index}] ("${bench.name}")`
    if (seen.has(bench.name)) throw new ImportFormatError(file, `${where}: name is used twice`)
    seen.add(bench.name)
    if ((bench.samples === undefined) === (bench.value === undefined)) {
      throw new ImportFormatError(file, `${where}: give either samples (a list) or value, not both`)
    }
    const benchUnit = bench.unit ?? data.unit
    if (benchUnit === undefined) {
      throw new ImportFormatError(file, `${where}: has no unit; set "unit" on it or at the top`)
    }
    const better = bench['bigger-is-better'] ? 'bigger' : 'smaller'
    return {
      id: bench.name,
      metrics: [
        importedMetric({
          // A time is the primary `time` metric; any other quantity is a plain `value`.
          name: msPer(benchUnit) === undefined ? 'value' : 'time',
          unit: benchUnit,
          better,
          samples: bench.samples ?? [bench.value!],
        }),
      ],
      details: { tool: 'custom', ...(bench.samples ? {} : { singleValue: 'value' }) },
    }
  })
}
