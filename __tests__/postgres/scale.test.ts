import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { growthCurves } from '../../src/budgets/curves.js'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase

beforeAll(async () => {
  db = await startTestDatabase('scale')
})

afterAll(async () => {
  await db?.sql('DROP SCHEMA IF EXISTS tasker CASCADE').catch(() => undefined)
  await db?.sql('DROP TABLE IF EXISTS perfgate_sizes').catch(() => undefined)
  await db?.stop()
})

const counts = async () =>
  (
    await db.sql(
      `SELECT (SELECT count(*)::int FROM tasker.tasks) AS tasks,
              (SELECT count(*)::int FROM tasker.steps) AS steps,
              (SELECT count(*)::int FROM tasker.step_edges) AS edges`,
    )
  )[0]

describe('scale: with a real PostgreSQL', () => {
  it('templates the size into setup, query and teardown, one result row per size', async () => {
    const results = await runYaml(
      `benches:
  - name: sized
    kind: sql
    ${QUICK}
    setup: CREATE TABLE IF NOT EXISTS perfgate_sizes (n int); INSERT INTO perfgate_sizes VALUES ({{n}})
    query: SELECT count(*) FROM generate_series(1, {{n}})
    teardown: INSERT INTO perfgate_sizes VALUES (-{{n}})
    scale: {param: n, values: [10, 1000]}
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches.map((b) => [b.name, b.status, b.scale])).toEqual([
      ['sized[n=10]', 'ok', { bench: 'sized', param: 'n', value: 10 }],
      ['sized[n=1000]', 'ok', { bench: 'sized', param: 'n', value: 1000 }],
    ])
    const rows = await db.sql<{ n: number }>('SELECT n FROM perfgate_sizes')
    expect(rows.map((row) => row.n)).toEqual([10, -10, 1000, -1000])
  })

  it('the example reseeds n tasks per size and restores the standard 2,000 afterwards', async () => {
    await db.sql(await readFile('examples/postgres/schema.sql', 'utf8'))
    const standard = await counts()
    expect(standard).toMatchObject({ tasks: 2000, steps: 9000 })
    const results = await runYaml(
      `benches:
  - name: next-ready
    kind: sql
    ${QUICK}
    setup-file: examples/postgres/schema.sql
    search-path: [tasker, public]
    setup: SELECT reseed_tasks({{tasks}})
    teardown: SELECT reseed_tasks(2000)
    query: SELECT count(*) FROM tasks
    explain: false
    scale: {param: tasks, values: [100, 1000, 10000]}
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches.map((b) => [b.name, b.status, b.reason])).toEqual([
      ['next-ready[tasks=100]', 'ok', undefined],
      ['next-ready[tasks=1000]', 'ok', undefined],
      ['next-ready[tasks=10000]', 'ok', undefined],
    ])
    // count(*) over n rows: the curve is measured at each size and grows with it.
    const [curve] = growthCurves(results.benches)
    expect(curve.points.map((p) => p.size)).toEqual([100, 1000, 10000])
    expect(curve.points[2].value).toBeGreaterThan(curve.points[0].value)
    // Teardown put back exactly the seeded data the other benches read.
    expect(await counts()).toEqual(standard)
    await db.sql('SELECT tasker.reseed_tasks(1000)')
    expect((await counts()).tasks).toBe(1000)
  }, 120_000)
})
