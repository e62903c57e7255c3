import { describe, expect, it } from '@jest/globals'
import {
  CALIBRATION_BENCH,
  CompareInputError,
  compareRuns,
  confirmRegressions,
  seededRandom,
  type MetricComparison,
} from '../../src/compare/index.js'
import { makeMetric } from '../../src/results/summary.js'
import { makeResults, roundsOf, type BenchSpec } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const scaled = (factor: number, levels = LEVELS) => levels.map((l) => l * factor)

function one(base: BenchSpec, head: BenchSpec): MetricComparison {
  const result = compareRuns([makeResults({ benches: [base] })], makeResults({ benches: [head] }))
  expect(result.comparisons).toHaveLength(1)
  return result.comparisons[0]
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(allFinite)
  if (value && typeof value === 'object') return Object.values(value).every(allFinite)
  return true
}

describe('compareRuns verdicts', () => {
  it('flags a 20% slowdown of every round as a regression, with the exact p of 5 vs 5 rounds', () => {
    const row = one(
      { name: 'a', ...roundsOf(LEVELS, 20) },
      { name: 'a', ...roundsOf(scaled(1.2), 20) },
    )
    expect(row.verdict).toBe('regression')
    expect(row.change).toBeCloseTo(0.2, 10)
    expect(row.p).toBeCloseTo(2 / 252, 12)
    expect(row.ci?.[0]).toBeGreaterThan(0.1)
    expect(row.baseSamples).toBe(100)
    expect(row.baseRuns).toBe(1)
    expect(row.reason).toContain('20.0% slower')
  })

  it('calls changes within the noise threshold unchanged, without a p-value', () => {
    const row = one(
      { name: 'a', ...roundsOf(LEVELS, 20) },
      { name: 'a', ...roundsOf(scaled(1.03), 20) },
    )
    expect(row.verdict).toBe('unchanged')
    expect(row.p).toBeNull()
    expect(row.reason).toContain('noise threshold')
  })

  it('calls a real change inside the regression threshold slower, and a speed-up an improvement', () => {
    expect(
      one({ name: 'a', ...roundsOf(LEVELS, 20) }, { name: 'a', ...roundsOf(scaled(1.07), 20) })
        .verdict,
    ).toBe('slower')
    expect(
      one({ name: 'a', ...roundsOf(LEVELS, 20) }, { name: 'a', ...roundsOf(scaled(0.8), 20) })
        .verdict,
    ).toBe('improvement')
  })

  it('says inconclusive when a large change is not significant against round-to-round spread', () => {
    const row = one(
      { name: 'a', ...roundsOf([10, 14, 9, 13, 10], 20) },
      { name: 'a', ...roundsOf([12, 9.5, 13.5, 12, 11.5], 20) },
    )
    expect(row.verdict).toBe('inconclusive')
    expect(row.reason).toContain('too noisy')
  })

  it('reads a drop of a bigger-is-better metric as a regression and words it as "less"', () => {
    const metric = (factor: number) =>
      makeMetric({
        name: 'throughput',
        unit: 'ops/s',
        better: 'bigger',
        ...roundsOf(scaled(factor * 100), 10),
      })
    const row = one({ name: 'a', metrics: [metric(1)] }, { name: 'a', metrics: [metric(0.8)] })
    expect(row.verdict).toBe('regression')
    expect(row.reason).toContain('20.0% less')
  })

  it('judges bigger-is-better rounds by their top end, which noise does not pull down', () => {
    // Each round: steady at ~100 ops/s except slow iterations a neighbour disturbed.
    const round = (level: number, tail: number[]) => [...Array<number>(18).fill(level), ...tail]
    const metric = (tails: number[][]) => {
      const rounds = tails.map((tail, i) => round(100 + i * 0.5, tail))
      return makeMetric({
        name: 'throughput',
        unit: 'ops/s',
        better: 'bigger',
        samples: rounds.flat(),
        rounds: rounds.map((r) => r.length),
      })
    }
    const base = metric([
      [90, 95],
      [91, 94],
      [92, 96],
      [90, 95],
      [93, 94],
    ])
    const head = metric([
      [30, 20],
      [25, 40],
      [35, 20],
      [30, 45],
      [20, 30],
    ])
    const row = one({ name: 'a', metrics: [base] }, { name: 'a', metrics: [head] })
    expect(row.verdict).toBe('unchanged')
    expect(row.change).toBeCloseTo(0, 10)
  })

  it("lets a metric's own regression threshold override the bench's", () => {
    const metric = (factor: number) =>
      makeMetric({
        name: 'time',
        unit: 'ms',
        regressionThreshold: 0.5,
        ...roundsOf(scaled(factor), 10),
      })
    const row = one({ name: 'a', metrics: [metric(1)] }, { name: 'a', metrics: [metric(1.2)] })
    expect(row.regressionThreshold).toBe(0.5)
    expect(row.verdict).toBe('slower')
  })

  it('compares single values on thresholds alone and says so', () => {
    const row = one({ name: 'a', samples: [10] }, { name: 'a', samples: [13] })
    expect(row.verdict).toBe('regression')
    expect(row.reason).toContain('no sample spread')
    expect(row.p).toBeNull()
  })

  it('tests too few rounds on the raw samples, and says run-to-run variation is unmeasured', () => {
    const base = Array.from({ length: 50 }, (_, i) => 10 + (i % 5) * 0.01)
    const row = one({ name: 'a', samples: base }, { name: 'a', samples: base.map((v) => v * 1.3) })
    expect(row.verdict).toBe('regression')
    expect(row.reason).toContain(
      '50 vs 50 samples; 1 vs 1 rounds are too few to measure run-to-run variation',
    )
    const same = one({ name: 'a', samples: base }, { name: 'a', samples: [...base].reverse() })
    expect(same.verdict).toBe('unchanged')
  })

  it('is inconclusive with too few rounds and samples to tell, and says what would help', () => {
    const rounds = (factor: number) => ({ name: 'a', samples: [10, 10.2].map((v) => v * factor) })
    const row = one(rounds(1), rounds(1.3))
    expect(row.verdict).toBe('inconclusive')
    expect(row.reason).toContain('more rounds or baseline runs needed')
  })

  it('calls a difference below the metric resolution unchanged, even across zero', () => {
    const heap = (samples: number[]) =>
      makeResults({
        benches: [
          {
            name: 'h',
            metrics: [
              makeMetric({
                name: 'heap-growth',
                unit: 'bytes',
                samples,
                resolution: 1024 * 1024,
              }),
            ],
          },
        ],
      })
    const [row] = compareRuns(
      [heap([90_000, 100_000, 95_000])],
      heap([-50_000, -40_000, -60_000]),
    ).comparisons
    expect(row.verdict).toBe('unchanged')
    expect(row.reason).toBe("no relative change, below the metric's resolution of 1 MiB")
  })

  it('reports new, removed, skipped and error benches', () => {
    const result = compareRuns(
      [
        makeResults({
          benches: [
            { name: 'gone', samples: [1, 2] },
            { name: 's', samples: [1] },
            { name: 'e', samples: [1] },
          ],
        }),
      ],
      makeResults({
        benches: [
          { name: 'fresh', samples: [1, 2] },
          { name: 's', status: 'skipped', reason: 'not on this OS' },
          { name: 'e', status: 'error', reason: 'boom' },
        ],
      }),
    )
    const verdicts = Object.fromEntries(
      result.comparisons.map((c) => [c.name, [c.verdict, c.reason]]),
    )
    expect(verdicts).toEqual({
      fresh: ['new', 'not in the baseline'],
      s: ['skipped', 'not on this OS'],
      e: ['error', 'boom'],
      gone: ['removed', 'in the baseline but not in the head run'],
    })
  })
})

