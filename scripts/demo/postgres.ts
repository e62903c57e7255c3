/**
 * The PostgreSQL part of `npm run demo:all`: two queries of examples/postgres on a throwaway
 * embedded server; the branch drops a unique constraint, and with it the index that finds a
 * task's steps, so one query turns into a scan of all steps while the other keeps its indexes.
 * `perfgate ab` gives each side its own database, set up from that side's schema.sql.
 */
import { startEmbeddedPostgres } from '../embedded-postgres.js'
import type { Change } from './change.js'
import { example } from './examples.js'
import { pairedDemo, type PartOutcome } from './paired.js'

/** The bench the branch slows (one result per drawn case). */
export const SQL_SLOWED = 'sql/step-readiness'

const CONFIG = `# Two benches of examples/postgres/perfgate.yml, with fewer cases and a shorter budget.
defaults:
  samples: 30
  time: 500ms
  warmup: 200ms
  rounds: 3
  requires: [DATABASE_URL]

benches:
  # A task's steps with their parents: finds the steps by task_id.
  - name: ${SQL_SLOWED}
    kind: sql
    setup-file: schema.sql
    search-path: [tasker, public]
    query: SELECT * FROM get_step_readiness_status($1)
    params-query: |
      SELECT task_id, named_task_id FROM tasks WHERE status IN ('pending', 'in_progress')
    key: task_id
    stratify-by: named_task_id
    cases: 2
    seed: 1

  # Recursive CTE over the step graph: edges and steps by their primary keys only.
  - name: sql/transitive-deps
    kind: sql
    setup-file: schema.sql
    search-path: [tasker, public]
    query: SELECT * FROM get_step_transitive_dependencies($1)
    params-query: |
      SELECT s.step_id, t.named_task_id
      FROM steps AS s JOIN tasks AS t USING (task_id)
      WHERE s.position >= 5
    key: step_id
    stratify-by: named_task_id
    cases: 2
    seed: 1
`

const DROP_UNIQUE: Change = {
  file: 'schema.sql',
  before: '  last_attempted_at timestamptz,\n  UNIQUE (task_id, position)\n);\n',
  after: '  last_attempted_at timestamptz\n);\n',
  branch: 'no-step-position-key',
  message: "drop steps' UNIQUE (task_id, position), the index that finds a task's steps",
}

/** Starts a throwaway PostgreSQL, runs the paired comparison on it, stops it. */
export async function postgresDemo(say: (line: string) => void): Promise<PartOutcome> {
  say('   Starting a throwaway PostgreSQL (the embedded-postgres package) ...')
  const server = await startEmbeddedPostgres({ label: 'demo' })
  say(`   PostgreSQL on 127.0.0.1:${server.port} (${(server.startMs / 1000).toFixed(0)} s)`)
  try {
    return await pairedDemo(
      {
        label: 'sql',
        files: { 'perfgate.yml': CONFIG, 'schema.sql': example('postgres/schema.sql') },
        change: DROP_UNIQUE,
        env: { DATABASE_URL: server.url },
      },
      say,
    )
  } finally {
    await server.stop()
  }
}
