/** Checks each bench's absolute budgets (`p95 < 10ms`) against its measured samples. Pure. */
import type { Budget } from '../config/budget.js'
import type { BenchConfig } from '../config/types.js'
import type { BenchResult, Metric } from '../results/types.js'
import { estimate, statisticOf, type EstimateOptions } from './statistic.js'

/** Where a budget stands: clearly within, clearly broken, or too close to call from this run. */
export type BudgetStatus = 'within' | 'broken' | 'too-close' | 'no-data'

/** One budget of one result row, checked. */
export interface BudgetCheck {
  /** The result row's name (e.g. `sql/ready[tasks=1000]`, `json/parse`). */
  bench: string
  budget: Budget
  status: BudgetStatus
  /** The statistic measured on the head run; null without data. */
  value: number | null
  /** Its interval at the check's confidence; null without data. */
  interval: [number, number] | null
  /**
   * Room left as a fraction of the limit: 0.3 = 30% under a `<` limit (or over a `>` one);
   * negative when the measured value is past the limit.
   */
  headroom: number | null
  /** The same statistic on the baseline run, when one was given and has the row. */
  baseline: number | null
  /**
   * Too close to call only: the rounds after which the interval would clear the limit if the value
   * stayed where it is (null when the run had one round, or the value sits on the limit).
   */
  roundsToSettle?: number | null
  /** The status in words, with the numbers behind it. */
  reason: string
}

/** The benches' budgets by config entry; only entries with budgets matter. */
export type BudgetSource = Pick<BenchConfig, 'name' | 'budgets'>

/** Checks every budget of every row of `head`, beside its baseline row when given. */
export function checkBudgets(
  benches: readonly BudgetSource[],
  head: readonly BenchResult[],
  baseline: readonly BenchResult[] = [],
  options: EstimateOptions = {},
): BudgetCheck[] {
  const checks: BudgetCheck[] = []
  for (const row of head) {
    const budgets = budgetsOf(benches, row.name)
    const baseRow = baseline.find((candidate) => candidate.name === row.name)
    for (const budget of budgets) checks.push(checkOne(row, baseRow, budget, options))
  }
  return checks
}

/** The budgets that apply to a result row: its config entry's (`json` covers `json/parse`). */
export function budgetsOf(benches: readonly BudgetSource[], rowName: string): Budget[] {
  const entry = benches.find(
    (bench) => bench.name === rowName || rowName.startsWith(`${bench.name}/`),
  )
  return entry?.budgets ?? []
}

/** True when any check is a broken budget: the run fails whatever the baseline says. */
export function anyBudgetBroken(checks: readonly BudgetCheck[]): boolean {
  return checks.some((check) => check.status === 'broken')
}

function checkOne(
  row: BenchResult,
  baseRow: BenchResult | undefined,
  budget: Budget,
  options: EstimateOptions,
): BudgetCheck {
  const noData = (reason: string): BudgetCheck => ({
    bench: row.name,
    budget,
    status: 'no-data',
    value: null,
    interval: null,
    headroom: null,
    baseline: null,
    reason,
  })
  if (row.status !== 'ok')
    return noData(`the bench ${row.status === 'error' ? 'failed' : 'was skipped'}`)
  const metric = metricFor(row, budget)
  if (!metric) return noData(`the bench recorded no ${budget.metric} metric`)
  const { value, interval } = estimate(metric, budget.statistic, options)
  const baseMetric = baseRow?.status === 'ok' ? metricFor(baseRow, budget) : undefined
  const baseValue = baseMetric
    ? statisticOf(baseMetric.samples, budget.statistic, baseMetric.unit)
    : null
  const below = budget.direction === 'below'
  const headroom = below
    ? (budget.limit - value) / budget.limit
    : (value - budget.limit) / budget.limit
  const [low, high] = interval
  const clearlyWithin = below ? high < budget.limit : low > budget.limit
  const clearlyBroken = below ? low > budget.limit : high < budget.limit
  const status: BudgetStatus = clearlyWithin ? 'within' : clearlyBroken ? 'broken' : 'too-close'
  const side = below ? 'under' : 'over'
  const check = { bench: row.name, budget, status, value, interval, headroom, baseline: baseValue }
  if (status === 'within') return { ...check, reason: `the whole interval is ${side} the limit` }
  if (status === 'broken') return { ...check, reason: `the whole interval is past the limit` }
  const rounds = metric.rounds?.length ?? 1
  const roundsToSettle = rounds < 2 ? null : settleRounds(value, interval, budget.limit, rounds)
  return {
    ...check,
    roundsToSettle,
    reason: `the interval straddles the limit: too close to call from this run${settleNote(rounds, roundsToSettle)}`,
  }
}

/** Past this many rounds a run is not the way to settle a budget: its statistic is too unsteady. */
const MAX_SETTLE_ROUNDS = 100

/**
 * The rounds after which the interval's side facing the limit would clear it. With two or more
 * rounds the interval is set by round-to-round variation, so its half-width shrinks as
 * 1/√rounds: clearing a distance d with half-width w takes rounds × (w/d)². Twice that leaves
 * room for the value itself to move (80% power at 95% confidence: (1.96 + 0.84)² / 1.96² ≈ 2);
 * how often a later run with that many rounds settled it, per corpus, is in docs/budgets.md.
 */
export function settleRounds(
  value: number,
  [low, high]: [number, number],
  limit: number,
  rounds: number,
): number | null {
  const distance = Math.abs(value - limit)
  if (distance === 0) return null
  // The interval's half facing the limit: the one that must shrink past it.
  const halfWidth = value > limit ? value - low : high - value
  return Math.max(rounds + 1, Math.ceil(2 * rounds * (halfWidth / distance) ** 2))
}

function settleNote(rounds: number, needed: number | null): string {
  if (rounds < 2)
    return ' (one round: with `rounds: 5` or more the interval also holds run-to-run variation)'
  if (needed === null) return ' (the value is on the limit: no number of rounds settles it)'
  if (needed > MAX_SETTLE_ROUNDS)
    return ` (more than ${MAX_SETTLE_ROUNDS} rounds would be needed: this statistic moves too much from process to process here; a steadier one, such as the median or a lower percentile, can be checked)`
  return ` (with about ${needed} rounds the interval would clear the limit, if the value stays where it is; this run had ${rounds})`
}

/** The metric a budget reads: ops/s from a throughput metric when there is one, else time. */
function metricFor(row: BenchResult, budget: Budget): Metric | undefined {
  if (budget.statistic.kind === 'ops/s' && budget.metric === 'time') {
    return (
      row.metrics.find((metric) => metric.unit === 'ops/s') ??
      row.metrics.find((m) => m.name === 'time')
    )
  }
  return row.metrics.find((metric) => metric.name === budget.metric)
}
