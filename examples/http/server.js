// A tiny task API for the http/e2e demo: `node examples/http/server.js` (PORT, default 8787).
//   GET    /health          503 for the first HEALTHY_AFTER ms (default 500), then 200
//   POST   /v1/tasks        201 {task: {uuid}}; 409 when correlation_id repeats (dedup);
//                           at most 4 creates are served at once, each takes 10 ms (a capacity limit)
//   GET    /v1/tasks/:uuid  {execution_status: "in_progress" | "all_complete"} (done after 80 ms)
//   DELETE /v1/tasks/:uuid  204
import http from 'node:http'
import { randomUUID } from 'node:crypto'

const port = Number(process.env.PORT ?? 8787)
const healthyAfter = Number(process.env.HEALTHY_AFTER ?? 500)
const started = Date.now()
const tasks = new Map()
const seen = new Set()
let inFlight = 0
const queue = []

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

function create(res, body) {
  inFlight++
  setTimeout(() => {
    inFlight--
    queue.shift()?.()
    let request
    try {
      request = JSON.parse(body || '{}')
    } catch {
      return send(res, 400, { error: 'body is not JSON' })
    }
    if (request.correlation_id !== undefined) {
      if (seen.has(request.correlation_id)) return send(res, 409, { error: 'duplicate request' })
      seen.add(request.correlation_id)
    }
    const uuid = randomUUID()
    tasks.set(uuid, Date.now() + 80)
    send(res, 201, { task: { uuid, name: request.name ?? 'task' } })
  }, 10)
}

const server = http.createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    const [, first, second, uuid] = (req.url ?? '/').split('?')[0].split('/')
    if (req.method === 'GET' && first === 'health') {
      const healthy = Date.now() - started >= healthyAfter
      return send(res, healthy ? 200 : 503, { healthy })
    }
    if (first !== 'v1' || second !== 'tasks') return send(res, 404, { error: 'not found' })
    if (req.method === 'POST' && uuid === undefined) {
      if (inFlight < 4) create(res, body)
      else queue.push(() => create(res, body))
      return
    }
    if (!tasks.has(uuid)) return send(res, 404, { error: 'no such task' })
    if (req.method === 'GET') {
      const done = Date.now() >= tasks.get(uuid)
      return send(res, 200, { execution_status: done ? 'all_complete' : 'in_progress' })
    }
    if (req.method === 'DELETE') {
      tasks.delete(uuid)
      return send(res, 204)
    }
    send(res, 405, { error: 'method not allowed' })
  })
})

server.listen(port, '127.0.0.1', () => console.log(`task API on http://127.0.0.1:${port}`))
