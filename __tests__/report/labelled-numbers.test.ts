// One number per bench, labelled: `run` and `compare` show the same centre, memory that did not
// move folds into one line, and an unchanged bench never reads "0.0% slower".
import { describe, expect, it } from '@jest/globals'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'
import { compareRuns } from '../../src/compare/index.js'
import { renderText } from '../../src/report/text.js'
import { runSummaryText } from '../../src/report/run-summary.js'
import { makeMetric } from '../../src/results/summary.js'
import { formatValue } from '../../src/format.js'

// Rounds whose samples spread widely: median and p10 differ, so the test sees which one is shown.
const spread = roundsOf([1, 1.02, 0.98, 1.01, 0.99], 20, 0.3)

function run(heapGrowth: number[]) {
  return makeResults({
    benches: [
      {
        name: 'lib/benchMedian',
        metrics: [
          makeMetric({ name: 'time', unit: 'ms', ...spread }),
          makeMetric({
            name: 'heap-growth',
            unit: 'bytes',
            samples: heapGrowth,
            rounds: [1, 1, 1, 1, 1],
          }),
        ],
      },
    ],
  })
}

describe('labelled numbers', () => {
  it('shows the centre compare judges by in the run table, labelled, with a p95', () => {
    const head = run([0, 0, 0, 0, 0])
    const comparison = compareRuns([run([0, 0, 0, 0, 0])], head)
    const centre = formatValue(comparison.comparisons[0].head, 'ms')
    const median = formatValue(head.benches[0].metrics[0].summary.median, 'ms')
    expect(centre).not.toBe(median) // else the test could not tell them apart
    const [header, row] = runSummaryText(head).split('\n')
    expect(header).toContain('centre (p10 of rounds)')
    expect(header).toContain('p95')
    expect(row).toContain(centre)
    expect(row).not.toContain(median)
    const text = renderText(comparison)
    expect(text).toContain(`${centre}  `)
    expect(text).toContain('baseline, head: centre (p10 of rounds)')
  })

  it('folds memory that did not move into one line and says "no change", not "0.0% slower"', () => {
    const comparison = compareRuns([run([0, 0, 0, 0, 0])], run([0, 0, 0, 0, 0]))
    const text = renderText(comparison)
    expect(text).not.toContain('heap-growth')
    expect(text).toContain('1 memory metric unchanged')
    expect(comparison.comparisons[0].reason).toMatch(/^no change, within/)
    expect(JSON.stringify(comparison)).not.toContain('0.0%')
  })

  it('shows a memory row that moved', () => {
    const mib = 1024 * 1024
    const grown = [50, 51, 52, 50, 51].map((v) => v * mib)
    const comparison = compareRuns([run([0, 0, 0, 0, 0])], run(grown))
    const text = renderText(comparison)
    expect(text).toContain('lib/benchMedian (heap-growth)')
    expect(text).not.toContain('memory metric')
  })
})
