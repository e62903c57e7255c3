import { describe, expect, it } from '@jest/globals'
import { compareRuns } from '../../src/compare/index.js'
import { formatTime, formatValue } from '../../src/format.js'
import { escapeMarkdown, renderJson, renderReport, renderText } from '../../src/report/index.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const EVIL =
  'x|y <img src=x onerror=alert(1)> [click](https://evil.example) @octocat #12 `code`\n**bold**'

function sample() {
  const base = makeResults({
    benches: [
      { name: 'fast', ...roundsOf(LEVELS, 10) },
      {
        name: 'slow',
        ...roundsOf(
          LEVELS.map((l) => l / 1000),
          10,
        ),
      },
      { name: EVIL, ...roundsOf(LEVELS, 10) },
    ],
  })
  const head = makeResults({
    benches: [
      {
        name: 'fast',
        ...roundsOf(
          LEVELS.map((l) => l * 1.01),
          10,
        ),
      },
      {
        name: 'slow',
        ...roundsOf(
          LEVELS.map((l) => (l / 1000) * 1.3),
          10,
        ),
      },
      { name: EVIL, ...roundsOf(LEVELS, 10) },
    ],
  })
  return compareRuns([base], head)
}

describe('formatting', () => {
  it('picks a readable time unit', () => {
    expect(formatTime(0.0005)).toBe('500 ns')
    expect(formatTime(0.25)).toBe('250 µs')
    expect(formatTime(12.34)).toBe('12.3 ms')
    expect(formatTime(1500)).toBe('1.50 s')
    expect(formatValue(3 * 1024 * 1024, 'bytes')).toBe('3 MiB')
    expect(formatValue(null, 'ms')).toBe('—')
  })
})

describe('escapeMarkdown', () => {
  it('neutralises HTML, links, table pipes, mentions and line breaks', () => {
    const escaped = escapeMarkdown(EVIL)
    expect(escaped).not.toMatch(/[<>\n]/)
    expect(escaped).not.toMatch(/(^|[^\\])\|/)
    expect(escaped).not.toMatch(/(^|[^\\])\[/)
    expect(escaped).not.toMatch(/(^|[^\\])`/)
    expect(escaped).not.toMatch(/@octocat/)
    expect(escaped).toContain('&lt;img')
  })
})

describe('renderReport markdown', () => {
  it('renders one table row per comparison with exactly six cells', () => {
    const markdown = renderReport(sample(), 'markdown', {
      configPath: 'perfgate.yml',
      headCommit: null,
      baselinePath: 'base.json',
      baselineCommit: null,
      baselineRuns: 1,
    })
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.includes('---'))
    expect(rows.filter((row) => row.startsWith('| bench |')).length).toBeGreaterThanOrEqual(1)
    expect(rows.filter((row) => !row.startsWith('| bench |'))).toHaveLength(3)
    for (const row of rows) {
      // Unescaped pipes delimit cells: 7 of them for 6 cells.
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(7)
    }
    expect(markdown).toContain('🔴 regression')
    expect(markdown).not.toContain('<img')
  })
})

describe('renderText', () => {
  it('aligns columns and shows ~ for unchanged', () => {
    const text = renderText(sample())
    const lines = text.split('\n')
    const header = lines[0]
    const tableLines = lines.filter((l) => /\s{2}(unchanged|regression)$/.test(l))
    expect(tableLines).toHaveLength(3)
    for (const line of tableLines) expect(line.length).toBe(header.length)
    expect(text).toMatch(/fast .* ~ \(50\+50 samples\) +unchanged/)
    expect(text).toContain('1 regression')
  })
})

describe('renderJson', () => {
  it('holds the documented fields for each comparison', () => {
    const parsed = JSON.parse(renderJson(sample())) as {
      formatVersion: number
      regressions: number
      comparisons: Record<string, unknown>[]
    }
    expect(parsed.formatVersion).toBe(1)
    expect(parsed.regressions).toBe(1)
    const slow = parsed.comparisons.find((c) => c.name === 'slow')
    expect(slow).toMatchObject({ verdict: 'regression', unit: 'ms', baseRuns: 1 })
    expect(slow?.change).toBeCloseTo(0.3, 10)
    for (const row of parsed.comparisons) {
      for (const key of ['name', 'verdict', 'change', 'ci', 'p', 'reason'])
        expect(row).toHaveProperty(key)
    }
  })
})
