/** The budgets and growth section the CLI prints after a run, and whether it fails the run. */
import type { BudgetSource } from '../budgets/check.js'
import { growthText } from '../budgets/render.js'
import { growthReport } from '../budgets/report.js'
import type { LocalBudgets, ReportFormat } from '../report/index.js'
import type { BenchResult } from '../results/types.js'

/** What `run` and `ab` print about budgets and growth ('' when none), and whether it fails them. */
export interface BudgetsSection {
  text: string
  /** A broken budget or a steeper growth: `--fail-on-regression` fails on it, as the action does. */
  failed: boolean
  /** What failed, for the one line on stderr. */
  why: string[]
  /** The same for a comparison's report: the comment's sections and headline, the text's last line. */
  local: LocalBudgets
}

/** Budgets checked on `head`, curves beside `baseline`'s, in the report's format. */
export function budgetsSection(
  benches: readonly BudgetSource[],
  head: readonly BenchResult[],
  baseline: readonly BenchResult[],
  format: ReportFormat,
): BudgetsSection {
  const growth = growthReport(benches, head, baseline)
  const text = format === 'markdown' ? growth.markdown : growthText(growth.checks, growth.growth)
  const why = [
    ...(growth.brokenBudgets > 0 ? [`${growth.brokenBudgets} budget(s) broken`] : []),
    ...growth.growthRegressions.map((g) => `growth regression: ${g.reason}`),
  ]
  const local = {
    markdown: growth.markdown,
    broken: growth.brokenBudgets,
    growthRegressions: growth.growthRegressions.length,
  }
  return { text, failed: growth.failed, why, local }
}
