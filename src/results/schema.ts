/** Validation of results files read from disk or artifacts, into typed Results. */
import { benchResult } from './bench.js'
import { z } from 'zod'
import { RESULTS_SCHEMA_VERSION, type Results } from './types.js'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

const summarySchema = z.object({
  n: z.int().min(1),
  mean: finite,
  median: finite,
  min: finite,
  max: finite,
  sd: finite,
  cv: finite,
  p75: finite,
  p99: finite,
  mad: finite,
  opsPerSecond: finite.nullable(),
})

const metricSchema = z.object({
  name: z.string().min(1),
  unit: z.string().min(1),
  better: z.enum(['smaller', 'bigger']),
  samples: z.array(finite).min(1, { error: 'must hold at least one sample' }),
  rounds: z.array(z.int().min(1)).optional(),
  summary: summarySchema,
  regressionThreshold: finite.min(0).optional(),
  resolution: finite.min(0).optional(),
  roundQuantile: finite.min(0).max(1).optional(),
})

const benchSchema = z.object({
  name: z.string().min(1),
  kind: z.string().min(1),
  status: z.enum(['ok', 'error', 'skipped']),
  reason: z.string().optional(),
  tags: z.array(z.string()),
  noiseThreshold: finite.min(0),
  regressionThreshold: finite.min(0),
  metrics: z.array(metricSchema),
  details: z.record(z.string(), z.unknown()).optional(),
  durationMs: finite.min(0).optional(),
  machine: z
    .object({
      os: z.string(),
      arch: z.string(),
      cpuModel: z.string(),
      cores: z.int(),
      nodeVersion: z.string(),
    })
    .optional(),
  identity: z.object({ digest: z.string(), fields: z.record(z.string(), z.string()) }).optional(),
  scale: z
    .object({ bench: z.string().min(1), param: z.string().min(1), value: finite.min(0) })
    .optional(),
})
// Files keep one flat shape; reading them builds the union on `status` (older files may lack a reason).
const benchResultSchema = benchSchema.transform(({ status, reason, metrics, ...fields }) =>
  benchResult(fields, { status, reason, metrics }),
)

const nullableText = z.string().nullable()

/** The zod schema of a results file (the current version). */
export const resultsSchema = z.object({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  meta: z.object({
    commit: nullableText,
    ref: nullableText,
    event: nullableText,
    runId: nullableText,
    runAttempt: nullableText,
    workflow: nullableText,
    os: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cores: z.int(),
    nodeVersion: z.string(),
    perfgateVersion: z.string(),
    timestamp: z.string(),
    configDigest: z.string(),
    gate: z.object({ threshold: finite.min(0), failOnRegression: z.boolean() }).optional(),
  }),
  benches: z.array(benchResultSchema),
})

/** Why a results file could not be read. */
export class ResultsFormatError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`${source}: ${detail}`)
    this.name = 'ResultsFormatError'
  }
}

/** Parses results JSON text; throws ResultsFormatError naming `source` and what is wrong. */
export function parseResults(text: string, source: string): Results {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ResultsFormatError(source, `is not valid JSON (${(error as Error).message})`)
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (version === undefined) {
    throw new ResultsFormatError(source, 'is not a perfgate results file (no schemaVersion)')
  }
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw new ResultsFormatError(
      source,
      `has results schema version ${JSON.stringify(version)}, but this perfgate reads version ${RESULTS_SCHEMA_VERSION}; re-run the benches with this version to make a new one`,
    )
  }
  const parsed = resultsSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)
      .join('; ')
    throw new ResultsFormatError(source, `is not a valid results file: ${first}`)
  }
  return parsed.data
}

/** Results as the JSON text written to disk. */
export function serializeResults(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`
}
