import { describe, expect, it } from '@jest/globals'
import {
  benjaminiHochberg,
  mannWhitneyU,
  seededRandom,
  smallestPossibleP,
} from '../../src/compare/index.js'
import { exactUCounts } from '../../src/compare/mann-whitney.js'
import {
  smallestPermutationP,
  trimmedPermutationTest,
  worstTrimmedMean,
} from '../../src/compare/permutation.js'

describe('mannWhitneyU', () => {
  it('enumerates the exact null distribution (m = n = 2: U = 0..4 in 1,1,2,1,1 ways)', () => {
    expect(exactUCounts(2, 2)).toEqual([1, 1, 2, 1, 1])
    expect(exactUCounts(3, 3).reduce((a, b) => a + b, 0)).toBe(20) // C(6,3)
  })

  it('gives exact p-values for small samples', () => {
    // Complete separation of 3 vs 3: one ordering of 20 in each tail.
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6])).toEqual({ u: 9, p: 0.1, exact: true })
    // One inversion: U = 1 from the other side, P(U <= 1) = 2/20, doubled.
    expect(mannWhitneyU([1, 2, 4], [3, 5, 6]).p).toBeCloseTo(0.2, 12)
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8]).p).toBeCloseTo(2 / 70, 12)
    expect(
      mannWhitneyU([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]).p,
    ).toBeCloseTo(1.082508822446903e-5, 15)
  })

  it('uses the normal approximation with tie and continuity corrections when tied', () => {
    // Midranks 1 | 3 3 3 | 5.5 5.5: U = 8, mean 4.5, variance 9/12 * (7 - 30/30) = 4.5,
    // z = (3.5 - 0.5) / sqrt(4.5) = sqrt(2), so p = erfc(1).
    const result = mannWhitneyU([1, 2, 2], [2, 3, 3])
    expect(result.exact).toBe(false)
    expect(result.u).toBe(8)
    expect(result.p).toBeCloseTo(0.15729920705028513, 6)
  })

  it('uses the normal approximation for large samples', () => {
    // 21 vs 21 separated: z = 220 / sqrt(441 * 43 / 12).
    const x = Array.from({ length: 21 }, (_, i) => i)
    const y = x.map((v) => v + 100)
    const result = mannWhitneyU(x, y)
    expect(result.exact).toBe(false)
    expect(result.p / 3.125399998400882e-8).toBeCloseTo(1, 3)
  })

  it('is symmetric and gives p = 1 when everything ties', () => {
    expect(mannWhitneyU([4, 5, 6], [1, 2, 3]).p).toBe(mannWhitneyU([1, 2, 3], [4, 5, 6]).p)
    expect(mannWhitneyU([2, 2, 2], [2, 2, 2]).p).toBe(1)
  })

  it('knows the smallest reachable p', () => {
    expect(smallestPossibleP(5, 5)).toBeCloseTo(2 / 252, 12)
    expect(smallestPossibleP(1, 1)).toBe(1)
  })
})

describe('benjaminiHochberg', () => {
  it('matches hand-computed adjusted p-values', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.02, 0.04, 0.04 after the step-up minimum.
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005])
    ;[0.02, 0.04, 0.04, 0.02].forEach((expected, i) =>
      expect(adjusted[i]).toBeCloseTo(expected, 12),
    )
  })

  it('passes nulls through without counting them as tests', () => {
    const adjusted = benjaminiHochberg([null, 0.01, 0.5])
    expect(adjusted[0]).toBeNull()
    expect(adjusted[1]).toBeCloseTo(0.02, 12)
    expect(adjusted[2]).toBeCloseTo(0.5, 12)
  })

  it('never exceeds 1', () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9])
    expect(benjaminiHochberg([1, 1, 1])).toEqual([1, 1, 1])
  })
})

describe('trimmedPermutationTest', () => {
  const random = () => seededRandom(1)

  it('keeps only the best 40% of units in the statistic', () => {
    expect(worstTrimmedMean([1, 2, 3, 4, 100])).toBe(1.5)
    expect(worstTrimmedMean([7])).toBe(7)
  })

  it('is exact for small samples: separated 5 vs 5 gives the two extreme splits of 252', () => {
    expect(
      trimmedPermutationTest([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 'smaller', random()),
    ).toBeCloseTo(2 / 252, 12)
    expect(trimmedPermutationTest([1, 2, 3], [4, 5, 6], 'smaller', random())).toBeCloseTo(0.1, 12)
  })

  it('keeps its power when one round was disturbed by a neighbour', () => {
    // Head clearly slower; one baseline round hit by a 3x episode.
    const base = [10, 10.1, 10.2, 10.1, 30]
    const head = [12, 12.1, 12.2, 12.1, 12.3]
    const p = trimmedPermutationTest(base, head, 'smaller', random())
    expect(p).toBeLessThan(0.05)
    // The rank test sees the disturbed round beat every head round and loses significance.
    expect(mannWhitneyU(base, head).p).toBeGreaterThan(0.05)
  })

  it('gives p = 1 without a difference and is reproducible with a seed for large samples', () => {
    expect(trimmedPermutationTest([5, 5, 5], [5, 5, 5], 'smaller', random())).toBe(1)
    const base = Array.from({ length: 25 }, (_, i) => 10 + (i % 7) * 0.1)
    const head = [10.2, 10.4, 10.1, 10.3, 10.5]
    const first = trimmedPermutationTest(base, head, 'smaller', seededRandom(9))
    expect(trimmedPermutationTest(base, head, 'smaller', seededRandom(9))).toBe(first)
    expect(first).toBeGreaterThanOrEqual(smallestPermutationP(25, 5))
    expect(first).toBeGreaterThan(0.05)
  })
})
