import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { planChangeNotes } from '../../src/compare/plan-notes.js'
import { serializeResults } from '../../src/results/schema.js'
import type { BenchResult } from '../../src/results/types.js'
import { freePort } from '../../scripts/embedded-postgres.js'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
const schema = `perfgate_sql_${process.pid}`

beforeAll(async () => {
  db = await startTestDatabase('sql')
  await db.sql(`
    CREATE SCHEMA ${schema};
    SET search_path TO ${schema};
    CREATE TABLE items (id int PRIMARY KEY, grp text NOT NULL, val int NOT NULL);
    INSERT INTO items SELECT i, 'g' || (i % 4), i FROM generate_series(1, 2000) AS i;
    CREATE INDEX items_val ON items (val);
    CREATE TABLE writes (id serial PRIMARY KEY, v int);
    CREATE TABLE empty (id int);
    CREATE FUNCTION items_in_group(g text) RETURNS SETOF items LANGUAGE plpgsql AS $$
    BEGIN
      RETURN QUERY SELECT * FROM items WHERE grp = g AND val < 100;
    END $$;
    ANALYZE items;
  `)
})

afterAll(async () => {
  await db?.sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined)
  await db?.stop()
})

const env = () => ({ DATABASE_URL: db.url })
const bench = (body: string) => `benches:
  - kind: sql
    search-path: ${schema}
    ${QUICK}
    ${body.trim().split('\n').join('\n    ')}
`
const ok = (result: BenchResult | undefined): BenchResult => {
  expect(result?.reason).toBeUndefined()
  expect(result?.status).toBe('ok')
  return result!
}

