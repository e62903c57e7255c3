// Confirmation against the base, pure: which benches a stored-baseline comparison leaves in
// doubt, and how the pair measured on this runner re-judges them (and nothing else).
import { describe, expect, it } from '@jest/globals'
import { benchesInDoubt, confirmAgainstBase } from '../../src/compare/confirm-base.js'
import {
  compareRuns,
  headline,
  type Comparison,
  type MetricComparison,
} from '../../src/compare/index.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const scaled = (factor: number) => LEVELS.map((l) => l * factor)

/** A run of benches, each at LEVELS × its factor (5 rounds of 20 samples). */
function run(factors: Record<string, number>) {
  return makeResults({
    benches: Object.entries(factors).map(([name, factor]) => ({
      name,
      ...roundsOf(scaled(factor), 20),
    })),
  })
}

const rowOf = (comparison: Comparison, name: string): MetricComparison => {
  const row = comparison.comparisons.find((r) => r.name === name && r.metric === 'time')
  if (!row) throw new Error(`no time row for ${name}`)
  return row
}

describe('benchesInDoubt', () => {
  it('picks a regression and a significant improvement, not an unchanged bench', () => {
    const first = compareRuns(
      [run({ slow: 1, same: 1, fast: 1 })],
      run({ slow: 1.3, same: 1, fast: 0.7 }),
    )
    // The premise: the three verdicts the rule has to tell apart.
    expect(rowOf(first, 'slow').verdict).toBe('regression')
    expect(rowOf(first, 'same').verdict).toBe('unchanged')
    expect(rowOf(first, 'fast').verdict).toBe('improvement')
    expect(benchesInDoubt(first)).toEqual(['slow', 'fast'])
  })

  it('picks inconclusive rows and changes beyond the threshold either way, once per bench', () => {
    const first = compareRuns([run({ a: 1 })], run({ a: 1 }))
    const like = (overrides: Partial<MetricComparison>): MetricComparison => ({
      ...rowOf(first, 'a'),
      ...overrides,
    })
    const comparison: Comparison = {
      comparisons: [
        like({ name: 'unsure', verdict: 'inconclusive', change: 0.02 }),
        // Not significant, yet beyond the 10% threshold: slower and, on a slower runner, faster.
        like({ name: 'slower', verdict: 'slower', change: 0.25 }),
        like({ name: 'faster', verdict: 'faster', change: -0.25 }),
        // Within the threshold either way: the stored baseline settles it.
        like({ name: 'small', verdict: 'slower', change: 0.08 }),
        like({ name: 'smallFaster', verdict: 'faster', change: -0.08 }),
        like({ name: 'improved', verdict: 'improvement', change: -0.4 }),
        like({ name: 'added', verdict: 'new', change: null }),
        // Two rows of one bench in doubt name it once.
        like({ name: 'twice', verdict: 'regression', change: 0.3 }),
        like({ name: 'twice', metric: 'memory', verdict: 'inconclusive', change: 0.3 }),
      ],
      warnings: [],
      regressions: 1,
    }
    expect(benchesInDoubt(comparison)).toEqual(['unsure', 'slower', 'faster', 'improved', 'twice'])
  })
})

describe('confirmAgainstBase', () => {
  // The stored baseline ran on a fast runner; this runner is 1.3× slower, so every bench of the
  // head looks 30% slower against it, and 'b' is not re-measured.
  const stored = run({ a: 1, b: 1 })
  const first = compareRuns([stored], run({ a: 1.3, b: 1.3 }), { sharedShift: false })

  it('clears a stored-baseline regression the pair shows unchanged, saying where it was measured', () => {
    expect(rowOf(first, 'a').verdict).toBe('regression')
    const result = confirmAgainstBase(first, { base: run({ a: 1.3 }), head: run({ a: 1.3 }) })
    const a = rowOf(result, 'a')
    expect(a.verdict).toBe('unchanged')
    expect(a.confirmed).toBe(false)
    expect(a.confirmation).toBe('base')
    expect(a.reason).toContain('against the base on this runner')
    expect(a.reason).toContain('the stored baseline showed')
    // 'b' was not re-measured: its stored-baseline row stays exactly as it was.
    expect(rowOf(result, 'b')).toEqual(rowOf(first, 'b'))
    expect(result.regressions).toBe(1)
  })

  it('keeps a regression the pair reproduces, marked confirmed against the base', () => {
    const result = confirmAgainstBase(first, {
      base: run({ a: 1.3 }),
      head: run({ a: 1.3 * 1.3 }),
    })
    const a = rowOf(result, 'a')
    expect(a.verdict).toBe('regression')
    expect(a.confirmed).toBe(true)
    expect(a.confirmation).toBe('base')
    expect(a.reason).toContain('confirmed against the base on this runner')
    // Judged by the pair alone: its change is the code's 30%, not the stored 69%.
    expect(a.change).toBeCloseTo(0.3, 2)
    expect(rowOf(result, 'b')).toEqual(rowOf(first, 'b'))
    expect(result.regressions).toBe(2)
  })

  it('keeps every bench of a suite the code slowed together: the pair rules out the runner', () => {
    const names = ['p', 'q', 'r', 's', 't']
    const each = (factor: number) => Object.fromEntries(names.map((n) => [n, factor]))
    const suite = compareRuns([run(each(1))], run(each(1.3 * 1.3)), { sharedShift: false })
    const result = confirmAgainstBase(suite, { base: run(each(1.3)), head: run(each(1.3 * 1.3)) })
    // Five of five moving alike would pass for a slower runner if the pair guessed at one.
    expect(names.map((n) => rowOf(result, n).verdict)).toEqual(names.map(() => 'regression'))
    expect(result.regressions).toBe(5)
  })

  it('keeps the stored row, downgraded and unconfirmed, when the base errored on this runner', () => {
    const result = confirmAgainstBase(first, {
      base: makeResults({ benches: [{ name: 'a', status: 'error', reason: 'build failed' }] }),
      head: run({ a: 1.3 }),
    })
    const a = rowOf(result, 'a')
    expect(a.verdict).toBe('inconclusive')
    expect(a.confirmed).toBe(false)
    expect(a.reason).toContain('measuring the base on this runner failed (no successful baseline')
    // The stored +30% is kept, so the headline still counts it beyond the threshold, unconfirmed.
    expect(a.change).toBeCloseTo(0.3, 2)
    expect(headline(result).unconfirmed).toContain('a')
    expect(result.regressions).toBe(1)
  })
  it('leaves no asked-for case with its stored verdict when the pair did not measure it', () => {
    // Asked for both; the pair drew (or a shard re-measured) only 'a'.
    const result = confirmAgainstBase(first, { base: run({ a: 1.3 }), head: run({ a: 1.3 }) }, {}, [
      'a',
      'b',
    ])
    const b = rowOf(result, 'b')
    expect(b.verdict).toBe('inconclusive')
    expect([b.confirmed, b.confirmation]).toEqual([false, 'base'])
    expect(b.reason).toContain('no result for it on both sides')
    expect(result.regressions).toBe(0)
  })
})
