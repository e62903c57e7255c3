/**
 * Compare, then confirm: the one sequence the action, a shard and the CLI share. The first
 * comparison screens; what it leaves in doubt is measured again (through `remeasure`, the only
 * side effect, passed in) and re-judged:
 * - `base` against a stored baseline: base and head measured again here, interleaved, and that
 *   pair alone decides (confirm-base.ts); the "most benches moved together" guess is not needed.
 * - `rerun`: the head alone re-run and pooled (confirm.ts); with a stored baseline that could not
 *   be confirmed on this runner, the shared-shift guess still applies to the first comparison.
 * - A baseline measured beside the head on this runner (A/B) never guesses about the runner; its
 *   re-measure of both sides is pooled with the first.
 */
import type { Cause } from '../profile/types.js'
import type { Results } from '../results/types.js'
import { compareRuns, type CompareOptions } from './compare-runs.js'
import { benchesToConfirm, confirmRegressions } from './confirm.js'
import { benchesInDoubt, confirmAgainstBase } from './confirm-base.js'
import { withPlanCauses } from './attach-plan-causes.js'
import type { Comparison, MetricComparison } from './types.js'

/** How benches in doubt are measured again: both sides here, the head alone, or not at all. */
export type ConfirmMode = 'base' | 'rerun' | 'none'

/** A re-measurement of some benches: the head, and the base where it could be measured too. */
export interface Remeasured {
  head: Results
  base?: Results
  /**
   * Profiles both sides of the regressions this measurement confirmed and says what grew, by
   * result name; present only where both sides were measured here (their session still open).
   */
  explain?: (targets: ExplainRequest[]) => Promise<Map<string, Cause>>
  /** Releases what the measurement kept open for `explain` (a base worktree). */
  close?: () => Promise<void>
}

/** A confirmed regression to profile: its result name and the head's time per call, ms. */
export interface ExplainRequest {
  result: string
  msPerCall: number
}

/** What the sequence needs; the head and baselines are as the gate judges them. */
export interface ConfirmationInput {
  baselines: readonly Results[]
  head: Results
  options?: CompareOptions
  mode: ConfirmMode
  /** The baseline was measured beside the head on this runner (A/B, or its merged shards). */
  sameRunner: boolean
  /** `rerun` mode also re-runs inconclusive benches beyond their threshold (the `rerun` policy). */
  includeInconclusive: boolean
  remeasure: (names: string[]) => Promise<Remeasured>
  /** Applied to each comparison made (e.g. marking benches measured differently). */
  finish?: (comparison: Comparison) => Comparison
  /** Applied to each run measured again (the gate's thresholds), before it is judged. */
  prepare?: (run: Results) => Results
}

/** The comparison after confirmation, and how its doubts were settled (undefined: nothing re-measured). */
export interface Confirmed {
  comparison: Comparison
  confirmedWith?: 'base' | 'rerun'
  /** The benches measured again. */
  remeasured: string[]
}

/**
 * Compares `head` with `baselines`, then confirms what is in doubt as `mode` says; regressions
 * confirmed with both sides measured here are then profiled on both sides and carry their cause.
 */
export async function compareAndConfirmRuns(input: ConfirmationInput): Promise<Confirmed> {
  let again: Remeasured | undefined
  const remeasure = async (names: string[]): Promise<Remeasured> =>
    (again = await input.remeasure(names))
  try {
    const confirmed = await compareThenConfirm({ ...input, remeasure })
    if (!again?.explain || confirmed.confirmedWith !== 'base') return confirmed
    return { ...confirmed, comparison: await withCauses(confirmed.comparison, again.explain) }
  } finally {
    await again?.close?.()
  }
}

/** The rows a profile can explain: time regressions confirmed with both sides measured here. */
export function rowsToExplain(comparison: Comparison): MetricComparison[] {
  const seen = new Set<string>()
  return comparison.comparisons.filter((row) => {
    const explainable =
      row.verdict === 'regression' &&
      row.confirmed === true &&
      row.confirmation === 'base' &&
      row.unit === 'ms' &&
      row.head !== null &&
      !seen.has(row.name)
    if (explainable) seen.add(row.name)
    return explainable
  })
}

async function withCauses(
  comparison: Comparison,
  explain: NonNullable<Remeasured['explain']>,
): Promise<Comparison> {
  const rows = rowsToExplain(comparison)
  // Nothing confirmed: no profiling at all, so a clean PR pays nothing for it.
  if (rows.length === 0) return comparison
  const causes = await explain(
    rows.map((row) => ({ result: row.name, msPerCall: row.head as number })),
  )
  const explained = new Set(rows)
  return {
    ...comparison,
    comparisons: comparison.comparisons.map((row) => {
      const cause = explained.has(row) ? causes.get(row.name) : undefined
      return cause ? { ...row, cause } : row
    }),
  }
}

async function compareThenConfirm(input: ConfirmationInput): Promise<Confirmed> {
  const finish = input.finish ?? ((c: Comparison) => c)
  const prepare = input.prepare ?? ((r: Results) => r)
  const options = input.options ?? {}
  const stored = !input.sameRunner
  const first = (guessShift: boolean) =>
    finish(
      compareRuns(input.baselines, input.head, { ...options, sharedShift: guessShift && stored }),
    )
  if (input.mode === 'none') return { comparison: first(true), remeasured: [] }

  if (input.mode === 'base' && stored) {
    const screened = first(false)
    const names = benchesInDoubt(screened)
    if (names.length === 0) return { comparison: screened, remeasured: [] }
    const again = await input.remeasure(names)
    if (again.base) {
      const pair = { base: again.base, head: prepare(again.head) }
      return {
        // The head measured at first ran here too: a second EXPLAIN of the head's code.
        comparison: withPlanCauses(
          finish(confirmAgainstBase(screened, pair, options, names)),
          pair,
          { head: [input.head] },
        ),
        confirmedWith: 'base',
        remeasured: names,
      }
    }
    // The base could not be measured here: a stored baseline confirmed by the head alone.
    const guessed = first(true)
    return {
      comparison: finish(
        confirmRegressions(input.baselines, input.head, prepare(again.head), guessed, options),
      ),
      confirmedWith: 'rerun',
      remeasured: names,
    }
  }

  const comparison = first(true)
  const names = benchesToConfirm(comparison, input.includeInconclusive)
  if (names.length === 0) return { comparison, remeasured: [] }
  const again = await input.remeasure(names)
  const bothSides = input.sameRunner && again.base !== undefined
  const baselines = bothSides ? [...input.baselines, again.base as Results] : input.baselines
  const confirmed = finish(
    confirmRegressions(baselines, input.head, prepare(again.head), comparison, {
      ...options,
      bothSides,
    }),
  )
  return {
    // Both sides re-measured here (A/B): their plans say which node's time grew.
    comparison: bothSides
      ? withPlanCauses(
          confirmed,
          { base: again.base as Results, head: again.head },
          { base: input.baselines, head: [input.head] },
        )
      : confirmed,
    confirmedWith: bothSides ? 'base' : 'rerun',
    remeasured: names,
  }
}
