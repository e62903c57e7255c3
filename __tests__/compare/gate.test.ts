import { describe, expect, it } from '@jest/globals'
import { planGate } from '../../src/compare/base-gate.js'
import { headline, parseInconclusivePolicy } from '../../src/compare/headline.js'
import {
  CALIBRATION_BENCH,
  benchesToConfirm,
  compareRuns,
  confirmRegressions,
} from '../../src/compare/index.js'
import { makeResults, roundsOf, type BenchSpec } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const at = (name: string, factor: number, extra: Partial<BenchSpec> = {}): BenchSpec => ({
  name,
  ...roundsOf(
    LEVELS.map((l) => l * factor),
    10,
  ),
  ...extra,
})
const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
const GATE = { threshold: 0.1, failOnRegression: true }

describe('the base branch decides the gate', () => {
  const base = makeResults({ benches: [at('a', 1), at('b', 1)], meta: { gate: GATE } })
  const head = makeResults({
    benches: [at('a', 1.6, { regressionThreshold: 5 }), at('b', 1)],
  })

  it('flags a 60% slowdown whose threshold the PR raised to 500%, and names the change', () => {
    const plan = planGate([base], head, { threshold: 0.1, failOnRegression: false })
    const comparison = compareRuns([base], plan.judge(head))
    expect(comparison.comparisons.map((c) => c.verdict)).toEqual(['regression', 'unchanged'])
    expect(plan.changes.map((c) => c.text)).toEqual([
      'fail-on-regression true → false takes effect when merged',
      'a: regression-threshold 10% → 500% takes effect when merged',
    ])
    expect(plan.failOnRegression).toBe(true)
    expect(head.benches[0].regressionThreshold).toBe(5)
  })

  it('applies the head thresholds with thresholds-from: head, and says so', () => {
    const plan = planGate([base], head, GATE, 'head')
    const comparison = compareRuns([base], plan.judge(head))
    expect(comparison.comparisons[0].verdict).not.toBe('regression')
    expect(plan.changes.map((c) => c.text)).toEqual([
      'a: regression-threshold 10% → 500% applied now (thresholds-from: head)',
    ])
  })

  it('uses the inputs when the baseline recorded no gate (results from before)', () => {
    const old = makeResults({ benches: [at('a', 1)] })
    expect(
      planGate([old], head, { threshold: 0.1, failOnRegression: false }).failOnRegression,
    ).toBe(false)
  })
})

describe('headline: no false all-clear', () => {
  const base = makeResults({ benches: NAMES.map((n) => at(n, 1)) })
  const slow = (factor: number, offset = 0) =>
    makeResults({ benches: NAMES.map((n) => at(n, factor + offset)) })

  it('does not say "No regressions" when every bench is 25% slower', () => {
    const comparison = compareRuns([base], slow(1.25))
    expect(comparison.comparisons.every((c) => c.verdict === 'inconclusive')).toBe(true)
    const warn = headline(comparison, { policy: 'warn' })
    expect(warn.icon).toBe('⚠️')
    expect(warn.text).toBe('⚠️ 7 benches beyond the threshold but inconclusive in 7 benches')
    expect(warn.fail).toBe(false)
    expect(headline(comparison, { policy: 'fail' }).fail).toBe(true)
  })

  it('settles a shared shift with a re-run that reproduces it (the rerun policy)', () => {
    const first = compareRuns([base], slow(1.25))
    const names = benchesToConfirm(first, true)
    expect(names).toEqual(NAMES)
    const confirmed = confirmRegressions([base], slow(1.25), slow(1.25, 0.01), first)
    expect(confirmed.regressions).toBe(7)
    expect(headline(confirmed).text).toBe('❌ 7 regressions in 7 benches')
    expect(headline(confirmed).fail).toBe(true)
  })

  it('settles a shared shift with a calibration bench that held still', () => {
    const calibrated = (factor: number) =>
      makeResults({ benches: [at(CALIBRATION_BENCH, 1), ...NAMES.map((n) => at(n, factor))] })
    const comparison = compareRuns([calibrated(1)], calibrated(1.25))
    expect(comparison.regressions).toBe(7)
    expect(comparison.warnings.join()).toContain('held still')
  })

  it('is ✅ when nothing is beyond its threshold', () => {
    const h = headline(compareRuns([base], slow(1.01)))
    expect([h.status, h.text, h.fail]).toEqual(['pass', '✅ No regressions in 7 benches', false])
  })

  it('reads the policy input, defaulting to rerun', () => {
    expect(parseInconclusivePolicy('')).toBe('rerun')
    expect(parseInconclusivePolicy('warn')).toBe('warn')
    expect(() => parseInconclusivePolicy('maybe')).toThrow('input "inconclusive"')
  })
})

