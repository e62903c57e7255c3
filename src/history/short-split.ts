/**
 * The test for history segments a permutation test cannot judge: too few runs for shuffles.
 *
 * A shuffle test of a split into a and b runs ties with a perfectly separated step only when the
 * shuffle puts the same a runs at either end, so its p-value can never fall below about
 * 2 / C(a + b, a). An 8-run history with a step 4 runs ago has C(8, 4) = 70 arrangements: p ≥ 1/35,
 * so at alpha 0.01 even a 20% step in 0.1% noise is "no change". For such segments the detector
 * uses t-tests on the log centres of the two sides instead, which can reach any alpha when the
 * step is large against the noise, with three guards:
 *
 * - Bonferroni over the candidate split points: the split tested is the best of them, and picking
 *   the best of k and testing it as if it were chosen beforehand would false-alarm up to k times
 *   as often.
 * - Welch's test as well as the pooled t-test (see `shiftP`): outliers on one side inflate that
 *   side's variance and cut its degrees of freedom, so a 1.5× run or two on a quiet side is not
 *   a step.
 * - The medians must differ by `minShift`: in a very quiet series a 0.5% step is significant,
 *   and an outlier pair drags the means but not the medians; neither is worth a split.
 */
import { medianOf } from '../compare/units.js'
import { studentTwoSidedP } from './student-t.js'

/**
 * Whether a shuffle test of a split into `a` and `b` runs can reach `alpha` with room to spare.
 * Its smallest p is about 2 / C(a + b, a); we ask for that to be at most alpha / 2, so that a
 * clear step is found by 199 shuffles most of the time (at alpha 0.01: C ≥ 400). The detector
 * asks it of a segment's edge split (3 runs against the rest), so at alpha 0.01 segments of 15
 * runs or more (C(15, 3) = 455) keep the permutation test and shorter ones get the t-tests.
 */
export function permutationCanReach(a: number, b: number, alpha: number): boolean {
  return 2 / binomial(a + b, Math.min(a, b)) <= alpha / 2
}

/** C(n, k), as a float (exact while it stays below 2^53, far beyond any use here). */
function binomial(n: number, k: number): number {
  let c = 1
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i
  return c
}

/** Mean and unbiased variance. */
function moments(
  x: ArrayLike<number>,
  from: number,
  to: number,
): { mean: number; variance: number } {
  const n = to - from
  let sum = 0
  for (let i = from; i < to; i++) sum += x[i]
  const mean = sum / n
  let squares = 0
  for (let i = from; i < to; i++) squares += (x[i] - mean) ** 2
  return { mean, variance: n > 1 ? squares / (n - 1) : 0 }
}

/**
 * Two-sided p of the shift between x[0, index) and x[index, n): the larger of Student's pooled
 * t-test and Welch's t-test, so the split must pass both.
 * - Pooled alone is exact for Gaussian noise but not robust: two 1.5× outliers among 3 runs on
 *   a quiet side give t ≈ 4 against the pooled spread of all runs (a false alarm).
 * - Welch alone is robust to that (the outliers inflate their own side's variance and cut its
 *   degrees of freedom) but its approximate degrees of freedom make it liberal for lopsided
 *   splits at small alpha: measured 2.2× the nominal rate at 3 + 11 runs and p ≤ 0.01, 4.6× at
 *   p ≤ 0.001, the levels a Bonferroni-corrected test works at.
 * Needing both keeps the exact level of the pooled test in Gaussian noise and Welch's robustness.
 */
export function shiftP(x: ArrayLike<number>, index: number): number {
  const a = index
  const b = x.length - index
  const left = moments(x, 0, index)
  const right = moments(x, index, x.length)
  const diff = right.mean - left.mean
  const va = left.variance / a
  const vb = right.variance / b
  const welchSe2 = va + vb
  // Both sides constant (e.g. a memory metric): any difference is a clean step.
  if (!(welchSe2 > 0)) return diff === 0 ? 1 : 0
  // Welch needs a variance on each side; with minSegment 1 a side can be a single run, and
  // then the pooled test (which spreads the other side's variance over it) decides alone.
  const welch =
    a > 1 && b > 1
      ? studentTwoSidedP(
          diff / Math.sqrt(welchSe2),
          (welchSe2 * welchSe2) / ((va * va) / (a - 1) + (vb * vb) / (b - 1)),
        )
      : 0
  const pooledVariance = ((a - 1) * left.variance + (b - 1) * right.variance) / (a + b - 2)
  const pooled = studentTwoSidedP(diff / Math.sqrt(pooledVariance * (1 / a + 1 / b)), a + b - 2)
  return Math.max(welch, pooled)
}

/**
 * The p-value of a short split of log values `x` at `index`, Bonferroni-corrected for the
 * `candidates` split points the best split was picked from (capped at 1), or 1 when the sides'
 * medians differ by less than `minShift` (relative, so 0.02 = 2%).
 */
export function shortSplitP(
  x: ArrayLike<number>,
  index: number,
  candidates: number,
  minShift: number,
): number {
  const values = Array.from(x)
  const shift = Math.exp(medianOf(values.slice(index)) - medianOf(values.slice(0, index))) - 1
  if (Math.abs(shift) < minShift) return 1
  return Math.min(1, shiftP(values, index) * candidates)
}
