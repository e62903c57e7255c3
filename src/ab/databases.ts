/**
 * Per-side databases of A/B mode: base and head each get their own database on the server the
 * bench's URL names, so each side's migrations (its `build`) and SQL functions stay apart.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { BenchConfig } from '../config/types.js'
import type { ConnectionSpec } from '../config/kinds/postgres-fields.js'
import type { Side } from './interleave.js'
import { AbSetupError } from './git.js'

/** A database created for one side; drop() removes it (never throws). */
export interface SideDatabase {
  side: Side
  name: string
  url: string
  drop: () => Promise<void>
}

/** The env variables holding the URL of the PostgreSQL benches among `benches` (usually DATABASE_URL). */
export function databaseUrlVariables(benches: readonly BenchConfig[]): string[] {
  const names = benches
    .filter((b) => b.spec.kind === 'sql' || b.spec.kind === 'pg-notify')
    .map((b) => (b.spec as unknown as ConnectionSpec).urlEnv)
  return [...new Set(names)]
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AbSetupError(
      'A/B mode needs the database URL as postgres://user:password@host:port/database (a key=value string cannot be re-pointed at a per-side database)',
    )
  }
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Creates `perfgate_<side>_<random>` on the server of `url`. */
export async function createSideDatabase(url: string, side: Side): Promise<SideDatabase> {
  const name = `perfgate_${side}_${randomBytes(4).toString('hex')}`
  await onServer(url, `CREATE DATABASE ${name}`)
  return {
    side,
    name,
    url: withDatabase(url, name),
    drop: async () => {
      await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() =>
        onServer(url, `DROP DATABASE IF EXISTS ${name}`).catch(() => undefined),
      )
    },
  }
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query(sql)
  } catch (error) {
    // Never the URL: it holds the password.
    const message = error instanceof Error ? error.message : String(error)
    throw new AbSetupError(
      `${sql.split(' ').slice(0, 2).join(' ')} for A/B mode failed: ${message}`,
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}
