/** The "run" stage as one call: filter the config's benches, run them, stamp the run's metadata. */
import { keepsResult } from '../config/filter.js'
import type { Config } from '../config/types.js'
import { secretBook } from '../results/redact.js'
import { RESULTS_SCHEMA_VERSION, type Results } from '../results/types.js'
import { collectMeta } from './meta.js'
import { filterBenches, runBenches, type RunOptions } from './run-benches.js'

/** Runs the benches of `config` matching `filter` and returns the results file's content. */
export async function runConfig(
  config: Config,
  options: RunOptions & { filter?: string; now: () => Date; commit?: string },
): Promise<Results> {
  const started = options.now()
  const benches = filterBenches(config, options.filter)
  const secrets = options.secrets ?? secretBook((value) => options.secret?.(value))
  const ran = await runBenches(benches, { ...options, configDir: config.dir, secrets })
  // A js bench whose functions a wildcard picks runs whole: keep only the results asked for,
  // and always a bench's own error or skip (named as the entry), never hidden by the filter.
  const keeps = keepsResult(config, options.filter)
  const entries = new Set(benches.map((bench) => bench.name))
  const results = ran.filter((result) => entries.has(result.name) || keeps(result.name))
  // Belt and braces: the metadata too, and a bench's result masked by a secret a later bench added.
  return secrets.redact({
    schemaVersion: RESULTS_SCHEMA_VERSION,
    meta: collectMeta(config, options.env, started, options.commit),
    benches: results,
  })
}
