/** Benches whose measurement changed in the PR: shown as `changed`, never gated. */
import type { Comparison } from './types.js'

/** A bench measured differently in head than in the baseline, and what changed. */
export interface MeasurementChange {
  name: string
  changes: string[]
}

/**
 * Marks the rows of `changed` benches (which compareRuns saw as new, their baseline runs having
 * been left out) as `changed`, saying what changed.
 */
export function markChanged(
  comparison: Comparison,
  changed: readonly MeasurementChange[],
): Comparison {
  const byName = new Map(changed.map((c) => [c.name, c.changes]))
  const comparisons = comparison.comparisons.map((row) => {
    const changes = byName.get(row.name)
    if (!changes || row.verdict !== 'new') return row
    return {
      ...row,
      verdict: 'changed' as const,
      reason: `measured differently than the baseline (${changes.join(', ')}); compared once this reaches the base branch`,
    }
  })
  return { ...comparison, comparisons }
}
