/**
 * The plan-node cause on each `sql` regression confirmed with both sides measured on this runner
 * (issue #24): a pure step after the paired judgement, reading the pair's EXPLAIN ANALYZE times.
 */
import type { BenchResult, OkBench, Results } from '../results/types.js'
import { planNodeCause } from './plan-cause.js'
import type { Comparison, MetricComparison } from './types.js'

/** Runs of each side on this runner besides the pair (the screening head, an A/B side's first). */
export interface SameRunnerRepeats {
  base?: readonly Results[]
  head?: readonly Results[]
}

/**
 * Adds `cause` (kind `plan-nodes`) to the first regression row of each bench that `pair` measured
 * on both sides with a plan, when the row was confirmed against the base; a row that already has
 * a cause (a profile's) keeps it. `repeats` tell how much a node's time moves run to run. Every
 * other row is returned as it was.
 */
export function withPlanCauses(
  comparison: Comparison,
  pair: { base: Results; head: Results },
  repeats: SameRunnerRepeats = {},
): Comparison {
  const done = new Set<string>()
  const comparisons = comparison.comparisons.map((row): MetricComparison => {
    const confirmedHere =
      row.verdict === 'regression' && row.confirmed === true && row.confirmation === 'base'
    if (!confirmedHere || row.cause) return row
    if (done.has(row.name)) return row
    const details = (runs: readonly Results[] = []) => runs.map((run) => detailsOf(run, row.name))
    const cause = planNodeCause(
      { details: detailsOf(pair.base, row.name), repeats: details(repeats.base) },
      { details: detailsOf(pair.head, row.name), repeats: details(repeats.head) },
    )
    if (cause === undefined) return row
    done.add(row.name)
    return { ...row, cause }
  })
  return { ...comparison, comparisons }
}

function detailsOf(run: Results, name: string): Record<string, unknown> | undefined {
  const bench = run.benches.find(
    (b: BenchResult): b is OkBench => b.name === name && b.status === 'ok',
  )
  return bench?.details
}
