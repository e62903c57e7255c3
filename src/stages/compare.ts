/**
 * Stage 5: compare with the baseline under the base branch's gate, then confirm what looks
 * slower (flagged regressions, and inconclusive benches beyond their threshold under the
 * `rerun` policy) by re-running just those benches.
 */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import type { BaselineOutcome } from '../baseline/source.js'
import { planGate, type ThresholdChange } from '../compare/base-gate.js'
import { markChanged } from '../compare/changed-benches.js'
import { headline, type Headline } from '../compare/headline.js'
import {
  benchesToConfirm,
  compareRuns,
  CompareInputError,
  confirmRegressions,
  DEFAULT_TAIL,
  type CompareOptions,
} from '../compare/index.js'
import type { Comparison } from '../compare/types.js'
import type { Config } from '../config/types.js'
import { applyAutoThresholds } from '../history/thresholds.js'
import { readHistory } from '../history/history.js'
import { describeThreshold, type ResolvedThreshold } from '../history/threshold.js'
import { OUTPUT } from '../inputs.js'
import { benchesProducing } from '../config/select.js'
import type { Deps } from '../ports.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Setup } from './setup.js'

/** The comparison (null without a usable baseline) and the baseline as it was finally judged. */
export interface Compared {
  comparison: Comparison | null
  /** The comparable baseline, degraded to "missing" when its numbers cannot be compared. */
  outcome?: BaselineOutcome
  /** True when flagged benches were re-run. */
  rerun: boolean
  /** The headline and whether the gate fails (before an acknowledge label). */
  headline?: Headline
  /** Threshold edits of this PR, and when they take effect. */
  thresholdChanges: ThresholdChange[]
  /** The gate's fail-on-regression (the base's as recorded, unless head thresholds are asked for). */
  failOnRegression?: boolean
}

/** Compares this run with the baseline and confirms what looks slower (on pull requests). */
export async function compareAndConfirm(
  setup: Setup,
  config: Config,
  results: Results,
  finding: BaselineFinding,
  deps: Deps,
  /** Same-runner A/B: confirmation re-measures both sides, interleaved. */
  remeasure?: (names: string[]) => Promise<{ base: Results; head: Results }>,
): Promise<Compared> {
  const { inputs } = setup
  const options: CompareOptions = {
    ...(inputs.normalize === 'calibration' ? { normalize: 'calibration' as const } : {}),
    ...(inputs.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
  }
  const outcome = finding.comparable
  const none = { comparison: null, rerun: false, thresholdChanges: [] }
  if (!outcome?.found) return { ...none, ...(outcome ? { outcome } : {}) }
  const gate = planGate(outcome.baselines, results, inputs, inputs.thresholdsFrom)
  // `noise-threshold: auto` learns each such bench's threshold from the base branch's history.
  const history = outcome.historyText ? readHistory(outcome.historyText).history : undefined
  const isAuto = (name: string) =>
    benchesProducing(config, [name]).some((b) => b.settings.noiseThresholdAuto === true)
  const learn = (run: Results) => applyAutoThresholds(run, history, isAuto)
  const { results: judged, thresholds } = learn(gate.judge(results))
  const changed = finding.match?.changed ?? []
  let comparison: Comparison
  try {
    comparison = markChanged(compareRuns(outcome.baselines, judged, options), changed)
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
  let rerun = false
  const names =
    setup.pr && inputs.confirm ? benchesToConfirm(comparison, inputs.inconclusive === 'rerun') : []
  if (names.length > 0) {
    deps.step.info(`Re-running ${names.length} bench(es) to confirm: ${names.join(', ')}`)
    const both = remeasure ? await remeasure(names) : undefined
    const again = learn(
      gate.judge(both ? both.head : await deps.runBenches(config, { names })),
    ).results
    const baselines = both ? [...outcome.baselines, both.base] : outcome.baselines
    comparison = markChanged(
      confirmRegressions(baselines, judged, again, comparison, options),
      changed,
    )
    rerun = true
  }
  comparison = noteAutoThresholds(comparison, thresholds, isAuto)
  const file = path.join(setup.outDir, FILES.comparison)
  await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`)
  deps.step.setOutput(OUTPUT.comparison, file)
  return {
    comparison,
    outcome,
    rerun,
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
