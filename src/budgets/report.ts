/** One call from two runs' rows and the budgets to everything the report shows about them. Pure. */
import type { BenchResult } from '../results/types.js'
import {
  anyBudgetBroken,
  budgetsOf,
  checkBudgets,
  type BudgetCheck,
  type BudgetSource,
} from './check.js'
import { budgetCrossing, compareGrowth, growthCurves, type GrowthChange } from './curves.js'
import { budgetsMarkdown, growthMarkdown, type GrowthEntry } from './render.js'

/** Budgets and growth of a head run, beside its baseline when there is one. */
export interface GrowthReport {
  checks: BudgetCheck[]
  growth: GrowthEntry[]
  /** Budgets broken on the head run: these fail the run even without a baseline. */
  brokenBudgets: number
  /** Benches whose growth got clearly steeper than the baseline's. */
  growthRegressions: GrowthChange[]
  /** True when the run must fail for budgets or growth. */
  failed: boolean
  /** Both sections as markdown for the comment and the job summary ('' when there is nothing). */
  markdown: string
}

/** Checks budgets on `head`, fits every scaled bench's curve and compares it with `baseline`. */
export function growthReport(
  benches: readonly BudgetSource[],
  head: readonly BenchResult[],
  baseline: readonly BenchResult[] = [],
): GrowthReport {
  const checks = checkBudgets(benches, head, baseline)
  const baseCurves = growthCurves(baseline)
  const growth: GrowthEntry[] = growthCurves(head).map((curve) => {
    const base = baseCurves.find((c) => c.bench === curve.bench && c.param === curve.param)
    // Budgets of the scaled entry (by a row of the curve's name): where along the sizes they break.
    const row = head.find((r) => r.scale?.bench === curve.bench && r.scale.param === curve.param)
    const budgets = row ? budgetsOf(benches, row.name) : []
    return {
      head: curve,
      ...(base ? { base, change: compareGrowth(base, curve) } : {}),
      crossings: budgets.map((budget) => budgetCrossing(head, curve, budget)),
    }
  })
  const growthRegressions = growth.flatMap((entry) =>
    entry.change?.regression ? [entry.change] : [],
  )
  const brokenBudgets = checks.filter((check) => check.status === 'broken').length
  const markdown = [budgetsMarkdown(checks), growthMarkdown(growth)]
    .filter((s) => s !== '')
    .join('\n\n')
  return {
    checks,
    growth,
    brokenBudgets,
    growthRegressions,
    failed: anyBudgetBroken(checks) || growthRegressions.length > 0,
    markdown,
  }
}
