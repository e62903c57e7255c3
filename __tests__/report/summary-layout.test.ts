/**
 * The job summary as GitHub draws it (cmark-gfm, github-markdown-css, Chromium at 1000 px): the
 * comparison's footer lines apart, its numbers and this run's table unsqueezed, and the history
 * charting only series with a history, in readable units, on an axis that runs low to high.
 */
import { describe, expect, it } from '@jest/globals'
import type { History, HistorySeries } from '../../src/history/schema.js'
import { jobSummary } from '../../src/stages/publish-summary.js'
import { makeResults } from '../../__fixtures__/results.js'
import { entry } from '../history/series.js'
import { measureMarkdown, overlappingLines } from '../helpers/github-page.js'
import { FOOTER, regressionInput, squeezedCells, wrappedNumbers } from './layout-fixtures.js'

function series(bench: string, unit: string, centres: number[]): HistorySeries {
  return {
    bench,
    metric: 'time',
    unit,
    better: 'smaller',
    entries: centres.map((c, i) => entry(i, c)),
  }
}

/** A young history: most benches recorded once, three with runs enough to chart. */
function history(): History {
  return {
    perfgateHistory: 1,
    series: [
      ...Array.from({ length: 7 }, (_, i) => series(`tiny/${i}`, 'ms', [0.001488 + i * 1e-5])),
      series('parse/large-document', 'ms', [0.0015, 0.00149, 0.00152, 0.0016]),
      { ...series('heap', 'bytes', [11_320_000, 11_330_000, 11_310_000]), metric: 'heap used' },
      series('score', 'points', [-30080, -30080, -30080]),
    ],
  }
}

describe('job summary layout under GitHub’s stylesheet', () => {
  it('keeps footer lines apart and numbers on one line, and charts only histories', () => {
    const results = makeResults({
      benches: ['parse/large-document', 'render/table-with-many-rows', 'serialize'].map((name) => ({
        name,
        samples: [10, 10.2, 10.1, 9.9, 10.3],
      })),
    })
    const { summary } = jobSummary(regressionInput(), results, history())

    const charts = [...summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1])
    expect(charts).toHaveLength(3)
    for (const chart of charts) {
      const [, low, high] = /y-axis "[^"]*" (\S+) --> (\S+)/.exec(chart)!.map(Number)
      expect(low).toBeLessThan(high)
    }
    expect(charts.join('\n')).toContain('y-axis "µs"')
    expect(charts.join('\n')).toContain('y-axis "MiB"')
    expect(summary).not.toMatch(/0\.001\d+ ms|11320000/)

    const layout = measureMarkdown(summary, FOOTER)
    expect(layout.lines.map((l) => l.prefix)).toEqual(FOOTER)
    expect(overlappingLines(layout.lines)).toEqual([])
    expect(wrappedNumbers(layout)).toEqual([])
    expect(squeezedCells(layout)).toEqual([])
    expect(layout.width).toBeLessThanOrEqual(1000)
  }, 120_000)
})
