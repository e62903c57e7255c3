/**
 * The two queues a `queue` bench drives, behind one interface: a plain queue table in a throwaway
 * schema (the FOR UPDATE SKIP LOCKED pattern PGMQ itself uses), and PGMQ through its functions.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { QueueSpec } from '../../config/kinds/queue.js'
import { BenchSkipped } from '../outcome.js'
import { runSql } from './connect.js'

/** A queue created for one bench: the operations it times, and the untimed ones around them. */
export interface BenchQueue {
  /** What the details record, e.g. `table perfgate_queue_ab12cd.queue` or `pgmq 1.5.1`. */
  description: string
  /** Empties the queue, then puts `depth` messages in it in one statement and analyzes the table. */
  reset(depth: number): Promise<void>
  /** Sends a batch of messages in one statement. */
  send(messages: string[]): Promise<void>
  /** Reads up to `count` visible messages (hiding them for the visibility timeout); their ids. */
  read(count: number): Promise<string[]>
  /** Deletes or archives (the bench's `ack`) messages by id. */
  ack(ids: string[]): Promise<void>
  /** Drops the queue and everything perfgate created for it. */
  drop(): Promise<void>
}

/** Creates the bench's queue on `client`; `engine: pgmq` skips the bench when PGMQ is absent. */
export async function createQueue(client: pg.Client, spec: QueueSpec): Promise<BenchQueue> {
  // A fresh name per run: two runs against one database never share (or drop) a queue.
  const suffix = randomBytes(4).toString('hex')
  return spec.engine === 'pgmq'
    ? createPgmqQueue(client, spec, `perfgate_${suffix}`)
    : createTableQueue(client, spec, `perfgate_queue_${suffix}`)
}

async function createTableQueue(
  client: pg.Client,
  spec: QueueSpec,
  schemaName: string,
): Promise<BenchQueue> {
  const table = `${client.escapeIdentifier(schemaName)}.queue`
  const archive = `${client.escapeIdentifier(schemaName)}.archive`
  await runSql(
    client,
    `CREATE SCHEMA ${client.escapeIdentifier(schemaName)};
     CREATE TABLE ${table} (
       msg_id bigint GENERATED ALWAYS AS IDENTITY,
       read_ct integer NOT NULL DEFAULT 0,
       enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       vt timestamptz NOT NULL DEFAULT clock_timestamp(),
       message jsonb NOT NULL);
     CREATE TABLE ${archive} (
       msg_id bigint NOT NULL,
       read_ct integer NOT NULL,
       enqueued_at timestamptz NOT NULL,
       archived_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       vt timestamptz NOT NULL,
       message jsonb NOT NULL)`,
    'creating the queue table',
  )
  // The same indexes as a PGMQ queue table: the message id, and the visibility time.
  if (spec.index) {
    await runSql(
      client,
      `ALTER TABLE ${table} ADD PRIMARY KEY (msg_id); CREATE INDEX ON ${table} (vt)`,
      'indexing the queue table',
    )
  }
  const statements = {
    send: {
      name: 'perfgate_queue_send',
      text: `INSERT INTO ${table} (message) SELECT unnest($1::jsonb[])`,
    },
    read: {
      name: 'perfgate_queue_read',
      text: `WITH picked AS (
               SELECT msg_id FROM ${table} WHERE vt <= clock_timestamp()
               ORDER BY msg_id LIMIT $1 FOR UPDATE SKIP LOCKED)
             UPDATE ${table} AS q
             SET vt = clock_timestamp() + make_interval(secs => $2), read_ct = q.read_ct + 1
             FROM picked WHERE q.msg_id = picked.msg_id
             RETURNING q.msg_id::text AS msg_id`,
    },
    delete: {
      name: 'perfgate_queue_delete',
      text: `DELETE FROM ${table} WHERE msg_id = ANY($1::bigint[])`,
    },
    // As pgmq.archive does: delete from the queue and insert into its archive, in one statement.
    archive: {
      name: 'perfgate_queue_archive',
      text: `WITH moved AS (
               DELETE FROM ${table} WHERE msg_id = ANY($1::bigint[])
               RETURNING msg_id, read_ct, enqueued_at, vt, message)
             INSERT INTO ${archive} (msg_id, read_ct, enqueued_at, vt, message)
             SELECT msg_id, read_ct, enqueued_at, vt, message FROM moved`,
    },
  }
  return {
    description: `table ${schemaName}.queue${spec.index ? '' : ' (no indexes)'}`,
    reset: async (depth) => {
      await runSql(client, `TRUNCATE ${table}, ${archive}`, 'emptying the queue')
      await seed(client, table, depth)
    },
    send: async (messages) => {
      await client.query({ ...statements.send, values: [messages] })
    },
    read: async (count) => {
      const result = await client.query({
        ...statements.read,
        values: [count, spec.visibilityTimeout],
      })
      return result.rows.map((row: { msg_id: string }) => row.msg_id)
    },
    ack: async (ids) => {
      await client.query({ ...statements[spec.ack], values: [ids] })
    },
    drop: async () => {
      await runSql(
        client,
        `DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schemaName)} CASCADE`,
        'dropping the queue schema',
      )
    },
  }
}

