/** `perfgate run`: load the config, run the benches with progress, write the results file. */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { formatConfigError } from '../config/load.js'
import { readConfig } from '../config/read.js'
import { serializeResults } from '../results/schema.js'
import { runSummaryText } from '../report/run-summary.js'
import { runConfig } from '../run/run-config.js'
import { progressObserver } from './progress.js'

/** What the run command touches outside itself. */
export interface RunIo {
  env: Readonly<Record<string, string | undefined>>
  stdout(text: string): void
  stderr(text: string): void
  isTTY: boolean
  now(): Date
}

/** Runs `perfgate run [--config F] [--filter GLOB] [--out FILE]`; returns the exit code. */
export async function runCommand(args: string[], io: RunIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', short: 'c', default: 'perfgate.yml' },
      filter: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o', default: 'perfgate-results.json' },
    },
    strict: true,
  })
  const loaded = await readConfig(values.config)
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatConfigError(error)}\n`)
    io.stderr(`perfgate: ${loaded.errors.length} problem(s) in ${values.config}; nothing was run\n`)
    return 2
  }
  const results = await runConfig(loaded.config, {
    env: io.env,
    filter: values.filter,
    now: () => io.now(),
    observer: progressObserver((text) => io.stderr(text), io.isTTY),
  })
  if (results.benches.length === 0) {
    io.stderr(`perfgate: no bench matches --filter ${values.filter ?? ''}\n`)
    return 2
  }
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true })
  await writeFile(values.out, serializeResults(results))
  io.stdout(`\n${runSummaryText(results)}\n\nResults written to ${values.out}\n`)
  return results.benches.some((bench) => bench.status === 'error') ? 1 : 0
}