describe('compareRuns with several runs', () => {
  it('pools the rounds of several baselines', () => {
    const bases = [1, 1.01, 0.99].map((f) =>
      makeResults({ benches: [{ name: 'a', ...roundsOf(scaled(f), 10) }] }),
    )
    const result = compareRuns(
      bases,
      makeResults({ benches: [{ name: 'a', ...roundsOf(scaled(1.25), 10) }] }),
    )
    const row = result.comparisons[0]
    expect(row.baseRuns).toBe(3)
    expect(row.baseSamples).toBe(150)
    expect([row.baseRounds, row.headRounds]).toEqual([15, 5])
    expect(row.verdict).toBe('regression')
    expect(row.reason).toContain('15 vs 5 rounds')
  })

  it('confirms a regression the re-run reproduces and downgrades one it does not', () => {
    const base = makeResults({
      benches: [
        { name: 'a', ...roundsOf(LEVELS, 10) },
        { name: 'b', ...roundsOf(LEVELS, 10) },
      ],
    })
    const head = makeResults({
      benches: [
        { name: 'a', ...roundsOf(scaled(1.3), 10) },
        { name: 'b', ...roundsOf(scaled(1.3), 10) },
      ],
    })
    const first = compareRuns([base], head)
    expect(first.regressions).toBe(2)
    const rerun = makeResults({
      benches: [
        { name: 'a', ...roundsOf(scaled(1.31), 10) },
        { name: 'b', ...roundsOf(scaled(1.01), 10) },
      ],
    })
    const confirmed = confirmRegressions([base], head, rerun, first)
    const [a, b] = confirmed.comparisons
    expect([a.verdict, a.confirmed]).toEqual(['regression', true])
    expect(b.verdict).not.toBe('regression')
    expect(b.confirmed).toBe(false)
    expect(b.reason).toContain('not confirmed')
    expect(confirmed.regressions).toBe(1)
  })

  it('leaves a flagged row the re-run did not measure as it was, never "removed"', () => {
    const base = makeResults({
      benches: [
        { name: 'a', ...roundsOf(LEVELS, 10) },
        { name: 'b', ...roundsOf(LEVELS, 10) },
      ],
    })
    const head = makeResults({
      benches: [
        { name: 'a', ...roundsOf(scaled(1.3), 10) },
        { name: 'b', ...roundsOf(scaled(1.3), 10) },
      ],
    })
    const first = compareRuns([base], head)
    // An A/B confirmation that re-measured only `a` (as `perfgate ab` re-runs regressions only).
    const rerun = makeResults({ benches: [{ name: 'a', ...roundsOf(scaled(1.31), 10) }] })
    const confirmed = confirmRegressions([base], head, rerun, first, { bothSides: true })
    const [a, b] = confirmed.comparisons
    expect([a.verdict, a.confirmed, a.confirmation]).toEqual(['regression', true, 'base'])
    expect(a.reason).toContain('interleaved re-run of base and head')
    expect(b).toEqual(first.comparisons[1])
  })
})

