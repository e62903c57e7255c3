// A `serve` server: GET / (health); /work spends its time in renderSlowly and answers
// {"id": n, "state": "done"} (so an e2e flow is one create and one poll).
import http from 'node:http'

function renderSlowly(size) {
  let text = ''
  for (let i = 0; i < size; i++) text = (text + String.fromCharCode(97 + (i % 26))).slice(-64)
  return text
}

let served = 0
http
  .createServer((req, res) => {
    if (req.url === '/') return res.end('ok')
    const text = renderSlowly(Number(process.env.WORK ?? 20000))
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ id: ++served, state: 'done', text }))
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
