import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startServer, type TestServer } from './server.js'
import { bench, runYaml } from './run-yaml.js'

let a: TestServer
let b: TestServer

beforeAll(async () => {
  a = await startServer()
  b = await startServer()
})
afterAll(async () => {
  await a.close()
  await b.close()
})

const quick = `defaults:\n  samples: 4\n  time: 10ms\n  warmup: 1\n  rounds: 2\n`

const e2e = (fields: string) =>
  `${quick}benches:\n  - name: job\n    kind: e2e\n    id: $.job.id\n    poll-interval: 20ms\n${fields}`

describe('e2e kind', () => {
  it('times create-then-poll until done, with the poll interval as resolution', async () => {
    const results = await runYaml(
      e2e(
        `    create: {url: ${a.url}/jobs?ms=100}\n    poll: {url: "${a.url}/jobs/{{id}}", field: $.state, success: done, failure: [failed]}\n`,
      ),
    )
    const result = bench(results, 'job')
    // The reason rides along so a failure says why the bench errored.
    expect({ status: result.status, reason: result.reason }).toEqual({
      status: 'ok',
      reason: undefined,
    })
    const time = result.metrics[0]
    // The job is done 100 ms after the server got it; Node's timers may fire up to ~1 ms early
    // by performance.now(), so allow a little below.
    expect(time.summary.min).toBeGreaterThanOrEqual(95)
    expect(time.resolution).toBe(20)
    expect(String(result.details?.resolution)).toMatch(/polling every 20ms.*e\.g\. 4ms/)
  })

  it('fails on a failure value, and on the sample timeout', async () => {
    const failed = await runYaml(
      e2e(
        `    create: {url: ${a.url}/jobs?ms=10&fail=1}\n    poll: {url: "${a.url}/jobs/{{id}}", field: $.state, success: done, failure: failed}\n`,
      ),
    )
    expect(bench(failed, 'job').status).toBe('error')
    expect(bench(failed, 'job').reason).toMatch(/job-\d+ failed: \$\.state is "failed"/)
    const slow = await runYaml(
      e2e(
        `    sample-timeout: 150ms\n    create: {url: ${a.url}/jobs?ms=60000}\n    poll: {url: "${a.url}/jobs/{{id}}", field: $.state, success: done}\n`,
      ),
    )
    expect(bench(slow, 'job').reason).toMatch(
      /not done within sample-timeout 150ms; last \$\.state was "running"/,
    )
  })

  it('says the sample timed out when its poll is still in flight at the deadline', async () => {
    // The poll itself answers after 2 s: the sample's 150 ms end it, not the bench's timeout.
    const hung = await runYaml(
      e2e(
        `    sample-timeout: 150ms\n    create: {url: ${a.url}/jobs?ms=10}\n    poll: {url: "${a.url}/delay?ms=2000&job={{id}}", field: $.state, success: done}\n`,
      ),
    )
    expect(bench(hung, 'job').reason).toMatch(
      /not done within sample-timeout 150ms; last \$\.state was "no answer yet"/,
    )
  })

  it('names a missing id path in the create response', async () => {
    const results = await runYaml(
      `${quick}benches:\n  - name: job\n    kind: e2e\n    id: $.task.uuid\n    create: {url: ${a.url}/jobs}\n    poll: {url: "${a.url}/jobs/{{id}}", field: $.state, success: done}\n`,
    )
    expect(bench(results, 'job').reason).toMatch(/create response has no \$\.task\.uuid/)
  })

  it('round-robins over base-urls and sends the cleanup request per sample', async () => {
    const before = (s: TestServer) => s.hits.get('POST /jobs') ?? 0
    const [aBefore, bBefore] = [before(a), before(b)]
    const deletes = (a.hits.get('DELETE /jobs') ?? 0) + (b.hits.get('DELETE /jobs') ?? 0)
    const results = await runYaml(
      e2e(
        `    base-urls: [${a.url}, ${b.url}]\n    create: {url: /jobs?ms=5}\n    poll: {url: "/jobs/{{id}}", field: $.state, success: done}\n    cleanup: {url: "/jobs/{{id}}"}\n`,
      ),
    )
    const result = bench(results, 'job')
    expect(result.status).toBe('ok')
    const created = before(a) - aBefore + (before(b) - bBefore)
    expect(before(a) - aBefore).toBeGreaterThanOrEqual(Math.floor(created / 2))
    expect(before(b) - bBefore).toBeGreaterThanOrEqual(Math.floor(created / 2))
    const deleted = (a.hits.get('DELETE /jobs') ?? 0) + (b.hits.get('DELETE /jobs') ?? 0) - deletes
    expect(deleted).toBe(created)
  })

  it('measures throughput of whole workflows, with the resolution on each level', async () => {
    const results = await runYaml(
      `benches:\n  - name: flow\n    kind: e2e\n    id: $.job.id\n    poll-interval: 10ms\n    create: {url: ${a.url}/jobs?ms=30}\n    poll: {url: "${a.url}/jobs/{{id}}", field: $.state, success: done}\n    concurrency: [1, 3]\n    duration: 300ms\n    warmup: 0\n`,
    )
    const result = bench(results, 'flow')
    expect(result.status).toBe('ok')
    expect(result.metrics.map((m) => [m.name, m.resolution])).toEqual([
      ['throughput@1', undefined],
      ['time@1', 10],
      ['throughput@3', undefined],
      ['time@3', 10],
    ])
    expect(result.metrics[2].summary.mean).toBeGreaterThan(result.metrics[0].summary.mean)
    expect(String(result.details?.resolution)).toMatch(/polling every 10ms/)
  })
})
