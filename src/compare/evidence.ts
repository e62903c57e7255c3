/**
 * The numbers behind one metric's verdict: centres, change, interval and the raw p-value,
 * all computed from run-level units (round summaries pooled over runs).
 */
import type { Better, Metric } from '../results/types.js'
import {
  robustCentre,
  smallestPermutationP,
  trimmedPermutationTest,
  worstTrimmedMean,
} from './permutation.js'
import { mannWhitneyU } from './mann-whitney.js'
import type { Random } from './random.js'
import { medianOf, roundSummaries } from './units.js'

/** Run-level evidence for one metric, before multiple-testing correction and verdict. */
export interface Evidence {
  better: Better
  base: number
  head: number
  /** head/base - 1 of the robust centres (see robustCentre); null when the base is not positive. */
  change: number | null
  ci: [number, number] | null
  /** Change of the median of each round's best value, the cross-check against noise. */
  bestChange: number | null
  /**
   * Change of the best round's centre (fastest round for times): noise on this kind of machine
   * slows whole processes, rarely all of them, so the best round shows a real shift even when
   * the rounds' spread hides it from the test.
   */
  fastestChange: number | null
  /** Raw two-sided permutation p on round centres; null when the units cannot reach alpha. */
  p: number | null
  baseUnits: number
  headUnits: number
  baseSamples: number
  headSamples: number
  /** True when every run has a single sample, so there is no spread at all. */
  noSpread: boolean
  /**
   * True when `p` comes from a U test on raw samples because there are too few rounds to test
   * (an imported harness run has one): run-to-run variation is then not measured.
   */
  withinRun: boolean
}

/** Settings the evidence depends on. */
export interface EvidenceSettings {
  alpha: number
  confidence: number
  resamples: number
  random: Random
  /** Quantile of each round used as its centre. */
  quantile: number
}

function ratio(head: number, base: number): number | null {
  return base > 0 && head >= 0 ? head / base - 1 : null
}

/** Seeded bootstrap percentile interval of the centre ratio, resampling units on each side. */
function bootstrapInterval(
  base: number[],
  head: number[],
  better: Better,
  settings: EvidenceSettings,
): [number, number] | null {
  if (base.length < 2 && head.length < 2) return null
  const changes: number[] = []
  if ([...base, ...head].every((v) => v > 0)) {
    // Fast path for the usual positive units: resample oriented logs in place, no allocation.
    const sign = better === 'smaller' ? 1 : -1
    const baseLogs = base.map((v) => sign * Math.log(v))
    const headLogs = head.map((v) => sign * Math.log(v))
    const baseScratch = new Float64Array(base.length)
    const headScratch = new Float64Array(head.length)
    const centre = (logs: number[], scratch: Float64Array): number => {
      if (logs.length === 1) return logs[0]
      for (let i = 0; i < logs.length; i++) {
        scratch[i] = logs[Math.floor(settings.random() * logs.length)]
      }
      return worstTrimmedMean(scratch)
    }
    for (let r = 0; r < settings.resamples; r++) {
      const difference = centre(headLogs, headScratch) - centre(baseLogs, baseScratch)
      changes.push(Math.expm1(sign * difference))
    }
  } else {
    const pickCentre = (units: number[], scratch: number[]): number => {
      if (units.length === 1) return units[0]
      for (let i = 0; i < units.length; i++) {
        scratch[i] = units[Math.floor(settings.random() * units.length)]
      }
      return robustCentre(scratch, better)
    }
    const baseScratch = new Array<number>(base.length)
    const headScratch = new Array<number>(head.length)
    for (let r = 0; r < settings.resamples; r++) {
      const change = ratio(pickCentre(head, headScratch), pickCentre(base, baseScratch))
      if (change !== null) changes.push(change)
    }
  }
  if (changes.length === 0) return null
  changes.sort((a, b) => a - b)
  const tail = (1 - settings.confidence) / 2
  const at = (q: number) => changes[Math.min(changes.length - 1, Math.floor(q * changes.length))]
  return [at(tail), at(1 - tail)]
}

/** Evidence from the metric of each baseline run and each head run (head scaled by `headScale`). */
export function gatherEvidence(
  baseMetrics: readonly Metric[],
  headMetrics: readonly Metric[],
  headScale: number,
  settings: EvidenceSettings,
): Evidence {
  const baseRounds = baseMetrics.map((m) => roundSummaries(m, 1, settings.quantile))
  const headRounds = headMetrics.map((m) => roundSummaries(m, headScale, settings.quantile))
  const baseCentres = baseRounds.flatMap((r) => r.centres)
  const headCentres = headRounds.flatMap((r) => r.centres)
  const better = headMetrics[0].better
  const base = robustCentre(baseCentres, better)
  const head = robustCentre(headCentres, better)
  const canTest = smallestPermutationP(baseCentres.length, headCentres.length) <= settings.alpha
  // Too few rounds to test against run-to-run variation: the raw samples' own spread is the
  // only evidence left, and the verdict says so.
  const baseRaw = canTest ? [] : baseMetrics.flatMap((m) => m.samples)
  const headRaw = canTest ? [] : headMetrics.flatMap((m) => m.samples.map((v) => v * headScale))
  const within = baseRaw.length > 1 && headRaw.length > 1 ? mannWhitneyU(baseRaw, headRaw).p : null
  return {
    better,
    base,
    head,
    change: ratio(head, base),
    // One round a side measures no run-to-run spread: an interval would claim a certainty nobody measured.
    ci:
      baseCentres.length < 2 || headCentres.length < 2
        ? null
        : bootstrapInterval(baseCentres, headCentres, better, settings),
    bestChange: ratio(
      medianOf(headRounds.flatMap((r) => r.bests)),
      medianOf(baseRounds.flatMap((r) => r.bests)),
    ),
    fastestChange: ratio(bestOf(headCentres, better), bestOf(baseCentres, better)),
    p: canTest ? trimmedPermutationTest(baseCentres, headCentres, better, settings.random) : within,
    baseUnits: baseCentres.length,
    headUnits: headCentres.length,
    baseSamples: baseRounds.reduce((sum, r) => sum + r.samples, 0),
    headSamples: headRounds.reduce((sum, r) => sum + r.samples, 0),
    noSpread: [...baseMetrics, ...headMetrics].every((m) => m.samples.length === 1),
    withinRun: within !== null,
  }
}

function bestOf(values: readonly number[], better: Better): number {
  return better === 'smaller' ? Math.min(...values) : Math.max(...values)
}

/** Fewest rounds per run with which `baseRuns` and `headRuns` runs could reach `alpha`. */
export function roundsNeeded(baseRuns: number, headRuns: number, alpha: number): number {
  for (let rounds = 1; rounds <= 50; rounds++) {
    if (smallestPermutationP(baseRuns * rounds, headRuns * rounds) <= alpha) return rounds
  }
  return 50
}
