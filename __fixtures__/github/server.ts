/**
 * A fake GitHub for end-to-end tests of the bundled action: the REST calls perfgate makes, the
 * artifact service's twirp calls, and the blob storage @actions/artifact uploads to and downloads
 * from. Artifacts are stored, so a later run can download what an earlier one uploaded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A workflow run the fake knows. */
export interface FakeRun {
  id: number
  head_sha: string
  head_branch: string
  event: string
  path: string
  name: string
  conclusion: string | null
  created_at: string
}

/** A stored artifact. */
export interface FakeArtifact {
  id: number
  runId: number
  name: string
  zip: Buffer
  created_at: string
  expires_at: string
  expired: boolean
  /** Upload in progress: blocks staged so far. */
  blocks?: Map<string, Buffer>
  finalized: boolean
}

/** A PR comment. */
export interface FakeComment {
  id: number
  issue: number
  body: string
}

/** A planned failure: the next `times` requests matching are answered with `status`. */
interface Failure {
  match: (method: string, path: string) => boolean
  status: number
  times: number
  headers?: Record<string, string>
  message?: string
  /** Drop the connection instead of answering (ECONNRESET on the client). */
  reset?: boolean
}

/** The fake's state and controls. */
export interface FakeGitHub {
  url: string
  runs: FakeRun[]
  artifacts: FakeArtifact[]
  comments: FakeComment[]
  pulls: Map<number, { headSha: string; labels: string[] }>
  /** Commits of the main branch, oldest first; PR heads map to the main commit they branch from. */
  mainCommits: string[]
  branchPoints: Map<string, string>
  /** Every request, as "METHOD /path?query". */
  requests: string[]
  /** When set, creating or updating a comment is refused (a fork PR's read-only token). */
  readOnly: boolean
  fail(failure: Failure): void
  /** Drops every planned failure not yet used up. */
  clearFaults(): void
  addRun(run: Partial<FakeRun> & { id: number; head_sha: string }): FakeRun
  seedArtifact(runId: number, name: string, zip: Buffer, options?: { expiresInDays?: number }): FakeArtifact
  close(): Promise<void>
}

const REPO_PREFIX = /^\/repos\/([^/]+)\/([^/]+)/
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