describe('compareRuns warnings and calibration', () => {
  it('warns prominently when the runner CPU differs', () => {
    const result = compareRuns(
      [makeResults({ benches: [], meta: { cpuModel: 'AMD EPYC 7763' } })],
      makeResults({ benches: [], meta: { cpuModel: 'Intel Xeon 8370C' } }),
    )
    expect(result.warnings[0]).toMatch(/^RUNNER MISMATCH: .*AMD EPYC 7763.*Intel Xeon 8370C/)
  })

  it('reports the calibration ratio and divides times by it when normalising', () => {
    const run = (speed: number, code: number) =>
      makeResults({
        benches: [
          { name: CALIBRATION_BENCH, ...roundsOf(scaled(speed), 10) },
          { name: 'a', ...roundsOf(scaled(speed * code), 10) },
        ],
      })
    const plain = compareRuns([run(1, 1)], run(1.3, 1))
    expect(plain.warnings.join()).toContain('30.0% slower')
    expect(plain.comparisons[1].verdict).toBe('regression')
    const normalised = compareRuns([run(1, 1)], run(1.3, 1), { normalize: 'calibration' })
    expect(normalised.comparisons[1].verdict).toBe('unchanged')
    expect(normalised.comparisons[1].change).toBeCloseTo(0, 10)
    const real = compareRuns([run(1, 1)], run(1.3, 1.2), { normalize: 'calibration' })
    expect(real.comparisons[1].verdict).toBe('regression')
    expect(real.comparisons[1].change).toBeCloseTo(0.2, 10)
  })

  it('warns when normalisation is asked for without a calibration bench', () => {
    const run = makeResults({ benches: [{ name: 'a', ...roundsOf(LEVELS, 4) }] })
    expect(compareRuns([run], run, { normalize: 'calibration' }).warnings.join()).toContain(
      'not normalised',
    )
  })

  it('leaves alone a shared move of fewer than 5 benches: likely code they share', () => {
    const run = (factor: number) =>
      makeResults({
        benches: ['a', 'b', 'c'].map((name) => ({ name, ...roundsOf(scaled(factor), 10) })),
      })
    const result = compareRuns([run(1)], run(1.4))
    expect(result.regressions).toBe(3)
  })

  it('downgrades regressions when every bench moved by the same factor', () => {
    const run = (factor: number) =>
      makeResults({
        benches: ['a', 'b', 'c', 'd', 'e'].map((name) => ({
          name,
          ...roundsOf(scaled(factor), 10),
        })),
      })
    const result = compareRuns([run(1)], run(1.4))
    expect(result.regressions).toBe(0)
    expect(result.comparisons.every((c) => c.verdict === 'inconclusive')).toBe(true)
    expect(result.warnings.join()).toContain('Most benches moved together')
  })

  it('never explains away a bench whose query plan changed shape', () => {
    const plan = (nodes: string[]) => ({ plan: { nodes } })
    const run = (factor: number, nodes: string[]) => {
      const results = makeResults({
        benches: ['a', 'b', 'c', 'd', 'e'].map((name) => ({
          name,
          ...roundsOf(scaled(factor), 10),
        })),
      })
      results.benches[0] = { ...results.benches[0], details: plan(nodes) }
      return results
    }
    const result = compareRuns([run(1, ['Index Scan on tasks'])], run(1.4, ['Seq Scan on tasks']))
    const [a, ...rest] = result.comparisons
    expect(a.verdict).toBe('regression')
    expect(a.notes?.join()).toContain('Index Scan on tasks → Seq Scan on tasks')
    expect(rest.every((c) => c.verdict === 'inconclusive')).toBe(true)
  })

  it('does not guess about the runner when asked not to (both sides measured here)', () => {
    const run = (factor: number) =>
      makeResults({
        benches: ['a', 'b', 'c', 'd', 'e'].map((name) => ({
          name,
          ...roundsOf(scaled(factor), 10),
        })),
      })
    const result = compareRuns([run(1)], run(1.4), { sharedShift: false })
    expect(result.regressions).toBe(5)
    expect(result.warnings.join()).not.toContain("runner's speed")
  })
})

