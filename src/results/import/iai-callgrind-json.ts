/**
 * iai-callgrind's JSON summaries, format version 6 (iai-callgrind 0.16 and later; the shape of
 * iai-callgrind-runner/schemas/summary.v6.schema.json): one object per bench, as
 * `--output-format=json` prints them (a line each, maybe among cargo's own lines),
 * `pretty-json` (indented objects one after the other), `jq -s` (an array) or one `summary.json`.
 */
import { z } from 'zod'
import { importedMetric } from './units.js'
import { instructionsFirst, labelOfKey, metricShape } from './iai-callgrind-metrics.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { validate } from './validate.js'

const WHAT = 'an iai-callgrind JSON summary (format version 6, iai-callgrind >= 0.16)'

/** A `Metric`: an integer count or a derived float (a rate). */
const metricValue = z.union([
  z.strictObject({ Int: z.number().int().min(0) }),
  z.strictObject({ Float: z.number() }),
])
/** `EitherOrBoth<Metric>`: Left is this run only, Both is [this run, the baseline], Right the baseline only. */
const eitherOrBoth = z.union([
  z.strictObject({ Left: metricValue }),
  z.strictObject({ Both: z.tuple([metricValue, metricValue]) }),
  z.strictObject({ Right: metricValue }),
])
const metricsSummary = z.record(z.string(), z.looseObject({ metrics: eitherOrBoth }))
/** By tool kind; `"None"` for tools without metrics (massif, bbv), read as no metrics. */
const toolMetricSummary = z.preprocess(
  (value) => (value === 'None' ? {} : value),
  z.partialRecord(z.enum(['Callgrind', 'Cachegrind', 'Dhat', 'ErrorTool']), metricsSummary),
)
const profile = z.looseObject({
  tool: z.string().min(1),
  summaries: z.looseObject({
    total: z.looseObject({
      summary: toolMetricSummary,
      regressions: z.array(z.unknown()),
    }),
  }),
})
const summarySchema = z.looseObject({
  version: z.literal('6', { error: 'must be "6"' }),
  module_path: z.string().min(1),
  function_name: z.string(),
  id: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
  kind: z.string(),
  profiles: z.array(profile),
})
type Summary = z.output<typeof summarySchema>

/** Every benchmark in iai-callgrind JSON output (one or more version 6 summaries). */
export function parseIaiCallgrindJson(text: string, file: string): ImportedBench[] {
  const values = jsonValues(text, file).flatMap((value): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  )
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  values.forEach((value, index) => {
    const where = values.length === 1 ? file : `${file} (summary #${index + 1})`
    const version = (value as { version?: unknown } | null)?.version
    if (typeof version === 'string' && version !== '6') {
      throw new ImportFormatError(
        where,
        `is an iai-callgrind summary of format version ${version}; perfgate reads version 6 (iai-callgrind >= 0.16): upgrade iai-callgrind or use its console output`,
      )
    }
    const summary = validate(summarySchema, value, where, WHAT)
    const bench = toBench(summary)
    if (seen.has(bench.id))
      throw new ImportFormatError(where, `benchmark "${bench.id}" is listed twice`)
    seen.add(bench.id)
    if (bench.metrics.length > 0) benches.push(bench)
  })
  if (benches.length === 0) {
    throw new ImportFormatError(file, `has no benchmark with metrics; expected ${WHAT}`)
  }
  return benches
}

function toBench(summary: Summary): ImportedBench {
  const id = summary.id ? `${summary.module_path} ${summary.id}` : summary.module_path
  const metrics = summary.profiles.flatMap((p) => {
    return Object.values(p.summaries.total.summary).flatMap((byKey) =>
      Object.entries(byKey ?? {}).flatMap(([key, diff]) => {
        // Right alone: the baseline has the metric and this run has not.
        const current =
          'Left' in diff.metrics
            ? diff.metrics.Left
            : 'Both' in diff.metrics
              ? diff.metrics.Both[0]
              : undefined
        if (current === undefined) return []
        const value = 'Int' in current ? current.Int : current.Float
        const shape = metricShape(p.tool.toLowerCase(), labelOfKey(key))
        return [importedMetric({ ...shape, samples: [value] })]
      }),
    )
  })
  const regressions = summary.profiles.flatMap((p) => p.summaries.total.regressions)
  return {
    id,
    metrics: instructionsFirst(metrics),
    details: {
      tool: 'iai-callgrind',
      modulePath: summary.module_path,
      kind: summary.kind,
      ...(summary.details ? { description: summary.details } : {}),
      ...(regressions.length === 0 ? {} : { toolRegressions: regressions }),
      singleValue: 'event counts are deterministic: one value per metric',
    },
  }
}

/**
 * The JSON values in `text`: the whole text when it is one value, else each object or array that
 * starts a line (cargo prints its own lines between the summaries).
 */
function jsonValues(text: string, file: string): unknown[] {
  try {
    return [JSON.parse(text) as unknown]
  } catch {
    // Not a single value: scan for the values that start a line.
  }
  const values: unknown[] = []
  let index = 0
  while (index < text.length) {
    const lineStart = index === 0 || text[index - 1] === '\n'
    const char = text[index]
    if (lineStart && (char === '{' || char === '[')) {
      const end = valueEnd(text, index)
      if (end === undefined) {
        const line = text.slice(0, index).split('\n').length
        return [parseJson(text.slice(index), `${file}:${line}`, WHAT)]
      }
      values.push(parseJson(text.slice(index, end), file, WHAT))
      index = end
      continue
    }
    index++
  }
  if (values.length === 0) parseJson(text, file, WHAT)
  return values
}

/** The index just past the object or array starting at `start`, or undefined when it is cut short. */
function valueEnd(text: string, start: number): number | undefined {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return undefined
}