describe('sql kind against a real PostgreSQL', () => {
  it('times every case of a params list on one connection, in rounds, in ms', async () => {
    const results = await runYaml(
      bench(`
name: by-group
query: SELECT count(*) FROM items WHERE grp = $1
params: [[g1], [g2]]`),
      env(),
    )
    expect(results.benches.map((b) => b.name)).toEqual(['by-group/g1', 'by-group/g2'])
    for (const result of results.benches.map(ok)) {
      const [time] = result.metrics
      expect(time).toMatchObject({ name: 'time', unit: 'ms', better: 'smaller' })
      expect(time.samples.length).toBeGreaterThanOrEqual(6)
      expect(time.samples.every((s) => s > 0)).toBe(true)
      expect(time.rounds).toHaveLength(2)
      expect(time.rounds!.reduce((a, b) => a + b, 0)).toBe(time.samples.length)
      expect(result.noiseThreshold).toBe(0.15)
      expect(result.details?.server).toMatchObject({
        host: expect.any(String),
        port: expect.any(Number),
        database: expect.any(String),
        version: expect.stringMatching(/^\d+/),
      })
      expect(result.details?.firstCallMs).toBeGreaterThan(0)
    }
    expect(results.benches[1].details?.params).toEqual(['g2'])
  })

  it('draws params-query cases stratified and keyed by a column; the same seed gives the same cases', async () => {
    const config = (seed: number) =>
      bench(`
name: item
query: SELECT * FROM items WHERE id = $1
params-query: SELECT id, grp FROM items ORDER BY random()
key: id
stratify-by: grp
cases: 4
seed: ${seed}
explain: false`)
    const first = await runYaml(config(7), env())
    const again = await runYaml(config(7), env())
    const other = await runYaml(config(8), env())
    const names = (r: typeof first) => r.benches.map((b) => b.name)
    expect(names(first)).toHaveLength(4)
    expect(names(first).every((name) => /^item\/\d+$/.test(name))).toBe(true)
    expect(names(again)).toEqual(names(first))
    expect(names(other)).not.toEqual(names(first))
    // Four strata, four cases: one from each group, not four hot rows of one.
    const strata = first.benches.map((b) => ok(b).details?.stratum)
    expect(new Set(strata)).toEqual(new Set(['g0', 'g1', 'g2', 'g3']))
    for (const result of first.benches) {
      expect(result.details?.params).toEqual([Number(result.details?.key)])
    }
  })

  it('rolls each sample back with rollback: true, and keeps the writes without it', async () => {
    const insert = (rollback: boolean) =>
      bench(`
name: insert
query: INSERT INTO writes (v) VALUES ($1)
params: [42]
rollback: ${rollback}`)
    ok((await runYaml(insert(true), env())).benches[0])
    const after = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.writes`)
    expect(after[0].n).toBe(0)
    ok((await runYaml(insert(false), env())).benches[0])
    const kept = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.writes`)
    expect(kept[0].n).toBeGreaterThan(0)
  })

  it('summarises the plan, and planChangeNotes names the change when the index goes', async () => {
    const config = bench(`
name: by-val
query: SELECT * FROM items WHERE val = $1
params: [1234]`)
    const before = ok((await runYaml(config, env())).benches[0])
    await db.sql(`DROP INDEX ${schema}.items_val`)
    let after: BenchResult
    try {
      after = ok((await runYaml(config, env())).benches[0])
    } finally {
      await db.sql(`CREATE INDEX items_val ON ${schema}.items (val)`)
    }
    const plan = before.details?.plan as Record<string, unknown>
    expect(plan).toMatchObject({
      planningMs: expect.any(Number),
      executionMs: expect.any(Number),
      hitRatio: expect.any(Number),
      rows: 1,
      depth: 'full',
    })
    expect(plan.nodes).toContain('Index Scan on items')
    expect((after.details?.plan as { nodes: string[] }).nodes).toContain('Seq Scan on items')
    expect(before.details?.plans).toBeUndefined()
    const notes = planChangeNotes(before.details, after.details)
    expect(notes).toContain('Index Scan on items → Seq Scan on items')
  })

  it('keeps the full plan JSON with save-plans', async () => {
    const result = ok(
      (
        await runYaml(
          bench(`
name: saved
query: SELECT * FROM items WHERE val = $1
params: [5]
save-plans: true`),
          env(),
        )
      ).benches[0],
    )
    const plans = result.details?.plans as { explain: { Plan: { 'Node Type': string } } }
    expect(plans.explain.Plan['Node Type']).toBe('Index Scan')
  })

  it('sees inside a PL/pgSQL function with auto_explain, and says so when a role cannot load it', async () => {
    const config = bench(`
name: fn
query: SELECT * FROM items_in_group($1)
params: [g2]`)
    const nested = ok((await runYaml(config, env())).benches[0]).details?.plan as {
      depth: string
      nodes: string[]
      shallowReason?: string
      inner?: { query: string; nodes: string[] }[]
    }
    expect(nested.nodes).toContain('Function Scan on items_in_group')
    const superuser = await db.sql<{ rolsuper: boolean }>(
      `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`,
    )
    if (superuser[0].rolsuper) {
      expect(nested.depth).toBe('nested')
      expect(nested.inner?.[0].query).toMatch(/SELECT \* FROM items WHERE grp = g/)
      expect(nested.nodes.some((node) => node.endsWith(' on items'))).toBe(true)

      // A plain role may not LOAD auto_explain: the plan is shallow, with the reason.
      const role = `perfgate_plain_${process.pid}`
      await db.sql(`CREATE ROLE ${role} LOGIN PASSWORD 'plain-secret-pw';
        GRANT USAGE ON SCHEMA ${schema} TO ${role};
        GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`)
      const url = new URL(db.url)
      url.username = role
      url.password = 'plain-secret-pw'
      const plain = ok((await runYaml(config, { DATABASE_URL: url.toString() })).benches[0])
      const shallow = plain.details?.plan as { depth: string; shallowReason: string }
      expect(shallow.depth).toBe('shallow')
      expect(shallow.shallowReason).toMatch(/auto_explain could not be loaded: .*not allowed/)
    } else {
      expect(nested.depth).toBe('shallow')
      expect(nested.shallowReason).toMatch(/auto_explain/)
    }
  })

  it('never writes the password into the results, even when an error message contains it', async () => {
    expect(db.password).toBeDefined()
    const results = await runYaml(
      `benches:
  - name: ok
    kind: sql
    search-path: ${schema}
    ${QUICK}
    query: SELECT 1
  - name: leaky
    kind: sql
    ${QUICK}
    query: SELECT $1::int
    params: ['${db.password}']
`,
      env(),
    )
    expect(results.benches[0].status).toBe('ok')
    expect(results.benches[1].status).toBe('error')
    expect(results.benches[1].reason).toMatch(/invalid input syntax for type integer: "\*\*\*"/)
    const json = serializeResults(results)
    expect(json).not.toContain(db.password)
    expect(json).not.toContain(db.url)
  })

  it('skips when the URL variable is unset, naming the variable', async () => {
    const results = await runYaml(
      `benches:
  - name: a
    kind: sql
    ${QUICK}
    query: SELECT 1
  - name: b
    kind: sql
    database-url-env: BENCH_PG_URL
    query: SELECT 1
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches[0].status).toBe('ok')
    expect(results.benches[1]).toMatchObject({ status: 'skipped' })
    expect(results.benches[1].reason).toMatch(/BENCH_PG_URL is not set/)
    const garbled = await runYaml(`benches:\n  - { name: c, kind: sql, query: SELECT 1 }\n`, {
      DATABASE_URL: 'hunter2-not-a-url',
    })
    expect(garbled.benches[0].reason).toBe(
      'DATABASE_URL is not a PostgreSQL URL: expected postgres://user:password@host:port/database',
    )
  })

  it('reports a clear error naming host and port when nothing listens there', async () => {
    const port = await freePort()
    const url = new URL(db.url)
    url.hostname = '127.0.0.1'
    url.port = String(port)
    const results = await runYaml(
      `benches:\n  - name: down\n    kind: sql\n    query: SELECT 1\n`,
      { DATABASE_URL: url.toString() },
    )
    const [down] = results.benches
    expect(down.status).toBe('error')
    expect(down.reason).toBe(
      `cannot connect to PostgreSQL at 127.0.0.1:${port} (from DATABASE_URL): connection refused: is the server running and listening on that port?`,
    )
  })

  it('skips a params-query without rows, and reports a failing query with its first line', async () => {
    const results = await runYaml(
      bench(`
name: nodata
query: SELECT $1
params-query: SELECT id FROM empty`) +
        `  - name: broken
    kind: sql
    search-path: ${schema}
    query: |
      SELECT * FROM no_such_table
      WHERE id = 1
`,
      env(),
    )
    expect(results.benches[0]).toMatchObject({ status: 'skipped' })
    expect(results.benches[0].reason).toMatch(/^no data for params-query/)
    expect(results.benches[1].status).toBe('error')
    expect(results.benches[1].reason).toBe(
      'query failed: relation "no_such_table" does not exist (42P01) in `SELECT * FROM no_such_table`; hint: relation "no_such_table" does not exist in any schema of this database: have the migrations (or the bench\'s setup) run against it?',
    )
  })

  it('runs setup before and teardown after the bench', async () => {
    const results = await runYaml(
      bench(`
name: staged
setup: CREATE TABLE staged AS SELECT 1 AS x
query: SELECT x FROM staged
teardown: DROP TABLE staged`),
      env(),
    )
    ok(results.benches[0])
    const left = await db.sql<{ t: string | null }>(`SELECT to_regclass('${schema}.staged') AS t`)
    expect(left[0].t).toBeNull()
  })

  it('cancels the running query and closes the connection when the bench times out', async () => {
    const results = await runYaml(
      `benches:
  - name: slow
    kind: sql
    timeout: 300ms
    explain: false
    query: SELECT pg_sleep(30), 'perfgate-timeout-probe'
`,
      env(),
    )
    expect(results.benches[0].status).toBe('error')
    expect(results.benches[0].reason).toMatch(/^timed out after 300ms/)
    // The cancel is asynchronous: wait (generously) for the sleeping backend to go away.
    const running = async () =>
      (
        await db.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE query LIKE '%perfgate-timeout-probe%' AND pid <> pg_backend_pid()`,
        )
      )[0].n
    for (let i = 0; i < 50 && (await running()) > 0; i++) await sleep(100)
    expect(await running()).toBe(0)
  })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
