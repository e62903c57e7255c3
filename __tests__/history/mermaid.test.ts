import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { historyChart } from '../../src/history/mermaid.js'
import { analyseHistory, driftNote, historyMarkdown } from '../../src/history/report.js'
import type { HistorySeries } from '../../src/history/schema.js'
import { noisyCentres, seriesOf } from './series.js'

const PARSER = fileURLToPath(new URL('./mermaid-parse.mjs', import.meta.url))

/** The real Mermaid parser, in a child node process (see mermaid-parse.mjs for why). */
function parseMermaid(text: string): { ok: boolean; type?: string; error?: string } {
  const child = spawnSync(process.execPath, [PARSER], {
    input: text,
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (child.status !== 0) throw new Error(`mermaid-parse.mjs failed: ${child.stderr}`)
  return JSON.parse(child.stdout) as { ok: boolean; type?: string; error?: string }
}

const body = (markdown: string) => markdown.replace(/^```mermaid\n/, '').replace(/```\n$/, '')

describe('Mermaid history chart', () => {
  it('is an xychart Mermaid parses, capped at 50 runs plus the PR', () => {
    const series = seriesOf(noisyCentres(80, 0.03, 4))
    series.bench = 'json/"parse" [v2]'
    const chart = historyChart(series, { prValue: 123.456 })
    expect(chart.startsWith('```mermaid\nxychart-beta\n')).toBe(true)
    expect(parseMermaid(body(chart))).toEqual({ ok: true, type: 'xychart' })
    const labels = /x-axis \[(.*)\]/.exec(chart)![1].split(', ')
    expect(labels).toHaveLength(51)
    expect(labels.at(-1)).toBe('"PR"')
    expect(chart).toMatch(/bar \[[^\]]*, 123.5\]/)
    expect(chart.length).toBeLessThan(3000)
  })

  it('parses without a PR value and with constant runs', () => {
    expect(parseMermaid(body(historyChart(seriesOf([5, 5, 5]))))).toEqual({
      ok: true,
      type: 'xychart',
    })
  })

  it('draws no chart of fewer than three runs: one or two points show no history', () => {
    expect(historyChart(seriesOf([5]))).toBe('')
    expect(historyChart(seriesOf([5, 6]), { prValue: 7 })).toBe('')
    const oneEach = {
      perfgateHistory: 1 as const,
      series: [seriesOf([5], 'a'), seriesOf([5, 6], 'b'), seriesOf([5, 6, 7], 'c')],
    }
    const markdown = historyMarkdown(analyseHistory(oneEach))
    expect(markdown.match(/```mermaid/g)).toHaveLength(1)
    expect(markdown).toContain('title "c time')
  })

  it('shows values in a readable unit: µs and MiB, not 0.001488 ms or 11320000 bytes', () => {
    const fast = historyChart(seriesOf([0.001488, 0.0015, 0.00149]))
    expect(fast).toContain('y-axis "µs"')
    expect(fast).toContain('line [1.488, 1.5, 1.49]')
    expect(fast).toContain('(µs), last 3 baseline runs')
    const heap: HistorySeries = { ...seriesOf([11_320_000, 11_330_000, 11_310_000]), unit: 'bytes' }
    const big = historyChart(heap)
    expect(big).toContain('y-axis "MiB"')
    expect(big).toMatch(/line \[10\.8\d*, 10\.8\d*, 10\.7\d*\]/)
    expect(parseMermaid(body(big))).toEqual({ ok: true, type: 'xychart' })
    // The job summary's table prints the latest value the same way.
    const table = historyMarkdown(
      analyseHistory({
        perfgateHistory: 1 as const,
        series: [seriesOf([0.001488, 0.0015, 0.00149])],
      }),
    )
    expect(table).toContain('| 1.49 µs |')
  })

  it('puts the axis minimum below its maximum for negative values', () => {
    const negative: HistorySeries = { ...seriesOf([-30080, -30080, -30080]), unit: 'score' }
    const chart = historyChart(negative, { prValue: -29000 })
    const [, min, max] = /y-axis "score" (\S+) --> (\S+)/.exec(chart)!.map(Number)
    expect(min).toBeLessThan(-30080)
    expect(max).toBeGreaterThan(-29000)
    expect(min).toBeLessThan(max)
    expect(parseMermaid(body(chart))).toEqual({ ok: true, type: 'xychart' })
  })

  it('the parser does reject a broken chart (the check can fail)', () => {
    expect(parseMermaid('xychart-beta\n  line [1, x]\n')).toMatchObject({ ok: false })
    expect(parseMermaid('xychart-beta\n  line [1, x]\n').error).toMatch(/Parse error/)
  })

  it('a PR comment note says when the bench already drifted, with a chart Mermaid parses', () => {
    const note = driftNote(seriesOf(noisyCentres(40, 0.03, 7, 0.18, 34)), 130)
    expect(note).toMatch(
      /^History: json\/parse \d+% slower since 0000022, 6 runs ago\.\n\n```mermaid\n/,
    )
    expect(parseMermaid(body(note.slice(note.indexOf('```'))))).toEqual({
      ok: true,
      type: 'xychart',
    })
    expect(driftNote(undefined, 1)).toBe('')
  })
})