async function createPgmqQueue(
  client: pg.Client,
  spec: QueueSpec,
  name: string,
): Promise<BenchQueue> {
  const pgmq = await findPgmq(client)
  if (pgmq.version === null) {
    throw new BenchSkipped(
      pgmq.available
        ? 'engine: pgmq, but the pgmq extension is not created in this database (run CREATE EXTENSION pgmq)'
        : 'engine: pgmq, but the pgmq extension is not installed on this server (use engine: table, or a server with PGMQ)',
    )
  }
  const version = pgmq.version
  await runSql(client, 'SELECT pgmq.create($1)', 'pgmq.create', [name])
  const table = `pgmq.${client.escapeIdentifier(`q_${name}`)}`
  if (!spec.index) await dropIndexes(client, table)
  return {
    description: `pgmq (${version}) queue ${name}${spec.index ? '' : ' (no indexes)'}`,
    reset: async (depth) => {
      await runSql(client, `TRUNCATE ${table}`, 'emptying the queue')
      await seed(client, table, depth)
    },
    send: async (messages) => {
      await client.query({
        name: 'perfgate_pgmq_send',
        text: 'SELECT pgmq.send_batch($1, $2::jsonb[])',
        values: [name, messages],
      })
    },
    read: async (count) => {
      const result = await client.query({
        name: 'perfgate_pgmq_read',
        text: 'SELECT msg_id::text AS msg_id FROM pgmq.read($1, $2, $3)',
        values: [name, spec.visibilityTimeout, count],
      })
      return result.rows.map((row: { msg_id: string }) => row.msg_id)
    },
    ack: async (ids) => {
      await client.query({
        name: `perfgate_pgmq_${spec.ack}`,
        text: `SELECT pgmq.${spec.ack}($1, $2::bigint[])`,
        values: [name, ids],
      })
    },
    drop: async () => {
      await runSql(client, 'SELECT pgmq.drop_queue($1)', 'pgmq.drop_queue', [name])
    },
  }
}

/**
 * Which PGMQ the database has: the extension's version, `SQL-only install` when its functions
 * were installed from pgmq.sql without the extension (PGMQ supports both), or null; and whether
 * the server could create the extension.
 */
async function findPgmq(
  client: pg.Client,
): Promise<{ version: string | null; available: boolean }> {
  const found = await runSql(
    client,
    `SELECT COALESCE(
              (SELECT extversion FROM pg_extension WHERE extname = 'pgmq'),
              (SELECT 'SQL-only install' FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace
                WHERE n.nspname = 'pgmq' AND p.proname = 'send_batch' LIMIT 1)) AS version,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgmq') AS available`,
    'looking for pgmq',
  )
  return found.rows[0] as { version: string | null; available: boolean }
}

/** Seeds `depth` waiting messages in one INSERT ... SELECT (100,000 take well under a second). */
async function seed(client: pg.Client, table: string, depth: number): Promise<void> {
  if (depth > 0) {
    await runSql(
      client,
      // vt explicitly: PGMQ's queue tables have no default for it.
      `INSERT INTO ${table} (vt, message)
       SELECT clock_timestamp(), jsonb_build_object('seed', g) FROM generate_series(1, $1::int) AS g`,
      'seeding the queue',
      [depth],
    )
  }
  // Fresh statistics, so the planner sees the depth (autovacuum would only catch up later).
  await runSql(client, `ANALYZE ${table}`, 'analyzing the queue table')
}

/** Drops every index of a table, its primary key included (`index: false`). */
async function dropIndexes(client: pg.Client, table: string): Promise<void> {
  const constraints = await runSql(
    client,
    `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
    'listing the queue table constraints',
    [table],
  )
  for (const { conname } of constraints.rows as { conname: string }[]) {
    await runSql(
      client,
      `ALTER TABLE ${table} DROP CONSTRAINT ${client.escapeIdentifier(conname)}`,
      'dropping a queue table constraint',
    )
  }
  const indexes = await runSql(
    client,
    `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass`,
    'listing the queue table indexes',
    [table],
  )
  for (const { name } of indexes.rows as { name: string }[]) {
    await runSql(client, `DROP INDEX ${name}`, 'dropping a queue table index')
  }
}
