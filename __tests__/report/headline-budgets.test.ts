/**
 * The comment's headline when budgets break: never a ✅ over a broken budget or a steeper growth,
 * with or without a baseline, read as GitHub renders it (cmark-gfm).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { makeResults } from '../../__fixtures__/results.js'
import { compareRuns } from '../../src/compare/index.js'
import { renderComment } from '../../src/report/comment.js'
import { buildCommentModel, type CommentInput } from '../../src/report/model.js'

function headlineOf(input: CommentInput): string {
  const run = spawnSync('cmark-gfm', ['-e', 'table'], {
    input: renderComment(buildCommentModel(input)),
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  // The first paragraph after the title is the headline.
  const first = /<h3>[\s\S]*?<\/h3>\s*<p>([\s\S]*?)<\/p>/.exec(run.stdout)
  return first ? first[1] : run.stdout
}

const rounds = (level: number) =>
  Array.from({ length: 30 }, (_, i) => level * (1 + ((i * 7) % 5) / 1000))
const base = makeResults({ benches: [{ name: 'a', samples: rounds(10), rounds: [10, 10, 10] }] })
const slower = makeResults({ benches: [{ name: 'a', samples: rounds(20), rounds: [10, 10, 10] }] })
const same = makeResults({ benches: [{ name: 'a', samples: rounds(10), rounds: [10, 10, 10] }] })

function input(fields: Partial<CommentInput>): CommentInput {
  return {
    configPath: 'perfgate.yml',
    verdict: 'regression',
    comparison: null,
    headCommit: 'a'.repeat(40),
    benchCount: 1,
    errors: [],
    baseline: null,
    baselineWarnings: [],
    rerun: false,
    ...fields,
  }
}

describe('the headline with budgets', () => {
  it('says a budget broke when there is no baseline to compare with', () => {
    expect(headlineOf(input({ brokenBudgets: 1 }))).toBe(
      '❌ <strong>1 budget broken, no baseline to compare with</strong>',
    )
  })

  it('says a budget broke beside a clean comparison, not "No regressions"', () => {
    const comparison = compareRuns([base], same)
    expect(comparison.regressions).toBe(0)
    expect(headlineOf(input({ comparison, brokenBudgets: 2, growthRegressions: 1 }))).toBe(
      '❌ <strong>2 budgets broken, 1 growth regression</strong>',
    )
  })

  it('adds them to the regressions, and says when the label accepted them', () => {
    const comparison = compareRuns([base], slower)
    expect(comparison.regressions).toBe(1)
    expect(headlineOf(input({ comparison, brokenBudgets: 1 }))).toBe(
      '❌ <strong>1 regression over 10%, 1 budget broken</strong>',
    )
    expect(
      headlineOf(input({ brokenBudgets: 1, acknowledged: { label: 'perfgate:accept' } })),
    ).toBe(
      '☑️ <strong>1 budget broken, no baseline to compare with</strong>, accepted with the <code>perfgate:accept</code> label',
    )
  })

  it('stays ✅ when every budget holds', () => {
    const comparison = compareRuns([base], same)
    expect(headlineOf(input({ verdict: 'pass', comparison, baseline: null }))).toBe(
      '✅ <strong>No regressions in 1 bench</strong>',
    )
  })
})
