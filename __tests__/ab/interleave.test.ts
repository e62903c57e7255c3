/** The pure parts of A/B mode: round order, one-round benches, merging rounds, the noise report. */
import { describe, expect, it } from '@jest/globals'
import { abRounds, mergeRounds, oneRound, roundOrder } from '../../src/ab/interleave.js'
import { noiseReport, roundsFor } from '../../src/ab/noise.js'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import { makeMetric } from '../../src/results/summary.js'
import type { BenchResult, Results } from '../../src/results/types.js'

const result = (name: string, samples: number[], rounds?: number[]): BenchResult => ({
  name,
  kind: 'command',
  status: 'ok',
  tags: [],
  noiseThreshold: 0.05,
  regressionThreshold: 0.1,
  metrics: [makeMetric({ name: 'time', unit: 'ms', samples, ...(rounds ? { rounds } : {}) })],
})

const run = (benches: BenchResult[]): Results => ({
  schemaVersion: 1,
  meta: {} as Results['meta'],
  benches,
})

describe('roundOrder', () => {
  it('alternates which side goes first: ABBA ABBA', () => {
    expect(roundOrder(4).flat().join('')).toBe(
      ['base', 'head', 'head', 'base', 'base', 'head', 'head', 'base'].join(''),
    )
  })
})

describe('oneRound', () => {
  it('splits each configured round in two: half its samples and time, the leak check in round 0 only', () => {
    const parsed = parseConfig(
      'benches:\n  - {name: j, kind: js, module: x.mjs, samples: 10, rounds: 4, time: 2s, leak-check: true}\n',
      { file: 'perfgate.yml' },
    )
    if (!parsed.ok) throw new Error('config')
    const [bench] = parsed.config.benches
    const first = oneRound(bench, 0)
    // 4 rounds configured: 8 A/B rounds per side, each ceil(10 / 8) samples and 2 s / 8.
    expect(abRounds(bench.settings)).toBe(8)
    expect(first.settings).toMatchObject({ rounds: 1, samples: 2, time: 250 })
    expect(first.spec).toMatchObject({ leakCheck: true })
    expect(oneRound(bench, 1).spec).toMatchObject({ leakCheck: false })
  })

  it('ab-split sets how many A/B rounds a configured round becomes', () => {
    const parsed = parseConfig(
      'defaults: {ab-split: 1}\nbenches:\n  - {name: j, kind: js, module: x.mjs, samples: 10, rounds: 4, time: 2s}\n  - {name: k, kind: js, module: x.mjs, rounds: 4, ab-split: 3}\n',
      { file: 'perfgate.yml' },
    )
    if (!parsed.ok) throw new Error('config')
    const [whole, thirds] = parsed.config.benches
    expect(abRounds(whole.settings)).toBe(4)
    expect(oneRound(whole, 0).settings).toMatchObject({ rounds: 1, samples: 3, time: 500 })
    expect(abRounds(thirds.settings)).toBe(12)
  })

  it('names the file, bench and field of an ab-split it cannot use', () => {
    const parsed = parseConfig('benches:\n  - {name: j, kind: js, module: x.mjs, ab-split: 0}\n', {
      file: 'perfgate.yml',
    })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.map(formatConfigError).join('\n')).toMatch(
      /perfgate\.yml:2 bench "j": ab-split must be/,
    )
  })
})

describe('mergeRounds', () => {
  it('concatenates samples in round order and records each round', () => {
    const merged = mergeRounds([[result('a', [1, 2])], [result('a', [3], [1])]])
    expect(merged).toHaveLength(1)
    expect(merged[0].metrics[0].samples).toEqual([1, 2, 3])
    expect(merged[0].metrics[0].rounds).toEqual([2, 1])
    expect(merged[0].metrics[0].summary.n).toBe(3)
  })

  it("adds up the rounds' wall time, which shard balancing plans by", () => {
    const timed = (samples: number[], durationMs: number) => ({
      ...result('a', samples),
      durationMs,
    })
    const [merged] = mergeRounds([[timed([1], 120)], [timed([2], 80)], [timed([3], 100)]])
    expect(merged.durationMs).toBe(300)
    expect(mergeRounds([[result('a', [1])], [result('a', [2])]])[0].durationMs).toBeUndefined()
  })

  it('takes the error of any round that failed', () => {
    const failed: BenchResult = {
      ...result('a', [1]),
      status: 'error',
      reason: 'boom',
      metrics: [],
    }
    const [merged] = mergeRounds([[result('a', [1])], [failed]])
    expect(merged).toMatchObject({ status: 'error', reason: 'boom', metrics: [] })
  })
})

describe('noiseReport', () => {
  it('reports the round spread and base-vs-base change, and hints when rounds are too few', () => {
    // Round medians 100, 110, 90, 105, 95: about 7.9% spread, far too much for 10% in 5 rounds.
    const noisy = result('noisy', [100, 110, 90, 105, 95], [1, 1, 1, 1, 1])
    const quiet = result('quiet', [100, 100.2, 99.9, 100.1], [1, 1, 1, 1])
    const [n, q] = noiseReport(run([noisy, quiet]), run([noisy, quiet]))
    expect(n.roundSpread).toBeCloseTo(0.079, 2)
    // Even rounds 100, 90, 95 (median 95) against odd rounds 110, 105 (median 107.5).
    expect(n.baseVsBase).toBeCloseTo(107.5 / 95 - 1, 5)
    expect(n.roundsNeeded).toBe(roundsFor(n.roundSpread!, 0.1))
    expect(n.roundsNeeded).toBeGreaterThan(5)
    expect(n.hint).toContain(`needs ≥ ${n.roundsNeeded} rounds to see 10%`)
    expect(q.hint).toBeUndefined()
    expect(noiseReport(run([quiet]))[0].baseVsBase).toBeNull()
  })

  it('needs more rounds for more noise or a smaller threshold', () => {
    expect(roundsFor(0.05, 0.1)).toBeLessThan(roundsFor(0.1, 0.1))
    expect(roundsFor(0.05, 0.1)).toBeLessThan(roundsFor(0.05, 0.05))
  })
})
