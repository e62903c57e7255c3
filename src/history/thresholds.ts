/** Applies `noise-threshold: auto` to a run's results before they are compared. Pure. */
import type { Results } from '../results/types.js'
import { findSeries } from './history.js'
import type { History } from './schema.js'
import { resolveNoiseThreshold, type ResolvedThreshold } from './threshold.js'

/**
 * The results with each auto bench's noiseThreshold learned from its `time` history (its
 * configured fallback while history is short), and the threshold every bench is judged with.
 * `isAuto` says whether a result bench (e.g. `json/parse` of config bench `json`) is auto.
 */
export function applyAutoThresholds(
  results: Results,
  history: History | undefined,
  isAuto: (benchName: string) => boolean,
): { results: Results; thresholds: Map<string, ResolvedThreshold> } {
  const thresholds = new Map<string, ResolvedThreshold>()
  const benches = results.benches.map((bench) => {
    const series = history
      ? findSeries(history, bench.name, bench.metrics[0]?.name ?? 'time')
      : undefined
    const resolved = isAuto(bench.name)
      ? resolveNoiseThreshold('auto', series, bench.noiseThreshold)
      : resolveNoiseThreshold(bench.noiseThreshold, series, bench.noiseThreshold)
    thresholds.set(bench.name, resolved)
    return { ...bench, noiseThreshold: resolved.threshold }
  })
  return { results: { ...results, benches }, thresholds }
}
