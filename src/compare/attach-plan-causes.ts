/**
 * The plan-node cause on each `sql` regression confirmed with both sides measured on this runner
 * (issue #24): a pure step after the paired judgement, reading the pair's EXPLAIN ANALYZE times.
 */
import type { BenchResult, OkBench, Results } from '../results/types.js'
import { planNodeCause, sampleSpreadMs, type PlanSide } from './plan-cause.js'
import type { Comparison, MetricComparison } from './types.js'

/**
 * Adds `cause` (kind `plan-nodes`) to the first regression row of each bench that `pair` measured
 * on both sides with a plan, when the row was confirmed against the base; a row that already has
 * a cause (a profile's) keeps it. Every other row is returned as it was.
 */
export function withPlanCauses(
  comparison: Comparison,
  pair: { base: Results; head: Results },
): Comparison {
  const done = new Set<string>()
  const comparisons = comparison.comparisons.map((row): MetricComparison => {
    if (row.verdict !== 'regression' || row.confirmation !== 'base' || row.cause) return row
    if (done.has(row.name)) return row
    const cause = planNodeCause(side(pair.base, row.name), side(pair.head, row.name))
    if (cause === undefined) return row
    done.add(row.name)
    return { ...row, cause }
  })
  return { ...comparison, comparisons }
}

function side(run: Results, name: string): PlanSide {
  const bench = run.benches.find(
    (b: BenchResult): b is OkBench => b.name === name && b.status === 'ok',
  )
  const time = bench?.metrics.find((m) => m.name === 'time' && m.unit === 'ms')
  const spreadMs = time ? sampleSpreadMs(time.samples) : undefined
  return { details: bench?.details, ...(spreadMs === undefined ? {} : { spreadMs }) }
}
