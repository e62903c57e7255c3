import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { compareRuns } from '../../src/compare/index.js'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase

beforeAll(async () => {
  db = await startTestDatabase('queue')
})

afterAll(async () => {
  await db?.stop()
})

/** Schemas perfgate created for queue tables that are still there. */
const leftoverSchemas = async () =>
  (
    await db.sql<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'perfgate_queue_%'`,
    )
  ).map((row) => row.nspname)

describe('queue: producer and consumer throughput on PostgreSQL', () => {
  it('measures send, read+delete and latency per depth and batch, and leaves nothing behind', async () => {
    const results = await runYaml(
      `benches:
  - name: q
    kind: queue
    ${QUICK}
    batch: [1, 10]
    depth: [0, 1000]
  - name: archived
    kind: queue
    ack: archive
    ${QUICK}
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches.map((b) => [b.name, b.status, b.reason])).toEqual([
      ['q[depth=0,batch=1]', 'ok', undefined],
      ['q[depth=0,batch=10]', 'ok', undefined],
      ['q[depth=1000,batch=1]', 'ok', undefined],
      ['q[depth=1000,batch=10]', 'ok', undefined],
      ['archived[depth=0,batch=1]', 'ok', undefined],
    ])
    expect(results.benches[4].details?.ack).toBe('archive')
    const [first] = results.benches
    expect(first.kind).toBe('queue')
    expect(first.noiseThreshold).toBe(0.15)
    expect(first.metrics.map((m) => [m.name, m.unit, m.better])).toEqual([
      ['send', 'msg/s', 'bigger'],
      ['read', 'msg/s', 'bigger'],
      ['latency', 'ms', 'smaller'],
    ])
    for (const bench of results.benches) {
      expect(bench.metrics.every((m) => m.summary.n >= 6 && m.summary.min > 0)).toBe(true)
    }
    // Sending ten messages in one statement moves more messages a second than sending one.
    const sendRate = (name: string) =>
      results.benches.find((b) => b.name === name)!.metrics[0].summary.median
    expect(sendRate('q[depth=0,batch=10]')).toBeGreaterThan(2 * sendRate('q[depth=0,batch=1]'))
    expect(await leftoverSchemas()).toEqual([])
  }, 60_000)

  it('engine: pgmq skips with the reason where PGMQ is absent, and the other benches still run', async () => {
    const results = await runYaml(
      `benches:
  - name: pgmq
    kind: queue
    engine: pgmq
    ${QUICK}
  - name: table
    kind: queue
    ${QUICK}
`,
      { DATABASE_URL: db.url },
    )
    const [pgmq, table] = results.benches
    expect(pgmq.status).toBe('skipped')
    expect(pgmq.reason).toMatch(/^engine: pgmq, but the pgmq extension is not (installed|created)/)
    expect([table.name, table.status]).toEqual(['table[depth=0,batch=1]', 'ok'])
  }, 60_000)

  it('flags an index-less read at depth 100,000 and not at depth 0', async () => {
    const run = (index: boolean) =>
      runYaml(
        `benches:
  - name: q
    kind: queue
    samples: 12
    time: 1ms
    warmup: 3
    rounds: 3
    noise-threshold: 50%
    regression-threshold: 50%
    batch: [10]
    depth: [0, 100000]
    index: ${index}
`,
        { DATABASE_URL: db.url },
      )
    // Interleaved and pooled, with 50% thresholds: the load of a shared 2-core machine drifts
    // over seconds, and between runs the depth-0 rates moved by up to 50% either way (load
    // average 8), while the index-less read at depth 100,000 is 20 to 60 times slower.
    const indexed = []
    const bare = []
    for (let i = 0; i < 2; i++) {
      indexed.push(await run(true))
      bare.push(await run(false))
    }
    expect(bare.flatMap((r) => r.benches.map((b) => b.status))).toEqual(['ok', 'ok', 'ok', 'ok'])
    const { comparisons } = compareRuns(indexed, bare)
    const verdict = (name: string, metric: string) =>
      comparisons.find((c) => c.name === name && c.metric === metric)?.verdict
    // Without an index on msg_id, each read sorts and each delete scans all 100,000 rows.
    expect(verdict('q[depth=100000,batch=10]', 'read')).toBe('regression')
    expect(verdict('q[depth=100000,batch=10]', 'latency')).toBe('regression')
    // An empty queue has little to scan: no index to miss. (Few cycles on purpose: each leaves
    // dead rows that an index-less read scans too, and 20 rounds of 100 ms made that 27% slower.)
    expect(verdict('q[depth=0,batch=10]', 'read')).not.toBe('regression')
    expect(await leftoverSchemas()).toEqual([])
  }, 60_000)

  it('engine: pgmq drives a real PGMQ (its SQL-only install): indexes dropped, messages archived', async () => {
    // After the skip test above: from here on this database has PGMQ.
    await db.sql(await readFile('__fixtures__/pgmq/pgmq.sql', 'utf8'))
    try {
      const results = await runYaml(
        `benches:
  - name: pgmq
    kind: queue
    engine: pgmq
    ${QUICK}
    batch: [1, 10]
    depth: [0, 1000]
  - name: bare
    kind: queue
    engine: pgmq
    index: false
    ${QUICK}
    batch: [10]
    depth: [1000]
  - name: archived
    kind: queue
    engine: pgmq
    ack: archive
    ${QUICK}
`,
        { DATABASE_URL: db.url },
      )
      expect(results.benches.map((b) => [b.name, b.status, b.reason])).toEqual([
        ['pgmq[depth=0,batch=1]', 'ok', undefined],
        ['pgmq[depth=0,batch=10]', 'ok', undefined],
        ['pgmq[depth=1000,batch=1]', 'ok', undefined],
        ['pgmq[depth=1000,batch=10]', 'ok', undefined],
        ['bare[depth=1000,batch=10]', 'ok', undefined],
        ['archived[depth=0,batch=1]', 'ok', undefined],
      ])
      expect(results.benches[5].details?.ack).toBe('archive')
      expect(results.benches[0].details?.queue).toMatch(
        /^pgmq \(SQL-only install\) queue perfgate_[0-9a-f]{8}$/,
      )
      expect(results.benches[4].details?.queue).toMatch(/ \(no indexes\)$/)
      // Every queue perfgate created was dropped again (pgmq.drop_queue).
      expect(await db.sql('SELECT queue_name FROM pgmq.meta')).toEqual([])
    } finally {
      await db.sql('DROP SCHEMA pgmq CASCADE')
    }
  }, 60_000)
})
