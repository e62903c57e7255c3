import { describe, expect, it } from '@jest/globals'
import { parseBudget, type Budget } from '../../src/config/budget.js'
import { budgetCrossing, compareGrowth, growthCurves } from '../../src/budgets/curves.js'
import { fitGrowth, growthLabel, GROWTH_CLASSES } from '../../src/budgets/growth.js'
import { sizeLevel } from '../../src/budgets/level.js'
import { growthMarkdown, growthMermaid, growthSvg } from '../../src/budgets/render.js'
import { growthReport } from '../../src/budgets/report.js'
import type { BenchResult } from '../../src/results/types.js'
import { gfm, noisySamples, timeRow } from './helpers.js'

const SIZES = [1000, 10000, 100000]
const rows = (ms: (n: number) => number, seed: number, factor = 1): BenchResult[] =>
  SIZES.map((n, i) =>
    timeRow(`q[tasks=${n}]`, noisySamples(ms(n) * factor, seed * 31 + i), 5, {
      bench: 'q',
      param: 'tasks',
      value: n,
    }),
  )
const linear = (n: number) => 0.02 + n * 1e-5
const quadratic = (n: number) => 0.02 + n * 1e-5 * (n / 1000)
const budget = (text: string) => parseBudget(text) as Budget

describe('fitGrowth', () => {
  it('recovers each class from exact curves with a fixed overhead', () => {
    const laws = {
      '1': () => 5,
      'log n': (n: number) => Math.log(n),
      n: (n: number) => 0.1 + n * 1e-4,
      'n log n': (n: number) => 0.1 + n * Math.log(n) * 1e-5,
      'n²': (n: number) => 0.1 + n * n * 1e-8,
    }
    for (const growth of GROWTH_CLASSES) {
      const fit = fitGrowth(SIZES.map((size) => ({ size, value: laws[growth](size) })))
      expect(fit.best.growth).toBe(growth)
      // Exact points leave no doubt: one class, not "n or n log n".
      expect(fit.classes).toEqual([growth])
    }
    const square = fitGrowth(SIZES.map((size) => ({ size, value: size * size })))
    expect(square.slope).toBeCloseTo(2, 6)
    expect(square.r2).toBeCloseTo(1, 6)
  })
})

describe('growth curves of noisy runs', () => {
  it('names the class in ≥ 95% of 40 seeded runs each, linear, n log n, quadratic', () => {
    const laws = {
      n: linear,
      'n log n': (n: number) => 0.02 + n * Math.log(n) * 1e-6,
      'n²': (n: number) => 0.02 + n * n * 1e-9,
    }
    for (const [growth, ms] of Object.entries(laws)) {
      let right = 0
      for (let seed = 1; seed <= 40; seed++) {
        // Right means one class, the true one: an ambiguous "n or n log n" does not count.
        if (growthLabel(growthCurves(rows(ms, seed))[0].fit) === growth) right++
      }
      expect(`${growth}: ${right}/40`).toBe(
        `${growth}: ${right >= 38 ? right : 'fewer than 38'}/40`,
      )
    }
  })

  it('flags linear → quadratic, not a constant 1.3× slowdown', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const [base] = growthCurves(rows(linear, seed))
      const [worse] = growthCurves(rows(quadratic, seed + 100))
      const [slower] = growthCurves(rows(linear, seed + 200, 1.3))
      expect(compareGrowth(base, worse)).toMatchObject({
        regression: true,
        baseClass: 'n',
        headClass: 'n²',
      })
      expect(compareGrowth(base, slower).regression).toBe(false)
      expect(compareGrowth(worse, base).improvement).toBe(true)
    }
  })

  it('names the sizes where the head crosses a budget, measured or extrapolated', () => {
    const head = rows(quadratic, 3)
    const [curve] = growthCurves(head)
    // quadratic: ~0.03 ms at 1K, ~1 ms at 10K, ~100 ms at 100K.
    expect(budgetCrossing(head, curve, budget('median < 10ms')).measured).toEqual([100000])
    const far = budgetCrossing(head, curve, budget('median < 1s'))
    expect(far.measured).toEqual([])
    // 100 ms at 100K grows 100× per 10×: 1 s at about 316K.
    expect(far.extrapolated).toBeGreaterThan(280000)
    expect(far.extrapolated).toBeLessThan(360000)
    expect(budgetCrossing(head, curve, budget('median < 1h')).extrapolated).toBeUndefined()
  })
})

