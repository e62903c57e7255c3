/** Opening and closing PostgreSQL connections for benches, with errors a user can act on. */
import pg from 'pg'
import type { ConnectionSpec } from '../../config/kinds/postgres-fields.js'
import { BenchError, BenchSkipped, type RunContext } from '../outcome.js'
import { lookUpMissingObjectHint } from './missing-object-hint.js'

/** Where a bench connected: safe to record (no user, no password). */
export interface ServerInfo {
  host: string
  port: number
  database: string
  version: string
}

/** An open connection and where it goes. */
export interface Connection {
  client: pg.Client
  server: ServerInfo
  /** Ends the connection; safe to call twice, never throws. */
  close(): Promise<void>
}

/** The connection URL from the bench's env var, registered as a secret; skips the bench when unset. */
export function readDatabaseUrl(spec: ConnectionSpec, ctx: RunContext): string {
  const url = ctx.env[spec.urlEnv]
  if (url === undefined || url.trim() === '') {
    throw new BenchSkipped(`${spec.urlEnv} is not set (it should hold the PostgreSQL URL)`)
  }
  ctx.secret(url)
  const password = passwordOf(url)
  if (password !== undefined) {
    ctx.secret(password)
    ctx.secret(encodeURIComponent(password))
  }
  // The value is never echoed: it may be a password pasted into the wrong variable.
  if (!/^postgres(ql)?:\/\//.test(url.trim()) && !/^\s*\w+\s*=/.test(url)) {
    throw new BenchError(
      `${spec.urlEnv} is not a PostgreSQL URL: expected postgres://user:password@host:port/database`,
    )
  }
  return url
}

function passwordOf(url: string): string | undefined {
  try {
    const password = new URL(url).password
    return password === '' ? undefined : decodeURIComponent(password)
  } catch {
    // A key=value connection string: take password=... if there is one.
    return /(?:^|\s)password\s*=\s*'?([^'\s]+)/.exec(url)?.[1]
  }
}

/**
 * Connects, sets search_path, reads the server version. The connection ends when the bench's
 * signal aborts (its timeout), so a hung query never outlives the bench.
 */
export async function openConnection(
  url: string,
  spec: ConnectionSpec,
  ctx: RunContext,
): Promise<Connection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  // A dropped connection emits 'error'; without a listener Node would crash the whole run.
  client.on('error', () => undefined)
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    ctx.signal.removeEventListener('abort', onAbort)
    await client.end().catch(() => undefined)
  }
  // Ending the socket alone leaves a long query running on the server; cancel it first.
  const onAbort = (): void => void cancelBackend(url, backendPid(client)).finally(close)
  ctx.signal.addEventListener('abort', onAbort)
  const where = { host: client.host, port: client.port, database: client.database ?? '' }
  try {
    await client.connect()
  } catch (error) {
    await close()
    throw new BenchError(describeConnectError(error, where, spec.urlEnv))
  }
  try {
    if (spec.searchPath.length > 0) {
      const schemas = spec.searchPath.map((schema) => client.escapeIdentifier(schema)).join(', ')
      await runSql(client, `SET search_path TO ${schemas}`, 'search-path')
    }
    const version = await runSql(client, 'SHOW server_version', 'reading the server version')
    const server = {
      ...where,
      version:
        (version.rows[0] as { server_version?: string } | undefined)?.server_version ?? 'unknown',
    }
    return { client, server, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** Cancels the running query of backend `pid` from a short-lived second connection. */
export async function cancelBackend(url: string, pid: number | null): Promise<void> {
  if (pid === null) return
  const canceller = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  canceller.on('error', () => undefined)
  try {
    await canceller.connect()
    await canceller.query('SELECT pg_cancel_backend($1)', [pid])
  } catch {
    // Best effort: the server may be gone; closing the socket below still frees our side.
  } finally {
    await canceller.end().catch(() => undefined)
  }
}

/** A one-line reason a connection failed, naming host and port and the variable to fix. */
export function describeConnectError(
  error: unknown,
  where: { host: string; port: number; database: string },
  urlEnv: string,
): string {
  const at = `PostgreSQL at ${where.host}:${where.port}`
  const code = errorCode(error)
  const message = error instanceof Error ? error.message : String(error)
  const why = (() => {
    switch (code) {
      case 'ECONNREFUSED':
        return 'connection refused: is the server running and listening on that port?'
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `host "${where.host}" was not found`
      case 'ETIMEDOUT':
        return 'the connection timed out'
      case 'ECONNRESET':
        return 'the server closed the connection'
      case '28P01':
      case '28000':
        return `authentication failed (${message})`
      case '3D000':
        return `database "${where.database}" does not exist`
      default:
        return /timeout/i.test(message) ? 'the connection timed out after 10s' : message
    }
  })()
  return `cannot connect to ${at} (from ${urlEnv}): ${why}`
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  // Node reports a refused dual-stack connect (localhost → ::1 and 127.0.0.1) as an AggregateError.
  const inner = (error as { errors?: unknown[] }).errors
  return Array.isArray(inner) ? errorCode(inner[0]) : undefined
}

/** Runs SQL; a failure becomes a BenchError with the server's message and the SQL's first line. */
export async function runSql(
  client: pg.Client,
  sql: string,
  what: string,
  params?: unknown[],
): Promise<pg.QueryResult> {
  try {
    return await client.query(sql, params)
  } catch (error) {
    throw new BenchError(await describeQueryErrorOn(client, error, sql, what))
  }
}

/**
 * describeQueryError, with a hint looked up on `client` for a missing function or relation
 * (which schemas hold it: a missing search-path). The client must not be inside an aborted
 * transaction (roll back first), or the lookup fails and the server's own hint stays.
 */
export async function describeQueryErrorOn(
  client: pg.ClientBase,
  error: unknown,
  sql: string,
  what: string,
): Promise<string> {
  return describeQueryError(error, sql, what, await lookUpMissingObjectHint(client, error))
}

/**
 * `query failed: relation "x" does not exist (42P01) in `SELECT ...`; hint: ...`. `hint` replaces the
 * server's hint (its "add explicit type casts" misleads when the schema is what is missing).
 */
export function describeQueryError(
  error: unknown,
  sql: string,
  what: string,
  hint?: string,
): string {
  const db = error as { message?: string; code?: string; hint?: string; detail?: string }
  const message = db?.message ?? String(error)
  const code = typeof db?.code === 'string' && /^[0-9A-Z]{5}$/.test(db.code) ? ` (${db.code})` : ''
  const shown = hint ?? db?.hint
  const hintText = shown ? `; hint: ${shown}` : ''
  return `${what} failed: ${message}${code} in \`${firstLine(sql)}\`${hintText}`
}

/** The first non-empty line of some SQL, for messages. */
export function firstLine(sql: string): string {
  const line = sql.split('\n').find((l) => l.trim() !== '') ?? ''
  return line.trim().length > 120 ? `${line.trim().slice(0, 117)}...` : line.trim()
}

/** The server process id of a connection (pg keeps it; its type declarations omit it). */
export function backendPid(client: pg.Client): number | null {
  return (client as unknown as { processID: number | null }).processID
}
