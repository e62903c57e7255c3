/**
 * The paired test of A/B mode: a permutation test that only swaps base and head *within* a round
 * pair. In ABBA each pair is one round of each side measured back to back, so under "no change"
 * the two labels of a pair are exchangeable whatever the machine did to that pair; swapping
 * across pairs, as the unpaired test does, also mixes the machine's drift into the null
 * distribution. The statistic is the unpaired rule's: the distance of the sides' means of the
 * best 60%-trimmed log round centres (noise next to a busy neighbour only ever slows a process,
 * and on the recorded machine it slowed 4 processes in 10 by ~1.45×, so each side's fast
 * rounds carry the code's speed).
 */
import type { Better } from '../results/types.js'
import { worstTrimmedMean } from './permutation.js'
import type { Random } from './random.js'

/** Enumerate every swap vector up to this many pairs (2^12 = 4096); beyond, sample swaps. */
const MAX_EXACT_PAIRS = 12

/** Random swap vectors drawn when enumeration is too costly. */
const RANDOM_SWAPS = 4000

/** Round centres of both sides, aligned: base[r] and head[r] were measured back to back. */
export interface RoundPairs {
  base: number[]
  head: number[]
}

/** Log values oriented so that larger is worse. */
function oriented(values: readonly number[], better: Better): Float64Array {
  const sign = better === 'smaller' ? 1 : -1
  return Float64Array.from(values, (v) => sign * Math.log(v))
}

/** head/base − 1 of the sides' robust centres (geometric mean of each side's best 40% rounds). */
export function pairedChange(pairs: RoundPairs, better: Better): number {
  const t =
    worstTrimmedMean(oriented(pairs.head, better)) - worstTrimmedMean(oriented(pairs.base, better))
  return Math.expm1(better === 'smaller' ? t : -t)
}

/**
 * Two-sided p-value of the within-pair swap test: exact over all 2^n swap vectors when n ≤ 12
 * (a vector and its complement give the same distance, so the smallest p is 2/2^n), else
 * (1 + hits) / (1 + draws) over seeded random swaps. Centres must be positive.
 */
export function pairSwapTest(pairs: RoundPairs, better: Better, random: Random): number {
  const x = oriented(pairs.base, better)
  const y = oriented(pairs.head, better)
  const n = x.length
  if (n === 0 || n !== y.length) return 1
  const observed = Math.abs(worstTrimmedMean(y) - worstTrimmedMean(x))
  if (!(observed > 0)) return 1
  // Relative tolerance, so vectors equal to the observed value up to rounding count as ties.
  const bar = observed * (1 - 1e-9)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  const distance = (swapped: (i: number) => boolean): number => {
    for (let i = 0; i < n; i++) {
      const swap = swapped(i)
      a[i] = swap ? x[i] : y[i]
      b[i] = swap ? y[i] : x[i]
    }
    return Math.abs(worstTrimmedMean(a) - worstTrimmedMean(b))
  }
  if (n <= MAX_EXACT_PAIRS) {
    let hits = 0
    const vectors = 2 ** n
    for (let mask = 0; mask < vectors; mask++) {
      if (distance((i) => ((mask >> i) & 1) === 1) >= bar) hits++
    }
    return hits / vectors
  }
  let hits = 0
  for (let draw = 0; draw < RANDOM_SWAPS; draw++) {
    if (distance(() => random() < 0.5) >= bar) hits++
  }
  return (1 + hits) / (1 + RANDOM_SWAPS)
}

/** The smallest p-value pairSwapTest can give with n pairs. */
export function smallestSwapP(n: number): number {
  if (n === 0) return 1
  return n <= MAX_EXACT_PAIRS ? 2 / 2 ** n : 1 / (1 + RANDOM_SWAPS)
}

/** Seeded bootstrap percentile interval of pairedChange, resampling whole pairs; null under 2. */
export function pairedInterval(
  pairs: RoundPairs,
  better: Better,
  resamples: number,
  confidence: number,
  random: Random,
): [number, number] | null {
  const n = pairs.base.length
  if (n < 2 || resamples < 1) return null
  const base = new Array<number>(n)
  const head = new Array<number>(n)
  const changes = new Float64Array(resamples)
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n)
      base[i] = pairs.base[pick]
      head[i] = pairs.head[pick]
    }
    changes[r] = pairedChange({ base, head }, better)
  }
  changes.sort()
  const tail = (1 - confidence) / 2
  const at = (q: number) => changes[Math.min(resamples - 1, Math.floor(q * resamples))]
  return [at(tail), at(1 - tail)]
}
