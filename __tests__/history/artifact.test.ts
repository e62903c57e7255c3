import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nextHistory, writeHistoryFile } from '../../src/history/artifact.js'
import { findSeries } from '../../src/history/history.js'
import { historySchema } from '../../src/history/schema.js'
import { applyAutoThresholds } from '../../src/history/thresholds.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'
import { noisyCentres, seriesOf } from './series.js'

const run = (i: number, level = 2) =>
  makeResults({
    meta: {
      commit: `c${i}`.padEnd(40, '0'),
      runId: String(i),
      timestamp: `2026-03-0${i + 1}T00:00:00.000Z`,
    },
    benches: [{ name: 'json/parse', ...roundsOf([level, level, level], 3) }],
  })

describe('history.json in the artifact folder', () => {
  it('carries the history forward across baseline runs on disk', async () => {
    const first = await nextHistory({ previousDir: undefined, window: [], results: run(0) })
    expect(first.notice).toBeUndefined()
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-artifact-'))
    await writeHistoryFile(dir, first.history)
    const second = await nextHistory({ previousDir: dir, window: [run(0)], results: run(1) })
    expect(second.notice).toBeUndefined()
    await writeHistoryFile(dir, second.history)
    const onDisk = historySchema.parse(
      JSON.parse(readFileSync(path.join(dir, 'history.json'), 'utf8')),
    )
    expect(findSeries(onDisk, 'json/parse')!.entries.map((e) => e.runId)).toEqual(['0', '1'])
  })

  it('rebuilds from the window when the file is missing or corrupt, with a notice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-artifact-'))
    const missing = await nextHistory({
      previousDir: dir,
      window: [run(1), run(0)],
      results: run(2),
    })
    expect(missing.notice).toMatch(/none found.*rebuilt 2 entries from the 2 baseline runs/)
    writeFileSync(path.join(dir, 'history.json'), '{"perfgateHistory": 1, "series": [tru')
    const corrupt = await nextHistory({ previousDir: dir, window: [run(0)], results: run(1) })
    expect(corrupt.notice).toMatch(/not valid JSON.*rebuilt 1 entries/)
    expect(findSeries(corrupt.history, 'json/parse')!.entries).toHaveLength(2)
  })
})

describe('applyAutoThresholds', () => {
  it('learns the threshold of auto benches and leaves the others as configured', () => {
    const results = makeResults({
      benches: [
        { name: 'json/parse', ...roundsOf([2, 2], 3) },
        { name: 'fixed', ...roundsOf([2, 2], 3), noiseThreshold: 0.08 },
      ],
    })
    const history = {
      perfgateHistory: 1 as const,
      series: [seriesOf(noisyCentres(60, 0.01, 5)), seriesOf(noisyCentres(60, 0.01, 6), 'fixed')],
    }
    const applied = applyAutoThresholds(results, history, (name) => name === 'json/parse')
    const auto = applied.thresholds.get('json/parse')!
    expect(auto.source).toBe('auto')
    expect(auto.threshold).toBeLessThan(0.05)
    expect(applied.results.benches[0].noiseThreshold).toBe(auto.threshold)
    expect(applied.thresholds.get('fixed')).toEqual({ threshold: 0.08, source: 'config', runs: 0 })
    expect(applied.results.benches[1].noiseThreshold).toBe(0.08)
  })
})
