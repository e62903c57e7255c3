import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readConfig } from '../../src/config/read.js'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase

beforeAll(async () => {
  db = await startTestDatabase('example')
})

afterAll(async () => {
  await db?.sql('DROP SCHEMA IF EXISTS tasker CASCADE').catch(() => undefined)
  await db?.stop()
})

const counts = async () =>
  (
    await db.sql<{ tasks: number; steps: number; edges: number; pending: number }>(
      `SELECT (SELECT count(*)::int FROM tasker.tasks) AS tasks,
              (SELECT count(*)::int FROM tasker.steps) AS steps,
              (SELECT count(*)::int FROM tasker.step_edges) AS edges,
              (SELECT count(*)::int FROM tasker.tasks WHERE status = 'pending') AS pending`,
    )
  )[0]

describe('examples/postgres', () => {
  it('has a valid perfgate.yml', async () => {
    const loaded = await readConfig('examples/postgres/perfgate.yml')
    expect(loaded.ok).toBe(true)
  })

  it('seeds the same data every time, and its functions show their inner plans', async () => {
    const results = await runYaml(
      `benches:
  - name: next-ready
    kind: sql
    ${QUICK}
    setup-file: examples/postgres/schema.sql
    search-path: [tasker, public]
    query: SELECT * FROM get_next_ready_tasks($1)
    params: [5]
`,
      { DATABASE_URL: db.url },
    )
    const [bench] = results.benches
    expect(bench.reason).toBeUndefined()
    const plan = bench.details?.plan as {
      depth: string
      rows: number
      inner: { query: string; calls: number }[]
    }
    expect(plan.rows).toBe(5)
    if (plan.depth === 'nested') {
      // get_step_readiness_status runs once per returned task: one entry, five calls.
      expect(plan.inner.map((inner) => inner.calls).sort()).toEqual([1, 5])
    }
    const first = await counts()
    expect(first).toMatchObject({ tasks: 2000, steps: 9000 })
    // Idempotent: running the file again changes nothing, and the seeded random data repeats.
    await db.sql(await readFile('examples/postgres/schema.sql', 'utf8'))
    expect(await counts()).toEqual(first)
    await db.sql('DROP SCHEMA tasker CASCADE')
    await db.sql(await readFile('examples/postgres/schema.sql', 'utf8'))
    expect(await counts()).toEqual(first)
  })
})
