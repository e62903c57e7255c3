/** A pg.Pool for throughput benches: fixed size, connections opened and configured before timing. */
import pg from 'pg'
import type { ConnectionSpec } from '../../config/kinds/postgres-fields.js'
import { BenchError } from '../outcome.js'
import { backendPid, cancelBackend, describeConnectError } from './connect.js'

/** A pool whose `size` connections are all open, with the bench's search_path set on each. */
export interface WarmPool {
  pool: pg.Pool
  size: number
  /** Checks out a connection; resolves when one is free (the wait a client sees under load). */
  acquire(): Promise<pg.PoolClient>
  /** Ends every connection; safe to call twice, never throws. */
  close(): Promise<void>
}

/**
 * Opens a pool of `size` connections and opens all of them before returning, so the first timed
 * operations do not pay for connecting (that would read as acquisition wait). Idle connections
 * never time out: a level measures a steady pool, not one that shrinks and reconnects.
 */
export async function openWarmPool(
  url: string,
  spec: ConnectionSpec,
  size: number,
  signal: AbortSignal,
): Promise<WarmPool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 10_000,
  })
  // A dropped connection emits 'error' on the pool; without a listener Node would crash the run.
  pool.on('error', () => undefined)
  const backends = new Set<number>()
  pool.on('connect', (client) => {
    const pid = backendPid(client)
    if (pid !== null) backends.add(pid)
  })
  const configured = new WeakSet<pg.PoolClient>()
  const searchPath = spec.searchPath.map((schema) => pg.escapeIdentifier(schema))
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    signal.removeEventListener('abort', onAbort)
    await pool.end().catch(() => undefined)
  }
  // At the bench's timeout: cancel what the connections run (ending the sockets alone would leave
  // a long query running on the server), then end the pool, which rejects waiting acquisitions.
  const onAbort = (): void =>
    void Promise.all([...backends].map((pid) => cancelBackend(url, pid))).finally(close)
  signal.addEventListener('abort', onAbort)
  const acquire = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect()
    if (!configured.has(client)) {
      configured.add(client)
      if (searchPath.length > 0) await client.query(`SET search_path TO ${searchPath.join(', ')}`)
    }
    return client
  }
  try {
    const clients = await Promise.all(Array.from({ length: size }, () => acquire()))
    for (const client of clients) client.release()
  } catch (error) {
    await close()
    const where = new pg.Client({ connectionString: url })
    throw new BenchError(
      describeConnectError(
        error,
        { host: where.host, port: where.port, database: where.database ?? '' },
        spec.urlEnv,
      ),
    )
  }
  return { pool, size, acquire, close }
}
