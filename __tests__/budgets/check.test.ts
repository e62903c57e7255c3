import { describe, expect, it } from '@jest/globals'
import { parseBudget, type Budget } from '../../src/config/budget.js'
import { quantileOf } from '../../src/compare/units.js'
import { checkBudgets } from '../../src/budgets/check.js'
import { budgetsMarkdown } from '../../src/budgets/render.js'
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
