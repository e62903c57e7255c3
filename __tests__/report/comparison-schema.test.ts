import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { compareRuns } from '../../src/compare/index.js'
import { metricComparisonSchema, parseComparison } from '../../src/compare/types.js'
import { renderJson } from '../../src/report/index.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

const base = makeResults({ benches: [{ name: 'a', ...roundsOf([10, 10.1, 9.9, 10, 10.05], 4) }] })
const head = makeResults({ benches: [{ name: 'a', ...roundsOf([13, 13.1, 12.9, 13, 13.05], 4) }] })

describe('comparison.json schema', () => {
  it('reads back exactly what renderJson writes', () => {
    const comparison = compareRuns([base], head)
    expect(parseComparison(renderJson(comparison), 'comparison.json')).toEqual(comparison)
  })

  it('names the file and the field of a bad comparison', () => {
    const bad = JSON.parse(renderJson(compareRuns([base], head))) as {
      comparisons: { verdict: string }[]
    }
    bad.comparisons[0].verdict = 'worse'
    expect(() => parseComparison(JSON.stringify(bad), 'pr/comparison.json')).toThrow(
      /^pr\/comparison\.json is not a perfgate comparison: comparisons\.0\.verdict /,
    )
    expect(() => parseComparison('{', 'x.json')).toThrow(/^x\.json is not valid JSON/)
  })

  it('is documented field by field in docs/results-format.md', () => {
    const doc = readFileSync('docs/results-format.md', 'utf8')
    const section = doc.slice(doc.indexOf('## The comparison'))
    const documented = new Set(
      [...section.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
        [...m[1].matchAll(/`(\w+)(?:\[\])?`/g)].map((f) => f[1]),
      ),
    )
    for (const field of Object.keys(metricComparisonSchema.shape)) {
      expect(documented).toContain(field)
    }
  })
})
