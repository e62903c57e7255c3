import { describe, expect, it } from '@jest/globals'
import { parseBudget, type Budget } from '../../src/config/budget.js'
import { quantileOf } from '../../src/compare/units.js'
import { checkBudgets, settleRounds } from '../../src/budgets/check.js'
import { budgetsMarkdown, formatHeadroom } from '../../src/budgets/render.js'
import { growthReport } from '../../src/budgets/report.js'
import { gfm, noisySamples, timeRow } from './helpers.js'

const budget = (text: string): Budget => {
  const parsed = parseBudget(text)
  if (typeof parsed === 'string') throw new Error(parsed)
  return parsed
}

// The p95 of the noise model itself, from 40,000 samples.
const TRUE_P95 = quantileOf(noisySamples(1, 999, 400, 100), 0.95)

describe('checkBudgets', () => {
  it('flags a budget 20% under the true p95 and passes one 20% over, over 100 seeded runs', () => {
    let flaggedUnder = 0
    let flaggedOver = 0
    for (let seed = 1; seed <= 100; seed++) {
      const row = timeRow('b', noisySamples(1, seed))
      const under = budget(`p95 < ${(TRUE_P95 * 0.8).toFixed(4)}ms`)
      const over = budget(`p95 < ${(TRUE_P95 * 1.2).toFixed(4)}ms`)
      const [u, o] = checkBudgets([{ name: 'b', budgets: [under, over] }], [row], [], {
        seed,
        resamples: 400,
      })
      if (u.status === 'broken') flaggedUnder++
      if (o.status === 'broken') flaggedOver++
    }
    expect(flaggedUnder).toBeGreaterThanOrEqual(95)
    expect(flaggedOver).toBe(0)
  })

  it('says too close to call when the limit is inside the interval, with headroom and baseline', () => {
    const samples = noisySamples(2, 3)
    const median = quantileOf(samples, 0.5)
    const rows = [timeRow('b/fn', samples)]
    const checks = checkBudgets(
      [
        {
          name: 'b',
          budgets: [
            budget(`median < ${median.toFixed(4)}ms`),
            budget('median < 4ms'),
            budget('ops/s > 1000'),
          ],
        },
      ],
      rows,
      [timeRow('b/fn', noisySamples(1.5, 4))],
    )
    expect(checks.map((c) => c.status)).toEqual(['too-close', 'within', 'broken'])
    expect(checks[1].headroom).toBeCloseTo((4 - median) / 4, 6)
    expect(checks[1].baseline).toBeCloseTo(quantileOf(noisySamples(1.5, 4), 0.5), 6)
    expect(checks[2].value).toBeLessThan(1000)
    expect(checks[2].headroom).toBeLessThan(0)
  })

  it('says how many rounds would settle a close call, and a run with that many mostly does', () => {
    // A budget 5% under the true p95: with 5 rounds often too close to call.
    const limit = budget(`p95 < ${(TRUE_P95 * 0.95).toFixed(4)}ms`)
    let close = 0
    let settled = 0
    for (let seed = 1; seed <= 60; seed++) {
      const [check] = checkBudgets(
        [{ name: 'b', budgets: [limit] }],
        [timeRow('b', noisySamples(1, seed))],
        [],
        {
          seed,
          resamples: 400,
        },
      )
      if (check.status !== 'too-close') continue
      const rounds = check.roundsToSettle as number
      // A value almost on the limit needs more rounds than a run should spend: said, not tried.
      if (rounds > 100) {
        expect(check.reason).toContain('more than 100 rounds would be needed')
        continue
      }
      close++
      expect(check.reason).toBe(
        `the interval straddles the limit: too close to call from this run (with about ${rounds} rounds the interval would clear the limit, if the value stays where it is; this run had 5)`,
      )
      const [again] = checkBudgets(
        [{ name: 'b', budgets: [limit] }],
        [timeRow('b', noisySamples(1, seed + 10_000, rounds), rounds)],
        [],
        { seed, resamples: 400 },
      )
      if (again.status === 'broken') settled++
    }
    expect(close).toBeGreaterThanOrEqual(10)
    expect(settled / close).toBeGreaterThanOrEqual(0.7)
  })

  it('projects the rounds from the half of the interval that faces the limit', () => {
    // Value 12 past a limit of 10, lower half-width 3: 2 × 10 × (3/2)² = 45 rounds.
    expect(settleRounds(12, [9, 20], 10, 10)).toBe(45)
    // Value 8 under it, upper half-width 4: 2 × 10 × (4/2)² = 80.
    expect(settleRounds(8, [1, 12], 10, 10)).toBe(80)
    // Always more rounds than the run had; none settle a value on the limit.
    expect(settleRounds(12, [11.9, 12.1], 10, 10)).toBe(11)
    expect(settleRounds(10, [9, 11], 10, 10)).toBeNull()
  })

  it('says when a close call needs more than 100 rounds, or has only one', () => {
    // Rounds that disagree wildly: half at 1 ms, half at 3 ms, and a limit between them.
    const samples = Array.from({ length: 6 }, (_, r) =>
      Array<number>(20).fill(r % 2 ? 3 : 1),
    ).flat()
    const [wild] = checkBudgets(
      [{ name: 'b', budgets: [budget('median < 1.9ms')] }],
      [timeRow('b', samples, 6)],
    )
    expect(wild.status).toBe('too-close')
    expect(wild.reason).toContain('more than 100 rounds would be needed')
    const [one] = checkBudgets(
      [{ name: 'b', budgets: [budget('median < 1.9ms')] }],
      [timeRow('b', samples, 1)],
    )
    expect(one.status).toBe('too-close')
    expect(one.roundsToSettle).toBeNull()
    expect(one.reason).toContain('one round: with `rounds: 5` or more')
  })

  it('a broken budget fails the run without a baseline; a missing metric is no data', () => {
    const rows = [timeRow('b', noisySamples(5, 1))]
    const report = growthReport(
      [{ name: 'b', budgets: [budget('p95 < 3ms'), budget('peak-rss < 100MiB')] }],
      rows,
    )
    expect(report.brokenBudgets).toBe(1)
    expect(report.failed).toBe(true)
    expect(report.checks[1]).toMatchObject({
      status: 'no-data',
      reason: 'the bench recorded no peak-rss metric',
    })
    const fine = growthReport([{ name: 'b', budgets: [budget('p95 < 30ms')] }], rows)
    expect(fine.failed).toBe(false)
  })

  it('renders a GFM table with headroom that cmark-gfm parses, names escaped', () => {
    const rows = [timeRow('sql/<ready>|x', noisySamples(2, 5)), timeRow('b', noisySamples(1, 6))]
    const checks = checkBudgets(
      [
        { name: 'sql/<ready>|x', budgets: [budget('p95 < 10ms')] },
        { name: 'b', budgets: [budget('median < 0.5ms')] },
      ],
      rows,
    )
    const markdown = budgetsMarkdown(checks)
    const html = gfm(markdown)
    expect(html).toContain('<h3>Budgets</h3>')
    expect(html).toContain('<strong>1 budget broken.</strong>')
    expect(html.match(/<tr>/g)).toHaveLength(3)
    expect(html).toContain('<td><code>sql/&lt;ready&gt;|x</code></td>')
    expect(html).toContain('✅ within')
    expect(html).toContain('❌ broken')
    expect(html).toMatch(/<td align="right">\d+\.\d%<\/td>/)
    expect(html).not.toContain('<ready>')
  })
})

describe('formatHeadroom', () => {
  it('is a percentage of the limit, and a factor once the value is 10× past a < limit', () => {
    expect(formatHeadroom(0.492)).toBe('49.2%')
    expect(formatHeadroom(-0.532)).toBe('-53.2%')
    expect(formatHeadroom(-8.9)).toBe('-890.0%')
    // 2.54 ms against `median < 1ns`: the value is 2.54 million times the limit.
    expect(formatHeadroom(1 - 2_543_238)).toBe('2.5M× the limit')
    expect(formatHeadroom(-9)).toBe('10× the limit')
  })
})
