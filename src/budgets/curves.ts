/** Growth curves of scaled benches from result rows, and the change of growth baseline → head. Pure. */
import type { Budget } from '../config/budget.js'
import { seededRandom } from '../compare/random.js'
import type { BenchResult } from '../results/types.js'
import {
  fitGrowth,
  growthLabel,
  logLogLine,
  predict,
  type GrowthClass,
  type GrowthFit,
} from './growth.js'
import { sizeLevel } from './level.js'
import { statisticOf } from './statistic.js'

/**
 * Least relative spread a size's level is given in the fit, however tight its own interval: five
 * rounds cannot show every way a machine drifts between processes. Tuned on recorded noise.
 */
export const SPREAD_FLOOR = 0.01

/** One size of a curve: its time level (see sizeLevel) and the level's 95% interval, in ms. */
export interface CurvePoint {
  size: number
  value: number
  interval: [number, number]
}

/** The time level of one scaled bench against its size, and the fitted growth. */
export interface GrowthCurve {
  /** The bench's name without the size (`sql/ready`, or `json[n=...]/parse` as `json/parse`). */
  bench: string
  param: string
  points: CurvePoint[]
  fit: GrowthFit
  /** 95% interval of the log–log slope, from the points' own uncertainty. */
  slopeInterval: [number, number]
}

/** The curves in a run's rows: rows with `scale` and a time metric, grouped by bench and param. */
export function growthCurves(rows: readonly BenchResult[]): GrowthCurve[] {
  const groups = new Map<string, { bench: string; param: string; rows: BenchResult[] }>()
  for (const row of rows) {
    if (!row.scale || row.status !== 'ok') continue
    const key = `${row.scale.bench}\u0000${row.scale.param}`
    const group = groups.get(key) ?? { bench: row.scale.bench, param: row.scale.param, rows: [] }
    group.rows.push(row)
    groups.set(key, group)
  }
  const curves: GrowthCurve[] = []
  for (const group of groups.values()) {
    const points = group.rows
      .map((row): CurvePoint | undefined => {
        const time = row.metrics.find((metric) => metric.name === 'time')
        if (!time || !row.scale) return undefined
        const { value, interval } = sizeLevel(time)
        return { size: row.scale.value, value, interval }
      })
      .filter((point): point is CurvePoint => point !== undefined && point.value > 0)
      .sort((a, b) => a.size - b.size)
    if (points.length < 2) continue
    curves.push(curveOf(group.bench, group.param, points))
  }
  return curves
}

/** A curve from its points: the fit, with the noise the points' intervals show. */
export function curveOf(bench: string, param: string, points: CurvePoint[]): GrowthCurve {
  const fit = fitGrowth(
    points.map((point) => ({ ...point, spread: spreadOf(point) })),
    { noise: pointNoise(points), floor: SPREAD_FLOOR },
  )
  return { bench, param, points, fit, slopeInterval: interval(slopeDraws(points, 1)) }
}

/** Where a budget is crossed along the head curve. */
export interface BudgetCrossing {
  budget: Budget
  /** Measured sizes at which the statistic is past the limit. */
  measured: number[]
  /** The size at which the fitted curve reaches the limit, when beyond the measured sizes (≤ 10×). */
  extrapolated?: number
}

/** A change of growth between the baseline and the head curve of one bench. */
export interface GrowthChange {
  bench: string
  param: string
  /** True when the slope grew clearly (its interval excludes no change) by at least 0.3. */
  regression: boolean
  /** True when the slope fell clearly by at least 0.3. */
  improvement: boolean
  baseClass: GrowthClass
  headClass: GrowthClass
  baseSlope: number
  headSlope: number
  /** 95% interval of head slope − base slope. */
  deltaInterval: [number, number]
  reason: string
}

/** A slope change smaller than this is no change of complexity class (n → n log n is ~0.1). */
export const SLOPE_CHANGE = 0.3

/**
 * Compares growth: a regression when the head's log–log slope is clearly steeper. A constant
 * slowdown multiplies every size alike and leaves the slope, so it is never a growth change.
 */
