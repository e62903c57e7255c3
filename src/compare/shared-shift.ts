/**
 * Run-wide shifts: when most benches move by about the same factor, the runner's speed changed
 * (a slower VM, a busy neighbour for the whole job) far more often than the code did. Such
 * changes are downgraded to inconclusive unless a bench moved well beyond the shared factor.
 */
import { CALIBRATION_BENCH } from './calibration.js'
import { formatPercent } from '../format.js'
import type { MetricComparison } from './types.js'
import { medianOf } from './units.js'

/**
 * Fewest benches for a shared shift to be told apart from a change to a few benches: with fewer,
 * all of them moving together is as likely a change to code they share as the runner.
 */
const MIN_BENCHES = 5
/** Share of benches that must move the same way beyond their noise threshold. */
const MIN_SHARE = 0.75

/** The median relative change of the time metrics when most benches moved together, else null. */
export function sharedShift(rows: readonly MetricComparison[]): number | null {
  const moved = rows.filter(
    (r) => r.metric === 'time' && r.name !== CALIBRATION_BENCH && r.change !== null,
  )
  if (moved.length < MIN_BENCHES) return null
  const logs = moved.map((r) => Math.log1p(r.change as number))
  const up = moved.filter((r, i) => logs[i] > Math.log1p(r.noiseThreshold)).length
  const down = moved.filter((r, i) => logs[i] < -Math.log1p(r.noiseThreshold)).length
  if (Math.max(up, down) < MIN_SHARE * moved.length) return null
  return Math.expm1(medianOf(logs))
}

/**
 * Rows with regressions and improvements explained by `shift` downgraded to inconclusive; the
 * benches in `planChanged` keep their verdicts (their query plan changed: the code moved them).
 */
export function discountShift(
  rows: MetricComparison[],
  shift: number,
  planChanged: ReadonlySet<string> = new Set(),
): MetricComparison[] {
  return rows.map((row) => {
    if (row.verdict !== 'regression' && row.verdict !== 'improvement') return row
    if (planChanged.has(row.name)) return row
    if (row.metric !== 'time' || row.change === null) return row
    const beyondShift = Math.abs(Math.log1p(row.change) - Math.log1p(shift))
    if (beyondShift > Math.log1p(row.regressionThreshold)) return row
    return {
      ...row,
      verdict: 'inconclusive',
      reason: `${formatPercent(row.change)}, but most benches moved together (median ${formatPercent(shift)}), which points at the runner's speed rather than this bench; re-run, or add the calibration bench`,
    }
  })
}
