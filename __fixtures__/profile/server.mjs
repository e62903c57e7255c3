// A `serve` server: GET / (health); /work spends its time in renderSlowly and answers
// {"id": n, "state": "done"} (so an e2e flow is one create and one poll). /work?seq=N, N >= 3,
// also calls warmUpOnly: seq counts from 0 in each run, so only a warm-up run (5 warm-up requests
// and a sample) reaches 3 when a profiled round sends the fewest requests (MIN_SERVER_CALLS, 3).
import http from 'node:http'

function renderSlowly(size) {
  let text = ''
  for (let i = 0; i < size; i++) text = (text + String.fromCharCode(97 + (i % 26))).slice(-64)
  return text
}

function warmUpOnly(size) {
  let sum = 0
  for (let i = 0; i < size * 20; i++) sum += Math.sqrt(i)
  return sum
}

let served = 0
http
  .createServer((req, res) => {
    if (req.url === '/') return res.end('ok')
    const seq = Number(new URL(req.url, 'http://localhost').searchParams.get('seq') ?? 0)
    const size = Number(process.env.WORK ?? 20000)
    const text = renderSlowly(size) + (seq >= 3 ? warmUpOnly(size) : '')
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ id: ++served, state: 'done', text }))
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