/** Starts the fake on 127.0.0.1 (a free port). */
export async function startFakeGitHub(
  defaults: { workflowPath: string; workflowName: string } = {
    workflowPath: '.github/workflows/perf.yml',
    workflowName: 'perf',
  },
): Promise<FakeGitHub> {
  const failures: Failure[] = []
  let nextId = 1000
  const state: FakeGitHub = {
    url: '',
    runs: [],
    artifacts: [],
    comments: [],
    pulls: new Map(),
    mainCommits: [],
    branchPoints: new Map(),
    requests: [],
    readOnly: false,
    fail: (failure) => failures.push(failure),
    clearFaults: () => void failures.splice(0),
    addRun(run) {
      const full: FakeRun = {
        head_branch: 'main',
        event: 'push',
        path: defaults.workflowPath,
        name: defaults.workflowName,
        conclusion: 'success',
        created_at: new Date().toISOString(),
        ...run,
      }
      state.runs = state.runs.filter((r) => r.id !== run.id).concat(full)
      return full
    },
    seedArtifact(runId, name, zip, options = {}) {
      const now = Date.now()
      const artifact: FakeArtifact = {
        id: nextId++,
        runId,
        name,
        zip,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + (options.expiresInDays ?? 90) * 86_400_000).toISOString(),
        expired: (options.expiresInDays ?? 90) < 0,
        finalized: true,
      }
      state.artifacts.push(artifact)
      return artifact
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }

  const restArtifact = (a: FakeArtifact) => ({
    id: a.id,
    name: a.name,
    size_in_bytes: a.zip.length,
    created_at: a.created_at,
    expires_at: a.expires_at,
    expired: a.expired,
    workflow_run: { id: a.runId },
  })

  // Position of a commit: its index on main, or (branch point index + 1) for a PR head.
  const position = (sha: string): { index: number; onMain: boolean } => {
    const index = state.mainCommits.indexOf(sha)
    if (index >= 0) return { index, onMain: true }
    const from = state.branchPoints.get(sha)
    if (from === undefined) throw new Error(`unknown commit ${sha}`)
    return { index: state.mainCommits.indexOf(from), onMain: false }
  }
  const compare = (base: string, head: string) => {
    const b = position(base)
    const h = position(head)
    const mergeIndex = Math.min(b.index, h.index)
    const mergeBase = state.mainCommits[mergeIndex]
    const aheadBy = h.index - mergeIndex + (h.onMain ? 0 : 1)
    const behindBy = b.index - mergeIndex + (b.onMain ? 0 : 1)
    const status =
      aheadBy === 0 && behindBy === 0 ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged'
    return { merge_base_commit: { sha: mergeBase }, status, ahead_by: aheadBy, behind_by: behindBy }
  }

  const rest = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const path = url.pathname.replace(REPO_PREFIX, '')
    const q = url.searchParams
    let m: RegExpExecArray | null
    if (req.method === 'GET' && (m = /^\/compare\/(.+)\.\.\.(.+)$/.exec(path))) {
      try {
        return json(res, 200, compare(decodeURIComponent(m[1]), decodeURIComponent(m[2])))
      } catch (error) {
        return json(res, 404, { message: (error as Error).message })
      }
    }
    if (req.method === 'GET' && path === '/actions/runs') {
      const runs = state.runs.filter(
        (r) =>
          (!q.get('branch') || r.head_branch === q.get('branch')) &&
          (!q.get('head_sha') || r.head_sha === q.get('head_sha')) &&
          (!q.get('event') || r.event === q.get('event')) &&
          (!q.get('status') || r.conclusion === q.get('status')),
      )
      return json(res, 200, { total_count: runs.length, workflow_runs: runs })
    }
    if (req.method === 'GET' && (m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(path))) {
      const artifacts = state.artifacts
        .filter((a) => a.finalized && a.runId === Number(m![1]) && (!q.get('name') || a.name === q.get('name')))
        .map(restArtifact)
      return json(res, 200, { total_count: artifacts.length, artifacts })
    }
    if (req.method === 'GET' && (m = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(path))) {
      const artifact = state.artifacts.find((a) => a.id === Number(m![1]))
      if (!artifact || artifact.expired) return json(res, 410, { message: 'Artifact has expired' })
      res.writeHead(302, { location: `${state.url}/blob/${artifact.id}.zip?sig=download-signature` })
      return res.end()
    }
    if (req.method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(path))) {
      const pull = state.pulls.get(Number(m[1]))
      if (!pull) return json(res, 404, { message: 'Not Found' })
      return json(res, 200, { number: Number(m[1]), head: { sha: pull.headSha }, labels: pull.labels.map((name) => ({ name })) })
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(m[1])
      if (req.method === 'GET') {
        const page = Number(q.get('page') ?? 1)
        const perPage = Number(q.get('per_page') ?? 30)
        const all = state.comments.filter((c) => c.issue === issue)
        return json(res, 200, all.slice((page - 1) * perPage, page * perPage).map((c) => commentJson(c)))
      }
      if (req.method === 'POST') {
        if (state.readOnly) return json(res, 403, { message: 'Resource not accessible by integration' })
        const comment: FakeComment = { id: nextId++, issue, body: (JSON.parse(body.toString()) as { body: string }).body }
        if (comment.body.length > 65_536) return json(res, 422, { message: 'Body is too long (maximum is 65536 characters)' })
        state.comments.push(comment)
        return json(res, 201, commentJson(comment))
      }
    }
    if (req.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(path))) {
      if (state.readOnly) return json(res, 403, { message: 'Resource not accessible by integration' })
      const comment = state.comments.find((c) => c.id === Number(m![1]))
      if (!comment) return json(res, 404, { message: 'Not Found' })
      comment.body = (JSON.parse(body.toString()) as { body: string }).body
      if (comment.body.length > 65_536) return json(res, 422, { message: 'Body is too long' })
      return json(res, 200, commentJson(comment))
    }
    return json(res, 404, { message: `fake GitHub: no route for ${req.method} ${url.pathname}` })
  }
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    html_url: `${state.url}/pull/${c.issue}#issuecomment-${c.id}`,
    user: { login: 'github-actions[bot]', type: 'Bot' },
  })

  const twirp = (res: ServerResponse, method: string, body: Buffer) => {
    const request = JSON.parse(body.toString()) as Record<string, unknown>
    const runId = Number(request.workflow_run_backend_id)
    if (method === 'CreateArtifact') {
      if (state.artifacts.some((a) => a.runId === runId && a.name === request.name && a.finalized)) {
        return json(res, 409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' })
      }
      const artifact: FakeArtifact = {
        id: nextId++,
        runId,
        name: String(request.name),
        zip: Buffer.alloc(0),
        created_at: new Date().toISOString(),
        expires_at: typeof request.expires_at === 'string' ? request.expires_at : new Date(Date.now() + 90 * 86_400_000).toISOString(),
        expired: false,
        blocks: new Map(),
        finalized: false,
      }
      state.artifacts.push(artifact)
      return json(res, 200, { ok: true, signed_upload_url: `${state.url}/blob/${artifact.id}.zip?sig=upload-signature` })
    }
    if (method === 'FinalizeArtifact') {
      const artifact = state.artifacts.find((a) => a.runId === runId && a.name === request.name && !a.finalized)
      if (!artifact) return json(res, 404, { msg: 'artifact not found' })
      artifact.finalized = true
      return json(res, 200, { ok: true, artifact_id: String(artifact.id) })
    }
    if (method === 'ListArtifacts') {
      const nameFilter = (request.name_filter as string | undefined) ?? undefined
      const artifacts = state.artifacts
        .filter((a) => a.finalized && a.runId === runId && (!nameFilter || a.name === nameFilter))
        .map((a) => ({ workflow_run_backend_id: String(a.runId), workflow_job_run_backend_id: 'job', database_id: String(a.id), name: a.name, size: String(a.zip.length), created_at: a.created_at }))
      return json(res, 200, { artifacts })
    }
    if (method === 'GetSignedArtifactURL') {
      const artifact = state.artifacts.find((a) => a.runId === runId && a.name === request.name)
      if (!artifact) return json(res, 404, { msg: 'artifact not found' })
      return json(res, 200, { signed_url: `${state.url}/blob/${artifact.id}.zip?sig=download-signature` })
    }
    return json(res, 404, { msg: `fake GitHub: no twirp method ${method}` })
  }

  const blob = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const id = Number(/^\/blob\/(\d+)/.exec(url.pathname)?.[1])
    const artifact = state.artifacts.find((a) => a.id === id)
    if (!artifact) {
      res.writeHead(404)
      return res.end()
    }
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(artifact.zip.length) })
      return res.end(artifact.zip)
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      artifact.blocks!.set(url.searchParams.get('blockid') ?? '', body)
    } else if (comp === 'blocklist') {
      const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((x) => x[1])
      artifact.zip = Buffer.concat(ids.map((blockId) => artifact.blocks!.get(blockId) ?? Buffer.alloc(0)))
    } else {
      artifact.zip = body
    }
    res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-server-encrypted': 'true' })
    return res.end()
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const method = req.method ?? 'GET'
      state.requests.push(`${method} ${url.pathname}${url.search}`)
      const failure = failures.find((f) => f.times > 0 && f.match(method, url.pathname))
      if (failure) {
        failure.times--
        if (failure.reset) return req.socket.destroy()
        return json(res, failure.status, { message: failure.message ?? 'Server Error (injected)' }, failure.headers)
      }
      const body = Buffer.concat(chunks)
      try {
        if (url.pathname.startsWith(TWIRP)) return twirp(res, url.pathname.slice(TWIRP.length), body)
        if (url.pathname.startsWith('/blob/')) return blob(req, res, url, body)
        if (REPO_PREFIX.test(url.pathname)) return rest(req, res, url, body)
        return json(res, 404, { message: `fake GitHub: no route for ${method} ${url.pathname}` })
      } catch (error) {
        return json(res, 500, { message: `fake GitHub crashed: ${(error as Error).stack}` })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}
