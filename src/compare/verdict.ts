/**
 * The decision rule: a verdict and its reason in words from one metric's evidence.
 *
 * Sizes are compared on a log scale (ratio beyond 1 + threshold, or below 1 / (1 + threshold)),
 * so swapping baseline and head turns each verdict into its mirror image.
 */
import type { Verdict } from './types.js'
import {
  formatMagnitude,
  formatP,
  formatPercent,
  formatPercentage,
  formatValue,
} from '../format.js'
import type { Evidence } from './evidence.js'
import { roundsNeeded } from './evidence.js'

/** Everything the rule needs besides the evidence. */
export interface RuleInput {
  evidence: Evidence
  /** p after Benjamini–Hochberg correction; null when no test was possible. */
  p: number | null
  alpha: number
  noiseThreshold: number
  regressionThreshold: number
  /** Time metrics say slower/faster; others more/less. */
  isTime: boolean
  baseRuns: number
  headRuns: number
  resolution?: number
  /** The metric's unit, so values in reasons read "1 MiB" rather than 1048576. */
  unit?: string
  /** Require the rounds' best values to move too before calling a regression or improvement. */
  crossCheck: boolean
}

function describe(change: number, isTime: boolean): string {
  // Below what one decimal shows, "0.0% slower" would name a direction nobody measured.
  if (Math.abs(change) < 0.0005) return 'no change'
  const size = formatMagnitude(change)
  if (isTime) return `${size} ${change > 0 ? 'slower' : 'faster'}`
  return `${size} ${change > 0 ? 'more' : 'less'}`
}

/** The verdict on one metric and why, by the rule documented in docs/statistics.md. */
export function decide(input: RuleInput): { verdict: Verdict; reason: string } {
  const { evidence: e, isTime } = input
  // A difference below what the metric can resolve is no change, whatever its ratio (heap
  // growth hovers around zero; a poll interval hides smaller differences).
  if (input.resolution !== undefined && Math.abs(e.head - e.base) < input.resolution) {
    const what = e.change === null ? 'no relative change' : describe(e.change, isTime)
    return {
      verdict: 'unchanged',
      reason: `${what}, below the metric's resolution of ${formatValue(input.resolution, input.unit ?? '')}`,
    }
  }
  if (e.change === null) {
    if (e.base === 0 && e.head === 0) return { verdict: 'unchanged', reason: 'both centres are 0' }
    return {
      verdict: 'inconclusive',
      reason: `the centres go from ${formatValue(e.base, input.unit ?? '')} to ${formatValue(e.head, input.unit ?? '')}: from zero or across it, a relative change is undefined`,
    }
  }
  const logChange = Math.log1p(e.change)
  // Positive when the change is in the bad direction for this metric.
  const badness = e.better === 'smaller' ? logChange : -logChange
  const noise = Math.log1p(input.noiseThreshold)
  const limit = Math.log1p(input.regressionThreshold)
  const what = describe(e.change, isTime)
  const units = e.withinRun
    ? `${e.baseSamples} vs ${e.headSamples} samples; ${e.baseUnits} vs ${e.headUnits} rounds are too few to measure run-to-run variation`
    : `${e.baseUnits} vs ${e.headUnits} rounds`
  const pText = input.p === null ? '' : formatP(input.p)
  const regressionPct = formatPercentage(input.regressionThreshold)

  if (Math.abs(logChange) <= noise) {
    return {
      verdict: 'unchanged',
      reason: `${what}, within the ${formatPercentage(input.noiseThreshold)} noise threshold`,
    }
  }
  // Whole processes run slow at random on shared runners, rarely all of them: when even the best
  // head round is beyond the threshold from the best baseline round (same direction as the
  // centre), the shift is not a slow-process accident.
  const fastestLog = e.fastestChange === null ? 0 : Math.log1p(e.fastestChange)
  const fastestBadness = e.better === 'smaller' ? fastestLog : -fastestLog
  const fastestBeyond =
    e.baseUnits >= 3 &&
    e.headUnits >= 3 &&
    Math.sign(fastestBadness) === Math.sign(badness) &&
    Math.abs(fastestBadness) > limit
  const beyondLimit = Math.abs(badness) > limit || fastestBeyond
  if (e.noSpread) {
    const verdict: Verdict = beyondLimit
      ? badness > 0
        ? 'regression'
        : 'improvement'
      : badness > 0
        ? 'slower'
        : 'faster'
    const side = beyondLimit ? 'beyond' : 'within'
    return {
      verdict,
      reason: `${what}, ${side} the ${regressionPct} regression threshold; no sample spread, so this rests on the thresholds alone`,
    }
  }
  if (input.p === null) {
    const needed = roundsNeeded(input.baseRuns, input.headRuns, input.alpha)
    const advice = `needs at least ${needed} rounds per run (or more baseline runs) to test`
    if (!beyondLimit) {
      return {
        verdict: 'unchanged',
        reason: `${what}, within the ${regressionPct} regression threshold and untestable with ${units}; ${advice}`,
      }
    }
    return {
      verdict: 'inconclusive',
      reason: `${what}, but ${units} cannot separate that from run-to-run variation; ${advice}`,
    }
  }
  if (input.p > input.alpha) {
    if (!beyondLimit) {
      return {
        verdict: 'unchanged',
        reason: `${what}, not significant against run-to-run variation (${pText}, ${units})`,
      }
    }
    if (fastestBeyond) {
      return {
        verdict: badness > 0 ? 'regression' : 'improvement',
        reason: `${what}, beyond the ${regressionPct} regression threshold; the rounds' spread leaves ${pText} (${units}), but even the best round moved ${formatPercent(e.fastestChange)}`,
      }
    }
    return {
      verdict: 'inconclusive',
      reason: `${what}, but too noisy to tell (${pText}, ${units}); more rounds or baseline runs needed`,
    }
  }
  if (!beyondLimit) {
    return {
      verdict: badness > 0 ? 'slower' : 'faster',
      reason: `${what} (${pText}, ${units}), within the ${regressionPct} regression threshold`,
    }
  }
  if (input.crossCheck && e.bestChange !== null) {
    const bestLog = Math.log1p(e.bestChange)
    const bestBadness = e.better === 'smaller' ? bestLog : -bestLog
    // A code change moves the undisturbed best rounds too; machine noise mostly does not.
    if (Math.sign(bestBadness) !== Math.sign(badness) || Math.abs(bestBadness) <= noise) {
      return {
        verdict: 'inconclusive',
        reason: `${what} at the median (${pText}, ${units}), but the best rounds moved only ${formatPercent(e.bestChange)}; likely machine noise, re-run to confirm`,
      }
    }
  }
  return {
    verdict: badness > 0 ? 'regression' : 'improvement',
    reason: `${what}, beyond the ${regressionPct} regression threshold and significant ${e.withinRun ? 'within the runs' : 'against run-to-run variation'} (${pText}, ${units})`,
  }
}
