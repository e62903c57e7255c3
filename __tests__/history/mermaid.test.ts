import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { historyChart } from '../../src/history/mermaid.js'
import { driftNote } from '../../src/history/report.js'
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

  it('parses without a PR value and with one constant run', () => {
    expect(parseMermaid(body(historyChart(seriesOf([5]))))).toEqual({ ok: true, type: 'xychart' })
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
