/**
 * Confirmation: a flagged bench is measured again and the re-run's evidence pooled with the
 * first head run. A single run can be unlucky; two independent runs rarely are both unlucky.
 * A "re-run" that measured nothing new (an import without `run:` reads the same file again) is
 * no confirmation: it is not pooled, and the verdict is marked unconfirmed.
 */
import type { BenchResult, Results } from '../results/types.js'
import { formatPercent } from '../format.js'
import { compareRuns, type CompareOptions } from './compare-runs.js'
import { isBeyondThreshold } from './headline.js'
import type { Comparison, MetricComparison } from './types.js'

/**
 * Names of benches whose verdict asks for a re-run: regressions, and with `includeInconclusive`
 * (the `rerun` policy) inconclusive benches beyond their threshold.
 */
export function benchesToConfirm(comparison: Comparison, includeInconclusive = false): string[] {
  const flagged = comparison.comparisons.filter((c) => needsConfirming(c, includeInconclusive))
  return [...new Set(flagged.map((c) => c.name))]
}

function needsConfirming(row: MetricComparison, includeInconclusive: boolean): boolean {
  return (
    row.verdict === 'regression' ||
    (includeInconclusive && row.verdict === 'inconclusive' && isBeyondThreshold(row))
  )
}

const key = (c: MetricComparison) => `${c.name}\u0000${c.metric}`

/** True when `again` holds exactly the samples of `first`: nothing was measured again. */
export function sameMeasurement(first: BenchResult, again: BenchResult): boolean {
  if (first.metrics.length !== again.metrics.length || first.metrics.length === 0) return false
  return first.metrics.every((metric, i) => {
    const other = again.metrics[i]
    return (
      other.name === metric.name &&
      other.samples.length === metric.samples.length &&
      other.samples.every((v, j) => v === metric.samples[j])
    )
  })
}

const NOT_REMEASURED =
  'unconfirmed: the re-run read the same results again (an import without run: cannot re-measure), so it adds no evidence'

/**
 * Re-judges the flagged rows of `first` (regressions, and inconclusive rows beyond their
 * threshold) with a re-run of the flagged benches (`rerun` may hold only those). A row becomes
 * or stays a regression, with `confirmed: true`, when the re-run on its own also shows a change
 * beyond the regression threshold in the same direction and the pooled head runs are a
 * regression; the re-run is the evidence that settles a shared shift, so it is not discounted
 * here. Otherwise the row takes the pooled verdict (a regression turning inconclusive), marked
 * `confirmed: false`. Benches the re-run did not re-measure keep their first verdict, unconfirmed.
 */
export function confirmRegressions(
  baselines: readonly Results[],
  head: Results,
  rerun: Results,
  first: Comparison,
  options: CompareOptions & {
    /** The re-run measured the base beside the head on this runner (A/B), not the head alone. */
    bothSides?: boolean
  } = {},
): Comparison {
  const { bothSides, ...compareOptions } = options
  const how = bothSides ? 'base' : 'rerun'
  const byWhat = bothSides
    ? 'an interleaved re-run of base and head on this runner'
    : 'a re-run of the head only'
  const firstBenches = new Map(head.benches.map((b) => [b.name, b]))
  const stale = new Set(
    rerun.benches
      .filter((b) => {
        const before = firstBenches.get(b.name)
        return before !== undefined && sameMeasurement(before, b)
      })
      .map((b) => b.name),
  )
  const measured: Results = { ...rerun, benches: rerun.benches.filter((b) => !stale.has(b.name)) }
  const rerunNames = new Set(measured.benches.map((b) => b.name))
  const pooledHead: Results = {
    ...head,
    benches: head.benches.filter((b) => rerunNames.has(b.name)),
  }
  const settled: CompareOptions = { ...compareOptions, sharedShift: false }
  const any = measured.benches.length > 0
  const pooled = any ? compareRuns(baselines, [pooledHead, measured], settled) : null
  const alone = any ? compareRuns(baselines, measured, settled) : null
  const pooledRows = new Map((pooled?.comparisons ?? []).map((c) => [key(c), c]))
  const aloneRows = new Map((alone?.comparisons ?? []).map((c) => [key(c), c]))
  const askedFor = new Set(rerun.benches.map((b) => b.name))
  const comparisons = first.comparisons.map((row): MetricComparison => {
    // A row the re-run did not measure keeps its verdict: judged against a re-run without it,
    // it would read as "removed".
    if (!needsConfirming(row, true) || !askedFor.has(row.name)) return row
    if (stale.has(row.name))
      return {
        ...row,
        confirmed: false,
        confirmation: how,
        reason: `${row.reason}; ${NOT_REMEASURED}`,
      }
    const again = aloneRows.get(key(row))
    const both = pooledRows.get(key(row))
    if (!again || !both || again.verdict === 'removed' || both.verdict === 'removed')
      return { ...row, confirmed: false, confirmation: how }
    const limit = Math.log1p(row.regressionThreshold)
    const sameWay = (c: MetricComparison) =>
      c.change !== null &&
      (row.better === 'smaller' ? Math.log1p(c.change) : -Math.log1p(c.change)) > limit
    if (sameWay(again) && both.verdict === 'regression') {
      return {
        ...both,
        confirmed: true,
        confirmation: how,
        reason: `${both.reason}; confirmed by ${byWhat}`,
      }
    }
    const rerunChange = again.change === null ? 'no change' : formatPercent(again.change)
    const verdict = both.verdict === 'regression' ? 'inconclusive' : both.verdict
    return {
      ...both,
      verdict,
      confirmed: false,
      confirmation: how,
      reason: `not confirmed: the re-run measured ${rerunChange} (${again.verdict}); pooled: ${both.reason}`,
    }
  })
  return {
    comparisons,
    warnings: [...new Set([...first.warnings, ...(pooled?.warnings ?? [])])],
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
    // A re-run measures a few benches again; whether the runs pair was settled by the first.
    ...(first.problems ? { problems: first.problems } : {}),
  }
}