describe('re-runs that cannot re-measure', () => {
  it('are no confirmation: the first verdict stands, unconfirmed, with no samples added', () => {
    const base = makeResults({ benches: [at('imp', 1)] })
    const head = makeResults({ benches: [at('imp', 1.4)] })
    const first = compareRuns([base], head)
    expect(first.regressions).toBe(1)
    const same = makeResults({ benches: [at('imp', 1.4)] })
    const result = confirmRegressions([base], head, same, first)
    const [row] = result.comparisons
    expect(row.confirmed).toBe(false)
    expect(row.headSamples).toBe(first.comparisons[0].headSamples)
    expect(row.reason).toContain('cannot re-measure')
    expect(row.reason).not.toContain('confirmed by a re-run')
    expect(headline(result).text).toBe('❌ 1 regression in 1 bench (1 unconfirmed)')
  })
})

describe('intervals', () => {
  it('shows none for single runs of one round each', () => {
    const single = (factor: number): BenchSpec => {
      const { samples } = roundsOf([10 * factor], 50)
      return { name: 'imp', samples, rounds: [50] }
    }
    const row = compareRuns(
      [makeResults({ benches: [single(1)] })],
      makeResults({ benches: [single(1.17)] }),
    ).comparisons[0]
    expect(row.change).toBeCloseTo(0.17, 5)
    expect(row.ci).toBeNull()
  })
})

describe('tail metric', () => {
  const TAIL = { quantile: 0.9, noiseThreshold: 0.1, regressionThreshold: 0.2 }
  const rounds = (slowShare: number) => {
    const { samples, rounds: sizes } = roundsOf(LEVELS, 100, 0.02)
    return {
      name: 'lat',
      samples: samples.map((v, i) => (i % 100 < slowShare * 100 ? v * 1.5 : v)),
      rounds: sizes,
    }
  }

  it('catches 30% of calls 1.5× slower that the centre does not flag', () => {
    // The slow calls are the last 30% of each round's (ascending) samples: the tail's calls.
    const base = makeResults({ benches: [rounds(0)] })
    const slowTail = (() => {
      const { samples, rounds: sizes } = roundsOf(LEVELS, 100, 0.02)
      return {
        name: 'lat',
        samples: samples.map((v, i) => (i % 100 >= 70 ? v * 1.5 : v)),
        rounds: sizes,
      }
    })()
    const result = compareRuns([base], makeResults({ benches: [slowTail] }), { tail: TAIL })
    const byMetric = Object.fromEntries(result.comparisons.map((c) => [c.metric, c.verdict]))
    expect(byMetric).toEqual({ time: 'unchanged', 'time p90': 'regression' })
    expect(result.comparisons[1].regressionThreshold).toBe(0.2)
  })

  it('adds no tail row without the option, nor for single-round runs', () => {
    const base = makeResults({ benches: [rounds(0)] })
    expect(compareRuns([base], base).comparisons.map((c) => c.metric)).toEqual(['time'])
    const single = makeResults({ benches: [{ name: 'lat', samples: [1, 2, 3], rounds: [3] }] })
    expect(compareRuns([single], single, { tail: TAIL }).comparisons.map((c) => c.metric)).toEqual([
      'time',
    ])
  })
})
