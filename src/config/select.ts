/** Which config benches produce given result names (pure; no runner is loaded for it). */
import type { BenchConfig, Config } from './types.js'

/** The config benches that produce `names` (`json` produces `json/parse`). */
export function benchesProducing(config: Config, names: readonly string[]): BenchConfig[] {
  const wanted = new Set(names)
  return config.benches.filter(
    (bench) => wanted.has(bench.name) || names.some((name) => name.startsWith(`${bench.name}/`)),
  )
}
