/** Absolute budgets and data-size scaling (issue 14): checks, growth curves and their rendering. */
export {
  anyBudgetBroken,
  budgetsOf,
  checkBudgets,
  type BudgetCheck,
  type BudgetStatus,
} from './check.js'
export {
  budgetCrossing,
  compareGrowth,
  growthCurves,
  type BudgetCrossing,
  type GrowthChange,
  type GrowthCurve,
} from './curves.js'
export {
  fitGrowth,
  growthLabel,
  GROWTH_CLASSES,
  type GrowthClass,
  type GrowthFit,
} from './growth.js'
export { sizeLevel, type Level } from './level.js'
export {
  budgetsMarkdown,
  growthHtml,
  growthMarkdown,
  growthMermaid,
  growthSeries,
  growthSvg,
  type GrowthEntry,
} from './render.js'
export { growthReport } from './report.js'
