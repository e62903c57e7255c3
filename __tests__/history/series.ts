/** Synthetic and recorded history series for the history tests. */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { seededRandom, type Random } from '../../src/compare/random.js'
import { makeMetric } from '../../src/results/summary.js'
import { runValue } from '../../src/history/history.js'
import type { HistoryEntry, HistorySeries } from '../../src/history/schema.js'

/** A standard normal draw (Box–Muller). */
export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** An entry for run `i` with the given centre. */
export function entry(i: number, centre: number): HistoryEntry {
  return {
    commit: `${i.toString(16).padStart(7, '0')}${'f'.repeat(33)}`,
    date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    runId: String(1000 + i),
    centre,
    low: centre * 0.99,
    high: centre * 1.01,
    rounds: 5,
    cpuModel: 'Test CPU',
    perfgateVersion: '0.1.0',
  }
}

/** A series from centres. */
export function seriesOf(centres: number[], bench = 'json/parse'): HistorySeries {
  return {
    bench,
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    entries: centres.map((c, i) => entry(i, c)),
  }
}

/** `n` centres of lognormal noise (sd `noise`) around 100, times `1 + step` from `at` on. */
export function noisyCentres(n: number, noise: number, seed: number, step = 0, at = n): number[] {
  const random = seededRandom(seed)
  return Array.from(
    { length: n },
    (_, i) => 100 * (i >= at ? 1 + step : 1) * Math.exp(noise * gaussian(random)),
  )
}

interface RecordedRound {
  condition: 'quiet' | 'noisy'
  samples: number[]
}

/**
 * Centres of runs built from the recorded processes in __fixtures__/recorded (time order kept):
 * each run is `perRun` consecutive processes of one workload, summarised the way history.json
 * stores a run. Returns one list of centres per workload.
 */
export function recordedCentres(perRun = 3): Map<string, number[]> {
  const dir = fileURLToPath(new URL('../../__fixtures__/recorded/', import.meta.url))
  const out = new Map<string, number[]>()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()) {
    const body = JSON.parse(gunzipSync(readFileSync(dir + file)).toString('utf8')) as {
      workload: string
      rounds: RecordedRound[]
    }
    const centres: number[] = []
    for (let start = 0; start + perRun <= body.rounds.length; start += perRun) {
      const rounds = body.rounds.slice(start, start + perRun)
      const metric = makeMetric({
        name: 'time',
        unit: 'ms',
        samples: rounds.flatMap((r) => r.samples),
        rounds: rounds.map((r) => r.samples.length),
      })
      centres.push(runValue(metric).centre)
    }
    out.set(body.workload, centres)
  }
  return out
}
