/** The files in a perfgate artifact, and the metadata file that describes it. */
import {
  baselineInfoSchema,
  commentInputSchema,
  stepVerdictSchema,
  type CommentInput,
} from '../report/model.js'
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
  /** In an A/B shard artifact (`baseline: base-ref`): the base side of the shard's benches. */
  shardBase: 'base-results.json',
  /** In an A/B shard artifact: the base side of the confirming re-run. */
  shardConfirmBase: 'confirm-base-results.json',
} as const

/** The metadata file: what `mode: comment` needs to post the comment from another workflow. */
export interface ArtifactMeta {
  perfgateMeta: 1
  /** The PR the results are for (PR artifacts). */
  pr?: number
  headSha: string
  configPath: string
  /** The comment's content, re-rendered (and re-escaped) by `mode: comment`. */
  comment: CommentInput
  /** Whether the step failed on a regression (for the notice in the comment workflow). */
  verdict: CommentInput['verdict']
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

const metaSchema = z.object({
  perfgateMeta: z.literal(1),
  pr: z.int().positive().optional(),
  headSha: z.string(),
  configPath: z.string(),
  verdict: stepVerdictSchema,
  // Links from another run are not trusted: they are dropped here and rebuilt by the caller.
  comment: commentInputSchema.omit({ runUrl: true, artifactsUrl: true, fixedSince: true }).extend({
    baseline: baselineInfoSchema.omit({ runUrl: true }).nullable(),
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
