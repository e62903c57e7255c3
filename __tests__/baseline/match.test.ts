import { describe, expect, it } from '@jest/globals'
import { matchBenches, type BaselineOutcome } from '../../src/baseline/source.js'
import { compareRuns } from '../../src/compare/index.js'
import { markChanged } from '../../src/compare/changed-benches.js'
import type { Results } from '../../src/results/types.js'
import { makeResults, roundsOf, type BenchSpec } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const id = (samples: string) => ({ digest: `sha256:${samples}`, fields: { samples } })

function found(...baselines: Results[]): BaselineOutcome {
  return {
    found: true,
    baselines,
    info: { source: 'file', commit: null, runs: baselines.length },
    warnings: [],
    notices: [],
  }
}

const bench = (name: string, samples = '10', extra: Partial<BenchSpec> = {}): BenchSpec => ({
  name,
  ...roundsOf(LEVELS, 10),
  identity: id(samples),
  ...extra,
})

describe('matchBenches', () => {
  it('compares every old bench when the PR adds one and edits the config digest', () => {
    const base = makeResults({ benches: [bench('a'), bench('b')], meta: { configDigest: 'old' } })
    const head = makeResults({
      benches: [bench('a'), bench('b'), bench('fresh')],
      meta: { configDigest: 'new' },
    })
    const { outcome, match } = matchBenches(found(base), head)
    expect(outcome.found).toBe(true)
    expect(match).toEqual({ changed: [], added: ['fresh'], removed: [] })
    if (!outcome.found) throw new Error('unreachable')
    const verdicts = compareRuns(outcome.baselines, head).comparisons.map((c) => [
      c.name,
      c.verdict,
    ])
    expect(verdicts).toEqual([
      ['a', 'unchanged'],
      ['b', 'unchanged'],
      ['fresh', 'new'],
    ])
  })

  it('reports a bench measured differently as changed, with what changed, and never gates it', () => {
    const base = makeResults({ benches: [bench('a'), bench('b'), bench('gone')] })
    const slower = {
      ...roundsOf(
        LEVELS.map((l) => l * 2),
        10,
      ),
    }
    const head = makeResults({
      benches: [bench('a'), { ...bench('b', '20'), ...slower }],
      meta: { configDigest: 'new' },
    })
    const { outcome, match } = matchBenches(found(base), head)
    expect(match.changed).toEqual([{ name: 'b', changes: ['samples 10 → 20'] }])
    expect(match.removed).toEqual(['gone'])
    if (!outcome.found) throw new Error('unreachable')
    const comparison = markChanged(compareRuns(outcome.baselines, head), match.changed)
    const b = comparison.comparisons.find((c) => c.name === 'b')
    expect(b?.verdict).toBe('changed')
    expect(b?.reason).toContain('samples 10 → 20')
    expect(comparison.comparisons.filter((c) => c.verdict === 'regression')).toEqual([])
    expect(comparison.comparisons.find((c) => c.name === 'gone')?.verdict).toBe('removed')
  })

  it('keeps the older runs that measured the same way and leaves out the others', () => {
    const newest = makeResults({ benches: [bench('a', '20')] })
    const older = makeResults({ benches: [bench('a', '10')] })
    const head = makeResults({ benches: [bench('a', '10')] })
    const { outcome, match } = matchBenches(found(newest, older), head)
    expect(match.changed).toEqual([])
    if (!outcome.found) throw new Error('unreachable')
    expect(outcome.baselines.map((r) => r.benches.length)).toEqual([0, 1])
    expect(outcome.notices.join()).toContain('measured differently')
  })

  it('matches benches of older results (no identity) only on an identical config', () => {
    const legacy = { name: 'a', ...roundsOf(LEVELS, 10) }
    const base = makeResults({ benches: [legacy], meta: { configDigest: 'x' } })
    const same = matchBenches(
      found(base),
      makeResults({ benches: [bench('a')], meta: { configDigest: 'x' } }),
    )
    expect(same.match.changed).toEqual([])
    const other = matchBenches(
      found(base),
      makeResults({ benches: [bench('a')], meta: { configDigest: 'y' } }),
    )
    expect(other.match.changed[0]?.changes[0]).toContain('before perfgate stored')
  })

  it('passes a missing baseline through', () => {
    const missing: BaselineOutcome = { found: false, reason: 'none', hint: 'push', notices: [] }
    expect(matchBenches(missing, makeResults({ benches: [] })).outcome).toBe(missing)
  })
})
