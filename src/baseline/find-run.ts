/** Finding the workflow run whose artifact is the baseline: at the merge base, else the nearest earlier one. */
import type { GitHubApi, RunArtifact, WorkflowRun } from '../github/api.js'
import type { GithubContext } from '../github/context.js'

/** A run with a live baseline artifact, and how far it lags the commit wanted. */
export interface BaselineRun {
  run: WorkflowRun
  artifact: RunArtifact
  /** Commits between the run's commit and the wanted commit (0 = the same commit). */
  lagCommits: number
}

/** Why no run was found, for the no-baseline message. */
export interface NoRun {
  why: string
}

/** How many earlier runs to check for ancestry before giving up. */
const MAX_CANDIDATES = 20

/** The runs of the same workflow as this one (by file path when known, else by name). */
export function sameWorkflow(ctx: GithubContext, runs: WorkflowRun[]): WorkflowRun[] {
  return runs.filter(
    (run) =>
      run.id !== ctx.runId &&
      (ctx.workflowPath && run.path ? run.path === ctx.workflowPath : run.name === ctx.workflow),
  )
}

async function liveArtifact(
  api: GitHubApi,
  runId: number,
  name: string,
): Promise<RunArtifact | 'expired' | undefined> {
  const artifacts = (await api.listRunArtifacts(runId, name)).filter((a) => a.name === name)
  if (artifacts.length === 0) return undefined
  const live = artifacts.filter((a) => !a.expired).sort((a, b) => b.id - a.id)
  return live[0] ?? 'expired'
}

/** The baseline run for `commit` on `branch`: a run at that commit, else the nearest ancestor's. */
export async function findBaselineRun(
  api: GitHubApi,
  ctx: GithubContext,
  branch: string,
  commit: string,
  artifactName: string,
): Promise<BaselineRun | NoRun> {
  let expired = 0
  const exact = sameWorkflow(ctx, await api.listRuns({ branch, headSha: commit }))
  for (const run of newestFirst(exact)) {
    const artifact = await liveArtifact(api, run.id, artifactName)
    if (artifact === 'expired') expired++
    else if (artifact) return { run, artifact, lagCommits: 0 }
  }
  const runs = newestFirst(sameWorkflow(ctx, await api.listRuns({ branch }))).filter(
    (run) => run.head_sha !== commit,
  )
  let checked = 0
  for (const run of runs) {
    if (checked++ >= MAX_CANDIDATES) break
    const artifact = await liveArtifact(api, run.id, artifactName)
    if (artifact === 'expired') {
      expired++
      continue
    }
    if (!artifact) continue
    // Only an ancestor of the wanted commit is a fair baseline: later commits may hold other changes.
    const cmp = await api.compare(run.head_sha, commit)
    if (cmp.status === 'identical') return { run, artifact, lagCommits: 0 }
    if (cmp.status === 'ahead') return { run, artifact, lagCommits: cmp.aheadBy }
  }
  const workflow = ctx.workflowPath ?? ctx.workflow
  if (expired > 0) {
    return {
      why: `the \`${artifactName}\` artifact of the last baseline run on ${branch} has expired`,
    }
  }
  if (exact.length + runs.length === 0) {
    return {
      why: `no successful run of the workflow ${workflow} on ${branch} was found (this looks like the first run)`,
    }
  }
  return {
    why: `no successful run of the workflow ${workflow} on ${branch} at or before ${commit.slice(0, 7)} has a \`${artifactName}\` artifact`,
  }
}

function newestFirst(runs: WorkflowRun[]): WorkflowRun[] {
  return [...runs].sort(
    (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id,
  )
}
