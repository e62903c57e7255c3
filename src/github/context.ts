/** The workflow run's context (repository, event, PR) from the runner's variables and event payload. */

/** The pull request the run is for. */
export interface PullRequestContext {
  number: number
  baseRef: string
  baseSha: string
  headSha: string
  /** owner/name of the head repository; differs from the base for fork PRs. */
  headRepo: string
  fork: boolean
  labels: string[]
}

/** The triggering run of a `workflow_run` event (for `mode: comment`). */
export interface WorkflowRunContext {
  id: number
  headSha: string
  event: string
  conclusion: string | null
  pullRequests: number[]
}

/** What the action knows about where and why it runs. */
export interface GithubContext {
  owner: string
  repo: string
  eventName: string
  sha: string
  ref: string
  runId: number
  workflow: string
  /** `.github/workflows/x.yml`, from GITHUB_WORKFLOW_REF, to find runs of the same workflow. */
  workflowPath?: string
  serverUrl: string
  apiUrl: string
  defaultBranch?: string
  /** The pushed branch (push events). */
  branch?: string
  pullRequest?: PullRequestContext
  workflowRun?: WorkflowRunContext
}

/** Thrown when the runner's variables are missing (the action is not running on GitHub Actions). */
export class ContextError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ContextError'
  }
}

type Env = Readonly<Record<string, string | undefined>>

/** The parts of an event payload perfgate reads (push, pull_request, workflow_run). */
interface Payload {
  number?: number
  repository?: { default_branch?: string }
  pull_request?: {
    number?: number
    base?: { ref?: string; sha?: string }
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null }
    labels?: { name: string }[]
  }
  workflow_run?: {
    id?: number
    head_sha?: string
    event?: string
    conclusion?: string | null
    pull_requests?: { number: number }[]
  }
}

/** Reads the context from `env` (GITHUB_*) and the event payload's JSON text. */
export function readContext(env: Env, payloadText: string | undefined): GithubContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) {
    throw new ContextError(
      'GITHUB_REPOSITORY is not set (expected owner/name): perfgate must run as a GitHub Actions step',
    )
  }
  let payload: Payload = {}
  if (payloadText) {
    try {
      payload = JSON.parse(payloadText) as Payload
    } catch (error) {
      throw new ContextError(
        `the event payload (GITHUB_EVENT_PATH) is not JSON: ${(error as Error).message}`,
      )
    }
  }
  const ref = env.GITHUB_REF ?? ''
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? ''
  const pathMatch = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef)
  const pr = payload.pull_request
  const run = payload.workflow_run
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref,
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    workflow: env.GITHUB_WORKFLOW ?? '',
    ...(pathMatch ? { workflowPath: pathMatch[1] } : {}),
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    ...(typeof payload.repository?.default_branch === 'string'
      ? { defaultBranch: payload.repository.default_branch }
      : {}),
    ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {}),
    ...(pr
      ? {
          pullRequest: {
            number: Number(pr.number ?? payload.number),
            baseRef: String(pr.base?.ref ?? ''),
            baseSha: String(pr.base?.sha ?? ''),
            headSha: String(pr.head?.sha ?? ''),
            headRepo: String(pr.head?.repo?.full_name ?? repository),
            fork:
              Boolean(pr.head?.repo?.fork) ||
              (pr.head?.repo?.full_name ?? repository) !== repository,
            labels: Array.isArray(pr.labels)
              ? pr.labels.map((l: { name: string }) => String(l.name))
              : [],
          },
        }
      : {}),
    ...(run
      ? {
          workflowRun: {
            id: Number(run.id),
            headSha: String(run.head_sha ?? ''),
            event: String(run.event ?? ''),
            conclusion: run.conclusion ?? null,
            pullRequests: Array.isArray(run.pull_requests)
              ? run.pull_requests.map((p: { number: number }) => Number(p.number))
              : [],
          },
        }
      : {}),
  }
}

/** The URL of a workflow run's page. */
export function runUrl(ctx: GithubContext, runId: number): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}`
}
