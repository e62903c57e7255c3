/** A real local HTTP server for the http/e2e tests, with controllable latency, health and jobs. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A running test server and what it saw. */
export interface TestServer {
  url: string
  /** Requests per path prefix (e.g. `POST /jobs`). */
  hits: Map<string, number>
  /** Authorization headers received (to prove ${VAR} expansion). */
  authorizations: string[]
  close(): Promise<void>
}

/** Options of the test server. */
export interface ServerOptions {
  /** /health answers 503 until this many ms after start. */
  healthyAfterMs?: number
  /** /limited serves at most this many requests at once, each taking limitedMs. */
  limit?: number
  limitedMs?: number
}

/**
 * Endpoints: GET /delay?ms=N; GET /health; GET /limited (capacity-limited);
 * POST /jobs?ms=N[&fail=1] → 201 {job:{id}}; GET /jobs/:id → {state}; DELETE /jobs/:id;
 * POST /dedupe → 201 for a new body.key, 409 for a repeated one; GET /unauthorized → 401
 * echoing the Authorization header it got (as careless APIs do); anything else 404.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const started = Date.now()
  const hits = new Map<string, number>()
  const authorizations: string[] = []
  const jobs = new Map<string, { doneAt: number; fail: boolean }>()
  const seenKeys = new Set<string>()
  const limit = options.limit ?? 4
  const limitedMs = options.limitedMs ?? 20
  let inFlight = 0
  const waiting: (() => void)[] = []
  let nextId = 1

  const json = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const key = `${req.method} /${url.pathname.split('/')[1]}`
    hits.set(key, (hits.get(key) ?? 0) + 1)
    if (req.headers.authorization) authorizations.push(req.headers.authorization)
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const [, first, id] = url.pathname.split('/')
      if (first === 'delay') {
        setTimeout(() => json(res, 200, { ok: true }), Number(url.searchParams.get('ms') ?? 0))
      } else if (first === 'health') {
        const healthy = Date.now() - started >= (options.healthyAfterMs ?? 0)
        json(res, healthy ? 200 : 503, { healthy })
      } else if (first === 'limited') {
        const serve = (): void => {
          inFlight++
          setTimeout(() => {
            inFlight--
            waiting.shift()?.()
            json(res, 200, { ok: true })
          }, limitedMs)
        }
        if (inFlight < limit) serve()
        else waiting.push(serve)
      } else if (first === 'jobs' && req.method === 'POST') {
        const jobId = `job-${nextId++}`
        const ms = Number(url.searchParams.get('ms') ?? 50)
        jobs.set(jobId, { doneAt: Date.now() + ms, fail: url.searchParams.has('fail') })
        json(res, 201, { job: { id: jobId } })
      } else if (first === 'jobs' && req.method === 'GET' && id) {
        const job = jobs.get(id)
        if (!job) return json(res, 404, { error: 'no such job' })
        const state = Date.now() < job.doneAt ? 'running' : job.fail ? 'failed' : 'done'
        json(res, 200, { state })
      } else if (first === 'jobs' && req.method === 'DELETE' && id) {
        json(res, jobs.delete(id) ? 200 : 404, {})
      } else if (first === 'dedupe' && req.method === 'POST') {
        const key = String((JSON.parse(body || '{}') as { key?: unknown }).key)
        if (seenKeys.has(key)) return json(res, 409, { error: `duplicate ${key}` })
        seenKeys.add(key)
        json(res, 201, { key })
      } else if (first === 'unauthorized') {
        res.writeHead(401, { 'content-type': 'text/plain' })
        res.end(`no: ${req.headers.authorization ?? '(none)'}`)
      } else {
        json(res, 404, { error: 'not found' })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
