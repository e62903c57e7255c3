import { describe, expect, it } from '@jest/globals'
import {
  describeThreshold,
  resolveNoiseThreshold,
  runToRunSpread,
} from '../../src/history/threshold.js'
import { noisyCentres, recordedCentres, seriesOf } from './series.js'

describe('noise-threshold: auto', () => {
  it('learns about 2 × √2 × the per-run noise from a long history', () => {
    // Per-run sd 2% → consecutive ratios have sd 2.83% → threshold ≈ 5.7%.
    const resolved = resolveNoiseThreshold('auto', seriesOf(noisyCentres(60, 0.02, 9)), 0.05)
    expect(resolved.source).toBe('auto')
    expect(resolved.runs).toBe(60)
    expect(resolved.threshold).toBeGreaterThan(0.045)
    expect(resolved.threshold).toBeLessThan(0.07)
    expect(describeThreshold(resolved)).toMatch(/^\d\.\d% \(auto, from 60 runs\)$/)
  })

  it('is not thrown by one step: MAD ignores the jump', () => {
    const quiet = resolveNoiseThreshold('auto', seriesOf(noisyCentres(40, 0.01, 2)), 0.05)
    const stepped = resolveNoiseThreshold(
      'auto',
      seriesOf(noisyCentres(40, 0.01, 2, 0.3, 20)),
      0.05,
    )
    expect(Math.abs(stepped.threshold - quiet.threshold)).toBeLessThan(0.005)
  })

  it('has a floor, uses the default while history is short, and passes config through', () => {
    expect(resolveNoiseThreshold('auto', seriesOf(Array<number>(30).fill(100)), 0.05)).toEqual({
      threshold: 0.01,
      source: 'auto',
      runs: 30,
    })
    const short = resolveNoiseThreshold('auto', seriesOf(noisyCentres(4, 0.02, 1)), 0.05)
    expect(short).toEqual({ threshold: 0.05, source: 'default', runs: 4 })
    expect(describeThreshold(short)).toBe('5% (default: auto needs 10 runs of history, has 4)')
    expect(resolveNoiseThreshold('auto', undefined, 0.15).source).toBe('default')
    expect(resolveNoiseThreshold(0.08, seriesOf(noisyCentres(60, 0.02, 9)), 0.05)).toEqual({
      threshold: 0.08,
      source: 'config',
      runs: 0,
    })
  })

  it('on runs from recorded processes gives thresholds between the floor and the cap', () => {
    for (const [workload, centres] of recordedCentres(3)) {
      const spread = runToRunSpread(seriesOf(centres, workload))
      expect(spread).not.toBeNull()
      const resolved = resolveNoiseThreshold('auto', seriesOf(centres, workload), 0.05)
      expect(resolved.source).toBe('auto')
      expect(resolved.threshold).toBeGreaterThanOrEqual(0.01)
      expect(resolved.threshold).toBeLessThan(0.2)
    }
  })
})
