/**
 * github-action-benchmark's `alert-threshold: 150%` is a ratio (alert at 1.5× the previous value,
 * +50%); perfgate's threshold is a change (10% = 1.1×). A perfgate threshold of 100% or more is
 * almost always a ratio copied over, so it gets a warning that says what to write instead.
 */
import type { Config } from './types.js'
import { formatPercentage } from '../format.js'

/** A warning when `threshold` (a fraction, 1.5 for 150%) looks like a ratio, else undefined. */
export function ratioThresholdWarning(threshold: number, where: string): string | undefined {
  if (!(threshold >= 1)) return undefined
  const asRatioChange = threshold - 1
  return (
    `${where}: threshold ${formatPercentage(threshold, 0)} means a ${formatPercentage(threshold, 0)} slowdown ` +
    `(${(1 + threshold).toFixed(2)}× the baseline). perfgate's threshold is a percentage change, not ` +
    `github-action-benchmark's ratio: for its alert-threshold ${formatPercentage(threshold, 0)}, write ` +
    `${formatPercentage(asRatioChange, 0)}.`
  )
}

/** One warning per bench of `config` whose regression threshold looks like a ratio. */
export function configThresholdWarnings(config: Config): string[] {
  return config.benches.flatMap((bench) => {
    const warning = ratioThresholdWarning(bench.settings.regressionThreshold, `bench ${bench.name}`)
    return warning === undefined ? [] : [warning]
  })
}
