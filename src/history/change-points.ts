/**
 * Change points in a bench's history by E-divisive means (Matteson & James, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014), the method
 * MongoDB runs over its CI performance history (Daly et al., "The Use of Change Point Detection
 * to Identify Software Performance Regressions in a Continuous Integration System", ICPE 2020)
 * and Apache Otava (formerly DataStax Hunter; Fleming et al., ICPE 2023) is built on.
 *
 * The series is split where the energy distance between the two sides is largest; a seeded
 * permutation test says whether that split is better than chance; accepted splits are searched
 * again recursively (binary segmentation, as in the paper's hierarchical algorithm). A segment too
 * short for shuffles to reach alpha is judged by t-tests instead (short-split.ts). Values are
 * log centres, so a step's size is relative and slow and fast benches are treated alike.
 * Pure and deterministic: the same series always gives the same change points.
 */
import { seededRandom, type Random } from '../compare/random.js'
import { medianOf } from '../compare/units.js'
import { permutationCanReach, shortSplitP } from './short-split.js'
import type { HistorySeries } from './schema.js'

/** Settings of the detector; the defaults are the ones docs/history.md evaluates. */
export interface ChangePointOptions {
  /** Significance of each split's test, permutation or (short segments) t (default 0.01). */
  alpha?: number
  /** Permutations per test of a long segment (default 199, so the smallest p is 0.005). */
  permutations?: number
  /** Fewest runs on each side of a change (default 3): a shift must last to count. */
  minSegment?: number
  /** Smallest relative shift reported (default 0.02): tinier steps are not worth a line. */
  minShift?: number
  /** Seed of the permutations (default fixed). */
  seed?: number
}

/**
 * A split of a series: index of the first run at the new level, and the test's p-value (the
 * permutation p, or for a short segment the Bonferroni-corrected t-test p).
 */
export interface Split {
  index: number
  p: number
}

/** A lasting shift in one bench metric's history. */
export interface ChangePoint {
  bench: string
  metric: string
  unit: string
  /** Index (into the series' entries, oldest first) of the first run at the new level. */
  index: number
  /** Commit of that first run, or null. */
  commit: string | null
  date: string
  /** Median after / median before − 1 over the neighbouring segments (0.18 = 18% larger). */
  change: number
  /** Whether the shift is in the bad direction for the metric (slower, more memory, fewer ops/s). */
  worse: boolean
  /** How many runs ago the shift began: the newest run counts as 1. */
  runsAgo: number
  p: number
}

/** Sum over i of |x_i - x_j| for each j, split into the parts before and after j. */
function rowSums(x: Float64Array, rowLeft: Float64Array, rowRight: Float64Array): void {
  const n = x.length
  rowLeft.fill(0)
  rowRight.fill(0)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.abs(x[i] - x[j])
      rowRight[i] += d
      rowLeft[j] += d
    }
  }
}

/**
 * The best split of `x` by the E-divisive statistic (alpha = 1):
 * Q(τ) = τ(n−τ)/n · (2·mean|L−R| − mean|L−L'| − mean|R−R'|), sides at least `minSegment` long.
 * Running sums make each evaluation O(n²) for all τ together.
 */
export function bestSplit(
  x: Float64Array,
  minSegment: number,
  scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) },
): { index: number; q: number } {
  const n = x.length
  if (n < 2 * minSegment) return { index: -1, q: 0 }
  const { left, right } = scratch
  rowSums(x, left, right)
  let within = 0 // pairs inside [0, τ)
  let total = 0
  for (let j = 0; j < n; j++) total += left[j]
  let between = 0 // pairs across τ
  let withinRight = total // pairs inside [τ, n)
  let best = { index: -1, q: -Infinity }
  for (let tau = 1; tau < n; tau++) {
    // Move point tau−1 from the right side to the left.
    const moved = tau - 1
    within += left[moved]
    between += right[moved] - left[moved]
    withinRight -= right[moved]
    const a = tau
    const b = n - tau
    if (a < minSegment || b < minSegment) continue
    const meanBetween = between / (a * b)
    const meanLeft = a > 1 ? within / ((a * (a - 1)) / 2) : 0
    const meanRight = b > 1 ? withinRight / ((b * (b - 1)) / 2) : 0
    const q = ((a * b) / n) * (2 * meanBetween - meanLeft - meanRight)
    if (q > best.q) best = { index: tau, q }
  }
  return best
}

