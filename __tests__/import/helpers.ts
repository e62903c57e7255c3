/** Shared helpers for the import tests: run the `import` kind for real on the committed fixtures. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import type { BenchResult, Metric } from '../../src/results/types.js'
import { runBenches } from '../../src/run/run-benches.js'

/** `__fixtures__/imports`: the tools' real outputs, written by scripts/regenerate-fixtures.sh. */
export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../__fixtures__/imports',
)

/** Parses config YAML as if it were the file `file` (relative paths resolve against its folder). */
export function config(yaml: string, file = path.join(FIXTURES, 'perfgate.yml')): Config {
  const outcome = parseConfig(yaml, { file })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return outcome.config
}

/** Runs every bench of a config through runBenches, as `perfgate run` does. */
export function run(
  cfg: Config,
  env: Record<string, string | undefined> = {},
  log: string[] = [],
): Promise<BenchResult[]> {
  return runBenches(cfg.benches, {
    env: { PATH: process.env.PATH, ...env },
    observer: { log: (_bench, line) => log.push(line) },
  })
}

/** Imports one fixture variant (`base`, `rerun`, `slow`) of a tool, as bench `name`. */
export async function importVariant(
  format: string,
  variant: string,
  name = format,
): Promise<BenchResult[]> {
  const yaml = `benches:\n  - name: ${name}\n    kind: import\n    format: ${format}\n    path: ${format}/${variant}\n`
  return run(config(yaml))
}

/** The result named `name`, failing clearly when it is missing. */
export function byName(results: BenchResult[], name: string): BenchResult {
  const found = results.find((result) => result.name === name)
  if (!found) throw new Error(`no result ${name}; have ${results.map((r) => r.name).join(', ')}`)
  return found
}

/** The metric named `name` of a result. */
export function metric(result: BenchResult, name = 'time'): Metric {
  const found = result.metrics.find((m) => m.name === name)
  if (!found) throw new Error(`${result.name} has no metric ${name}`)
  return found
}
