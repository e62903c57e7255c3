/** Fitting how a statistic grows with data size: log–log slope and the best complexity class. Pure. */

/** The complexity classes a curve is matched against, simplest first. */
export const GROWTH_CLASSES = ['1', 'log n', 'n', 'n log n', 'n²'] as const

/** One complexity class. */
export type GrowthClass = (typeof GROWTH_CLASSES)[number]

const BASIS: Record<GrowthClass, (n: number) => number> = {
  '1': () => 1,
  'log n': (n) => Math.log(n),
  n: (n) => n,
  'n log n': (n) => n * Math.log(n),
  'n²': (n) => n * n,
}

/** Log–log slope of each class between 1K and 100K (log n and n log n drift slowly with n). */
const IDEAL_SLOPE: Record<GrowthClass, number> = {
  '1': 0,
  'log n': 0.2,
  n: 1,
  'n log n': 1.11,
  'n²': 2,
}

/** One point of a curve: the size, the statistic measured there and its relative spread. */
export interface SizePoint {
  size: number
  value: number
  /** Standard deviation of `value` relative to it (0.02 = 2%); the fit's noise floor when less. */
  spread?: number
}

/** How well one class explains the curve, as `value ≈ constant + factor · f(size)`. */
export interface ClassFit {
  growth: GrowthClass
  constant: number
  factor: number
  /** Root mean square of the relative residuals (0.03 = the fit is off by 3% typically). */
  residual: number
  /** Sum of squared residuals in units of each point's spread: how far off, given the noise. */
  chi2: number
}

/** The growth of a curve. */
export interface GrowthFit {
  /** Least-squares slope of log(value) on log(size): 1 for linear, 2 for quadratic. */
  slope: number
  /** R² of that log–log line (1 = a perfect power law). */
  r2: number
  /** The best-matching class and its fit. */
  best: ClassFit
  /**
   * The classes this curve cannot tell apart, in GROWTH_CLASSES order: just `best` when it is
   * clear, two neighbours (`n`, `n log n`) when the noise leaves both explaining the points about
   * as well.
   */
  classes: GrowthClass[]
  /** Every class's fit, in GROWTH_CLASSES order. */
  fits: ClassFit[]
}

/** Options of the fit. */
export interface FitOptions {
  /**
   * Typical relative noise of one point (0.02 = 2%): the spread of points without their own, and
   * the floor of those with one. A curve the constant class explains within this noise is called
   * constant: a growing class would only be fitting the noise.
   */
  noise?: number
  /** Least spread a point is given (default `noise`): no point is trusted beyond it. */
  floor?: number
  /** χ² margin within which a neighbour class is named too (default AMBIGUOUS_CHI2). */
  ambiguous?: number
}

/**
 * A neighbour class whose χ² is within this much of the best one's is "as good" given the noise
 * (1: the two differ by less than one standard deviation): the answer names both. Tuned on
 * __fixtures__/recorded/ noise (1000 seeded curves each): at 1, 1.3% of linear curves say "n or
 * n log n", none is wrong; at 0 none is ambiguous and 0.1% of n log n ones are wrong; at 2, 8.7%
 * are ambiguous.
 */
export const AMBIGUOUS_CHI2 = 1

/**
 * Fits `points` (two or more distinct sizes). Each class is fitted as `c + a·f(n)` with c, a ≥ 0,
 * by least squares on relative error weighted by each point's spread, so a fixed per-call
 * overhead does not bend a linear curve into "log n", and a curve growing faster than f cannot be
 * bent into it by a negative constant. The best class has the smallest χ²; a neighbour class
 * within AMBIGUOUS_CHI2 of it is named too ("n or n log n") rather than guessed between.
 */
