/** The REST calls perfgate makes, typed down to the fields it uses. */
import type { GitHubClient } from './client.js'

/** A workflow run, as listed. */
export interface WorkflowRun {
  id: number
  head_sha: string
  head_branch: string | null
  event: string
  path?: string
  name?: string
  conclusion: string | null
  created_at: string
  html_url?: string
}

/** An artifact of a run, as listed. */
export interface RunArtifact {
  id: number
  name: string
  expired: boolean
  created_at: string | null
  expires_at: string | null
  size_in_bytes: number
}

/** An issue (PR) comment. */
export interface IssueComment {
  id: number
  body?: string
  html_url: string
  user?: { login: string; type?: string } | null
}

/** The calls, bound to one repository. */
export interface GitHubApi {
  compare(
    base: string,
    head: string,
  ): Promise<{ mergeBase: string; status: string; aheadBy: number; behindBy: number }>
  listRuns(query: { branch: string; headSha?: string; event?: string }): Promise<WorkflowRun[]>
  listRunArtifacts(runId: number, name?: string): Promise<RunArtifact[]>
  getPull(number: number): Promise<{ headSha: string; labels: string[] }>
  listComments(issue: number): Promise<IssueComment[]>
  createComment(issue: number, body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
}

/** Binds the calls to `owner/repo` over `client`. */
export function createApi(client: GitHubClient, owner: string, repo: string): GitHubApi {
  const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`
  return {
    async compare(from, to) {
      const { data } = await client<{
        merge_base_commit: { sha: string }
        status: string
        ahead_by: number
        behind_by: number
      }>({
        what: `compare ${from.slice(0, 7)}...${to.slice(0, 7)}`,
        permission: 'contents: read',
        method: 'GET',
        path: `${base}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}?per_page=1`,
      })
      return {
        mergeBase: data.merge_base_commit.sha,
        status: data.status,
        aheadBy: data.ahead_by,
        behindBy: data.behind_by,
      }
    },
    async listRuns(query) {
      const params = new URLSearchParams({
        branch: query.branch,
        status: 'success',
        per_page: '100',
      })
      if (query.headSha) params.set('head_sha', query.headSha)
      if (query.event) params.set('event', query.event)
      const { data } = await client<{ workflow_runs: WorkflowRun[] }>({
        what: `list the successful workflow runs on ${query.branch}`,
        permission: 'actions: read',
        method: 'GET',
        path: `${base}/actions/runs?${params.toString()}`,
      })
      return data.workflow_runs
    },
    async listRunArtifacts(runId, name) {
      const params = new URLSearchParams({ per_page: '100' })
      if (name) params.set('name', name)
      const { data } = await client<{ artifacts: RunArtifact[] }>({
        what: `list the artifacts of run ${runId}`,
        permission: 'actions: read',
        method: 'GET',
        path: `${base}/actions/runs/${runId}/artifacts?${params.toString()}`,
      })
      return data.artifacts
    },
    async getPull(number) {
      const { data } = await client<{ head: { sha: string }; labels: { name: string }[] }>({
        what: `read pull request #${number}`,
        permission: 'pull-requests: read',
        method: 'GET',
        path: `${base}/pulls/${number}`,
      })
      return { headSha: data.head.sha, labels: data.labels.map((l) => l.name) }
    },
    async listComments(issue) {
      const all: IssueComment[] = []
      for (let page = 1; page <= 30; page++) {
        const { data } = await client<IssueComment[]>({
          what: `list the comments of #${issue}`,
          permission: 'pull-requests: read',
          method: 'GET',
          path: `${base}/issues/${issue}/comments?per_page=100&page=${page}`,
        })
        all.push(...data)
        if (data.length < 100) break
      }
      return all
    },
    async createComment(issue, body) {
      const { data } = await client<IssueComment>({
        what: `comment on #${issue}`,
        permission: 'pull-requests: write',
        method: 'POST',
        path: `${base}/issues/${issue}/comments`,
        body: { body },
      })
      return data
    },
    async updateComment(id, body) {
      const { data } = await client<IssueComment>({
        what: `update comment ${id}`,
        permission: 'pull-requests: write',
        method: 'PATCH',
        path: `${base}/issues/comments/${id}`,
        body: { body },
      })
      return data
    },
  }
}
