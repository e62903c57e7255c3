/**
 * Change points at short length: how often the history detector finds a step, and how often it
 * reports one in pure noise, by series length. Seeded and deterministic; prints markdown tables
 * (docs/history.md, "Detection by length", shows them). Usage: `npm run bench:history`
 * (HISTORY_TRIALS sets the series per cell, default 500 for detection and 10× that for noise).
 */
import { changePoints } from '../src/history/change-points.js'
import { seededRandom, type Random } from '../src/compare/random.js'
import type { HistorySeries } from '../src/history/schema.js'

const TRIALS = Number(process.env.HISTORY_TRIALS ?? 500)
const NOISE_TRIALS = TRIALS * 10
const LENGTHS = [6, 8, 10, 15, 20, 30]
const STEPS = [0.05, 0.1, 0.2, 0.5]
const NOISES = [0.001, 0.01, 0.03, 0.05]
/** The step starts this many runs ago (or 3 when the series is too short for that)... */
const RUNS_AGO = 4
/** ...and, in a second set of tables, just 3 runs ago (the soonest a shift can count). */
const JUST_NOW = 3
const JUST_NOW_NOISES = [0.01, 0.03]
/** Heavy tails: each run is 1.5× slow with this probability (a noisy neighbour, a cold cache). */
const OUTLIER_RATE = 0.05

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** Log-normal run centres around 100 (sd `noise` in log units), optionally with outliers. */
function noisy(n: number, noise: number, random: Random, outliers = 0): number[] {
  return Array.from(
    { length: n },
    () => 100 * Math.exp(noise * gaussian(random)) * (random() < outliers ? 1.5 : 1),
  )
}

function seriesOf(centres: number[]): HistorySeries {
  return {
    bench: 'bench',
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    entries: centres.map((centre, i) => ({
      commit: null,
      date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      runId: String(i),
      centre,
      low: centre,
      high: centre,
      rounds: 5,
      cpuModel: 'sim',
      perfgateVersion: '0.1.0',
    })),
  }
}

function percent(hits: number, trials: number): string {
  const p = (100 * hits) / trials
  if (p === 0 || p >= 10) return `${Math.round(p)}%`
  return `${p.toFixed(p < 1 ? 2 : 1)}%`
}

/** Share of series with a step `runsAgo` runs ago where a slower change point lies within one run of it. */
function detectionRate(
  n: number,
  runsAgo: number,
  step: number,
  noise: number,
  seed: number,
): string {
  const random = seededRandom(seed)
  const at = n - Math.min(runsAgo, n - 3)
  let hits = 0
  for (let t = 0; t < TRIALS; t++) {
    const centres = noisy(n, noise, random).map((c, i) => (i >= at ? c * (1 + step) : c))
    const points = changePoints(seriesOf(centres))
    if (points.some((p) => p.worse && Math.abs(p.index - at) <= 1)) hits++
  }
  return percent(hits, TRIALS)
}

/** Share of pure-noise series with any change point. */
function falsePositiveRate(n: number, noise: number, outliers: number, seed: number): string {
  const random = seededRandom(seed)
  let flagged = 0
  for (let t = 0; t < NOISE_TRIALS; t++) {
    if (changePoints(seriesOf(noisy(n, noise, random, outliers))).length > 0) flagged++
  }
  return percent(flagged, NOISE_TRIALS)
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
}

/** One detection table per noise level for a step `runsAgo` runs ago. */
function detectionTables(runsAgo: number, noises: number[]): void {
  for (const noise of noises) {
    console.log(
      `\nDetection: step ${runsAgo} runs ago (3 at length 6), ${noise * 100}% log-normal noise, ${TRIALS} series per cell\n`,
    )
    const rows = LENGTHS.map((n, i) => [
      String(n),
      ...STEPS.map((step, j) =>
        detectionRate(
          n,
          runsAgo,
          step,
          noise,
          100_000 * (i + 1) + 1000 * j + noise * 1e4 + runsAgo,
        ),
      ),
    ])
    console.log(table(['runs', ...STEPS.map((s) => `+${s * 100}%`)], rows))
  }
}

const started = Date.now()
detectionTables(RUNS_AGO, NOISES)
detectionTables(JUST_NOW, JUST_NOW_NOISES)

const noiseLengths = [6, 8, 10, 12, 15, 20, 30]
const kinds = NOISES.flatMap((noise) => [
  { label: `${noise * 100}%`, noise, outliers: 0 },
  { label: `${noise * 100}% + 1.5× at ${OUTLIER_RATE * 100}%`, noise, outliers: OUTLIER_RATE },
])
console.log(
  `\nFalse positives: share of pure-noise series with any change point, ${NOISE_TRIALS} series per cell\n`,
)
console.log(
  table(
    ['runs', ...kinds.map((k) => k.label)],
    noiseLengths.map((n) => [
      String(n),
      ...kinds.map((k, j) => falsePositiveRate(n, k.noise, k.outliers, 7_000_000 + 1000 * n + j)),
    ]),
  ),
)
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`)
