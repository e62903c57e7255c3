// A pooled connection's acquisition wait (`acquire@N`) is zero for many operations at every
// pool level, so the p10 of a round sits at zero whatever the typical wait: judged by it, a
// doubled wait read "unchanged". The metric declares its own round quantile (the median).
import { describe, expect, it } from '@jest/globals'
import { compareRuns, seededRandom } from '../../src/compare/index.js'
import { metricCentre } from '../../src/compare/centre.js'
import { makeMetric } from '../../src/results/summary.js'
import type { Metric } from '../../src/results/types.js'
import { makeResults } from '../../__fixtures__/results.js'

/** Waits of 5 rounds: 30% of operations get a connection at once, the rest wait ~exp(mean). */
function waits(mean: number, random: () => number, roundQuantile?: number): Metric {
  const samples: number[] = []
  for (let i = 0; i < 5 * 200; i++)
    samples.push(random() < 0.3 ? 0.001 * random() : -Math.log(1 - random()) * mean)
  const metric = makeMetric({
    name: 'acquire@16',
    unit: 'ms',
    samples,
    rounds: [200, 200, 200, 200, 200],
  })
  return { ...metric, resolution: 0.5, ...(roundQuantile === undefined ? {} : { roundQuantile }) }
}

function verdicts(baseMean: number, headMean: number, roundQuantile?: number): string[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
    const random = seededRandom(seed)
    const bench = (mean: number) => ({
      name: 'claim',
      metrics: [waits(mean, random, roundQuantile)],
    })
    const base = makeResults({ benches: [bench(baseMean)] })
    const head = makeResults({ benches: [bench(headMean)] })
    return compareRuns([base], head).comparisons[0].verdict
  })
}

describe('a wait metric judged by its own round quantile', () => {
  it('flags waits that doubled, which the default p10 centre could not see', () => {
    expect(new Set(verdicts(5, 10))).toEqual(new Set(['unchanged']))
    expect(new Set(verdicts(5, 10, 0.5))).toEqual(new Set(['regression']))
  })

  it('does not flag waits that did not change', () => {
    expect(verdicts(5, 5, 0.5)).not.toContain('regression')
    expect(verdicts(5, 5, 0.5)).not.toContain('improvement')
  })

  it('shows the centre it judges by', () => {
    const metric = waits(5, seededRandom(9), 0.5)
    // The median of 30% near-zero and 70% exp(5): about 5·ln(0.7/0.5) ≈ 1.7 ms, far from zero.
    expect(metricCentre(metric)).toBeGreaterThan(1)
    expect(metricCentre({ ...metric, roundQuantile: undefined })).toBeLessThan(0.01)
  })
})
