/**
 * Runs whose names do not pair compared nothing: the "nothing compared is never a pass" rule
 * (issue #23), from the pure check through the headline, the reports and the CLI's exit code.
 */
import { describe, expect, it } from '@jest/globals'
import { compareRuns, confirmRegressions, headline } from '../../src/compare/index.js'
import { caseGroup, pairingProblems } from '../../src/compare/pairing.js'
import { parseComparison } from '../../src/compare/types.js'
import { compareCommand } from '../../src/cli/compare.js'
import { renderJson, renderText } from '../../src/report/index.js'
import { serializeResults } from '../../src/results/schema.js'
import type { BenchResult, Results } from '../../src/results/types.js'
import { makeBench, makeResults, roundsOf } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]

/** A measured bench named `name`; with `key`, a drawn case `<group>/<key>` of a sql bench. */
function bench(name: string, factor = 1, key?: string): BenchResult {
  const made = makeBench({
    name: key === undefined ? name : `${name}/${key}`,
    ...roundsOf(
      LEVELS.map((l) => l * factor),
      20,
    ),
  })
  return key === undefined ? made : { ...made, details: { key } }
}

function run(benches: BenchResult[]): Results {
  return { ...makeResults({ benches: [] }), benches }
}

const uuid = (n: number) => `0190${String(n).padStart(4, '0')}-7c4e-7000-8000-00000000000${n % 10}`

/** 18 cases of sql/next-task keyed on per-side random uuids: no name pairs. */
function randomKeyed(side: number, factor = 1): BenchResult[] {
  return Array.from({ length: 18 }, (_, i) => bench('sql/next-task', factor, uuid(side * 100 + i)))
}

describe('caseGroup', () => {
  it('names the config bench of a drawn case, and a plain bench by its own name', () => {
    expect(caseGroup(bench('sql/next-task', 1, 'a/b'))).toBe('sql/next-task')
    expect(caseGroup(bench('sql/next-task'))).toBe('sql/next-task')
    // A key that is not the end of the name is no case key.
    expect(caseGroup({ name: 'x/y', details: { key: 'z' } })).toBe('x/y')
    // A labelled case is named by its label, not its key.
    expect(
      caseGroup({ name: 'sql/next-task/small#1', details: { key: uuid(1), label: 'small#1' } }),
    ).toBe('sql/next-task')
  })
})

describe('pairingProblems', () => {
  it('errors when a bench matched none of its baseline cases, naming both names and key:', () => {
    const problems = pairingProblems(
      [run([bench('js/a'), bench('js/b'), bench('js/c'), ...randomKeyed(1)])],
      run([bench('js/a'), bench('js/b'), bench('js/c'), ...randomKeyed(2)]),
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toBe(
      `only 0 of 18 baseline cases of sql/next-task appear in the head run (the case names differ: "sql/next-task/${uuid(100)}" vs "sql/next-task/${uuid(200)}"): cases keyed on random values cannot pair; key them on a stable column with key:, or name them with label: (see docs/postgres.md)`,
    )
  })

  it('errors when under half of the baseline cases are in the head run', () => {
    const base = run(['1', '2', '3', '4', '5'].map((k) => bench('sql/x', 1, k)))
    const head = run(['1', '2', '6', '7', '8'].map((k) => bench('sql/x', 1, k)))
    expect(pairingProblems([base], head)).toEqual([
      expect.stringMatching(/^only 2 of 5 baseline benches and cases appear in the head run: /),
    ])
    // Three of five is over half: a few cases that changed with the data are fine.
    const most = run(['1', '2', '3', '7', '8'].map((k) => bench('sql/x', 1, k)))
    expect(pairingProblems([base], most)).toEqual([])
  })

  it('errors when no bench of the baseline is in the head run', () => {
    expect(pairingProblems([run([bench('a'), bench('b')])], run([bench('c')]))).toEqual([
      'none of the 2 baseline benches is in the head run (the names differ: "a" vs "c"): the runs measured different benches; compare runs of the same config',
    ])
  })

  it('accepts a head whose config replaced every bench', () => {
    const head = run([bench('c')])
    const replaced = { ...head, meta: { ...head.meta, configDigest: 'another config' } }
    expect(pairingProblems([run([bench('a'), bench('b')])], replaced)).toEqual([])
  })

  it('accepts added benches, a few removed ones, a filtered head, and benches that errored', () => {
    const base = run([
      bench('a'),
      bench('b'),
      bench('c'),
      ...['1', '2'].map((k) => bench('s', 1, k)),
    ])
    // A PR that adds benches (every old one still there).
    expect(pairingProblems([base], run([...base.benches, bench('d'), bench('e')]))).toEqual([])
    // A PR that removes benches, or a run filtered to one of them: the rest are "removed".
    expect(pairingProblems([base], run([bench('a')]))).toEqual([])
    // A bench that errored on one side is reported as an error, not as cases that differ.
    const failed: BenchResult = { ...bench('s'), status: 'error', reason: 'boom', metrics: [] }
    expect(pairingProblems([base], run([bench('a'), bench('b'), bench('c'), failed]))).toEqual([])
  })
})

describe('a comparison whose names do not pair', () => {
  const base = run(randomKeyed(1))
  const head = run(randomKeyed(2, 30))
  const comparison = compareRuns([base], head)

  it('carries the problem, and its headline is an error that fails, never ✅', () => {
    expect(comparison.regressions).toBe(0)
    expect(comparison.problems).toHaveLength(1)
    const line = headline(comparison, { failOnRegression: false })
    expect(line.status).toBe('error')
    expect(line.fail).toBe(true)
    expect(line.text).toMatch(/^❌ Nothing compared: only 0 of 18 baseline cases of sql\/next-task/)
  })

  it('keeps the problem through confirmation, the JSON document and the text report', () => {
    const confirmed = confirmRegressions([base], head, head, comparison)
    expect(confirmed.problems).toEqual(comparison.problems)
    expect(parseComparison(renderJson(comparison), 'c.json').problems).toEqual(comparison.problems)
    const text = renderText(comparison)
    expect(text).toMatch(/^error: only 0 of 18 baseline cases of sql\/next-task/)
    expect(text.trimEnd().split('\n').at(-1)).toBe('nothing compared (see above)')
  })

  it('makes perfgate compare --fail-on-regression exit 1 with the reason', async () => {
    const files: Record<string, string> = {
      'base.json': serializeResults(base),
      'head.json': serializeResults(head),
    }
    let stderr = ''
    const io = {
      readFile: (file: string) => Promise.resolve(files[file]),
      stdout: () => undefined,
      stderr: (text: string) => (stderr += text),
    }
    expect(await compareCommand(['base.json', 'head.json', '--fail-on-regression'], io)).toBe(1)
    expect(stderr).toContain(
      'perfgate compare: nothing compared: only 0 of 18 baseline cases of sql/next-task appear in the head run',
    )
    expect(await compareCommand(['base.json', 'head.json'], io)).toBe(0)
  })
})
