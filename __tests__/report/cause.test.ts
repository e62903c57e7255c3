/**
 * The cause of a confirmed regression in words: the line format, and where the comment (read as
 * GitHub renders it, through cmark-gfm) and the text report put it. Untrusted names (a function
 * called `<script>`, a path with a pipe) stay text.
 */
import { describe, expect, it } from '@jest/globals'
import type { Comparison, MetricComparison } from '../../src/compare/types.js'
import type { Cause } from '../../src/profile/types.js'
import { causeLineText } from '../../src/report/cause.js'
import { renderReport } from '../../src/report/index.js'
import { gfmHtml } from '../helpers/github-page.js'

const CAUSE: Cause = {
  kind: 'functions',
  lines: [
    { name: 'checksum', location: 'src/hash.js:12', baseMs: 0.41, headMs: 0.98, share: 0.71 },
    {
      name: '<script>alert(1)</script>',
      location: 'src/a|b.js:3',
      baseMs: 0.1,
      headMs: 0.2,
      share: 0.2,
    },
  ],
  files: {
    base: 'profiles/lib/entry.base.cpuprofile',
    head: 'profiles/lib/entry.head.cpuprofile',
    folded: 'profiles/lib/entry.diff.folded',
  },
}

function row(fields: Partial<MetricComparison>): MetricComparison {
  return {
    name: 'lib/entry',
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    verdict: 'regression',
    change: 0.4,
    ci: [0.35, 0.45],
    p: 0.001,
    reason:
      '+40.0% slower, beyond the 10% regression threshold; confirmed against the base on this runner (10 rounds each)',
    base: 1,
    head: 1.4,
    baseSamples: 50,
    headSamples: 50,
    baseRuns: 1,
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    confirmed: true,
    confirmation: 'base',
    ...fields,
  }
}

const comparison = (rows: MetricComparison[]): Comparison => ({
  comparisons: rows,
  warnings: [],
  regressions: rows.filter((r) => r.verdict === 'regression').length,
})

const FACTS = {
  configPath: 'perfgate.yml',
  headCommit: 'abc1234',
  baselinePath: 'base.json',
  baselineCommit: 'def5678',
  baselineRuns: 1,
}

describe('a cause line', () => {
  it('says both times in one unit, the growth and the share of the change', () => {
    expect(causeLineText(CAUSE.lines[0])).toBe(
      'checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139.0%), 71% of the change',
    )
    expect(causeLineText({ name: 'f', baseMs: 0.041, headMs: 0.098, share: 1 })).toBe(
      'f: 41 → 98 µs per call (+139.0%), 100% of the change',
    )
    expect(causeLineText({ name: 'g', baseMs: 0, headMs: 0.5, share: 0.5 })).toBe(
      'g: 0 → 0.5 ms per call (new), 50% of the change',
    )
  })
})

describe('the cause in the comment (cmark-gfm)', () => {
  it('is a bold heading under the table, one list item per function, then the files', () => {
    const html = gfmHtml(renderReport(comparison([row({ cause: CAUSE })]), 'markdown', FACTS))
    expect(html).toContain(
      '<p><strong>Why lib/entry is slower</strong> (CPU profiles of base and head on this runner):</p>',
    )
    const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1])
    expect(items.slice(0, 3)).toEqual([
      'checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139.0%), 71% of the change',
      '&lt;script&gt;alert(1)&lt;/script&gt; (src/a|b.js:3): 0.1 → 0.2 ms per call (+100.0%), 20% of the change',
      'Files (results artifact): <code>profiles/lib/entry.base.cpuprofile</code>, <code>profiles/lib/entry.head.cpuprofile</code>, <code>profiles/lib/entry.diff.folded</code>',
    ])
    // After the table, not in it: the table keeps one row per metric.
    expect(html.indexOf('Why lib/entry')).toBeGreaterThan(html.indexOf('</table>'))
  })

  it('says the note where the profiles name nothing, and nothing for a row without a cause', () => {
    const note: Cause = {
      kind: 'functions',
      lines: [],
      note: 'the profiles cannot separate the change from noise (10 rounds per side)',
    }
    const html = gfmHtml(
      renderReport(
        comparison([row({ cause: note }), row({ name: 'other', verdict: 'regression' })]),
        'markdown',
        FACTS,
      ),
    )
    expect(html).toContain(
      '<li>the profiles cannot separate the change from noise (10 rounds per side)</li>',
    )
    expect(html).not.toContain('Why other is slower')
  })
})

describe('the cause in the text report', () => {
  it('is indented under its row', () => {
    const text = renderReport(comparison([row({ cause: CAUSE })]), 'text', FACTS)
    expect(text).toContain(
      [
        '    why slower (CPU profiles of base and head on this runner):',
        '      checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139.0%), 71% of the change',
      ].join('\n'),
    )
    expect(text).toContain('      files: profiles/lib/entry.base.cpuprofile, ')
  })
})
