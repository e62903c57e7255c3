/**
 * The paired comparison of A/B mode. Both sides were measured in one job, round r of the base
 * back to back with round r of the head (ABBA…), so each round pair shares the machine's state:
 * its drift, a neighbour that came and went. The test swaps base and head only within a pair
 * (pair-swap.ts), so that shared part stays out of the null distribution, where the unpaired
 * test on pooled rounds counts it as noise. The unpaired rule (compareRuns) stays the rule of
 * artifact baselines; only A/B comparisons come here.
 */
import { formatMagnitude, formatP, formatPercentage, formatValue } from '../format.js'
import type { BenchResult, Better, Metric, Results } from '../results/types.js'
import { compareRuns, type CompareOptions } from './compare-runs.js'
import { benjaminiHochberg } from './multiple-testing.js'
import { seededRandom } from './random.js'
import {
  pairedChange,
  pairedInterval,
  pairSwapTest,
  smallestSwapP,
  type RoundPairs,
} from './pair-swap.js'
import type { Comparison, MetricComparison, Verdict } from './types.js'
import { roundSummaries } from './units.js'

/** One metric's paired evidence: the change and interval as relative changes, and the raw p. */
export interface PairedEvidence {
  /** head/base − 1 of the sides' robust centres (the unpaired rule's change). */
  change: number
  ci: [number, number] | null
  /** Raw two-sided within-pair swap p-value, before multiple-testing correction. */
  p: number
  pairs: number
}

/**
 * The round centres of one metric in pairs, baselines[k] with heads[k] (the k-th interleaved
 * measurement) round by round; null when the rounds do not pair (a side missing, different
 * round counts, a centre not positive).
 */
export function pairRounds(
  baseMetrics: readonly (Metric | undefined)[],
  headMetrics: readonly (Metric | undefined)[],
  quantile: number,
): RoundPairs | null {
  if (baseMetrics.length !== headMetrics.length || baseMetrics.length === 0) return null
  const pairs: RoundPairs = { base: [], head: [] }
  for (const [k, base] of baseMetrics.entries()) {
    const head = headMetrics[k]
    if (base === undefined || head === undefined) return null
    const b = roundSummaries(base, 1, quantile).centres
    const h = roundSummaries(head, 1, quantile).centres
    if (b.length !== h.length || b.length < 2) return null
    if (![...b, ...h].every((v) => v > 0)) return null
    pairs.base.push(...b)
    pairs.head.push(...h)
  }
  return pairs
}

/** Paired evidence of `pairs`; null when there are too few pairs to reach `alpha`. */
export function pairedEvidence(
  pairs: RoundPairs,
  better: Better,
  settings: { alpha: number; resamples: number; confidence: number; random: () => number },
): PairedEvidence | null {
  const n = pairs.base.length
  if (smallestSwapP(n) > settings.alpha) return null
  return {
    change: pairedChange(pairs, better),
    ci: pairedInterval(pairs, better, settings.resamples, settings.confidence, settings.random),
    p: pairSwapTest(pairs, better, settings.random),
    pairs: n,
  }
}

/** What the paired rule needs besides the evidence. */
export interface PairedRuleInput {
  evidence: PairedEvidence
  /** p after Benjamini–Hochberg correction. */
  p: number
  alpha: number
  better: Better
  noiseThreshold: number
  regressionThreshold: number
  isTime: boolean
  /** Centres of both sides, for the resolution check. */
  base: number | null
  head: number | null
  resolution?: number
  unit: string
}

function describe(change: number, isTime: boolean): string {
  const direction = isTime ? (change > 0 ? 'slower' : 'faster') : change > 0 ? 'more' : 'less'
  return `${formatMagnitude(change)} ${direction}`
}

/**
 * The verdict on one metric from its paired evidence: within the noise threshold unchanged;
 * beyond the regression threshold and significant a regression (improvement the other way);
 * significant but within it slower/faster; beyond it but not significant inconclusive.
 */