/** The permutation p-value of the best split of `x`: how often shuffled data split as well. */
function splitP(
  x: Float64Array,
  observed: number,
  options: Required<ChangePointOptions>,
  random: Random,
): number {
  const shuffled = Float64Array.from(x)
  const scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) }
  let hits = 0
  for (let r = 0; r < options.permutations; r++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = shuffled[i]
      shuffled[i] = shuffled[j]
      shuffled[j] = t
    }
    if (bestSplit(shuffled, options.minSegment, scratch).q >= observed) hits++
  }
  return (hits + 1) / (options.permutations + 1)
}

function withDefaults(options: ChangePointOptions): Required<ChangePointOptions> {
  return {
    alpha: options.alpha ?? 0.01,
    permutations: options.permutations ?? 199,
    minSegment: options.minSegment ?? 3,
    minShift: options.minShift ?? 0.02,
    seed: options.seed ?? 20140101,
  }
}

/** Significant splits of a numeric series (indices of the first value at each new level), sorted. */
export function eDivisive(values: readonly number[], options: ChangePointOptions = {}): Split[] {
  const settings = withDefaults(options)
  const random = seededRandom(settings.seed)
  const splits: Split[] = []
  // Binary segmentation: test the best split of each segment, recurse into accepted ones.
  const pending: [number, number][] = [[0, values.length]]
  while (pending.length > 0) {
    const [start, end] = pending.shift()!
    const x = Float64Array.from(values.slice(start, end))
    const { index, q } = bestSplit(x, settings.minSegment)
    if (index < 0 || !(q > 0)) continue
    // Shuffles cannot make a split with few runs on one side significant (see short-split.ts);
    // t-tests on the two sides can. The choice is made per segment, not per split: a segment
    // whose edge splits the shuffles cannot judge gets one Bonferroni-corrected t-test over all
    // its splits, so each segment still runs a single test at level alpha (choosing by where
    // the best split fell would add the two tests' false-alarm rates). Longer segments keep the
    // permutation test, which assumes no distribution.
    const { minSegment, alpha, minShift } = settings
    const p = permutationCanReach(minSegment, x.length - minSegment, alpha)
      ? splitP(x, q, settings, random)
      : shortSplitP(x, index, x.length - 2 * minSegment + 1, minShift)
    if (p > settings.alpha) continue
    splits.push({ index: start + index, p })
    pending.push([start, start + index], [start + index, end])
  }
  return splits.sort((a, b) => a.index - b.index)
}

/** Lasting shifts in one series, oldest first, at least `minShift` in size. */
export function changePoints(
  series: HistorySeries,
  options: ChangePointOptions = {},
): ChangePoint[] {
  const settings = withDefaults(options)
  const centres = series.entries.map((e) => e.centre)
  if (centres.some((c) => !(c > 0))) return [] // relative shifts need positive values
  const splits = eDivisive(
    centres.map((c) => Math.log(c)),
    settings,
  )
  const bounds = [0, ...splits.map((s) => s.index), centres.length]
  const points: ChangePoint[] = []
  splits.forEach((split, k) => {
    const before = medianOf(centres.slice(bounds[k], bounds[k + 1]))
    const after = medianOf(centres.slice(bounds[k + 1], bounds[k + 2]))
    const change = after / before - 1
    if (Math.abs(change) < settings.minShift) return
    const entry = series.entries[split.index]
    points.push({
      bench: series.bench,
      metric: series.metric,
      unit: series.unit,
      index: split.index,
      commit: entry.commit,
      date: entry.date,
      change,
      worse: series.better === 'smaller' ? change > 0 : change < 0,
      runsAgo: centres.length - split.index,
      p: split.p,
    })
  })
  return points
}

/** One line for a shift, e.g. "json/parse 18% slower since abc1234, 6 runs ago". */
export function describeChangePoint(point: ChangePoint): string {
  const size = Math.abs(point.change)
  const percent = size >= 0.1 ? Math.round(size * 100) : +(size * 100).toFixed(1)
  const word =
    point.metric === 'time'
      ? point.change > 0
        ? 'slower'
        : 'faster'
      : point.change > 0
        ? 'higher'
        : 'lower'
  const name = point.metric === 'time' ? point.bench : `${point.bench} ${point.metric}`
  const since = point.commit ? point.commit.slice(0, 7) : point.date.slice(0, 10)
  const ago = point.runsAgo === 1 ? 'in the latest run' : `${point.runsAgo} runs ago`
  return `${name} ${percent}% ${word} since ${since}, ${ago}`
}