describe('compareRuns with degenerate input', () => {
  const base = makeResults({ benches: [{ name: 'a', samples: [1, 2, 3] }] })

  it.each([
    ['no samples', [], undefined, /bench "a" metric "time" \(head\) has no samples/],
    ['NaN', [1, Number.NaN, 2], undefined, /bench "a" .* non-finite sample at index 1/],
    ['negative time', [1, -2], undefined, /bench "a" .* negative time sample/],
    ['rounds that do not add up', [1, 2, 3], [1, 1], /bench "a" .* rounds \[1, 1\] .* 3 samples/],
  ])('throws a CompareInputError naming the bench for %s', (_, samples, rounds, pattern) => {
    const head = makeResults({ benches: [{ name: 'a', samples: [1] }] })
    head.benches[0].metrics[0] = {
      ...head.benches[0].metrics[0],
      samples,
      rounds,
    }
    expect(() => compareRuns([base], head)).toThrow(CompareInputError)
    expect(() => compareRuns([base], head)).toThrow(pattern)
  })

  it('throws when there is no baseline run', () => {
    expect(() => compareRuns([], base)).toThrow('no baseline run')
  })

  it('handles identical, constant, zero and single samples without NaN', () => {
    const cases: [number[], number[], string][] = [
      [[5, 5, 5, 5], [5, 5, 5, 5], 'unchanged'],
      [[0, 0, 0], [0, 0, 0], 'unchanged'],
      [[0, 0, 0], [1, 1, 1], 'inconclusive'],
      [[5], [5], 'unchanged'],
    ]
    for (const [b, h, verdict] of cases) {
      const result = compareRuns(
        [makeResults({ benches: [{ name: 'a', samples: b }] })],
        makeResults({ benches: [{ name: 'a', samples: h }] }),
      )
      expect(result.comparisons[0].verdict).toBe(verdict)
      expect(allFinite(result)).toBe(true)
      expect(JSON.stringify(result)).not.toContain('null,"ci":[null')
    }
  })
})

describe('compareRuns properties', () => {
  const mirror: Record<string, string> = {
    regression: 'improvement',
    improvement: 'regression',
    slower: 'faster',
    faster: 'slower',
    unchanged: 'unchanged',
    inconclusive: 'inconclusive',
  }

  function randomCase(random: () => number) {
    const factor = Math.exp((random() - 0.5) * 0.8)
    const noise = 0.01 + random() * 0.1
    const levels = (f: number) =>
      Array.from({ length: 5 }, () => f * 10 * (1 + noise * (random() - 0.5)))
    return { base: roundsOf(levels(1), 10, 0.05), head: roundsOf(levels(factor), 10, 0.05) }
  }

  it('inverts every verdict when baseline and head are swapped', () => {
    const random = seededRandom(3)
    for (let i = 0; i < 60; i++) {
      const { base, head } = randomCase(random)
      const forward = one({ name: 'a', ...base }, { name: 'a', ...head })
      const backward = one({ name: 'a', ...head }, { name: 'a', ...base })
      expect(backward.verdict).toBe(mirror[forward.verdict])
      expect(backward.p).toBe(forward.p)
    }
  })

  it('does not change when every sample is scaled by the same constant', () => {
    const random = seededRandom(4)
    for (let i = 0; i < 60; i++) {
      const { base, head } = randomCase(random)
      const scale = (s: { samples: number[]; rounds: number[] }) => ({
        ...s,
        samples: s.samples.map((v) => v * 1000),
      })
      const plain = one({ name: 'a', ...base }, { name: 'a', ...head })
      const big = one({ name: 'a', ...scale(base) }, { name: 'a', ...scale(head) })
      expect(big.verdict).toBe(plain.verdict)
      expect(big.change).toBeCloseTo(plain.change as number, 10)
      expect(big.p).toBe(plain.p)
    }
  })
})
