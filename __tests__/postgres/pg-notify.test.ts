import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { QUICK, runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
const schema = `perfgate_notify_${process.pid}`

beforeAll(async () => {
  db = await startTestDatabase('notify')
  await db.sql(`CREATE SCHEMA ${schema}`)
})

afterAll(async () => {
  await db?.sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined)
  await db?.stop()
})

const otherBackends = async (): Promise<number> =>
  (
    await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
  )[0].n

describe('pg-notify kind against a real PostgreSQL', () => {
  it('times LISTEN/NOTIFY round trips with a persistent listener and closes both connections', async () => {
    const before = await otherBackends()
    const results = await runYaml(
      `benches:
  - name: notify
    kind: pg-notify
    ${QUICK}
`,
      { DATABASE_URL: db.url },
    )
    const [notify] = results.benches
    expect(notify.reason).toBeUndefined()
    expect(notify.status).toBe('ok')
    const [time] = notify.metrics
    expect(time).toMatchObject({ name: 'time', unit: 'ms' })
    expect(time.samples.length).toBeGreaterThanOrEqual(6)
    expect(time.samples.every((s) => s > 0)).toBe(true)
    expect(notify.noiseThreshold).toBe(0.15)
    expect(notify.details).toMatchObject({
      channel: 'perfgate_bench',
      notifySql: 'SELECT pg_notify($2, $1)',
    })
    expect(await otherBackends()).toBe(before)
  })

  it('times a user function that notifies, and cleans up with teardown', async () => {
    const results = await runYaml(
      `benches:
  - name: send-with-notify
    kind: pg-notify
    ${QUICK}
    search-path: ${schema}
    channel: queue_ready
    setup: |
      CREATE TABLE queue (id serial PRIMARY KEY, message text);
      CREATE FUNCTION send_with_notify(msg text) RETURNS int LANGUAGE plpgsql AS $$
      DECLARE new_id int;
      BEGIN
        INSERT INTO queue (message) VALUES (msg) RETURNING id INTO new_id;
        PERFORM pg_notify('queue_ready', json_build_object('id', new_id, 'message', msg)::text);
        RETURN new_id;
      END $$;
    notify-sql: SELECT send_with_notify($1)
    payload: 'job {{token}}'
    teardown: DROP FUNCTION send_with_notify(text); DROP TABLE queue
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches[0].reason).toBeUndefined()
    expect(results.benches[0].status).toBe('ok')
    const left = await db.sql<{ t: string | null }>(`SELECT to_regclass('${schema}.queue') AS t`)
    expect(left[0].t).toBeNull()
  })

  it('fails a sample that gets no notification within sample-timeout, saying which channel', async () => {
    const results = await runYaml(
      `benches:
  - name: wrong-channel
    kind: pg-notify
    ${QUICK}
    channel: expected
    notify-sql: SELECT pg_notify('elsewhere', $1)
    sample-timeout: 100ms
`,
      { DATABASE_URL: db.url },
    )
    expect(results.benches[0].status).toBe('error')
    expect(results.benches[0].reason).toBe(
      'no notification on channel "expected" within 100ms (sample-timeout): does notify-sql `SELECT pg_notify(\'elsewhere\', $1)` notify that channel with the payload?',
    )
  })
})
