/** Runs a perfgate config given as YAML text, the way the CLI does (parse, run, redact). */
import path from 'node:path'
import { parseConfig } from '../../src/config/load.js'
import { runConfig } from '../../src/run/run-config.js'
import type { BenchResult, Results } from '../../src/results/types.js'

/** Parses `yaml` (throwing on config errors) and runs every bench with `env`. */
export async function runYaml(
  yaml: string,
  env: Record<string, string | undefined> = {},
): Promise<Results> {
  const outcome = parseConfig(yaml, { file: path.join(process.cwd(), 'perfgate.yml') })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return runConfig(outcome.config, { env, now: () => new Date() })
}

/** The one bench named `name` in `results`. */
export function bench(results: Results, name: string): BenchResult {
  const found = results.benches.find((b) => b.name === name)
  if (!found)
    throw new Error(
      `no bench ${name} in ${JSON.stringify(results.benches.map((b) => [b.name, b.reason]))}`,
    )
  return found
}
