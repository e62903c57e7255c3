/** `perfgate import-history data.js [--out history.json]`: github-action-benchmark's history → ours. */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { historySchema, serializeHistory } from '../history/schema.js'
import { importBenchmarkData } from '../history/import-benchmark-data.js'
import { PERFGATE_VERSION } from '../version.js'

/** What the command needs from its environment. */
export interface ImportHistoryIo {
  readFile(path: string): Promise<string>
  /** Defaults to node:fs (callers of the other commands need not provide it). */
  writeFile?(path: string, text: string): Promise<void>
  stdout(text: string): void
  stderr(text: string): void
}

/** One-line usage. */
export const IMPORT_HISTORY_USAGE = 'Usage: perfgate import-history data.js [--out history.json]'

/** The full help of `perfgate import-history --help`. */
export const IMPORT_HISTORY_HELP = `${IMPORT_HISTORY_USAGE}

Converts github-action-benchmark's gh-pages history (its data.js) into perfgate's history.json,
so perfgate's charts and change points start with the history you already have
(docs/migrating.md).

Options:
  -o, --out FILE               the history file to write (default history.json)
  -h, --help                   show this help
`

/** Converts the file and writes history.json; returns the exit code (2 for bad usage or input). */
export async function importHistoryCommand(args: string[], io: ImportHistoryIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'history.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.stdout(IMPORT_HISTORY_HELP)
    return 0
  }
  if (positionals.length !== 1) {
    io.stderr(`perfgate import-history: give one data.js file\n${IMPORT_HISTORY_USAGE}\n`)
    return 2
  }
  const [file] = positionals
  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    io.stderr(`perfgate import-history: cannot read ${file}${code ? ` (${code})` : ''}\n`)
    return 2
  }
  let imported
  try {
    imported = importBenchmarkData(text, file, { perfgateVersion: PERFGATE_VERSION })
  } catch (error) {
    io.stderr(`perfgate import-history: ${(error as Error).message}\n`)
    return 2
  }
  // The format's own schema is the contract: never write a file the reader would reject.
  const history = historySchema.parse(imported.history)
  await (io.writeFile ?? writeFile)(values.out, serializeHistory(history))
  for (const notice of imported.notices) io.stderr(`notice: ${notice}\n`)
  const entries = history.series.reduce((sum, one) => sum + one.entries.length, 0)
  io.stdout(
    `wrote ${values.out}: ${history.series.length} series, ${entries} entries from ${file}\n`,
  )
  return 0
}
