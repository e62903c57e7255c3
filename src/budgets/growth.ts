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

/** One point of a curve: the size and the statistic measured there. */
export interface SizePoint {
  size: number
  value: number
}

/** How well one class explains the curve, as `value ≈ constant + factor · f(size)`. */
export interface ClassFit {
  growth: GrowthClass
  constant: number
  factor: number
  /** Root mean square of the relative residuals (0.03 = the fit is off by 3% typically). */
  residual: number
}

/** The growth of a curve. */
export interface GrowthFit {
  /** Least-squares slope of log(value) on log(size): 1 for linear, 2 for quadratic. */
  slope: number
  /** R² of that log–log line (1 = a perfect power law). */
  r2: number
  /** The best-matching class and its fit. */
  best: ClassFit
  /** Every class's fit, in GROWTH_CLASSES order. */
  fits: ClassFit[]
}

/** Options of the fit. */
export interface FitOptions {
  /**
   * Typical relative noise of one point (0.02 = 2%). A curve the constant class explains within
   * this noise is called constant: a growing class would only be fitting the noise.
   */
  noise?: number
}

/**
 * Fits `points` (two or more distinct sizes). Each class is fitted as `c + a·f(n)` with c, a ≥ 0,
 * by least squares on relative error, so a fixed per-call overhead does not bend a linear curve
 * into "log n", and a curve growing faster than f cannot be bent into it by a negative constant.
 */
export function fitGrowth(points: readonly SizePoint[], options: FitOptions = {}): GrowthFit {
  const noise = options.noise ?? 0.02
  const fits = GROWTH_CLASSES.map((growth) => fitClass(points, growth))
  const { slope, r2 } = logLogLine(points)
  // Two sizes fit every `c + a·f(n)` exactly: only the slope tells the classes apart then.
  if (new Set(points.map((point) => point.size)).size < 3) {
    const nearest = GROWTH_CLASSES.reduce((best, growth) =>
      Math.abs(IDEAL_SLOPE[growth] - slope) < Math.abs(IDEAL_SLOPE[best] - slope) ? growth : best,
    )
    return { slope, r2, best: fits[GROWTH_CLASSES.indexOf(nearest)], fits }
  }
  const growing = fits.slice(1).reduce((best, fit) => (fit.residual < best.residual ? fit : best))
  const constant = fits[0]
  // Parsimony: the constant class is nested in every other, so it never fits best on its own.
  const best =
    constant.residual <= Math.max(1.5 * growing.residual, 1.5 * noise) ? constant : growing
  return { slope, r2, best, fits }
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

/** Weighted least squares of value ≈ c + a·f(size), weights 1/value², with c, a ≥ 0. */
function fitClass(points: readonly SizePoint[], growth: GrowthClass): ClassFit {
  const f = points.map((point) => BASIS[growth](point.size))
  const y = points.map((point) => point.value)
  const w = y.map((value) => 1 / Math.max(value * value, Number.MIN_VALUE))
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
    const fit = { growth, ...candidate, residual: 0 }
    fit.residual = Math.sqrt(
      mean(points.map((point) => ((predict(fit, point.size) - point.value) / point.value) ** 2)),
    )
    if (!best || fit.residual < best.residual) best = fit
  }
  return best as ClassFit
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
