/**
 * Stage 3, the plain source: run the benches here and keep their results (results.json, the
 * `results` output); find the stored baseline; confirm what it leaves in doubt on this runner.
 */
import path from 'node:path'
import { measureOnce } from '../ab/measure-once.js'
import { FILES } from '../baseline/layout.js'
import { recordGate } from '../compare/base-gate.js'
import type { Config } from '../config/types.js'
import { withoutProfiling } from '../config/without-profiling.js'
import { OUTPUT } from '../inputs.js'
import type { Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import type { RunContext } from './context.js'
import { findBaseline, type BaselineFinding } from './find-baseline.js'
import type { Setup } from './setup.js'
import type { ConfirmMode, NumbersSource, Remeasured } from './source.js'

/** This run's measurements and where they were written. */
export interface Measured {
  results: Results
  resultsPath: string
}

/** Runs every bench the filter selects, writes results.json and finds the baseline. */
export async function measureSource(run: RunContext): Promise<NumbersSource> {
  const { setup, config, deps, remote } = run
  const measured = await measure(setup, config, deps)
  const finding = await findBaseline(setup, measured.results, remote, deps)
  return await storedBaselineSource(run, measured, finding)
}

/** Runs every bench the filter selects and writes results.json. */
export async function measure(setup: Setup, config: Config, deps: Deps): Promise<Measured> {
  const { threshold, failOnRegression } = setup.inputs
  // The gate is recorded with the results, so a later PR is judged by this run's gate, not its own.
  const results = recordGate(await deps.runBenches(config, { filter: setup.inputs.filter }), {
    threshold,
    failOnRegression,
  })
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)
  return { results, resultsPath }
}

/**
 * The source of numbers measured here against a stored baseline (an artifact or a file): what
 * that baseline leaves in doubt is measured again here — base and head, interleaved, when the
 * PR's base commit is in the checkout, else the head alone.
 */
export async function storedBaselineSource(
  run: RunContext,
  measured: Measured,
  finding: BaselineFinding,
): Promise<NumbersSource> {
  const confirm = await confirmMode(run, finding)
  return {
    measured,
    finding,
    confirm,
    problems: [],
    remeasure: (names) =>
      confirm === 'base' ? measureBothSides(run, names) : rerunHead(run.config, run.deps, names),
    close: () => Promise.resolve(),
  }
}

/** The `confirm` input resolved for this run: `auto` becomes `base` where the base commit is here. */
async function confirmMode(run: RunContext, finding: BaselineFinding): Promise<ConfirmMode> {
  const { setup, deps } = run
  const { pr, inputs } = setup
  if (!pr || inputs.confirm === 'false') return 'none'
  if (inputs.confirm === 'rerun') return 'rerun'
  // Nothing to confirm against: no need to look for the base commit (or to say it is missing).
  if (!finding.comparable?.found) return 'rerun'
  if (await deps.hasCommit(setup.workdir, pr.baseSha)) return 'base'
  const how = `To confirm against the base on this runner, check out with full history (actions/checkout with fetch-depth: 0).`
  const message = `Confirming doubts by re-running the head only: the PR's base commit ${pr.baseSha.slice(0, 12)} is not in this checkout. ${how}`
  if (inputs.confirm === 'base') deps.step.warning(message, { title: 'perfgate confirm' })
  else deps.step.notice(message, { title: 'perfgate confirm' })
  return 'rerun'
}

/** The benches producing `names`, base and head, measured interleaved on this runner. */
async function measureBothSides(run: RunContext, names: readonly string[]): Promise<Remeasured> {
  const { setup, deps } = run
  const baseSha = setup.pr?.baseSha ?? ''
  const open = () =>
    deps.abSession({
      configFile: setup.configPath,
      baseRef: baseSha,
      names,
      env: deps.env,
      now: deps.now,
      regressionThreshold: setup.inputs.threshold,
      ...(setup.inputs.profile ? {} : { adjust: withoutProfiling }),
    })
  const both = await measureOnce(
    open,
    names,
    (why) =>
      deps.step.warning(
        `Could not measure the base ${baseSha.slice(0, 12)} on this runner (${why}); re-running the head only`,
        { title: 'perfgate confirm' },
      ),
    // Profiles of confirmed regressions go beside results.json, into the PR's artifact.
    { dir: setup.outDir, ...deps.files },
  )
  // Nothing is lost without the base: the head alone is re-run, and the verdicts say so.
  return both ?? rerunHead(run.config, deps, names)
}

async function rerunHead(
  config: Config,
  deps: Deps,
  names: readonly string[],
): Promise<Remeasured> {
  return { head: await deps.runBenches(config, { names: [...names] }) }
}
