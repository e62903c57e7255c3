/**
 * A suite shaped like a real one (a workflow engine's schema `tasker`, UUID keys, PL/pgSQL
 * functions) against a real PostgreSQL: hints for a missing search-path, case labels, and
 * inner statements named by their target.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { BenchResult } from '../../src/results/types.js'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
const schema = `tasker_${process.pid}`
/** The same data with other random uuids: the head side's database of a PR. */
const other = `tasker_other_${process.pid}`

beforeAll(async () => {
  db = await startTestDatabase('suite')
  await db.sql(seed(schema))
})

const seed = (schema: string) => `
    CREATE SCHEMA ${schema};
    SET search_path TO ${schema};
    CREATE TABLE named_tasks (named_task_uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
    CREATE TABLE tasks (task_uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(), named_task_uuid uuid NOT NULL, size text NOT NULL);
    CREATE TABLE workflow_steps (step_uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(), task_uuid uuid NOT NULL, ready boolean NOT NULL);
    INSERT INTO named_tasks (name) VALUES ('linear'), ('diamond');
    INSERT INTO tasks (named_task_uuid, size)
      SELECT n.named_task_uuid, CASE WHEN i % 2 = 0 THEN 'small' ELSE 'large' END
        FROM named_tasks n, generate_series(1, 10) AS i;
    INSERT INTO workflow_steps (task_uuid, ready)
      SELECT t.task_uuid, i % 3 = 0 FROM tasks t, generate_series(1, 20) AS i;
    CREATE INDEX ON workflow_steps (task_uuid);
    CREATE FUNCTION step_ready(t uuid) RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE n bigint;
    BEGIN
      WITH
        ready AS (SELECT * FROM workflow_steps WHERE task_uuid = t AND ready)
      SELECT count(*) INTO n FROM ready;
      UPDATE workflow_steps SET ready = ready WHERE task_uuid = t AND false;
      RETURN n;
    END $$;
    ANALYZE;
  `

afterAll(async () => {
  await db?.sql(`DROP SCHEMA IF EXISTS ${schema}, ${other} CASCADE`).catch(() => undefined)
  await db?.stop()
})

const env = () => ({ DATABASE_URL: db.url })
const bench = (body: string) => `benches:
  - kind: sql
    ${QUICK}
    ${body.trim().split('\n').join('\n    ')}
`
const failed = (result: BenchResult | undefined): string => {
  expect(result?.status).toBe('error')
  return result?.reason ?? ''
}

describe('hints for a function or table that does not exist (42883, 42P01)', () => {
  it('names the schema that holds the function when search-path is missing', async () => {
    const results = await runYaml(
      bench(`
name: ready
query: SELECT step_ready($1::uuid)
params: ['00000000-0000-0000-0000-000000000000']
explain: false`),
      env(),
    )
    const reason = failed(results.benches[0])
    expect(reason).toContain('function step_ready(uuid) does not exist (42883)')
    expect(reason).toContain(
      `hint: add search-path: [${schema}, public] to this bench (function "step_ready" exists in schema ${schema})`,
    )
    expect(reason).not.toContain('explicit type casts')
  })

  it('does the same for a table in params-query, and for a rolled-back sample', async () => {
    const fromParams = await runYaml(
      bench(`
name: steps
query: SELECT 1
params-query: SELECT task_uuid FROM workflow_steps`),
      env(),
    )
    expect(failed(fromParams.benches[0])).toContain(
      `relation "workflow_steps" does not exist (42P01) in \`SELECT task_uuid FROM workflow_steps\`; hint: add search-path: [${schema}, public] to this bench`,
    )
    const rolledBack = await runYaml(
      bench(`
name: write
query: UPDATE workflow_steps SET ready = true
rollback: true
explain: false`),
      env(),
    )
    expect(failed(rolledBack.benches[0])).toContain(`hint: add search-path: [${schema}, public]`)
  })

  it('gives the hint in throughput mode too, from the pooled connection', async () => {
    const results = await runYaml(
      `benches:
  - name: pooled
    kind: sql
    query: SELECT count(*) FROM workflow_steps WHERE task_uuid = $1::uuid
    params: ['00000000-0000-0000-0000-000000000000']
    concurrency: [2]
    rollback: true
    duration: 200ms
    warmup: 50ms
`,
      env(),
    )
    expect(failed(results.benches[0])).toContain(
      `(42P01) in \`SELECT count(*) FROM workflow_steps WHERE task_uuid = $1::uuid\`; hint: add search-path: [${schema}, public] to this bench`,
    )
  })

  it('names the argument types when the function is on the path, and says when nothing holds it', async () => {
    const wrongType = await runYaml(
      bench(`
name: typed
search-path: [${schema}, public]
query: SELECT step_ready($1::text)
params: [abc]
explain: false`),
      env(),
    )
    expect(failed(wrongType.benches[0])).toContain(
      `hint: function "step_ready" exists in schema ${schema} but takes other argument types: ${schema}.step_ready(uuid); cast the parameters, e.g. $1::uuid`,
    )
    const nowhere = await runYaml(
      bench(`
name: gone
query: SELECT no_such_function_anywhere(1)
explain: false`),
      env(),
    )
    expect(failed(nowhere.benches[0])).toContain(
      'hint: function "no_such_function_anywhere" does not exist in any schema of this database',
    )
  })
})