describe('growth rendering', () => {
  it('a summary section GFM parses: table, mermaid chart, regression named; SVG with both lines', () => {
    const base = rows(linear, 1)
    const head = rows(quadratic, 2)
    // As the config expands a scaled bench: one entry per size, each with the budgets.
    const benches = SIZES.map((n) => ({
      name: `q[tasks=${n}]`,
      budgets: [budget('median < 10ms')],
    }))
    const report = growthReport(benches, head, base)
    expect(report.brokenBudgets).toBe(1)
    expect(report.growthRegressions).toHaveLength(1)
    expect(report.failed).toBe(true)
    const html = gfm(report.markdown)
    expect(html).toContain('<h3>Growth with data size</h3>')
    expect(html).toContain('❌ growth regression')
    expect(html).toContain('grows faster with tasks')
    expect(html).toContain('broken at tasks=100000')
    expect(html).toContain('<code class="language-mermaid">xychart-beta')
    expect(html).toMatch(/<th align="right">baseline level<\/th>/)
    expect(html).toContain("Level of a size: its fastest round's 10th percentile")
    const mermaid = growthMermaid(report.growth[0].head, report.growth[0].base)
    expect(mermaid).toContain('x-axis "tasks" ["1K", "10K", "100K"]')
    expect(mermaid.match(/ {4}line \[/g)).toHaveLength(2)
    const svg = growthSvg(report.growth[0].head, report.growth[0].base)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/<polyline /g)).toHaveLength(2)
    expect(svg.match(/<circle class="growth-point"/g)).toHaveLength(6)
    expect(growthMarkdown([])).toBe('')
  })
})

describe('fitGrowth with two sizes', () => {
  it('names the class by the slope alone, since every class fits two points exactly', () => {
    const fit = fitGrowth([
      { size: 300, value: 0.09 },
      { size: 3000, value: 9 },
    ])
    expect(fit.best.growth).toBe('n²')
    expect(fit.slope).toBeCloseTo(2, 6)
  })
})

describe('sizeLevel: one size of a curve', () => {
  it('is set by the fastest round: three of five processes 1.5× slow leave it, unlike the median', () => {
    const fast = noisySamples(1, 7, 2, 30)
    const slow = noisySamples(1.5, 8, 3, 30)
    const mixed = timeRow('b', [...slow.slice(0, 60), ...fast, ...slow.slice(60)], 5)
    const clean = timeRow('b', noisySamples(1, 9, 5, 30), 5)
    const level = sizeLevel(mixed.metrics[0])
    const reference = sizeLevel(clean.metrics[0])
    expect(Math.abs(level.value / reference.value - 1)).toBeLessThan(0.05)
    expect(level.interval[0]).toBeLessThanOrEqual(level.value)
    expect(level.interval[1]).toBeGreaterThanOrEqual(level.value)
    // Resampling rounds sometimes draws only slow ones: the interval reaches up towards 1.5×.
    expect(level.interval[1] / level.value).toBeGreaterThan(1.2)
    expect(reference.interval[1] / reference.value).toBeLessThan(1.1)
    // The median of all samples moves by more than a third with the three slow rounds.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    expect(median(mixed.metrics[0].samples) / median(clean.metrics[0].samples)).toBeGreaterThan(1.3)
  })

  it('keeps a one-round metric: the 10th percentile with an interval from its samples', () => {
    const row = timeRow('b', noisySamples(2, 3, 1, 60), 1)
    const level = sizeLevel(row.metrics[0])
    expect(level.value).toBeGreaterThan(1.7)
    expect(level.value).toBeLessThan(2.1)
    expect(level.interval[1]).toBeGreaterThan(level.interval[0])
  })
})

describe('fitGrowth: an honest "n or n log n"', () => {
  it('names both when the points are too noisy to tell them apart, one when they are not', () => {
    const nlogn = (n: number) => 0.02 + n * Math.log(n) * 1e-6
    const points = (spread: number) => SIZES.map((size) => ({ size, value: nlogn(size), spread }))
    // At 1% spread the curvature of n log n is clear; at 30% it is within the noise.
    expect(fitGrowth(points(0.01), { floor: 0.01 }).classes).toEqual(['n log n'])
    const vague = fitGrowth(points(0.3), { floor: 0.01 })
    expect(vague.classes).toEqual(['n', 'n log n'])
    expect(growthLabel(vague)).toBe('n or n log n')
    // Quadratic stays alone even at that spread: nothing else bends that fast.
    const square = SIZES.map((size) => ({ size, value: 0.02 + size * size * 1e-9, spread: 0.3 }))
    expect(fitGrowth(square, { floor: 0.01 }).classes).toEqual(['n²'])
  })
})
