/** Uploading the baseline window on a push, as a typed outcome the stage reports (never a throw). */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { errorMessage } from '../errors.js'
import type { GitHubApi } from '../github/api.js'
import type { GithubContext } from '../github/context.js'
import type { Results } from '../results/types.js'
import { sameWorkflow } from './find-run.js'
import { readWindow } from './history.js'
import type { ArtifactStore } from './store.js'

/** What became of the baseline upload. */
export type BaselineUpload =
  | { kind: 'uploaded'; id: number }
  /** A re-run attempt: the artifact uploaded by the first attempt stays the baseline. */
  | { kind: 'exists'; message: string }
  /** Still failing after retries: `warning` names the commit whose baseline is missing. */
  | { kind: 'failed'; commit: string; message: string; warning: string }

/** Uploads `dir` as the baseline artifact `name` of `commit` (the store retries transient faults). */
export async function uploadBaseline(
  store: ArtifactStore,
  options: { name: string; dir: string; retentionDays?: number; commit: string; branch: string },
): Promise<BaselineUpload> {
  try {
    const { id } = await store.upload(options.name, options.dir, options.retentionDays)
    return { kind: 'uploaded', id }
  } catch (error) {
    const message = errorMessage(error)
    if (/\b409\b|already exists/i.test(message)) return { kind: 'exists', message }
    return {
      kind: 'failed',
      commit: options.commit,
      message,
      warning: `No baseline was recorded for ${options.commit.slice(0, 7)}: ${message}. PRs compare with the last baseline before it; the next push to ${options.branch} carries the window forward from that one (or re-run this job to record it).`,
    }
  }
}

/** How many recent baseline runs the window is rebuilt from. */
const RECENT_RUNS = 5

/**
 * The windows of the recent successful runs of this workflow on `branch` (newest first), read
 * from their artifacts: a push racing another one finds the other's run here even though it was
 * not the baseline it compared with. Unreadable artifacts are skipped with a notice.
 */
export async function recentWindows(
  api: GitHubApi,
  store: ArtifactStore,
  ctx: GithubContext,
  options: { branch: string; artifactName: string; recent?: number },
): Promise<{ windows: Results[][]; notices: string[] }> {
  const notices: string[] = []
  const windows: Results[][] = []
  let runs
  try {
    runs = sameWorkflow(ctx, await api.listRuns({ branch: options.branch, event: 'push' }))
  } catch (error) {
    return {
      windows,
      notices: [`baseline history: listing recent runs failed: ${errorMessage(error)}`],
    }
  }
  runs.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
  for (const run of runs.slice(0, options.recent ?? RECENT_RUNS)) {
    try {
      const artifact = (await api.listRunArtifacts(run.id, options.artifactName))
        .filter((a) => a.name === options.artifactName && !a.expired)
        .sort((a, b) => b.id - a.id)[0]
      if (!artifact) continue
      const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-window-'))
      await store.download(artifact.id, run.id, dir)
      const window = await readWindow(dir, `artifact ${options.artifactName} of run ${run.id}`)
      windows.push(window.runs)
      notices.push(...window.notices)
    } catch (error) {
      notices.push(`baseline history: run ${run.id} left out: ${errorMessage(error)}`)
    }
  }
  return { windows, notices }
}
