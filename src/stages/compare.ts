/**
 * Stage 5: compare with the baseline under the base branch's gate, then confirm what it leaves
 * in doubt by measuring just those benches again, as the source can: base and head on this
 * runner, or the head alone (src/compare/confirmation.ts).
 */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import type { BaselineOutcome } from '../baseline/source.js'
import { planGate, type ThresholdChange } from '../compare/base-gate.js'
import { markChanged } from '../compare/changed-benches.js'
import { headline, type Headline } from '../compare/headline.js'
import { compareAndConfirmRuns, type Confirmed } from '../compare/confirmation.js'
import { CompareInputError, DEFAULT_TAIL, type CompareOptions } from '../compare/index.js'
import type { Comparison } from '../compare/types.js'
import { applyAutoThresholds } from '../history/thresholds.js'
import { readHistory } from '../history/history.js'
import { describeThreshold, type ResolvedThreshold } from '../history/threshold.js'
import { OUTPUT } from '../inputs.js'
import { benchesProducing } from '../config/select.js'
import type { Results } from '../results/types.js'
import type { RunContext } from './context.js'
import type { NumbersSource } from './source.js'

/** The comparison (null without a usable baseline) and the baseline as it was finally judged. */
export interface Compared {
  comparison: Comparison | null
  /** The comparable baseline, degraded to "missing" when its numbers cannot be compared. */
  outcome?: BaselineOutcome
  /** True when benches in doubt were measured again. */
  rerun: boolean
  /** How: base and head here (`base`), or the head alone (`rerun`). */
  confirmedWith?: 'base' | 'rerun'
  /** The headline and whether the gate fails (before an acknowledge label). */
  headline?: Headline
  /** Threshold edits of this PR, and when they take effect. */
  thresholdChanges: ThresholdChange[]
  /** The gate's fail-on-regression (the base's as recorded, unless head thresholds are asked for). */
  failOnRegression?: boolean
}

/** Compares this run with the baseline and confirms what is in doubt (on pull requests). */
export async function compareAndConfirm(run: RunContext, source: NumbersSource): Promise<Compared> {
  const { setup, config, deps } = run
  const { results } = source.measured
  const { inputs } = setup
  const options: CompareOptions = {
    ...(inputs.normalize === 'calibration' ? { normalize: 'calibration' as const } : {}),
    ...(inputs.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
  }
  const outcome = source.finding.comparable
  const none = { comparison: null, rerun: false, thresholdChanges: [] }
  if (!outcome?.found) return { ...none, ...(outcome ? { outcome } : {}) }
  const gate = planGate(outcome.baselines, results, inputs, inputs.thresholdsFrom)
  // `noise-threshold: auto` learns each such bench's threshold from the base branch's history.
  const history = outcome.historyText ? readHistory(outcome.historyText).history : undefined
  const isAuto = (name: string) =>
    benchesProducing(config, [name]).some((b) => b.settings.noiseThresholdAuto === true)
  const learn = (run: Results) => applyAutoThresholds(run, history, isAuto)
  const { results: judged, thresholds } = learn(gate.judge(results))
  const changed = source.finding.match?.changed ?? []
  let confirmed: Confirmed
  try {
    confirmed = await compareAndConfirmRuns({
      baselines: outcome.baselines,
      head: judged,
      options,
      mode: source.confirm,
      // The base measured here beside the head (A/B): nothing to guess about the runner.
      sameRunner: outcome.info.source === 'base-ref',
      includeInconclusive: inputs.inconclusive === 'rerun',
      remeasure: (names) => {
        const how =
          source.confirm === 'base'
            ? `against the base ${setup.pr?.baseSha.slice(0, 12) ?? ''} on this runner`
            : 'by re-running the head'
        deps.step.info(`Confirming ${names.length} bench(es) ${how}: ${names.join(', ')}`)
        return source.remeasure(names)
      },
      finish: (comparison) => markChanged(comparison, changed),
      prepare: (again) => learn(gate.judge(again)).results,
    })
  } catch (error) {
    // A baseline that passed the schema but holds impossible numbers degrades to no baseline.
    if (!(error instanceof CompareInputError)) throw error
    const missing: BaselineOutcome = {
      found: false,
      reason: `the baseline cannot be compared: ${error.message}`,
      hint: `push to ${setup.defaultBranch} to record a new baseline`,
      notices: outcome.notices,
    }
    return { ...none, outcome: missing }
  }
  const comparison = noteAutoThresholds(confirmed.comparison, thresholds, isAuto)
  const file = path.join(setup.outDir, FILES.comparison)
  await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`)
  deps.step.setOutput(OUTPUT.comparison, file)
  return {
    comparison,
    outcome,
    rerun: confirmed.confirmedWith !== undefined,
    ...(confirmed.confirmedWith ? { confirmedWith: confirmed.confirmedWith } : {}),
    headline: headline(comparison, {
      policy: inputs.inconclusive,
      failOnRegression: gate.failOnRegression,
    }),
    thresholdChanges: gate.changes,
    failOnRegression: gate.failOnRegression,
  }
}

/** Each auto bench's row says which noise threshold judged it and where it came from. */
function noteAutoThresholds(
  comparison: Comparison,
  thresholds: Map<string, ResolvedThreshold>,
  isAuto: (name: string) => boolean,
): Comparison {
  const comparisons = comparison.comparisons.map((row) => {
    const resolved = thresholds.get(row.name)
    if (!resolved || !isAuto(row.name)) return row
    return {
      ...row,
      notes: [...(row.notes ?? []), `noise threshold ${describeThreshold(resolved)}`],
    }
  })
  return { ...comparison, comparisons }
}
