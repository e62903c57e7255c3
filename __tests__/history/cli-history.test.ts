import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '../helpers/chromium.js'
import { serializeHistory } from '../../src/history/schema.js'
import { noisyCentres, seriesOf } from './series.js'

// The CLI from source, run as a process the way a user runs it.
function perfgate(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-history-'))
const file = path.join(dir, 'history.json')
writeFileSync(
  file,
  serializeHistory({
    perfgateHistory: 1,
    series: [
      seriesOf(noisyCentres(36, 0.03, 7, 0.18, 30)),
      seriesOf(noisyCentres(40, 0.03, 8), 'sort/<2k>'),
    ],
  }),
)

describe('perfgate history', () => {
  it('prints each bench with its lasting shifts', () => {
    const { code, stdout, stderr } = perfgate(['history', file])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^json\/parse: 36 runs, latest [\d.]+ ms\n {4}json\/parse \d+% slower since 000001e, 6 runs ago\n/,
    )
    expect(stdout).toContain('sort/<2k>: 40 runs')
  })

  it('filters by --bench and writes markdown the GFM parser reads as a table and a mermaid block', () => {
    const { code, stdout } = perfgate([
      'history',
      file,
      '--bench',
      'json/*',
      '--format',
      'markdown',
    ])
    expect(code).toBe(0)
    expect(stdout).not.toContain('sort')
    const html = spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough'], {
      input: stdout,
      encoding: 'utf8',
    }).stdout
    expect(html).toContain('<th>lasting shifts</th>')
    expect(html).toMatch(/<td>json\/parse \d+% slower since 000001e, 6 runs ago<\/td>/)
    expect(html).toContain('<pre><code class="language-mermaid">xychart-beta')
  })

  it('json lists change points; a damaged file still reports with a notice; --help works', () => {
    const json = JSON.parse(perfgate(['history', file, '--format', 'json']).stdout) as {
      bench: string
      changePoints: { index: number; text: string }[]
    }[]
    expect(json.map((s) => [s.bench, s.changePoints.map((p) => p.index)])).toEqual([
      ['json/parse', [30]],
      ['sort/<2k>', []],
    ])
    const damaged = path.join(dir, 'damaged.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { series: unknown[] }
    raw.series.push({ bench: '' })
    writeFileSync(damaged, JSON.stringify(raw))
    const partial = perfgate(['history', damaged])
    expect(partial.code).toBe(0)
    expect(partial.stderr).toMatch(/damaged.json was partly corrupt: dropped 1 unreadable series/)
    expect(perfgate(['history', '--help']).stdout).toMatch(/^Usage: perfgate history HISTORY.json/)
    expect(perfgate(['history', path.join(dir, 'missing.json')])).toMatchObject({ code: 2 })
    expect(perfgate(['history', file, '--format', 'pdf']).stderr).toContain('unknown format "pdf"')
  })

  it('html: a self-contained page Chromium draws a chart per bench on, points and change point included', () => {
    const { code, stdout } = perfgate(['history', file, '--format', 'html'])
    expect(code).toBe(0)
    expect(stdout).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/) // no network
    expect(stdout).not.toContain('<2k>') // escaped everywhere, data included
    writeFileSync(path.join(dir, 'report.html'), stdout)
    const dom = chromium(['--dump-dom', 'report.html'], dir).stdout
    expect(dom).toContain('data-charts="2"')
    expect(dom.match(/<path class="line"/g)).toHaveLength(2)
    expect(dom.match(/<circle class="point"/g)).toHaveLength(36 + 40)
    expect(dom.match(/<line class="cp"/g)).toHaveLength(1)
    // Both series share commit 000001e (the fixture numbers commits by run index).
    expect(dom.match(/<text class="commit"[^>]*>000001e</g)).toHaveLength(2)
    // Screenshot: the drawn page compresses far worse than the same page without its script.
    writeFileSync(path.join(dir, 'blank.html'), stdout.replace(/<script>[\s\S]*?<\/script>/, ''))
    chromium(['--screenshot=report.png', 'report.html'], dir)
    chromium(['--screenshot=blank.png', 'blank.html'], dir)
    const drawn = statSync(path.join(dir, 'report.png')).size
    const empty = statSync(path.join(dir, 'blank.png')).size
    expect(drawn).toBeGreaterThan(2 * empty) // measured: 131 kB against 42 kB
  })
})
