/**
 * Confirmation against the base, on this runner: the stored baseline came from another machine at
 * another time, so it only screens. Every bench it leaves in doubt is measured again here for
 * both sides, interleaved (base, head, head, base, …), and that paired measurement alone gives
 * its verdict: whatever slowed or sped up this runner slowed both sides alike.
 */
import { formatPercent } from '../format.js'
import type { Results } from '../results/types.js'
import { compareRuns, type CompareOptions } from './compare-runs.js'
import type { Comparison, MetricComparison } from './types.js'

/**
 * Names of the benches a stored-baseline comparison leaves in doubt: regressions, improvements,
 * inconclusive rows, and changes beyond the regression threshold that are not yet significant, in
 * either direction. An improvement too: a baseline recorded while its runner was slow makes
 * unchanged code look faster, and hides a real regression behind a false 🟢 (seen in the demo,
 * +30% shown as -11% against a baseline measured beside another job).
 */
export function benchesInDoubt(comparison: Comparison): string[] {
  return [...new Set(comparison.comparisons.filter(inDoubt).map((row) => row.name))]
}

function inDoubt(row: MetricComparison): boolean {
  if (row.verdict === 'regression' || row.verdict === 'inconclusive') return true
  if (row.verdict === 'improvement') return true
  if (row.change === null) return false
  return Math.abs(Math.log1p(row.change)) > Math.log1p(row.regressionThreshold)
}

const key = (row: Pick<MetricComparison, 'name' | 'metric'>) => `${row.name}\u0000${row.metric}`

/** "confirmed against the base on this runner (10 rounds each)" for a paired row. */
export function baseConfirmationText(row: MetricComparison): string {
  const rounds = Math.min(row.baseRounds ?? 0, row.headRounds ?? 0)
  const each = rounds > 0 ? ` (${rounds} rounds each)` : ''
  return `against the base on this runner${each}`
}

/**
 * Re-judges the rows of the benches `pair` measured (those in doubt) by the paired measurement
 * of base and head on this runner; every other row keeps its stored-baseline verdict. A row the
 * pair could not measure (the base side failed) keeps its first verdict, downgraded from
 * regression to inconclusive and marked unconfirmed, with the reason.
 */
export function confirmAgainstBase(
  first: Comparison,
  pair: { base: Results; head: Results },
  options: CompareOptions = {},
  /**
   * The names asked for: one the pair did not measure (a case drawn differently, a shard that
   * did not re-measure it) is unconfirmed, never left with its stored-baseline verdict.
   */
  requested: readonly string[] = pair.head.benches.map((b) => b.name),
): Comparison {
  const measured = new Set(requested)
  // Both sides ran here: a shared move is the code's, never the runner's.
  const paired = compareRuns([pair.base], pair.head, { ...options, sharedShift: false })
  const pairedRows = new Map(paired.comparisons.map((row) => [key(row), row]))
  const comparisons = first.comparisons.map((row): MetricComparison => {
    if (!measured.has(row.name)) return row
    const again = pairedRows.get(key(row))
    // No change means the pair compared nothing: a base side that errored or was skipped comes
    // back `inconclusive` with no change, and taking that row would drop the stored evidence
    // (and the headline's "beyond the threshold") and claim it was measured here.
    const comparedNothing = again?.change === null && again.verdict !== 'unchanged'
    if (!again || again.verdict === 'error' || again.verdict === 'new' || comparedNothing) {
      const why = again?.reason ?? 'the measurement here has no result for it on both sides'
      return {
        ...row,
        verdict: row.verdict === 'regression' ? 'inconclusive' : row.verdict,
        confirmed: false,
        confirmation: 'base',
        reason: `${row.reason}; not confirmed: measuring the base on this runner failed (${why})`,
      }
    }
    const where = baseConfirmationText(again)
    const stored =
      row.change === null ? '' : `; the stored baseline showed ${formatPercent(row.change)}`
    const confirmed = again.verdict === 'regression'
    return {
      ...again,
      // The stored row's notes (a plan change) still describe the PR; keep the paired ones first.
      ...(again.notes || row.notes
        ? { notes: [...new Set([...(again.notes ?? []), ...(row.notes ?? [])])] }
        : {}),
      confirmed,
      confirmation: 'base',
      reason: confirmed
        ? `${again.reason}; confirmed ${where}`
        : `${again.reason}, measured ${where}${stored}`,
    }
  })
  return {
    comparisons,
    warnings: [...new Set([...first.warnings, ...paired.warnings.filter(isAboutTheCode)])],
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
    // Whether the runs pair is a fact of the first comparison, which the pair does not change.
    ...(first.problems ? { problems: first.problems } : {}),
  }
}

/** The pair ran on one runner: its hardware and Node warnings cannot apply, only the others. */
function isAboutTheCode(warning: string): boolean {
  return !/^RUNNER MISMATCH|^Node version differs/.test(warning)
}