export function fitGrowth(points: readonly SizePoint[], options: FitOptions = {}): GrowthFit {
  const noise = options.noise ?? 0.02
  const floor = options.floor ?? noise
  const spreads = points.map((point) => Math.max(point.spread ?? noise, floor))
  const fits = GROWTH_CLASSES.map((growth) => fitClass(points, spreads, growth))
  const { slope, r2 } = logLogLine(points)
  // Two sizes fit every `c + a·f(n)` exactly: only the slope tells the classes apart then.
  if (new Set(points.map((point) => point.size)).size < 3) {
    const nearest = GROWTH_CLASSES.reduce((best, growth) =>
      Math.abs(IDEAL_SLOPE[growth] - slope) < Math.abs(IDEAL_SLOPE[best] - slope) ? growth : best,
    )
    return { slope, r2, best: fits[GROWTH_CLASSES.indexOf(nearest)], classes: [nearest], fits }
  }
  const growing = fits.slice(1).reduce((best, fit) => (fit.chi2 < best.chi2 ? fit : best))
  const constant = fits[0]
  // Parsimony: the constant class is nested in every other, so it never fits best on its own.
  const best =
    constant.residual <= Math.max(1.5 * growing.residual, 1.5 * noise) ? constant : growing
  const at = GROWTH_CLASSES.indexOf(best.growth)
  // A constant curve is already the answer "no growth within the noise": no rival to name.
  const neighbours = best.growth === '1' ? [] : [fits[at - 1], fits[at + 1]]
  const rivals = neighbours.filter(
    (fit): fit is ClassFit =>
      fit !== undefined &&
      fit.growth !== '1' &&
      fit.chi2 <= best.chi2 + (options.ambiguous ?? AMBIGUOUS_CHI2),
  )
  const rival = rivals.sort((a, b) => a.chi2 - b.chi2)[0]
  const classes = GROWTH_CLASSES.filter(
    (growth) => growth === best.growth || growth === rival?.growth,
  )
  return { slope, r2, best, classes, fits }
}

/** The class of a fit in words: `n`, or `n or n log n` when the curve cannot tell them apart. */
export function growthLabel(fit: Pick<GrowthFit, 'classes'>): string {
  return fit.classes.join(' or ')
}

/** The fitted value of a class fit at a size. */
export function predict(fit: ClassFit, size: number): number {
  return fit.constant + fit.factor * BASIS[fit.growth](size)
}

/** Least-squares line through (log size, log value): its slope and R². */
export function logLogLine(points: readonly SizePoint[]): { slope: number; r2: number } {
  const xs = points.map((point) => Math.log(point.size))
  const ys = points.map((point) => Math.log(Math.max(point.value, Number.MIN_VALUE)))
  const mx = mean(xs)
  const my = mean(ys)
  let sxy = 0
  let sxx = 0
  let syy = 0
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my)
    sxx += (x - mx) ** 2
    syy += (ys[i] - my) ** 2
  })
  const slope = sxx > 0 ? sxy / sxx : 0
  return { slope, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 }
}

/**
 * Weighted least squares of value ≈ c + a·f(size), weights 1/(spread·value)², with c, a ≥ 0:
 * the unconstrained optimum when it is feasible, else the best of the boundary fits.
 */
function fitClass(
  points: readonly SizePoint[],
  spreads: readonly number[],
  growth: GrowthClass,
): ClassFit {
  const f = points.map((point) => BASIS[growth](point.size))
  const y = points.map((point) => point.value)
  const w = y.map((value, i) => 1 / Math.max((spreads[i] * value) ** 2, Number.MIN_VALUE))
  const candidates: { constant: number; factor: number }[] = []
  if (growth !== '1') {
    // Both free: solve the 2×2 normal equations.
    let sw = 0,
      sf = 0,
      sff = 0,
      sy = 0,
      sfy = 0
    f.forEach((fi, i) => {
      sw += w[i]
      sf += w[i] * fi
      sff += w[i] * fi * fi
      sy += w[i] * y[i]
      sfy += w[i] * fi * y[i]
    })
    const det = sw * sff - sf * sf
    if (det > 0) {
      const factor = (sw * sfy - sf * sy) / det
      const constant = (sy - factor * sf) / sw
      if (factor >= 0 && constant >= 0) candidates.push({ constant, factor })
    }
    // No constant: a·f(n) alone.
    const num = f.reduce((sum, fi, i) => sum + w[i] * fi * y[i], 0)
    const den = f.reduce((sum, fi, i) => sum + w[i] * fi * fi, 0)
    if (den > 0) candidates.push({ constant: 0, factor: Math.max(0, num / den) })
  }
  // No growth: the weighted mean.
  const sw = w.reduce((a, b) => a + b, 0)
  candidates.push({ constant: w.reduce((sum, wi, i) => sum + wi * y[i], 0) / sw, factor: 0 })
  let best: ClassFit | undefined
  for (const candidate of candidates) {
    const fit = { growth, ...candidate, residual: 0, chi2: 0 }
    const relative = points.map((point) => (predict(fit, point.size) - point.value) / point.value)
    fit.residual = Math.sqrt(mean(relative.map((r) => r * r)))
    fit.chi2 = relative.reduce((sum, r, i) => sum + (r / spreads[i]) ** 2, 0)
    if (!best || fit.chi2 < best.chi2) best = fit
  }
  return best as ClassFit
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
