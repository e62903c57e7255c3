/** The baseline from a workflow artifact of a run on the base branch. */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { errorMessage } from '../errors.js'
import type { GitHubApi } from '../github/api.js'
import { GitHubApiError } from '../github/client.js'
import { runUrl, type GithubContext } from '../github/context.js'
import { findBaselineRun } from './find-run.js'
import { readHistoryText } from '../history/artifact.js'
import { readWindow } from './history.js'
import type { BaselineOutcome, BaselineSource } from './source.js'
import { MAX_ZIP_BYTES, type ArtifactStore } from './store.js'

const DAY_MS = 86_400_000

/** What the artifact source needs. */
export type ArtifactSourceOptions = ArtifactSourceCommon &
  (
    | { /** The commit the baseline should be at. */ commit: string }
    | {
        /** A PR: the baseline should be at the merge base of base and head. */ mergeBaseOf: {
          base: string
          head: string
        }
      }
  )

/** Options every artifact source has. */
export interface ArtifactSourceCommon {
  api: GitHubApi
  store: ArtifactStore
  ctx: GithubContext
  artifactName: string
  /** The branch the baseline lives on. */
  branch: string
  now: () => Date
  maxAgeDays: number
  /** The default branch's name, for the hint. */
  defaultBranch: string
}

/**
 * Loads the baseline window from the artifact of the best run on `branch` for `commit`. A bad or
 * unreachable baseline (corrupt, too large, gone, the API still failing after retries) is "no
 * baseline" with the reason; only a token lacking a permission throws, as that is the workflow's
 * to fix.
 */
export function artifactSource(options: ArtifactSourceOptions): BaselineSource {
  return {
    async load() {
      const hint = `push to ${options.defaultBranch} (the default branch) with this workflow to record a baseline; every push to a baseline branch uploads the ${options.artifactName} artifact`
      try {
        return await loadArtifact(options, hint)
      } catch (error) {
        if (error instanceof GitHubApiError && error.missingPermission) throw error
        return {
          found: false,
          reason: `the baseline could not be read: ${errorMessage(error)}`,
          hint: `re-run the job if GitHub was unavailable; otherwise ${hint}`,
          notices: [],
        }
      }
    },
  }
}

async function loadArtifact(
  options: ArtifactSourceOptions,
  hint: string,
): Promise<BaselineOutcome> {
  const { api, ctx, artifactName } = options
  const commit =
    'commit' in options
      ? options.commit
      : (await api.compare(options.mergeBaseOf.base, options.mergeBaseOf.head)).mergeBase
  const found = await findBaselineRun(api, ctx, options.branch, commit, artifactName)
  if (!('run' in found)) return { found: false, reason: found.why, hint, notices: [], none: true }
  const { run, artifact, lagCommits } = found
  if (artifact.size_in_bytes > MAX_ZIP_BYTES) {
    return {
      found: false,
      reason: `the baseline artifact of run ${run.id} is ${artifact.size_in_bytes} bytes, over perfgate's limit of ${MAX_ZIP_BYTES} bytes`,
      hint: `keep the baseline artifact to results (no large files in the output folder), then ${hint}`,
      notices: [],
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-baseline-'))
  await options.store.download(artifact.id, run.id, dir)
  const window = await readWindow(dir, `artifact ${artifactName} of run ${run.id}`)
  if (window.runs.length === 0) {
    return {
      found: false,
      reason: `the baseline artifact of run ${run.id} is unusable: ${window.problem ?? 'it holds no results'}`,
      hint,
      notices: window.notices,
    }
  }
  const now = options.now().getTime()
  const ranAt = Date.parse(window.runs[0].meta.timestamp) || Date.parse(run.created_at)
  const ageDays = Math.max(0, (now - ranAt) / DAY_MS)
  const warnings: string[] = []
  if (ageDays > options.maxAgeDays) {
    warnings.push(
      `The baseline is ${Math.round(ageDays)} days old (max-baseline-age is ${options.maxAgeDays}): push to ${options.branch} to refresh it.`,
    )
  }
  const expires = artifact.expires_at ? Date.parse(artifact.expires_at) : NaN
  if (Number.isFinite(expires) && expires - now < 7 * DAY_MS) {
    warnings.push(
      `The baseline artifact expires in ${Math.max(0, Math.round((expires - now) / DAY_MS))} day(s) (${artifact.expires_at}): push to ${options.branch} or raise retention-days, or PRs will have no baseline.`,
    )
  }
  if (lagCommits > 0 && 'mergeBaseOf' in options) {
    warnings.push(
      `No baseline at the merge base ${commit.slice(0, 7)}; using ${run.head_sha.slice(0, 7)}, ${lagCommits} ${lagCommits === 1 ? 'commit' : 'commits'} earlier: differences may include changes already on ${options.branch}.`,
    )
  }
  const historyText = await readHistoryText(dir)
  return {
    found: true,
    ...(historyText === undefined ? {} : { historyText }),
    baselines: window.runs,
    info: {
      source: 'artifact',
      commit: run.head_sha,
      runId: run.id,
      runUrl: run.html_url ?? runUrl(ctx, run.id),
      branch: options.branch,
      lagCommits,
      ageDays,
      runs: window.runs.length,
    },
    warnings,
    notices: window.notices,
  }
}
