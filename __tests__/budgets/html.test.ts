// The growth curves in report.html, drawn by headless Chromium: both curves log–log with a point
// per size, the class and the regression named, and the page without the section draws less.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '../helpers/chromium.js'
import { growthReport } from '../../src/budgets/report.js'
import { htmlReport } from '../../src/history/html.js'
import { emptyHistory } from '../../src/history/schema.js'
import type { BenchResult } from '../../src/results/types.js'
import { noisySamples, timeRow } from './helpers.js'

const SIZES = [1000, 10000, 100000]
const rows = (bench: string, ms: (n: number) => number, seed: number): BenchResult[] =>
  SIZES.map((n, i) =>
    timeRow(`${bench}[tasks=${n}]`, noisySamples(ms(n), seed * 31 + i), 5, {
      bench,
      param: 'tasks',
      value: n,
    }),
  )

describe('report.html growth section', () => {
  it('Chromium draws baseline and head log–log per scaled bench, with the class and the regression', () => {
    const base = [
      ...rows('sql/<ready>', (n) => 0.02 + n * 1e-5, 1),
      ...rows('sort', (n) => n * 1e-5, 3),
    ]
    const head = [
      ...rows('sql/<ready>', (n) => 0.02 + n * n * 1e-8, 2),
      ...rows('sort', (n) => n * 1e-5, 4),
    ]
    const report = growthReport([], head, base)
    expect(report.growth).toHaveLength(2)
    const page = htmlReport(
      { history: emptyHistory(), changePoints: [], growth: report.growth },
      () => '',
    )
    expect(page).not.toContain('<ready>') // escaped in text and in the SVG's labels
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/) // no network
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-growth-html-'))
    writeFileSync(path.join(dir, 'report.html'), page)
    const dom = chromium(['--dump-dom', 'report.html'], dir).stdout
    expect(dom).toContain('<h2>Growth with data size</h2>')
    expect(dom.match(/<section class="growth">/g)).toHaveLength(2)
    expect(dom.match(/<polyline class="growth-baseline"/g)).toHaveLength(2)
    expect(dom.match(/<polyline class="growth-head"/g)).toHaveLength(2)
    expect(dom.match(/<circle class="growth-point"/g)).toHaveLength(12)
    expect(dom).toContain('<h3>sql/&lt;ready&gt;</h3>')
    expect(dom).toMatch(/grows as n² \(log–log slope 1\.\d\d/)
    expect(dom).toContain('<strong class="shift">growth regression</strong>')
    expect(dom).toMatch(/<h3>sort<\/h3>\n<p>grows as n \(log–log slope (0\.9|1\.0)/)
    expect(dom).toContain('<th>baseline level</th>')
    // Drawn, not just present: the page compresses far worse than the same page without the SVGs.
    writeFileSync(path.join(dir, 'blank.html'), page.replace(/<svg[\s\S]*?<\/svg>/g, ''))
    chromium(['--screenshot=report.png', 'report.html'], dir)
    chromium(['--screenshot=blank.png', 'blank.html'], dir)
    const drawn = statSync(path.join(dir, 'report.png')).size
    const empty = statSync(path.join(dir, 'blank.png')).size
    expect(drawn).toBeGreaterThan(1.25 * empty) // measured: 99 kB against 72 kB
  }, 120_000)
})
