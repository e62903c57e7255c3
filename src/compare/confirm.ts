/**
 * Confirmation: a flagged bench is measured again and the re-run's evidence pooled with the
 * first head run. A single run can be unlucky; two independent runs rarely are both unlucky.
 */
import type { Results } from '../results/types.js'
import { formatPercent } from '../format.js'
import { compareRuns, type CompareOptions } from './compare-runs.js'
import type { Comparison, MetricComparison } from './types.js'

/** Names of benches whose verdict asks for a re-run (regressions; optionally large inconclusive changes too). */
export function benchesToConfirm(comparison: Comparison, includeInconclusive = false): string[] {
  const flagged = comparison.comparisons.filter(
    (c) =>
      c.verdict === 'regression' ||
      (includeInconclusive && c.verdict === 'inconclusive' && c.change !== null),
  )
  return [...new Set(flagged.map((c) => c.name))]
}

const key = (c: MetricComparison) => `${c.name}\u0000${c.metric}`

/**
 * Re-judges the regressions of `first` (baselines vs `head`) with a re-run of the flagged benches
 * (`rerun` may hold only those). A regression stays, with `confirmed: true`, when the re-run on its
 * own also shows a change beyond the regression threshold in the same direction and the pooled
 * head runs are still a regression; otherwise it takes the pooled verdict, marked
 * `confirmed: false` with the reason saying the re-run did not reproduce it.
 */
export function confirmRegressions(
  baselines: readonly Results[],
  head: Results,
  rerun: Results,
  first: Comparison,
  options: CompareOptions = {},
): Comparison {
  const rerunNames = new Set(rerun.benches.map((b) => b.name))
  const pooledHead: Results = {
    ...head,
    benches: head.benches.filter((b) => rerunNames.has(b.name)),
  }
  const pooled = compareRuns(baselines, [pooledHead, rerun], options)
  const alone = compareRuns(baselines, rerun, options)
  const pooledRows = new Map(pooled.comparisons.map((c) => [key(c), c]))
  const aloneRows = new Map(alone.comparisons.map((c) => [key(c), c]))
  const comparisons = first.comparisons.map((row): MetricComparison => {
    if (row.verdict !== 'regression') return row
    const again = aloneRows.get(key(row))
    const both = pooledRows.get(key(row))
    if (!again || !both) return { ...row, confirmed: false }
    const limit = Math.log1p(row.regressionThreshold)
    const sameWay = (c: MetricComparison) =>
      c.change !== null &&
      (row.better === 'smaller' ? Math.log1p(c.change) : -Math.log1p(c.change)) > limit
    if (sameWay(again) && both.verdict === 'regression') {
      return { ...both, confirmed: true, reason: `${both.reason}; confirmed by a re-run` }
    }
    const rerunChange = again.change === null ? 'no change' : formatPercent(again.change)
    const verdict = both.verdict === 'regression' ? 'inconclusive' : both.verdict
    return {
      ...both,
      verdict,
      confirmed: false,
      reason: `not confirmed: the re-run measured ${rerunChange} (${again.verdict}); pooled: ${both.reason}`,
    }
  })
  return {
    comparisons,
    warnings: [...new Set([...first.warnings, ...pooled.warnings])],
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
  }
}
