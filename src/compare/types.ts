/**
 * The comparison of a head run with its baseline run(s): one zod schema is both the stored format
 * (comparison.json, the PR artifact's metadata) and, through `z.infer`, the TypeScript types, so
 * the file format cannot drift from the code. docs/results-format.md describes the same fields.
 */
import { z } from 'zod'
import { causeSchema } from '../profile/types.js'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })
const count = z.int().min(0)

/** The verdicts, in no particular order. */
export const VERDICTS = [
  'regression',
  'improvement',
  'slower',
  'faster',
  'unchanged',
  'inconclusive',
  'new',
  'changed',
  'removed',
  'skipped',
  'error',
] as const

/** The verdict on one bench metric, baseline versus head. */
export type Verdict = (typeof VERDICTS)[number]

/** How one metric of one bench compares between baseline run(s) and the head run. */
export const metricComparisonSchema = z.object({
  /** Bench name; for a secondary metric, the bench name (the metric is in `metric`). */
  name: z.string(),
  metric: z.string(),
  unit: z.string(),
  better: z.enum(['smaller', 'bigger']),
  verdict: z.enum(VERDICTS),
  /** Relative change of the robust centre, head/base - 1 (0.12 = 12% larger); null when not comparable. */
  change: finite.nullable(),
  /** Interval [low, high] for `change`, reflecting run-to-run variation; null when not computable. */
  ci: z.tuple([finite, finite]).nullable(),
  /** p-value of the test behind the verdict (after multiple-comparison correction); null when none applies. */
  p: finite.nullable(),
  /** The verdict's reason in words. */
  reason: z.string(),
  /** Centre of the baseline and head samples (compare/centre.ts: p10 of rounds), in `unit`; null when absent. */
  base: finite.nullable(),
  head: finite.nullable(),
  baseSamples: count,
  headSamples: count,
  /** Number of baseline runs pooled. */
  baseRuns: count,
  /** Rounds (run-level units) pooled on each side; absent when no statistics were computed. */
  baseRounds: count.optional(),
  headRounds: count.optional(),
  noiseThreshold: finite,
  regressionThreshold: finite,
  /** True when a re-run confirmed this verdict. */
  confirmed: z.boolean().optional(),
  /**
   * How the verdict was confirmed: `base` — base and head measured again on this runner,
   * interleaved, and judged by that pair alone; `rerun` — the head alone re-run and pooled.
   */
  confirmation: z.enum(['base', 'rerun']).optional(),
  /** Kind-specific notes shown beside the timing (e.g. a query plan change). */
  notes: z.array(z.string()).optional(),
  /** Why a confirmed regression is slower: what grew in profiles or plans of both sides. */
  cause: causeSchema.optional(),
})

/** How one metric of one bench compares between baseline run(s) and the head run. */
export type MetricComparison = z.infer<typeof metricComparisonSchema>

/** The comparison of a head run with its baseline run(s). */
export const comparisonSchema = z.object({
  comparisons: z.array(metricComparisonSchema),
  /** Warnings about the whole comparison (runner mismatch, config changed, ...). */
  warnings: z.array(z.string()),
  regressions: count,
  /**
   * Why nothing (or too little) could be compared: the head's bench or case names do not pair
   * with the baseline's (compare/pairing.ts). Any problem makes the verdict an error, never a pass.
   */
  problems: z.array(z.string()).optional(),
})

/** The comparison of a head run with its baseline run(s). */
export type Comparison = z.infer<typeof comparisonSchema>

/** The JSON document `perfgate compare --format json` prints and comparison.json holds. */
export const comparisonFileSchema = comparisonSchema.extend({ formatVersion: z.literal(1) })

/** Parses a comparison JSON document (comparison.json), naming `source` and the field on failure. */
export function parseComparison(text: string, source: string): Comparison {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`${source} is not valid JSON (${(error as Error).message})`)
  }
  const parsed = comparisonFileSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(
      `${source} is not a perfgate comparison: ${first?.path.join('.') || '(top level)'} ${first?.message ?? ''}`,
    )
  }
  return {
    comparisons: parsed.data.comparisons,
    warnings: parsed.data.warnings,
    regressions: parsed.data.regressions,
    ...(parsed.data.problems?.length ? { problems: parsed.data.problems } : {}),
  }
}
