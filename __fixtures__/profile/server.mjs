// A `serve` server: GET /health, and GET /work whose time is in renderSlowly.
import http from 'node:http'

function renderSlowly(size) {
  let text = ''
  for (let i = 0; i < size; i++) text = (text + String.fromCharCode(97 + (i % 26))).slice(-64)
  return text
}

http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('ok')
    res.end(renderSlowly(Number(process.env.WORK ?? 20000)))
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