export function decidePaired(input: PairedRuleInput): { verdict: Verdict; reason: string } {
  const { evidence: e, isTime } = input
  const what = describe(e.change, isTime)
  if (
    input.resolution !== undefined &&
    input.base !== null &&
    input.head !== null &&
    Math.abs(input.head - input.base) < input.resolution
  ) {
    return {
      verdict: 'unchanged',
      reason: `${what}, below the metric's resolution of ${formatValue(input.resolution, input.unit)}`,
    }
  }
  const logChange = Math.log1p(e.change)
  const badness = input.better === 'smaller' ? logChange : -logChange
  const pairs = `${e.pairs} interleaved round pairs`
  const pText = formatP(input.p)
  const regressionPct = formatPercentage(input.regressionThreshold, 0)
  if (Math.abs(logChange) <= Math.log1p(input.noiseThreshold)) {
    return {
      verdict: 'unchanged',
      reason: `${what} over ${pairs}, within the ${formatPercentage(input.noiseThreshold, 0)} noise threshold`,
    }
  }
  const beyond = Math.abs(badness) > Math.log1p(input.regressionThreshold)
  if (input.p > input.alpha) {
    return beyond
      ? {
          verdict: 'inconclusive',
          reason: `${what}, but the ${pairs} disagree (${pText}); more rounds needed`,
        }
      : {
          verdict: 'unchanged',
          reason: `${what}, not significant across ${pairs} (${pText})`,
        }
  }
  if (!beyond) {
    return {
      verdict: badness > 0 ? 'slower' : 'faster',
      reason: `${what} (${pText}, ${pairs}), within the ${regressionPct} regression threshold`,
    }
  }
  return {
    verdict: badness > 0 ? 'regression' : 'improvement',
    reason: `${what}, beyond the ${regressionPct} regression threshold and significant across ${pairs} (${pText})`,
  }
}

const okBench = (run: Results, name: string): BenchResult | undefined =>
  run.benches.find((b) => b.name === name && b.status === 'ok')

/**
 * Compares A/B sides: baselines[k] and heads[k] are the base and head of the k-th interleaved
 * measurement (the first run, then a confirming re-run). Rows come from compareRuns (new,
 * removed, errors, tail rows, and any metric whose rounds do not pair or are too few to test,
 * judged unpaired); every metric with enough round pairs gets its change, interval, p-value and
 * verdict from the paired rule instead, with its own Benjamini–Hochberg family.
 */
export function comparePaired(
  baselines: readonly Results[],
  head: Results | readonly Results[],
  options: CompareOptions = {},
): Comparison {
  const heads: readonly Results[] = Array.isArray(head) ? head : [head as Results]
  // One machine for both sides: a move most benches share is the code's, not the runner's, and
  // there is no runner speed to divide out.
  const sameMachine: CompareOptions = { ...options, sharedShift: false }
  delete sameMachine.normalize
  const unpaired = compareRuns(baselines, heads, sameMachine)
  if (baselines.length !== heads.length) return unpaired
  const settings = {
    alpha: options.alpha ?? 0.05,
    confidence: options.confidence ?? 0.95,
    resamples: options.resamples ?? 400,
    random: options.random ?? seededRandom(20240611),
  }
  const quantile = options.roundQuantile ?? 0.1
  const evidence = unpaired.comparisons.map((row): PairedEvidence | null => {
    if (row.baseRounds === undefined || row.change === null) return null
    const metricOf = (run: Results) =>
      okBench(run, row.name)?.metrics.find((m) => m.name === row.metric)
    const pairs = pairRounds(baselines.map(metricOf), heads.map(metricOf), quantile)
    return pairs === null ? null : pairedEvidence(pairs, row.better, settings)
  })
  // As in the unpaired rule, only tests beyond the noise threshold can change a verdict.
  const adjusted = benjaminiHochberg(
    evidence.map((e, i) =>
      e !== null &&
      Math.abs(Math.log1p(e.change)) > Math.log1p(unpaired.comparisons[i].noiseThreshold)
        ? e.p
        : null,
    ),
  )
  const comparisons = unpaired.comparisons.map((row, i): MetricComparison => {
    const e = evidence[i]
    if (e === null) return row
    const p = adjusted[i]
    const resolution = okBench(heads[0], row.name)?.metrics.find(
      (m) => m.name === row.metric,
    )?.resolution
    const { verdict, reason } = decidePaired({
      evidence: e,
      // Within the noise threshold nothing was tested; the verdict is "unchanged" whatever p is.
      p: p ?? e.p,
      alpha: settings.alpha,
      better: row.better,
      noiseThreshold: row.noiseThreshold,
      regressionThreshold: row.regressionThreshold,
      isTime: row.unit === 'ms',
      base: row.base,
      head: row.head,
      ...(resolution === undefined ? {} : { resolution }),
      unit: row.unit,
    })
    return { ...row, verdict, reason, change: e.change, ci: e.ci, p }
  })
  return {
    comparisons,
    warnings: unpaired.warnings,
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
  }
}
