/**
 * The paired A/B comparison with real statistics: seeded drift shared by the two sides of each
 * round, exact sign-flip p-values, the trimmed estimate against one slow process, fallback to the
 * unpaired rule when rounds do not pair, and confirmation pairing the re-run with its own base.
 */
import { describe, expect, it } from '@jest/globals'
import {
  comparePaired,
  compareRuns,
  confirmRegressions,
  seededRandom,
  type MetricComparison,
} from '../../src/compare/index.js'
import { pairRounds } from '../../src/compare/paired.js'
import { pairedChange, pairSwapTest, smallestSwapP } from '../../src/compare/pair-swap.js'
import { makeMetric } from '../../src/results/summary.js'
import type { Results } from '../../src/results/types.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/**
 * Both sides of one A/B measurement of bench `a`: `rounds` rounds whose level drifts by a
 * log-normal `drift` shared by the base and head of the round, plus `pairNoise` of their own;
 * the head is `factor` slower. Each round holds 20 evenly spread samples.
 */
function abRun(
  seed: number,
  options: { rounds?: number; drift?: number; pairNoise?: number; factor?: number } = {},
): { base: Results; head: Results } {
  const { rounds = 10, drift = 0.15, pairNoise = 0.01, factor = 1 } = options
  const random = seededRandom(seed)
  const baseLevels: number[] = []
  const headLevels: number[] = []
  for (let r = 0; r < rounds; r++) {
    const shared = 10 * Math.exp(drift * gauss(random))
    baseLevels.push(shared * Math.exp(pairNoise * gauss(random)))
    headLevels.push(shared * factor * Math.exp(pairNoise * gauss(random)))
  }
  return {
    base: makeResults({ benches: [{ name: 'a', ...roundsOf(baseLevels, 20) }] }),
    head: makeResults({ benches: [{ name: 'a', ...roundsOf(headLevels, 20) }] }),
  }
}

const row = (base: Results, head: Results): MetricComparison => {
  const result = comparePaired([base], head)
  expect(result.comparisons).toHaveLength(1)
  return result.comparisons[0]
}

describe('within-pair swap test', () => {
  const pairsOf = (base: number[], head: number[]) => ({ base, head })

  it('gives the exact smallest p, 2 of 2^10 swap vectors, when every pair moved the same way', () => {
    const base = [10, 10.2, 9.9, 10.1, 10, 10.3, 9.8, 10.1, 10, 10.2]
    const head = base.map((v, i) => v * (1.1 + 0.001 * i))
    expect(pairSwapTest(pairsOf(base, head), 'smaller', seededRandom(1))).toBeCloseTo(2 / 1024, 12)
    expect(smallestSwapP(10)).toBeCloseTo(2 / 1024, 12)
    expect(smallestSwapP(5)).toBeGreaterThan(0.05)
    expect(smallestSwapP(6)).toBeLessThan(0.05)
  })

  it("is the unpaired rule's change: the ratio of the best 40% of each side's rounds", () => {
    const base = [10, 10, 20, 20, 20]
    const head = [11, 11, 22, 22, 22]
    expect(pairedChange(pairsOf(base, head), 'smaller')).toBeCloseTo(0.1, 12)
    expect(pairedChange(pairsOf(head, base), 'smaller')).toBeCloseTo(1 / 1.1 - 1, 12)
  })

  it('finds no evidence when the labels of each pair look alike', () => {
    const base = [10, 11, 10.5, 12, 10.2, 11.1]
    const head = [11, 10, 12, 10.5, 11.1, 10.2]
    expect(pairSwapTest(pairsOf(base, head), 'smaller', seededRandom(2))).toBeGreaterThan(0.5)
  })

  it('samples swap vectors beyond 12 pairs and still finds a consistent shift', () => {
    const base = Array.from({ length: 20 }, (_, i) => 10 + (i % 7) * 0.3)
    const head = base.map((v, i) => v * (1.05 + 0.002 * (i % 5)))
    const p = pairSwapTest(pairsOf(base, head), 'smaller', seededRandom(3))
    expect(p).toBeLessThan(0.001)
    expect(p).toBeGreaterThan(0)
  })
})

