import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { compareRuns } from '../../src/compare/index.js'
import { readScaling } from '../../src/results/scaling.js'
import type { Metric, Results } from '../../src/results/types.js'
import { scalingMarkdown, scalingText } from '../../src/report/scaling.js'
import { runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase

beforeAll(async () => {
  db = await startTestDatabase('pool')
  // 200,000 rows: an index lookup is a fraction of a millisecond, a scan several milliseconds.
  await db.sql(`DROP TABLE IF EXISTS pool_items;
    CREATE TABLE pool_items AS SELECT g AS id, g % 5000 AS k FROM generate_series(1, 200000) AS g;
    CREATE INDEX pool_items_k ON pool_items (k); ANALYZE pool_items`)
}, 60_000)

afterAll(async () => {
  await db?.sql('DROP TABLE IF EXISTS pool_items').catch(() => undefined)
  await db?.stop()
})

/** A pooled bench at `levels` with a pool of 4, three cases each client cycles through. */
const pooled = (levels: string, extra = '', duration = '400ms') =>
  runYaml(
    `benches:
  - name: pool/lookup
    kind: sql
    query: SELECT count(*) FROM pool_items WHERE k = $1
    params: [[1], [2], [3]]
    concurrency: ${levels}
    pool-size: 4
    duration: ${duration}
    warmup: 100ms
    ${extra}
`,
    { DATABASE_URL: db.url },
  )

const metric = (results: Results, name: string): Metric => {
  const bench = results.benches[0]
  const found = bench.metrics.find((m) => m.name === name)
  if (!found) throw new Error(`no ${name} in ${bench.metrics.map((m) => m.name).join(', ')}`)
  return found
}

/** The share of the mean latency spent waiting for a connection at a level. */
const waitShare = (results: Results, level: number) =>
  metric(results, `acquire@${level}`).summary.mean / metric(results, `time@${level}`).summary.mean

describe('sql throughput through a connection pool', () => {
  it('acquisition wait stays near zero up to the pool size and dominates above it', async () => {
    const results = await pooled('[1, 4, 16]')
    const [bench] = results.benches
    expect([bench.status, bench.reason]).toEqual(['ok', undefined])
    expect(bench.metrics.map((m) => m.name)).toEqual([
      'throughput@1',
      'time@1',
      'acquire@1',
      'throughput@4',
      'time@4',
      'acquire@4',
      'throughput@16',
      'time@16',
      'acquire@16',
    ])
    expect(metric(results, 'acquire@16')).toMatchObject({
      unit: 'ms',
      better: 'smaller',
      roundQuantile: 0.5,
    })
    // Up to the pool size a connection is always free: waiting is a sliver of the latency.
    expect(waitShare(results, 1)).toBeLessThan(0.25)
    expect(waitShare(results, 4)).toBeLessThan(0.25)
    // 16 clients on 4 connections: each waits for about three others (3/4 in theory).
    expect(waitShare(results, 16)).toBeGreaterThan(0.5)
    expect(metric(results, 'acquire@16').summary.mean).toBeGreaterThan(
      5 * metric(results, 'acquire@4').summary.mean,
    )
    // The report says so in words, at the exhausted level only.
    const scaling = readScaling(bench.details)!
    expect(scaling.map((p) => p.note === undefined)).toEqual([true, true, false])
    expect(scaling[2].note).toMatch(/^pool exhausted: 16 clients share 4 connections; waiting/)
    expect(scalingText(scaling)).toContain('concurrency 16: pool exhausted')
    expect(scalingText(scaling).split('\n')[1]).toMatch(/p99 +acquire p50$/)
    const markdown = scalingMarkdown(scaling)
    expect(markdown).toContain('| concurrency | ops/s | | p50 | p99 | acquire p50 |')
    expect(markdown).toContain('\n- concurrency 16: pool exhausted: 16 clients share 4 connections')
    expect(bench.details?.poolSizes).toEqual([4, 4, 4])
  }, 60_000)

  it('flags a slower query (its index dropped) at every level', async () => {
    // 1s per level: ten ops/s slices per level, enough for a verdict rather than inconclusive.
    const before = await pooled('[1, 4, 16]', 'explain: false', '1s')
    await db.sql('DROP INDEX pool_items_k')
    try {
      const after = await pooled('[1, 4, 16]', 'explain: false', '1s')
      const { comparisons } = compareRuns([before], after)
      const verdicts = Object.fromEntries(comparisons.map((c) => [c.metric, c.verdict]))
      // The PR comment's row carries the curve and, in words, the exhausted level.
      const primary = comparisons.find((c) => c.metric === 'throughput@1')
      expect(primary?.notes).toEqual([
        expect.stringMatching(/^ops\/s at concurrency 1\/4\/16: \d+\/\d+\/\d+ → \d+\/\d+\/\d+$/),
        expect.stringMatching(/^concurrency 16: pool exhausted: 16 clients share 4 connections/),
      ])
      for (const level of [1, 4, 16]) {
        expect([level, verdicts[`throughput@${level}`]]).toEqual([level, 'regression'])
        expect([level, verdicts[`time@${level}`]]).toEqual([level, 'regression'])
      }
    } finally {
      await db.sql('CREATE INDEX pool_items_k ON pool_items (k)')
    }
  }, 60_000)

  it("at the bench's timeout cancels the pooled queries on the server", async () => {
    const results = await runYaml(
      `benches:
  - name: pool/stuck
    kind: sql
    query: SELECT pg_sleep(30), 'perfgate-pool-stuck'
    concurrency: [2]
    pool-size: 2
    duration: 1s
    warmup: 0
    timeout: 2s
`,
      { DATABASE_URL: db.url },
    )
    expect([results.benches[0].status, results.benches[0].reason]).toEqual([
      'error',
      'timed out after 2s and was killed',
    ])
    // Cancelling is asynchronous: give the server a moment, then nothing of ours still sleeps.
    let running: unknown[] = []
    for (let i = 0; i < 20; i++) {
      running = await db.sql(
        `SELECT pid FROM pg_stat_activity WHERE query LIKE '%perfgate-pool-stuck%' AND pid <> pg_backend_pid()`,
      )
      if (running.length === 0) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(running).toEqual([])
  }, 30_000)
})