describe('case labels', () => {
  beforeAll(async () => {
    await db.sql(seed(other))
  })
  afterAll(async () => {
    await db?.sql(`DROP SCHEMA IF EXISTS ${other} CASCADE`).catch(() => undefined)
  })

  const drawn = (schemaName: string, fields: string) =>
    bench(`
name: ready
search-path: [${schemaName}, public]
query: SELECT step_ready($1)
params-query: SELECT t.task_uuid, t.size, n.name AS workflow FROM tasks t JOIN named_tasks n USING (named_task_uuid)
param-columns: [task_uuid]
cases: 4
explain: false
${fields}`)

  it('names stratified uuid-keyed cases by their stratum, the same in a database with other uuids', async () => {
    const base = await runYaml(drawn(schema, 'stratify-by: size'), env())
    const head = await runYaml(drawn(other, 'stratify-by: size'), env())
    const names = base.benches.map((b) => b.name)
    expect(names).toEqual(['ready/large#1', 'ready/large#2', 'ready/small#1', 'ready/small#2'])
    expect(head.benches.map((b) => b.name)).toEqual(names)
    for (const result of base.benches) {
      expect(result.status).toBe('ok')
      expect(result.details).toMatchObject({ label: result.name.slice('ready/'.length) })
      expect(String(result.details?.key)).toMatch(/^[0-9a-f-]{36}$/)
    }
    // The uuids differ per database: without the stratum names nothing would pair.
    expect(head.benches.map((b) => b.details?.key)).not.toEqual(
      base.benches.map((b) => b.details?.key),
    )
  })

  it('names cases by a label template of params-query columns', async () => {
    const results = await runYaml(drawn(schema, 'label: "{workflow}/{size}"'), env())
    const names = results.benches.map((b) => b.name)
    expect(names).toHaveLength(4)
    expect(new Set(names).size).toBe(4)
    for (const name of names) expect(name).toMatch(/^ready\/(linear|diamond)\/(small|large)(#\d)?$/)
    const wrong = await runYaml(drawn(schema, 'label: "{workflow}/{colour}"'), env())
    expect(failed(wrong.benches[0])).toContain(
      'label names column "colour", but params-query returns "task_uuid", "size", "workflow"',
    )
  })
})

describe('inner statements', () => {
  it('are labelled by their target in the plan of a PL/pgSQL function, not by "WITH"', async () => {
    const results = await runYaml(
      bench(`
name: ready
search-path: [${schema}, public]
query: SELECT step_ready($1)
params-query: SELECT task_uuid FROM tasks
cases: 1`),
      env(),
    )
    const [result] = results.benches
    expect(result.status).toBe('ok')
    const plan = result.details?.plan as {
      depth: string
      inner: { query: string; label: string }[]
    }
    expect(plan.depth).toBe('nested')
    expect(plan.inner.map((inner) => [inner.query, inner.label])).toEqual([
      ['WITH', 'WITH … SELECT FROM workflow_steps'],
      [
        'UPDATE workflow_steps SET ready = ready WHERE task_uuid = t AND false',
        'UPDATE workflow_steps',
      ],
    ])
  })
})
