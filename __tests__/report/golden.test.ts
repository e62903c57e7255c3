/**
 * Golden tests of what users read: the PR comment and the job summary's run table. Each is
 * compared with a committed markdown file (UPDATE_GOLDEN=1 rewrites them) and rendered through
 * Debian's cmark-gfm, GitHub's GFM parser, with raw HTML allowed as GitHub allows it, so the
 * assertions are on the HTML GitHub would show: links are links, tables are tables, nothing
 * escapes its cell.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Comparison, MetricComparison } from '../../src/compare/types.js'
import { renderComment } from '../../src/report/comment.js'
import { renderReport } from '../../src/report/index.js'
import { buildCommentModel, type CommentInput } from '../../src/report/model.js'
import { runSummaryMarkdown } from '../../src/report/run-summary.js'
import { makeMetric } from '../../src/results/summary.js'
import { makeResults } from '../../__fixtures__/results.js'

const GOLDEN = path.resolve('__fixtures__/golden')

/** Compares `markdown` with its golden file, or rewrites the file under UPDATE_GOLDEN=1. */
function golden(name: string, markdown: string): void {
  const file = path.join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) {
      throw new Error(`${file} is missing: run the tests with UPDATE_GOLDEN=1 and commit it`)
    }
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(file, markdown)
  }
  expect(markdown).toBe(readFileSync(file, 'utf8'))
}

