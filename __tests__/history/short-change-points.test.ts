import { describe, expect, it } from '@jest/globals'
import { seededRandom } from '../../src/compare/random.js'
import { changePoints, eDivisive } from '../../src/history/change-points.js'
import { permutationCanReach, shiftP } from '../../src/history/short-split.js'
import { studentTwoSidedP } from '../../src/history/student-t.js'
import { noisyCentres, seriesOf } from './series.js'

/** `n` quiet centres (0.1% noise) where each run is 1.5× slow with probability `rate`. */
function withOutliers(n: number, rate: number, seed: number): number[] {
  const random = seededRandom(seed)
  return noisyCentres(n, 0.001, seed + 1).map((c) => (random() < rate ? c * 1.5 : c))
}

describe('change points in short histories', () => {
  it('finds a 20% step 4 runs ago in an 8-run history with 0.1% noise, at that run', () => {
    for (let seed = 0; seed < 20; seed++) {
      const points = changePoints(seriesOf(noisyCentres(8, 0.001, 300 + seed, 0.2, 4)))
      expect(points.map((p) => [p.index, p.runsAgo, p.worse])).toEqual([[4, 4, true]])
      expect(points[0].change).toBeCloseTo(0.2, 1)
    }
  })

  it('finds a 50% step in the last 3 of 6 runs with 1% noise, and an improvement', () => {
    const slower = changePoints(seriesOf(noisyCentres(6, 0.01, 41, 0.5, 3)))
    expect(slower.map((p) => [p.index, p.worse])).toEqual([[3, true]])
    const faster = changePoints(seriesOf(noisyCentres(10, 0.01, 42, -0.3, 5)))
    expect(faster.map((p) => [p.index, p.worse])).toEqual([[5, false]])
  })

  it('flags at most 1% of pure-noise series of 6 to 14 runs, at 1%, 3% and 5% noise', () => {
    let flagged = 0
    let series = 0
    for (let n = 6; n <= 14; n++) {
      for (const noise of [0.01, 0.03, 0.05]) {
        for (let k = 0; k < 200; k++) {
          series++
          if (changePoints(seriesOf(noisyCentres(n, noise, 10_000 * n + 1000 * noise + k)))[0]) {
            flagged++
          }
        }
      }
    }
    // Measured: 18 of 5,400 (0.3%); the t-tests are exact for this noise, Bonferroni-bounded.
    expect(flagged / series).toBeLessThanOrEqual(0.01)
  })

  it('does not take 1.5× outliers in a quiet series for a step', () => {
    let flagged = 0
    let series = 0
    for (let n = 6; n <= 14; n++) {
      for (let k = 0; k < 300; k++) {
        series++
        if (changePoints(seriesOf(withOutliers(n, 0.1, 50_000 + 1000 * n + k))).length) flagged++
      }
    }
    // Measured: 3 of 2,700 series (0.1%; 10% of runs 1.5× slow).
    expect(flagged / series).toBeLessThanOrEqual(0.01)
    // Two outliers among the last 3 of 14 quiet runs: the pooled t-test alone calls it a step.
    const pair = noisyCentres(14, 0.001, 9).map((c, i) => (i === 11 || i === 13 ? c * 1.5 : c))
    expect(changePoints(seriesOf(pair))).toEqual([])
  })

  it('does not report a step under minShift however quiet the series', () => {
    const centres = noisyCentres(8, 0.0001, 5, 0.01, 4)
    expect(changePoints(seriesOf(centres))).toEqual([])
    // The step itself is significant: only the floor holds it back, and it does so before
    // splitting, so a tiny step cannot cut a short history into pieces too short to test.
    const logs = centres.map(Math.log)
    expect(eDivisive(logs, { minShift: 0 }).map((s) => s.index)).toEqual([4])
    expect(eDivisive(logs)).toEqual([])
  })
})

describe('the short-segment tests', () => {
  it('choose shuffles only where they can reach alpha: 3 + 12 runs, not 3 + 11 or 4 + 4', () => {
    expect(permutationCanReach(3, 12, 0.01)).toBe(true)
    expect(permutationCanReach(3, 11, 0.01)).toBe(false)
    expect(permutationCanReach(4, 4, 0.01)).toBe(false)
    expect(permutationCanReach(3, 47, 0.01)).toBe(true)
  })

  it("Student's t tail matches tables", () => {
    expect(studentTwoSidedP(2.776445, 4)).toBeCloseTo(0.05, 6)
    expect(studentTwoSidedP(12.7062, 1)).toBeCloseTo(0.05, 6)
    expect(studentTwoSidedP(3.707428, 6)).toBeCloseTo(0.01, 7)
    expect(studentTwoSidedP(-1.959964, 1e6)).toBeCloseTo(0.05, 5)
    expect(studentTwoSidedP(0, 5)).toBe(1)
    expect(studentTwoSidedP(Infinity, 5)).toBe(0)
  })

  it('gives a constant step p 0, no step p 1, and a one-run side a finite p', () => {
    expect(shiftP([1, 1, 1, 2, 2, 2], 3)).toBe(0)
    expect(shiftP([1, 1, 1, 1, 1, 1], 3)).toBe(1)
    // A side of one run (minSegment 1) has no variance of its own: the pooled test decides.
    expect(shiftP([2, 1, 1.01, 0.99, 1], 1)).toBeGreaterThan(0)
    expect(shiftP([2, 1, 1.01, 0.99, 1], 1)).toBeLessThan(0.01)
  })

  it('keeps its level in Gaussian noise even on lopsided splits (3 + 11 runs)', () => {
    const random = seededRandom(77)
    let below = 0
    const trials = 20_000
    for (let t = 0; t < trials; t++) {
      const x = Array.from(
        { length: 14 },
        () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
      )
      if (shiftP(x, 3) <= 0.01) below++
    }
    // Measured: 0.4% (Welch alone: 2.2%, twice the level).
    expect(below / trials).toBeLessThanOrEqual(0.01)
  })
})