export function compareGrowth(base: GrowthCurve, head: GrowthCurve): GrowthChange {
  const baseDraws = slopeDraws(base.points, 2)
  const headDraws = slopeDraws(head.points, 3)
  const deltas = headDraws.map((draw, i) => draw - baseDraws[i])
  const deltaInterval = interval(deltas)
  const delta = head.fit.slope - base.fit.slope
  const regression = deltaInterval[0] > 0 && delta >= SLOPE_CHANGE
  const improvement = deltaInterval[1] < 0 && delta <= -SLOPE_CHANGE
  const words = `slope ${base.fit.slope.toFixed(2)} → ${head.fit.slope.toFixed(2)} (${growthLabel(base.fit)} → ${growthLabel(head.fit)})`
  const reason = regression
    ? `grows faster with ${head.param}: ${words}`
    : improvement
      ? `grows slower with ${head.param}: ${words}`
      : `same growth: ${words}, change ${deltaInterval[0].toFixed(2)} … ${deltaInterval[1].toFixed(2)}`
  return {
    bench: head.bench,
    param: head.param,
    regression,
    improvement,
    baseClass: base.fit.best.growth,
    headClass: head.fit.best.growth,
    baseSlope: base.fit.slope,
    headSlope: head.fit.slope,
    deltaInterval,
    reason,
  }
}

/**
 * The sizes at which a curve's rows break a budget: measured ones, and, when none does, the size
 * at which the fitted growth of that statistic reaches the limit, up to 10× the largest size.
 */
export function budgetCrossing(
  rows: readonly BenchResult[],
  curve: Pick<GrowthCurve, 'bench' | 'param'>,
  budget: Budget,
): BudgetCrossing {
  const points = rows
    .filter(
      (row) =>
        row.status === 'ok' && row.scale?.bench === curve.bench && row.scale.param === curve.param,
    )
    .map((row) => {
      const metric =
        budget.statistic.kind === 'ops/s' && budget.metric === 'time'
          ? (row.metrics.find((m) => m.unit === 'ops/s') ??
            row.metrics.find((m) => m.name === 'time'))
          : row.metrics.find((m) => m.name === budget.metric)
      return metric && row.scale
        ? {
            size: row.scale.value,
            value: statisticOf(metric.samples, budget.statistic, metric.unit),
          }
        : undefined
    })
    .filter((point): point is { size: number; value: number } => point !== undefined)
    .sort((a, b) => a.size - b.size)
  const past = (value: number) =>
    budget.direction === 'below' ? value > budget.limit : value < budget.limit
  const measured = points.filter((point) => past(point.value)).map((point) => point.size)
  if (measured.length > 0 || points.length < 2) return { budget, measured }
  const fit = fitGrowth(points).best
  const largest = points[points.length - 1].size
  if (!past(predict(fit, largest * 10))) return { budget, measured }
  // The fitted classes are monotone, so bisect on log size between the largest size and 10×.
  let low = Math.log(largest)
  let high = Math.log(largest * 10)
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2
    if (past(predict(fit, Math.exp(mid)))) high = mid
    else low = mid
  }
  return { budget, measured, extrapolated: roundSize(Math.exp(high)) }
}

/** A size rounded to two significant digits (340000, not 339517.2). */
function roundSize(size: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(size)) - 1)
  return Math.ceil(size / magnitude) * magnitude
}

/** Relative standard deviation of a point: a 95% interval is about four of them wide (in log). */
function spreadOf(point: CurvePoint): number {
  return (Math.log(point.interval[1]) - Math.log(Math.max(point.interval[0], Number.MIN_VALUE))) / 4
}

/** Typical relative noise of the points: the median spread, at least SPREAD_FLOOR. */
function pointNoise(points: readonly CurvePoint[]): number {
  const noises = points.map(spreadOf).sort((a, b) => a - b)
  return Math.max(SPREAD_FLOOR, noises[Math.floor(noises.length / 2)])
}

/** Log–log slopes of the points redrawn within their intervals (log-normal), seeded. */
function slopeDraws(points: readonly CurvePoint[], seed: number, draws = 1000): number[] {
  const random = seededRandom(seed)
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const spreads = points.map((p) =>
    Math.max(
      1e-6,
      (Math.log(p.interval[1]) - Math.log(Math.max(p.interval[0], Number.MIN_VALUE))) / 4,
    ),
  )
  return Array.from(
    { length: draws },
    () =>
      logLogLine(
        points.map((p, i) => ({ size: p.size, value: p.value * Math.exp(spreads[i] * gauss()) })),
      ).slope,
  )
}

function interval(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b)
  return [sorted[Math.floor(sorted.length * 0.025)], sorted[Math.ceil(sorted.length * 0.975) - 1]]
}
