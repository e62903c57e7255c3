import { describe, expect, it } from '@jest/globals'
import {
  appendHistory,
  findSeries,
  historyFromWindow,
  previousHistory,
  readHistory,
  runValue,
  trimHistory,
} from '../../src/history/history.js'
import { historySchema, serializeHistory } from '../../src/history/schema.js'
import { makeMetric } from '../../src/results/summary.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

function run(i: number, level: number, extra: { name: string; level: number }[] = []) {
  return makeResults({
    meta: {
      commit: `c${i}`.padEnd(40, '0'),
      runId: String(500 + i),
      timestamp: new Date(Date.UTC(2026, 1, 1) + i * 86_400_000).toISOString(),
    },
    benches: [
      {
        name: 'json/parse',
        ...roundsOf([level, level * 1.01, level * 0.99, level * 1.3, level], 4),
      },
      ...extra.map((b) => ({ name: b.name, ...roundsOf([b.level, b.level], 3) })),
      { name: 'broken', status: 'error' as const, reason: 'exit 1' },
    ],
  })
}

describe('history.json', () => {
  it('appends one entry per run and metric with the run centre, interval and metadata', () => {
    const first = appendHistory(undefined, run(0, 2))
    const second = appendHistory(first, run(1, 2.2, [{ name: 'new', level: 5 }]))
    expect(historySchema.parse(JSON.parse(serializeHistory(second)))).toEqual(second)
    const parse = findSeries(second, 'json/parse')!
    expect(parse.entries.map((e) => e.runId)).toEqual(['500', '501'])
    const [e0] = parse.entries
    expect(e0).toMatchObject({
      commit: 'c0'.padEnd(40, '0'),
      rounds: 5,
      cpuModel: 'Test CPU @ 2.0GHz',
    })
    expect(e0.low).toBeLessThanOrEqual(e0.centre)
    expect(e0.high).toBeGreaterThanOrEqual(e0.centre)
    // The disturbed 1.3× round is trimmed away, as in a comparison.
    expect(e0.centre).toBeGreaterThan(1.9)
    expect(e0.centre).toBeLessThan(2.05)
    expect(findSeries(second, 'new')!.entries).toHaveLength(1)
    expect(findSeries(second, 'broken')).toBeUndefined()
  })

  it('replaces a re-run of the same run, keeps paused benches, trims to history-size', () => {
    let history = appendHistory(undefined, run(0, 2, [{ name: 'paused', level: 1 }]))
    for (let i = 1; i < 8; i++) history = appendHistory(history, run(i, 2 + i / 10), { size: 5 })
    history = appendHistory(history, run(7, 3), { size: 5 })
    const parse = findSeries(history, 'json/parse')!
    expect(parse.entries.map((e) => e.runId)).toEqual(['503', '504', '505', '506', '507'])
    expect(parse.entries.at(-1)!.centre).toBeGreaterThan(2.9)
    expect(findSeries(history, 'paused')!.entries).toHaveLength(1)
    expect(trimHistory(history, 2).series.every((s) => s.entries.length <= 2)).toBe(true)
  })

  it('one-round metrics get a zero-width interval', () => {
    const metric = makeMetric({ name: 'time', unit: 'ms', samples: [3, 4, 5] })
    expect(runValue(metric)).toMatchObject({ rounds: 1, low: runValue(metric).centre })
  })

  it('reads a valid file as it is, and never throws on a bad one', () => {
    const history = appendHistory(undefined, run(0, 2))
    expect(readHistory(serializeHistory(history))).toEqual({ history })
    expect(readHistory('{oops').notice).toMatch(/^history.json is not valid JSON/)
    expect(readHistory('{"perfgateHistory":7}').notice).toMatch(/not a version 1 perfgate history/)
    expect(readHistory(undefined).history.series).toEqual([])
  })

  it('keeps the readable part of a corrupt file and says what was dropped', () => {
    const history = appendHistory(appendHistory(undefined, run(0, 2)), run(1, 2))
    const raw = JSON.parse(serializeHistory(history)) as { series: Record<string, unknown>[] }
    ;(raw.series[0].entries as Record<string, unknown>[])[0].centre = 'fast'
    raw.series.push({ bench: 42 })
    const read = readHistory(JSON.stringify(raw))
    expect(read.notice).toBe(
      'history.json was partly corrupt: dropped 1 unreadable series and 1 unreadable entries; kept 1 series',
    )
    expect(findSeries(read.history, 'json/parse')!.entries.map((e) => e.runId)).toEqual(['501'])
  })

  it('rebuilds from the baseline window, merging runs a damaged file lost', () => {
    const window = [run(2, 2.2), run(0, 2), run(1, 2.1)]
    const rebuilt = historyFromWindow(window)
    expect(findSeries(rebuilt, 'json/parse')!.entries.map((e) => e.runId)).toEqual([
      '500',
      '501',
      '502',
    ])
    const lost = previousHistory('not json', window)
    expect(lost.notice).toMatch(/rebuilt 3 entries from the 3 baseline runs in the artifact$/)
    expect(lost.history).toEqual(rebuilt)
    const fine = previousHistory(serializeHistory(rebuilt), window)
    expect(fine.notice).toBeUndefined()
  })
})
