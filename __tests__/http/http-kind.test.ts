import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { serializeResults } from '../../src/results/schema.js'
import { startServer, type TestServer } from './server.js'
import { bench, runYaml } from './run-yaml.js'

let server: TestServer

beforeAll(async () => {
  server = await startServer({ healthyAfterMs: 300 })
})
afterAll(() => server.close())

const quick = `defaults:\n  samples: 8\n  time: 50ms\n  warmup: 2\n  rounds: 2\n`

describe('http kind', () => {
  it('times one request per sample, each at least the server latency', async () => {
    const results = await runYaml(
      `${quick}benches:\n  - name: delay\n    kind: http\n    url: ${server.url}/delay?ms=15\n`,
    )
    const result = bench(results, 'delay')
    expect(result.status).toBe('ok')
    const time = result.metrics[0]
    expect(time.name).toBe('time')
    expect(time.unit).toBe('ms')
    expect(time.summary.n).toBeGreaterThanOrEqual(8)
    expect(time.rounds).toHaveLength(2)
    expect(time.summary.min).toBeGreaterThanOrEqual(14)
  })

  it('waits for health, then measures', async () => {
    const fresh = await startServer({ healthyAfterMs: 400 })
    try {
      const results = await runYaml(
        `${quick}benches:\n  - name: gated\n    kind: http\n    url: ${fresh.url}/delay\n    health: {url: ${fresh.url}/health, timeout: 5s, interval: 50ms}\n`,
      )
      expect(bench(results, 'gated').status).toBe('ok')
      expect(fresh.hits.get('GET /health')).toBeGreaterThan(1)
    } finally {
      await fresh.close()
    }
  })

  it('skips or errors at the health deadline with the last status, as configured', async () => {
    const never = await startServer({ healthyAfterMs: 60_000 })
    try {
      const yaml = (onFailure: string) =>
        `${quick}benches:\n  - name: gated\n    kind: http\n    url: ${never.url}/delay\n    health: {url: ${never.url}/health, timeout: 300ms, interval: 50ms, on-failure: ${onFailure}}\n`
      const skipped = bench(await runYaml(yaml('skip')), 'gated')
      expect(skipped.status).toBe('skipped')
      expect(skipped.reason).toMatch(
        /health check .*\/health .*not 2xx within 300 ?ms \(last: status 503\)/,
      )
      const errored = bench(await runYaml(yaml('error')), 'gated')
      expect(errored.status).toBe('error')
      expect(never.hits.get('GET /delay')).toBeUndefined()
    } finally {
      await never.close()
    }
  })

  it('reports a refused connection at the health deadline instead of hanging', async () => {
    const gone = await startServer()
    const url = gone.url
    await gone.close()
    const results = await runYaml(
      `${quick}benches:\n  - name: down\n    kind: http\n    url: ${url}/delay\n    health: {url: ${url}/health, timeout: 200ms, interval: 50ms}\n`,
    )
    expect(bench(results, 'down').status).toBe('error')
    expect(bench(results, 'down').reason).toMatch(/ECONNREFUSED/)
  })

  it('fills {{uuid}} per request so a deduplicating API never sees a repeat', async () => {
    const results = await runYaml(
      `${quick}benches:\n  - name: unique\n    kind: http\n    method: POST\n    url: ${server.url}/dedupe\n    body: {key: "{{uuidv7}}-{{seq}}"}\n    expect-status: 201\n  - name: fixed\n    kind: http\n    url: ${server.url}/dedupe\n    body: {key: same}\n    expect-status: 201\n`,
    )
    expect(bench(results, 'unique').status).toBe('ok')
    // The control: a constant body is a repeat from the second request on.
    const fixed = bench(results, 'fixed')
    expect(fixed.status).toBe('error')
    expect(fixed.reason).toMatch(/POST .*\/dedupe answered 409, expected 201/)
  })

  it('expands ${VAR} in url and headers, and keeps their values out of results', async () => {
    const token = 'tok-5f3c9a1e-secret'
    const results = await runYaml(
      `${quick}benches:\n  - name: auth\n    kind: http\n    url: \${API}/delay\n    headers: {authorization: "Bearer \${TOKEN}"}\n`,
      { API: server.url, TOKEN: token },
    )
    expect(bench(results, 'auth').status).toBe('ok')
    expect(server.authorizations).toContain(`Bearer ${token}`)
    expect(serializeResults(results)).not.toContain(token)
  })

  it('names an unset variable and an unknown template', async () => {
    const results = await runYaml(
      `${quick}benches:\n  - name: unset\n    kind: http\n    url: \${NOPE_NOT_SET}/delay\n  - name: typo\n    kind: http\n    url: ${server.url}/delay?x={{uid}}\n`,
    )
    expect(bench(results, 'unset').reason).toMatch(/\$\{NOPE_NOT_SET\}, which is not set/)
    expect(bench(results, 'typo').reason).toMatch(/unknown template \{\{uid\}\}/)
  })
})
