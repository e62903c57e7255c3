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

beforeAll(async () => {
  db = await startTestDatabase('suite')
  await db.sql(`
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
      WITH ready AS (SELECT * FROM workflow_steps WHERE task_uuid = t AND ready)
      SELECT count(*) INTO n FROM ready;
      UPDATE workflow_steps SET ready = ready WHERE task_uuid = t AND false;
      RETURN n;
    END $$;
    ANALYZE;
  `)
})

afterAll(async () => {
  await db?.sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined)
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
