/**
 * Per tool: with the real comparison engine, the slowed harness (SLOWDOWN=1.5) is flagged as a
 * regression and a plain rerun is not.
 */
import { describe, expect, it } from '@jest/globals'
import { compareRuns } from '../../src/compare/index.js'
import type { BenchResult, Results } from '../../src/results/types.js'
import { makeMeta } from '../../__fixtures__/results.js'
import { importVariant } from './helpers.js'

const TOOLS = ['criterion', 'google-benchmark', 'pytest-benchmark', 'hyperfine', 'go', 'tinybench']

function asRun(benches: BenchResult[]): Results {
  return { schemaVersion: 1, meta: makeMeta(), benches }
}

describe.each(TOOLS)('%s: base vs rerun vs slowed', (tool) => {
  it('flags the slowed run as a regression and not the rerun', async () => {
    const [base, rerun, slow] = await Promise.all(
      ['base', 'rerun', 'slow'].map((variant) => importVariant(tool, variant)),
    )
    expect(base.length).toBeGreaterThan(0)
    expect(base.every((result) => result.status === 'ok')).toBe(true)
    const verdicts = (head: BenchResult[]) =>
      compareRuns([asRun(base)], asRun(head))
        .comparisons.filter((row) => row.metric === 'time')
        .map((row) => [row.name, row.verdict])
    expect(verdicts(slow)).toEqual(base.map((result) => [result.name, 'regression']))
    for (const [name, verdict] of verdicts(rerun)) {
      expect({ name, flagged: verdict === 'regression' }).toEqual({ name, flagged: false })
    }
  })
})