describe('comparePaired', () => {
  it('catches +12% through a 15% round-to-round drift that both sides share', () => {
    const { base, head } = abRun(7, { factor: 1.12 })
    const paired = row(base, head)
    expect(paired.verdict).toBe('regression')
    expect(paired.change).toBeGreaterThan(0.1)
    expect(paired.change).toBeLessThan(0.14)
    expect(paired.p).toBeLessThan(0.01)
    expect(paired.reason).toContain('10 interleaved round pairs')
    // The unpaired interval carries the drift; the paired one does not.
    const unpaired = compareRuns([base], head).comparisons[0]
    const width = (ci: [number, number] | null) => (ci ? ci[1] - ci[0] : Infinity)
    expect(width(paired.ci)).toBeLessThan(width(unpaired.ci) / 3)
    expect(paired.ci![0]).toBeLessThan(0.12)
    expect(paired.ci![1]).toBeGreaterThan(0.12)
  })

  it('flags nothing on unchanged code through the same drift, over many seeds', () => {
    const verdicts = Array.from({ length: 40 }, (_, seed) => {
      const { base, head } = abRun(100 + seed)
      return row(base, head).verdict
    })
    expect(verdicts.filter((v) => v !== 'unchanged')).toEqual([])
  })

  it('ignores processes that ran twice as slow, on either side', () => {
    for (const side of ['base', 'head'] as const) {
      const { base, head } = abRun(11)
      const target = side === 'base' ? base : head
      const metric = target.benches[0].metrics[0]
      const samples = metric.samples.map((v, i) => (i >= 60 && i < 80 ? v * 2 : v))
      target.benches[0].metrics[0] = makeMetric({ ...metric, samples })
      expect(row(base, head).verdict).toBe('unchanged')
    }
  })

  it('mirrors: the same data swapped is an improvement of the same size', () => {
    const { base, head } = abRun(8, { factor: 1.2 })
    const forward = row(base, head)
    const backward = row(head, base)
    expect(forward.verdict).toBe('regression')
    expect(backward.verdict).toBe('improvement')
    expect(Math.log1p(backward.change!)).toBeCloseTo(-Math.log1p(forward.change!), 10)
  })

  it('judges a bigger-is-better metric the other way round', () => {
    const { base, head } = abRun(9, { factor: 0.85 })
    const opsOf = (run: Results): Results => {
      const [time] = run.benches[0].metrics
      const ops = makeMetric({ ...time, name: 'ops', unit: 'ops/s', better: 'bigger' })
      return makeResults({ benches: [{ name: 'a', metrics: [ops] }] })
    }
    const result = row(opsOf(base), opsOf(head))
    expect(result.verdict).toBe('regression')
    expect(result.reason).toContain('less')
  })

  it('leaves rows it cannot pair to the unpaired rule: 5 rounds are too few to test', () => {
    const { base, head } = abRun(3, { rounds: 5, factor: 1.3 })
    const paired = comparePaired([base], head).comparisons[0]
    const unpaired = compareRuns([base], head, { sharedShift: false }).comparisons[0]
    expect(paired).toEqual(unpaired)
    expect(paired.reason).not.toContain('round pairs')
  })

  it('pairs round by round and refuses rounds that do not line up', () => {
    const { base, head } = abRun(4)
    const [b] = base.benches[0].metrics
    const [h] = head.benches[0].metrics
    const pairs = pairRounds([b, b], [h, h], 0.1)
    expect(pairs?.base).toHaveLength(20)
    expect(pairs?.head).toHaveLength(20)
    const short = makeMetric({ ...h, samples: h.samples.slice(0, 180), rounds: Array(9).fill(20) })
    expect(pairRounds([b], [short], 0.1)).toBeNull()
    expect(pairRounds([b], [undefined], 0.1)).toBeNull()
    expect(pairRounds([b, b], [h], 0.1)).toBeNull()
  })

  it('confirms with the re-run paired with its own base, and drops what the re-run does not show', () => {
    const first = abRun(21, { factor: 1.15 })
    const again = abRun(22, { factor: 1.15 })
    const flagged = comparePaired([first.base], first.head)
    expect(flagged.comparisons[0].verdict).toBe('regression')
    const confirmed = confirmRegressions(
      [first.base, again.base],
      first.head,
      again.head,
      flagged,
      {},
      true,
    )
    expect(confirmed.comparisons[0]).toMatchObject({ verdict: 'regression', confirmed: true })
    expect(confirmed.comparisons[0].reason).toContain('20 interleaved round pairs')

    const clean = abRun(23)
    const refuted = confirmRegressions(
      [first.base, clean.base],
      first.head,
      clean.head,
      flagged,
      {},
      true,
    )
    expect(refuted.comparisons[0]).toMatchObject({ confirmed: false })
    expect(refuted.comparisons[0].verdict).not.toBe('regression')
    expect(refuted.regressions).toBe(0)
  })
})
