/**
 * The noise report, pure: how much each bench's primary metric moves between rounds of one run,
 * how far the base side moves against itself in A/B mode (A/A), and how many rounds a bench
 * would need to see its regression threshold through that noise.
 */
import type { Metric, Results } from '../results/types.js'
import { formatPercentage } from '../format.js'
import { coldFirstRound } from './warm-up.js'

/** One bench's measured noise. */
export interface BenchNoise {
  name: string
  metric: string
  /** Rounds the head measured. */
  rounds: number
  /** Samples the head measured, over all rounds. */
  samples: number
  /** Coefficient of variation of the per-round medians (null with fewer than 2 rounds). */
  roundSpread: number | null
  /** A/B only: the base's even rounds against its odd rounds, as a fraction (null without). */
  baseVsBase: number | null
  /** The bench's regression threshold (fraction). */
  threshold: number
  /** Rounds per side needed to tell `threshold` from the round spread (≈95% confidence, 80% power). */
  roundsNeeded: number | null
  /** Set when the bench has fewer rounds than it needs. */
  hint?: string
  /**
   * Set when a side's first round was a cold start (see warm-up.ts), left out of the spread and
   * of base vs base: it is warm-up, and would otherwise claim hundreds of rounds were needed.
   */
  warmUp?: boolean
}

/** z(97.5%) + z(80%): a two-sided 5% test that catches a change of the threshold 4 times in 5. */
const Z = 1.96 + 0.84

/** The noise of every ok bench of `head`; with `base` (A/B mode) also the base-vs-base change. */
export function noiseReport(head: Results, base?: Results): BenchNoise[] {
  return head.benches
    .filter((bench) => bench.status === 'ok' && bench.metrics.length > 0)
    .map((bench) => {
      const metric = bench.metrics[0]
      const measured = roundMedians(metric)
      const head = warmRounds(measured, metric)
      const roundSpread = head.medians.length >= 2 ? cv(head.medians) : null
      const baseMetric = base?.benches
        .find((b) => b.name === bench.name && b.status === 'ok')
        ?.metrics.find((m) => m.name === metric.name)
      const baseRounds =
        baseMetric === undefined ? undefined : warmRounds(roundMedians(baseMetric), baseMetric)
      const threshold = metric.regressionThreshold ?? bench.regressionThreshold
      const roundsNeeded = roundSpread === null ? null : roundsFor(roundSpread, threshold)
      const warmUp = head.warmUp || (baseRounds?.warmUp ?? false)
      const noise: BenchNoise = {
        name: bench.name,
        metric: metric.name,
        rounds: measured.length,
        samples: metric.samples.length,
        roundSpread,
        baseVsBase: baseRounds === undefined ? null : halvesChange(baseRounds.medians),
        threshold,
        roundsNeeded,
        ...(warmUp ? { warmUp } : {}),
      }
      // The rounds that tell the spread: a warm-up round does not count towards what is needed.
      const counted = head.medians.length
      if (roundsNeeded !== null && roundsNeeded > counted) {
        const rounds = head.warmUp
          ? `${counted} warm rounds (the first of ${measured.length} was warm-up)`
          : `${counted} rounds`
        noise.hint = `too noisy for its ${percent(threshold)} threshold with ${rounds} (${metric.samples.length} samples): needs ≥ ${roundsNeeded} rounds to see ${percent(threshold)} (round-to-round spread ${percent(roundSpread ?? 0)})`
      }
      return noise
    })
}

/** Rounds per side for a two-sample test of the log medians to see `threshold` through `spread`. */
export function roundsFor(spread: number, threshold: number): number {
  const effect = Math.log1p(threshold)
  return Math.max(2, Math.ceil(2 * ((Z * spread) / effect) ** 2))
}

/** The per-round medians that measure noise: all but a cold first round. */
function warmRounds(medians: number[], metric: Metric): { medians: number[]; warmUp: boolean } {
  return coldFirstRound(medians, metric.better)
    ? { medians: medians.slice(1), warmUp: true }
    : { medians, warmUp: false }
}

function roundMedians(metric: Metric): number[] {
  const counts = metric.rounds ?? [metric.samples.length]
  const medians: number[] = []
  let start = 0
  for (const count of counts) {
    if (count > 0) medians.push(median(metric.samples.slice(start, start + count)))
    start += count
  }
  return medians
}

function halvesChange(medians: number[]): number | null {
  if (medians.length < 2) return null
  const even = medians.filter((_, i) => i % 2 === 0)
  const odd = medians.filter((_, i) => i % 2 === 1)
  const a = median(even)
  return a === 0 ? null : median(odd) / a - 1
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function cv(values: number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  if (mean === 0) return 0
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1)
  return Math.sqrt(variance) / Math.abs(mean)
}

/** One decimal under 10% ("2.5%"), none above ("25%"). */
function percent(fraction: number): string {
  return formatPercentage(fraction, fraction < 0.1 ? 1 : 0)
}
