/** The files in a perfgate artifact, and the metadata file that describes it. */
import type { CommentModel } from '../report/comment.js'
import { z } from 'zod'

/** File names inside the artifact. */
export const FILES = {
  results: 'results.json',
  report: 'report.md',
  comparison: 'comparison.json',
  meta: 'perfgate-meta.json',
  history: 'history',
  /** In a shard artifact: which shard it is and the benches it planned to run. */
  shard: 'perfgate-shard.json',
  /** In a shard artifact: the shard's confirming re-run of its flagged benches (PRs only). */
  shardConfirm: 'confirm-results.json',
} as const

/** The metadata file: what `mode: comment` needs to post the comment from another workflow. */
export interface ArtifactMeta {
  perfgateMeta: 1
  /** The PR the results are for (PR artifacts). */
  pr?: number
  headSha: string
  configPath: string
  /** The comment's content, re-rendered (and re-escaped) by `mode: comment`. */
  comment: CommentModel
  /** Whether the step failed on a regression (for the notice in the comment workflow). */
  verdict: CommentModel['verdict']
}

/** The artifact name of a PR's own results. */
export function prArtifactName(artifactName: string, pr: number): string {
  return `${artifactName}-pr-${pr}`
}

/** The artifact name of one shard job's results: `<artifact-name>-shard-i-of-n`. */
export function shardArtifactName(
  artifactName: string,
  shard: { index: number; count: number },
): string {
  return `${artifactName}-shard-${shard.index}-of-${shard.count}`
}

/** The history file name of one run: sortable by time, then the commit. */
export function historyFileName(timestamp: string, commit: string | null): string {
  const stamp = timestamp.replace(/[:.]/g, '-')
  return `${stamp}-${(commit ?? 'unknown').slice(0, 12)}.json`
}

const num = z.number().refine(Number.isFinite, { error: 'must be a finite number' })
const comparisonRow = z.object({
  name: z.string(),
  metric: z.string(),
  unit: z.string(),
  better: z.enum(['smaller', 'bigger']),
  verdict: z.enum([
    'regression',
    'improvement',
    'slower',
    'faster',
    'unchanged',
    'inconclusive',
    'new',
    'removed',
    'skipped',
    'error',
  ]),
  change: num.nullable(),
  ci: z.tuple([num, num]).nullable(),
  p: num.nullable(),
  reason: z.string(),
  base: num.nullable(),
  head: num.nullable(),
  baseSamples: num,
  headSamples: num,
  baseRuns: num,
  noiseThreshold: num,
  regressionThreshold: num,
  confirmed: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
})
const verdict = z.enum(['pass', 'regression', 'no-baseline', 'error'])
const metaSchema = z.object({
  perfgateMeta: z.literal(1),
  pr: z.int().positive().optional(),
  headSha: z.string(),
  configPath: z.string(),
  verdict,
  comment: z.object({
    configPath: z.string(),
    verdict,
    comparison: z
      .object({
        comparisons: z.array(comparisonRow),
        warnings: z.array(z.string()),
        regressions: num,
      })
      .nullable(),
    headCommit: z.string().nullable(),
    benchCount: num,
    errors: z.array(z.object({ name: z.string(), reason: z.string() })),
    baseline: z
      .object({
        source: z.enum(['artifact', 'file']),
        commit: z.string().nullable(),
        runId: z.int().optional(),
        branch: z.string().optional(),
        lagCommits: num.optional(),
        ageDays: num.optional(),
        runs: num,
        path: z.string().optional(),
      })
      .nullable(),
    noBaseline: z.object({ reason: z.string(), hint: z.string() }).optional(),
    baselineWarnings: z.array(z.string()),
    rerun: z.boolean(),
    acknowledged: z.object({ label: z.string() }).optional(),
    acknowledgeLabel: z.string().optional(),
  }),
})

/**
 * Parses the metadata file of an artifact from another (possibly untrusted, fork) run. Links are
 * dropped here; the caller rebuilds them from what it knows, so none can point elsewhere.
 */
export function parseArtifactMeta(text: string, source: string): ArtifactMeta {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`${source} is not valid JSON (${(error as Error).message})`)
  }
  const parsed = metaSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(
      `${source} is not a perfgate metadata file: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
    )
  }
  return parsed.data
}
