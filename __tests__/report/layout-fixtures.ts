/** Fixtures and checks shared by the layout tests of the comment and the job summary. */
import type { Comparison, MetricComparison } from '../../src/compare/types.js'
import type { CommentInput } from '../../src/report/model.js'
import type { Layout } from '../helpers/github-page.js'

/** A regression as a confirmed re-run reports it: the full statistics in its reason. */
function regression(name: string, change: number): MetricComparison {
  const pct = (change * 100).toFixed(1)
  return {
    name,
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    verdict: 'regression',
    change,
    ci: [change - 0.05, change + 0.05],
    p: 0.0008,
    reason: `${pct}% slower, beyond the 10% regression threshold and significant against run-to-run variation (p=0.0008, 10 vs 10 rounds); confirmed by a re-run of the head that measured +${pct}% again (regression), pooled with the first run`,
    base: 10,
    head: 10 * (1 + change),
    baseSamples: 100,
    headSamples: 100,
    baseRuns: 3,
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    confirmed: true,
  }
}

/** The facts of a confirmed three-regression run with a full footer. */
export function regressionInput(): CommentInput {
  const rows = [
    regression('parse/large-document', 0.312),
    regression('render/table-with-many-rows', 0.218),
    regression('serialize', 0.144),
  ]
  const comparison: Comparison = { comparisons: rows, warnings: [], regressions: rows.length }
  return {
    configPath: 'perfgate.yml',
    verdict: 'regression',
    comparison,
    headCommit: 'c'.repeat(40),
    benchCount: 3,
    errors: [],
    baseline: {
      source: 'artifact',
      commit: 'b'.repeat(40),
      runId: 42,
      runUrl: 'https://github.com/o/r/actions/runs/42',
      branch: 'main',
      lagCommits: 0,
      ageDays: 2,
      runs: 3,
    },
    baselineWarnings: [],
    runUrl: 'https://github.com/o/r/actions/runs/43',
    artifactsUrl: 'https://github.com/o/r/actions/runs/43#artifacts',
    rerun: true,
    acknowledgeLabel: 'perfgate:accept',
  }
}

/** The footer's four lines, by how each starts. */
export const FOOTER = ['Baseline:', 'Head:', 'Details:', 'To accept']

/** Cells of the number columns (baseline, head, change) drawn on more than one line. */
export function wrappedNumbers(layout: Layout): string[] {
  return layout.cells
    .filter((c) => ['baseline', 'head', 'change (CI)'].includes(c.column) && c.lines > 1)
    .map((c) => `${c.column}: ${c.text} (${c.lines} lines)`)
}

/** Cells taller than three lines: a column squeezed to a word or two per line. */
export function squeezedCells(layout: Layout): string[] {
  return layout.cells.filter((c) => c.lines > 3).map((c) => `${c.column}: ${c.text}`)
}
