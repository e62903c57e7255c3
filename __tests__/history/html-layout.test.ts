/**
 * report.html at a 1000 px viewport in headless Chromium: no horizontal scrollbar, no growth
 * table squeezed to a word per line, and the history axes in a readable unit (µs, MiB), not the
 * stored 0.001488 ms.
 */
import { describe, expect, it } from '@jest/globals'
import { growthReport } from '../../src/budgets/report.js'
import { describeChangePoint } from '../../src/history/change-points.js'
import { htmlReport } from '../../src/history/html.js'
import type { History } from '../../src/history/schema.js'
import { noisySamples, timeRow } from '../budgets/helpers.js'
import { MEASURE_SCRIPT, layoutOf, renderedDom } from '../helpers/github-page.js'
import { squeezedCells } from '../report/layout-fixtures.js'
import { entry } from './series.js'

/** The page's DOM after Chromium drew it, measured after its own script (its CSP allows inline ones). */
function drawn(page: string): string {
  return renderedDom(page.replace('</body>', `<script>${MEASURE_SCRIPT}</script></body>`))
}

describe('report.html layout', () => {
  it('fits 1000 px, keeps its tables readable and labels axes in µs and MiB', () => {
    const history: History = {
      perfgateHistory: 1,
      series: [
        {
          bench: 'tiny',
          metric: 'time',
          unit: 'ms',
          better: 'smaller',
          entries: [0.001488, 0.0015, 0.00149, 0.00151].map((c, i) => entry(i, c)),
        },
        {
          bench: 'heap',
          metric: 'heap used',
          unit: 'bytes',
          better: 'smaller',
          entries: [11_320_000, 11_330_000, 11_310_000].map((c, i) => entry(i, c)),
        },
      ],
    }
    const sizes = [1000, 10000, 100000]
    const rows = (ms: (n: number) => number, seed: number) =>
      sizes.map((n, i) =>
        timeRow(`sql/select-with-a-long-name[tasks=${n}]`, noisySamples(ms(n), seed + i), 5, {
          bench: 'sql/select-with-a-long-name',
          param: 'tasks',
          value: n,
        }),
      )
    const growth = growthReport(
      [],
      rows((n) => n * n * 1e-8, 2),
      rows((n) => n * 1e-5, 1),
    ).growth
    const page = htmlReport({ history, changePoints: [], growth }, describeChangePoint)
    const dom = drawn(page)
    const layout = layoutOf(dom)

    expect(layout.width).toBeLessThanOrEqual(1000)
    expect(layout.cells.length).toBeGreaterThan(0)
    expect(squeezedCells(layout)).toEqual([])

    // The SVG text drawn: each chart's unit, and tick labels in it (1.49, 10.8), not 0.001488.
    const charts = [...dom.matchAll(/<section class="bench">[\s\S]*?<\/section>/g)].join('\n')
    // (Not the commit labels under the x axis: "0000000" is no tick.)
    const labels = [...charts.matchAll(/<text(?! class="commit")[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1],
    )
    expect(labels).toContain('µs')
    expect(labels).toContain('MiB')
    expect(labels).not.toContain('ms')
    expect(labels).not.toContain('bytes')
    const ticks = labels.filter((l) => /^-?[\d.]+$/.test(l)).map(Number)
    expect(ticks.length).toBeGreaterThanOrEqual(10)
    expect(ticks.filter((t) => !(Math.abs(t) >= 1 && Math.abs(t) < 1000))).toEqual([])
  }, 120_000)
})
