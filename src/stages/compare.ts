/** Stage 5: compare with the baseline, then confirm flagged regressions by re-running just those. */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import type { BaselineOutcome } from '../baseline/source.js'
import {
  benchesToConfirm,
  compareRuns,
  CompareInputError,
  confirmRegressions,
  type CompareOptions,
} from '../compare/index.js'
import type { Comparison } from '../compare/types.js'
import type { Config } from '../config/types.js'
import { OUTPUT } from '../inputs.js'
import type { Deps } from '../ports.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Setup } from './setup.js'

/** The comparison (null without a usable baseline) and the baseline as it was finally judged. */
export interface Compared {
  comparison: Comparison | null
  /** The comparable baseline, degraded to "missing" when its numbers cannot be compared. */
  outcome?: BaselineOutcome
  /** True when flagged regressions were re-run. */
  rerun: boolean
}

/** Compares this run with the baseline and confirms what looks slower (on pull requests). */
export async function compareAndConfirm(
  setup: Setup,
  config: Config,
  results: Results,
  finding: BaselineFinding,
  deps: Deps,
): Promise<Compared> {
  const options: CompareOptions =
    setup.inputs.normalize === 'calibration' ? { normalize: 'calibration' } : {}
  const outcome = finding.comparable
  if (!outcome?.found) return { comparison: null, ...(outcome ? { outcome } : {}), rerun: false }
  let comparison: Comparison
  try {
    comparison = compareRuns(outcome.baselines, results, options)
  } catch (error) {
    // A baseline that passed the schema but holds impossible numbers degrades to no baseline.
    if (!(error instanceof CompareInputError)) throw error
    const missing: BaselineOutcome = {
      found: false,
      reason: `the baseline cannot be compared: ${error.message}`,
      hint: `push to ${setup.defaultBranch} to record a new baseline`,
      notices: outcome.notices,
    }
    return { comparison: null, outcome: missing, rerun: false }
  }
  let rerun = false
  const names = setup.pr && setup.inputs.confirm ? benchesToConfirm(comparison) : []
  if (names.length > 0) {
    deps.step.info(
      `Re-running ${names.length} bench(es) flagged as regressions to confirm: ${names.join(', ')}`,
    )
    const again = await deps.runBenches(config, { names })
    comparison = confirmRegressions(outcome.baselines, results, again, comparison, options)
    rerun = true
  }
  const file = path.join(setup.outDir, FILES.comparison)
  await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`)
  deps.step.setOutput(OUTPUT.comparison, file)
  return { comparison, outcome, rerun }
}
