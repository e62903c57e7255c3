/**
 * `noise-threshold: auto`: a bench's noise threshold learned from its run-to-run variation in
 * the history. With c_i the run centres (oldest first) and r_i = ln(c_i / c_{i−1}) over the
 * last `window` runs, the threshold is
 *
 *   max(floor, min(cap, k × 1.4826 × MAD(r)))
 *
 * 1.4826 × MAD is a robust standard deviation (it ignores the one jump at a change point and the
 * odd disturbed run); r is already the ratio of two runs, which is what a PR compares (head run
 * vs baseline), so k = 2 puts about 95% of unchanged pairs inside the threshold.
 */
import { medianOf } from '../compare/units.js'
import type { HistorySeries } from './schema.js'

/** The threshold a bench is judged with, and where it came from. */
export interface ResolvedThreshold {
  /** Fraction: 0.05 means 5%. */
  threshold: number
  /** `auto` learned from history, `config` set as a number, `default` while history is short. */
  source: 'auto' | 'config' | 'default'
  /** Runs of history the auto threshold used (0 when not from history). */
  runs: number
}

/** Constants of the auto formula (documented in docs/history.md). */
export const AUTO_THRESHOLD = {
  /** Fewest runs before the history is trusted; below it the default applies. */
  minRuns: 10,
  /** Most recent runs considered, so an old noisier runner does not count forever. */
  window: 60,
  k: 2,
  floor: 0.01,
  cap: 0.5,
} as const

/** The robust sd of consecutive-run log ratios of the newest `window` entries; null if too few. */
export function runToRunSpread(
  series: HistorySeries,
  window: number = AUTO_THRESHOLD.window,
): {
  spread: number
  runs: number
} | null {
  const centres = series.entries.slice(-window).map((e) => e.centre)
  if (centres.length < 2 || centres.some((c) => !(c > 0))) return null
  const ratios = centres.slice(1).map((c, i) => Math.log(c / centres[i]))
  const centre = medianOf(ratios)
  const mad = medianOf(ratios.map((r) => Math.abs(r - centre)))
  return { spread: 1.4826 * mad, runs: centres.length }
}

/**
 * The noise threshold of one bench: the configured number as is; for `auto`, the learned value
 * once the history has `minRuns` runs, else `fallback` (the built-in or kind default).
 */
export function resolveNoiseThreshold(
  setting: number | 'auto',
  series: HistorySeries | undefined,
  fallback: number,
): ResolvedThreshold {
  if (setting !== 'auto') return { threshold: setting, source: 'config', runs: 0 }
  const measured = series ? runToRunSpread(series) : null
  if (!measured || measured.runs < AUTO_THRESHOLD.minRuns) {
    return { threshold: fallback, source: 'default', runs: measured?.runs ?? 0 }
  }
  const { k, floor, cap } = AUTO_THRESHOLD
  const threshold = Math.max(floor, Math.min(cap, k * measured.spread))
  return { threshold: +threshold.toFixed(4), source: 'auto', runs: measured.runs }
}

/** "5% (auto, from 42 runs)", "5% (config)", "5% (default: 3 of 10 runs of history)". */
export function describeThreshold(resolved: ResolvedThreshold): string {
  const percent = `${+(resolved.threshold * 100).toFixed(1)}%`
  if (resolved.source === 'auto') return `${percent} (auto, from ${resolved.runs} runs)`
  if (resolved.source === 'config') return `${percent} (config)`
  return `${percent} (default: auto needs ${AUTO_THRESHOLD.minRuns} runs of history, has ${resolved.runs})`
}
