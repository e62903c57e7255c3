/** The `budget:` and `scale:` bench fields: absolute limits on a statistic, and data sizes to run at. */
import { z } from 'zod'
import { parseDuration, parseSize } from './units.js'

/** Which number a budget limits, computed from one metric's samples. */
export type BudgetStatistic =
  | { kind: 'mean' }
  | { kind: 'quantile'; q: number }
  | { kind: 'min' }
  | { kind: 'max' }
  /** Operations per second: 1000 / mean of a time in ms, or the mean of an ops/s metric. */
  | { kind: 'ops/s' }

/** One validated budget, e.g. `p95 < 10ms`. */
export interface Budget {
  /** The budget as written, for messages and the report. */
  text: string
  /** The statistic's name as written: `p95`, `median`, `mean`, `ops/s`, ... */
  statisticName: string
  statistic: BudgetStatistic
  /** Metric the statistic is taken of: `time` unless the budget names one (`peak-rss`). */
  metric: string
  /** `below`: the statistic must stay under the limit; `above`: over it. */
  direction: 'below' | 'above'
  /** In the metric's unit: ms for times, bytes for sizes, ops/s for rates. */
  limit: number
  unit: 'ms' | 'bytes' | 'ops/s'
}

/** Data sizes a bench runs at: `scale: {param: tasks, values: [1000, 10000]}`. */
export interface ScaleConfig {
  param: string
  values: number[]
}

/** The size one expanded bench runs at. */
export interface ScalePoint {
  param: string
  value: number
  /** The bench's name without the size, shared by every size of the curve. */
  bench: string
}

const STATISTICS = ['mean', 'median', 'min', 'max', 'ops/s', 'p50', 'p90', 'p95', 'p99']
const METRICS_BY_SIZE = ['peak-rss', 'heap-growth', 'peak-heap']

const BUDGET_HELP =
  'must be a budget like "p95 < 10ms", "median < 3ms", "ops/s > 500" or "peak-rss < 200MiB"'

/** Parses one budget; a sentence saying what is wrong when it is not one. */
export function parseBudget(text: string): Budget | string {
  const match = /^\s*([a-z0-9/.-]+)(?:\s+([a-z0-9@/.-]+))?\s*(<=|>=|<|>)\s*(\S.*?)\s*$/i.exec(text)
  if (!match) return BUDGET_HELP
  const [, first, second, op, limitText] = match
  // `peak-rss < 200MiB` names a metric alone (its median); `p95 peak-rss < ...` names both.
  const metricOnly = second === undefined && METRICS_BY_SIZE.includes(first)
  const statisticName = metricOnly ? 'median' : first
  const metric = metricOnly ? first : (second ?? 'time')
  const statistic = toStatistic(statisticName)
  if (!statistic) {
    return `names the statistic "${statisticName}", which is not one of ${STATISTICS.join(', ')}, p1..p99.9 (or a metric such as ${METRICS_BY_SIZE.join(', ')})`
  }
  const direction = op.startsWith('<') ? 'below' : 'above'
  if (statistic.kind === 'ops/s') {
    const limit = Number(limitText.replace(/\s*ops\/s$/, ''))
    if (!Number.isFinite(limit) || limit <= 0) {
      return `has the limit "${limitText}", which is not a positive number of operations per second like 500`
    }
    return { text: text.trim(), statisticName, statistic, metric, direction, limit, unit: 'ops/s' }
  }
  const duration = parseDuration(limitText)
  const size = parseSize(limitText)
  if (duration !== undefined && !METRICS_BY_SIZE.includes(metric)) {
    return {
      text: text.trim(),
      statisticName,
      statistic,
      metric,
      direction,
      limit: duration,
      unit: 'ms',
    }
  }
  if (size !== undefined && metric !== 'time') {
    return {
      text: text.trim(),
      statisticName,
      statistic,
      metric,
      direction,
      limit: size,
      unit: 'bytes',
    }
  }
  if (size !== undefined) {
    return `limits a time with the size "${limitText}": write a duration like 10ms, or name a memory metric ("peak-rss < ${limitText}")`
  }
  if (duration !== undefined) {
    return `limits ${metric}, a size, with the duration "${limitText}": write a size like 200MiB`
  }
  return `has the limit "${limitText}", which is neither a duration like 10ms nor a size like 200MiB`
}

function toStatistic(name: string): BudgetStatistic | undefined {
  if (name === 'mean' || name === 'min' || name === 'max' || name === 'ops/s') return { kind: name }
  if (name === 'median') return { kind: 'quantile', q: 0.5 }
  const percentile = /^p(\d{1,2}(?:\.\d+)?)$/.exec(name)
  if (percentile && Number(percentile[1]) > 0)
    return { kind: 'quantile', q: Number(percentile[1]) / 100 }
  return undefined
}

/**
 * One budget or a list. Not a zod union: a union reports only "matches none", and a config author
 * needs to hear which budget of the list is wrong and why.
 */
const budgetField = z
  .custom<string | string[]>(
    (value) => typeof value === 'string' || (Array.isArray(value) && value.length > 0),
    { error: `${BUDGET_HELP}, or a list of them` },
  )
  .transform((value, ctx): Budget[] => {
    const texts = typeof value === 'string' ? [value] : value
    const budgets: Budget[] = []
    texts.forEach((text, index) => {
      const path = typeof value === 'string' ? [] : [index]
      const parsed = typeof text === 'string' ? parseBudget(text) : BUDGET_HELP
      if (typeof parsed === 'string')
        ctx.addIssue({ code: 'custom', message: parsed, path, input: text })
      else budgets.push(parsed)
    })
    return budgets
  })

/** Bench-only fields (not settable in `defaults:`): budgets and data sizes. */
export const budgetFields = {
  budget: budgetField.optional().meta({
    description:
      'Absolute limit(s) checked on every run, with the statistic\'s uncertainty: "p95 < 10ms", "median < 3ms", "ops/s > 500", "peak-rss < 200MiB".',
    examples: ['p95 < 10ms', ['median < 3ms', 'p99 < 20ms']],
  }),
  scale: z
    .strictObject({
      param: z.string({ error: 'must be a parameter name like tasks' }).regex(/^[a-z][a-z0-9_]*$/, {
        error: 'must be a lower-case parameter name like tasks (letters, digits, _)',
      }),
      values: z
        .array(
          z
            .int({ error: 'must be a whole number of at least 1' })
            .min(1, { error: 'must be a whole number of at least 1' }),
        )
        .min(2, { error: 'must list at least 2 sizes, to draw a curve' }),
    })
    .optional()
    .meta({
      description:
        'Run the bench at each data size: {param: tasks, values: [1000, 10000, 100000]}. sql/pg-notify get {{tasks}} substituted in setup, query and teardown; a command gets TASKS=...; a js bench gets the size as the argument of setup and of each function.',
    }),
}

/** The budgets of a parsed `budget:` field, always as a list. */
export function budgetList(raw: Budget[] | undefined): Budget[] {
  return raw ?? []
}
