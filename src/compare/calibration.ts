/**
 * The calibration bench: a fixed workload whose time changes only when the runner's speed
 * does, so its ratio estimates how much faster or slower the head's machine was.
 */
import type { Results } from '../results/types.js'
import { medianOf, roundSummaries } from './units.js'

/** Name of the built-in calibration bench in a results file. */
export const CALIBRATION_BENCH = 'perfgate/calibration'

/** Median round centre of the calibration bench's time metric in one run, or null when absent. */
function calibrationCentre(run: Results): number | null {
  const bench = run.benches.find((b) => b.name === CALIBRATION_BENCH && b.status === 'ok')
  const metric = bench?.metrics.find((m) => m.name === 'time') ?? bench?.metrics[0]
  if (!metric || metric.samples.length === 0) return null
  const centre = medianOf(roundSummaries(metric).centres)
  return Number.isFinite(centre) && centre > 0 ? centre : null
}

/**
 * Head runner speed relative to the baselines: head calibration time / baseline calibration
 * time (1.1 = head runner 10% slower); null unless both sides ran the calibration bench.
 */
export function calibrationRatio(
  baselines: readonly Results[],
  heads: readonly Results[],
): number | null {
  const base = baselines.map(calibrationCentre).filter((c): c is number => c !== null)
  const head = heads.map(calibrationCentre).filter((c): c is number => c !== null)
  if (base.length === 0 || head.length === 0) return null
  return medianOf(head) / medianOf(base)
}
