/**
 * The perfgate command line: dispatches to `init`, `run`, `compare`, `ab`, `explain`, `history`,
 * `import-history` and `db`.
 */
import { abCommand } from './ab.js'
import { compareCommand, type CompareIo } from './compare.js'
import { historyCommand } from './history.js'
import type { InitIo } from './init.js'
import { importHistoryCommand, type ImportHistoryIo } from './import-history.js'
import { runCommand, type RunIo } from './run.js'
import { PERFGATE_VERSION } from '../version.js'

const USAGE = `perfgate ${PERFGATE_VERSION}: catch performance regressions before they merge

Usage:
  perfgate init [DIR] [--force] [--dry-run]   (writes perfgate.yml and a workflow for a project)
  perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
               [--baseline BASE.json|NAME]... [--save NAME] [--no-confirm]
               [--rounds N] [--samples N] [--time DUR] [--warmup DUR|N] [--threshold PCT]
               [--format text|markdown|json|csv] [--fail-on-regression]
  perfgate run [options] -- 'command' ['command2' ...]   (one-off benches, no config)
  perfgate compare BASE.json [MORE_BASES.json...] HEAD.json [--format text|markdown|json|csv]
                   [--threshold PCT] [--fail-on-regression]
  perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR] [--no-confirm]
              [--format text|markdown|json] [--fail-on-regression]   (perfgate ab --help)
  perfgate explain BASE.json HEAD.json BENCH [--format text|json]
               (why a confirmed regression is slower, from its stored profiles)
  perfgate history HISTORY.json [--filter GLOB] [--format text|markdown|html|json]
  perfgate import-history data.js [--out history.json]
               (github-action-benchmark's gh-pages history → perfgate's; see docs/migrating.md)
  perfgate db start|stop|status [--dir .perfgate/db] [--port N]
               (one local PostgreSQL for sql benches; see docs/postgres.md)
  perfgate --version
  perfgate help [COMMAND]  (or perfgate COMMAND --help)

Options:
  -h, --help                   show this help
  -V, --version                print the version
`

const COMMANDS = ['init', 'run', 'compare', 'ab', 'explain', 'history', 'import-history', 'db']

/** Runs the CLI with `args` (without node and script); returns the exit code. */
export async function runCli(
  args: string[],
  io: RunIo & CompareIo & ImportHistoryIo & InitIo,
): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      // init, explain and db are loaded on use: the other commands never pay for them at startup.
      case 'init': {
        const { initCommand } = await import('./init.js')
        return await initCommand(rest, io)
      }
      case 'run':
        return await runCommand(rest, io)
      case 'ab':
        return await abCommand(rest, io)
      case 'compare':
        return await compareCommand(rest, io)
      case 'explain': {
        const { explainCommand } = await import('./explain.js')
        return await explainCommand(rest, io)
      }
      case 'history':
        return await historyCommand(rest, io)
      case 'import-history':
        return await importHistoryCommand(rest, io)
      case 'db': {
        const { dbCommand } = await import('./db.js')
        return await dbCommand(rest, io)
      }
      case '--version':
      case '-V':
      case '-v':
        io.stdout(`${PERFGATE_VERSION}\n`)
        return 0
      case 'help':
        // Each command's --help: one way to ask, one text to keep right.
        if (COMMANDS.includes(rest[0])) return await runCli([rest[0], '--help'], io)
        io.stdout(USAGE)
        return 0
      case undefined:
      case '--help':
      case '-h':
        io.stdout(USAGE)
        return command === undefined ? 2 : 0
      default:
        io.stderr(`perfgate: unknown command "${command}"\n\n${USAGE}`)
        return 2
    }
  } catch (error) {
    // Usage errors from parseArgs and anything unexpected: one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`perfgate ${command}: ${message}\n`)
    return 2
  }
}