/** HTML of `markdown` as GitHub renders it (GFM tables, autolinks, strikethrough; raw HTML kept). */
function gfm(markdown: string): string {
  const run = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough'],
    { input: markdown, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout
}

/** The cells of every table row in `html`, as their inner HTML. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]),
  )
}

const NASTY = [
  'pipe | in name',
  'tick `code` name',
  '<script>alert(1)</script>',
  '@octocat #12 [x](y)',
]

function row(name: string, fields: Partial<MetricComparison> = {}): MetricComparison {
  return {
    name,
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    verdict: 'unchanged',
    change: 0.004,
    ci: [-0.0004, 0.01],
    p: 0.5,
    reason: 'within the 5% noise threshold',
    base: 10,
    head: 10.04,
    baseSamples: 50,
    headSamples: 50,
    baseRuns: 1,
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    ...fields,
  }
}

function comparison(rows: MetricComparison[], warnings: string[] = []): Comparison {
  return {
    comparisons: rows,
    warnings,
    regressions: rows.filter((r) => r.verdict === 'regression').length,
  }
}

function input(c: Comparison | null, extra: Partial<CommentInput> = {}): CommentInput {
  return {
    configPath: 'perfgate.yml',
    verdict: c && c.regressions > 0 ? 'regression' : c ? 'pass' : 'no-baseline',
    comparison: c,
    headCommit: 'c'.repeat(40),
    benchCount: c ? new Set(c.comparisons.map((r) => r.name)).size : 3,
    errors: [],
    baseline: c
      ? {
          source: 'artifact',
          commit: 'b'.repeat(40),
          runId: 42,
          runUrl: 'https://github.com/o/r/actions/runs/42',
          branch: 'main',
          lagCommits: 0,
          ageDays: 2,
          runs: 3,
        }
      : null,
    baselineWarnings: [],
    runUrl: 'https://github.com/o/r/actions/runs/43',
    artifactsUrl: 'https://github.com/o/r/actions/runs/43#artifacts',
    rerun: true,
    acknowledgeLabel: 'perfgate:accept',
    ...extra,
  }
}

const regressionRun = comparison(
  [
    row(NASTY[0], {
      verdict: 'regression',
      change: 0.25,
      ci: [0.2, 0.3],
      p: 0.001,
      head: 12.5,
      confirmed: true,
      reason: '25.0% slower, beyond the 10% regression threshold (p=0.001, 5 vs 5 rounds)',
      notes: ['plan changed: Index Scan → Seq Scan | on `users`'],
    }),
    row(NASTY[1], { verdict: 'improvement', change: -0.2, ci: [-0.25, -0.15], head: 8 }),
    row(NASTY[2]),
    row(NASTY[3], { change: -0.0004, ci: [-0.001, 0.0002] }),
    // Memory that did not move beyond its resolution stays out of the folded table ...
    row(NASTY[0], {
      metric: 'heap growth',
      unit: 'bytes',
      base: 1024,
      head: 2048,
      change: 1,
      ci: null,
      p: null,
      reason: "no relative change, below the metric's resolution of 1 MiB",
    }),
    // ... and memory that moved shows in KiB/MiB.
    row('allocating', {
      metric: 'heap used',
      unit: 'bytes',
      verdict: 'slower',
      base: 3 * 1024 * 1024,
      head: 3.5 * 1024 * 1024,
      change: 0.1667,
      ci: [0.1, 0.2],
      reason: '16.7% more, not significant',
    }),
  ],
  ['RUNNER MISMATCH: baseline ran on A | B but head on <b>C</b>'],
)

describe('PR comment (golden, through cmark-gfm)', () => {
  it('renders a regression comment whose tables, links and cells survive GitHub', () => {
    const markdown = renderComment(buildCommentModel(input(regressionRun)))
    golden('comment-regression.md', markdown)
    const html = gfm(markdown)

    expect(html.match(/<table>/g)).toHaveLength(2)
    const rows = tableRows(html)
    for (const cells of rows) expect(cells).toHaveLength(6)
    const names = rows.map((cells) => cells[0])
    // Every nasty name is inside its own first cell, escaped, never raw HTML.
    expect(names).toContain('pipe | in name')
    expect(names).toContain('tick `code` name')
    expect(names).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<a href="y"/)
    expect(html).not.toContain('<b>C</b>')
    expect(rows.find((cells) => cells[0].startsWith('↳'))?.[0]).toContain('| on `users`')

    // Footer links are links, not literal markdown.
    expect(html).toContain('<a href="https://github.com/o/r/actions/runs/43">this run</a>')
    expect(html).toContain('<a href="https://github.com/o/r/actions/runs/42">run 42</a>')
    expect(html).not.toContain('](https://')

    // Rounds-to-zero changes print +0.0%, never −0%; bytes print in KiB/MiB, number and unit
    // joined by a no-break space so a narrow column cannot split them.
    expect(html).not.toMatch(/[−-]0(\.0)?%/)
    expect(html).toContain('+0.0%')
    expect(html).toContain('3\u00a0MiB')
    expect(html).toContain('3.5\u00a0MiB')

    // Table cells hold a reason's gist; its statistics are folded under the tables, whole.
    expect(rows.find((cells) => cells[0] === 'pipe | in name')?.[5]).toBe(
      'beyond the 10% regression threshold',
    )
    expect(html).toContain(
      '<li>pipe | in name: 25.0% slower, beyond the 10% regression threshold (p=0.001, 5 vs 5 rounds)</li>',
    )
    expect(html).not.toContain('heap growth')
    expect(html).toContain('1 memory row within its resolution not shown.')
  })

  it('renders the no-baseline comment with failed benches as a table', () => {
    const markdown = renderComment(
      buildCommentModel(
        input(null, {
          errors: [{ name: NASTY[0], reason: 'exit code 1: `boom` <img src=x>' }],
          noBaseline: {
            reason: 'no baseline artifact on main yet',
            hint: 'merge to main once to record one',
          },
        }),
      ),
    )
    golden('comment-no-baseline.md', markdown)
    const html = gfm(markdown)
    const rows = tableRows(html)
    expect(rows).toEqual([
      ['bench', 'error'],
      ['pipe | in name', 'exit code 1: `boom` &lt;img src=x&gt;'],
    ])
    expect(html).not.toMatch(/<img/)
    expect(html).toContain('<strong>No baseline to compare with</strong>')
    expect(html).toContain('<a href="https://github.com/o/r/actions/runs/43#artifacts">')
  })

  it('says the push that records the first baseline did so, not how to get one', () => {
    const markdown = renderComment(
      buildCommentModel(
        input(null, {
          firstBaseline: true,
          noBaseline: {
            reason: 'there is no earlier baseline on main to compare this push with',
            hint: 'pull requests and later pushes are compared with the baselines that pushes to main record',
          },
        }),
      ),
      { marker: false },
    )
    const html = gfm(markdown)
    expect(html).toContain('<strong>This push records the first baseline</strong> (3 benches run)')
    expect(html).toContain('<strong>Next:</strong> pull requests and later pushes are compared')
    expect(html).not.toContain('No baseline to compare with')
    expect(html).not.toContain('How to get one')
  })

  it('prints the same markdown from perfgate compare --format markdown, without the markers', () => {
    const local = renderReport(regressionRun, 'markdown', {
      configPath: 'perfgate.yml',
      headCommit: 'c'.repeat(40),
      baselinePath: 'base.json',
      baselineCommit: 'b'.repeat(40),
      baselineRuns: 1,
    })
    const comment = renderComment(
      buildCommentModel(
        input(regressionRun, {
          baseline: { source: 'file', commit: 'b'.repeat(40), path: 'base.json', runs: 1 },
          baselineWarnings: [],
          runUrl: undefined,
          artifactsUrl: undefined,
          acknowledgeLabel: undefined,
        }),
      ),
      { marker: false },
    )
    expect(local).toBe(`${comment}\n`)
    expect(local).not.toContain('<!-- perfgate')
  })
})

describe('job summary run table (golden, through cmark-gfm)', () => {
  it('shows a robust spread and keeps every name in its cell', () => {
    // One stalled iteration in a steady bench: the cv would read hundreds of percent.
    const steady = [...Array.from({ length: 49 }, (_, i) => 10 + (i % 5) * 0.1), 5000]
    const results = makeResults({
      benches: [
        { name: NASTY[0], samples: steady },
        {
          name: NASTY[2],
          metrics: [makeMetric({ name: 'heap', unit: 'bytes', samples: [1048576, 1048576 * 1.5] })],
        },
        { name: NASTY[1], status: 'error', reason: 'crashed | with `code`\nsecond line' },
      ],
    })
    const markdown = runSummaryMarkdown(results)
    golden('run-summary.md', markdown)
    const html = gfm(markdown)
    const rows = tableRows(html)
    // The centre is the number compare judges by, labelled as such (not the median).
    expect(rows[0]).toEqual([
      'bench',
      'samples',
      'centre (p10 of rounds)',
      'p95',
      'p99',
      'spread (MAD)',
      'status',
    ])
    for (const cells of rows) expect(cells).toHaveLength(7)
    expect(rows[1][0]).toBe('pipe | in name')
    expect(rows[1][5]).toBe('±1%')
    expect(rows[2][0]).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(rows[2][2]).toBe('1.05 MiB')
    expect(rows[3][6]).toContain('crashed | with `code`')
    expect(html).not.toMatch(/<script/i)
  })
})
