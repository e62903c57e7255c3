/**
 * Stage 3, same-runner A/B (`baseline: base-ref` on a pull request): the base commit is checked
 * out beside the head and both are measured here, bench by bench in alternating rounds, so the
 * runner's speed and its drift hit both sides alike. The base run is the baseline.
 */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import { recordGate } from '../compare/base-gate.js'
import { withoutProfiling } from '../config/without-profiling.js'
import { OUTPUT } from '../inputs.js'
import type { AbSession, Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import { matchBenches, type BaselineFound } from '../baseline/source.js'
import type { RunContext } from './context.js'
import type { Measured } from './measure.js'
import type { Setup } from './setup.js'
import type { NumbersSource, Remeasured } from './source.js'

/** Both sides measured, the base as the baseline found, and how to re-measure both to confirm. */
export interface MeasuredAb {
  measured: Measured
  /** The base side as measured (the baseline of `finding`, before its gate is recorded). */
  base: Results
  /** The base commit measured, and the ref it was given as. */
  side: { baseSha: string; baseRef: string }
  finding: BaselineFinding
  /** Re-measures `names` on both sides, interleaved (the confirmation); confirmed regressions can then be profiled. */
  remeasure: (names: readonly string[]) => Promise<Remeasured & { base: Results }>
  close: () => Promise<void>
}

/** The A/B source: both sides measured here; confirmation re-measures both, interleaved. */
export async function abSource(run: RunContext, ab: { baseRef: string }): Promise<NumbersSource> {
  const { setup, deps } = run
  const both = await measureAb(setup, ab, deps)
  return {
    measured: both.measured,
    finding: both.finding,
    confirm: setup.pr && setup.inputs.confirm !== 'false' ? 'base' : 'none',
    remeasure: both.remeasure,
    problems: [],
    close: both.close,
  }
}

/** Prepares both trees, measures them (or the benches producing `names`) interleaved and writes both results files. */
export async function measureAb(
  setup: Setup,
  ab: { baseRef: string },
  deps: Deps,
  /** A shard's share of the config benches; all of them when undefined. */
  names?: readonly string[],
): Promise<MeasuredAb> {
  const { inputs } = setup
  const session: AbSession = await deps.abSession({
    configFile: setup.configPath,
    baseRef: ab.baseRef,
    ...(inputs.filter ? { filter: inputs.filter } : {}),
    env: deps.env,
    now: deps.now,
    regressionThreshold: inputs.threshold,
    ...(inputs.profile ? {} : { adjust: withoutProfiling }),
  })
  try {
    const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression }
    const both = await session.measure(names)
    const results = recordGate(both.head, gate)
    await deps.files.mkdir(setup.outDir)
    const resultsPath = path.join(setup.outDir, FILES.results)
    await deps.files.writeFile(resultsPath, serializeResults(results))
    await deps.files.writeFile(
      path.join(setup.outDir, 'base-results.json'),
      serializeResults(both.base),
    )
    deps.step.setOutput(OUTPUT.results, resultsPath)
    return {
      measured: { results, resultsPath },
      base: both.base,
      side: { baseSha: session.baseSha, baseRef: session.baseRef },
      finding: abFinding(recordGate(both.base, gate), results, session),
      remeasure: async (names) => ({
        ...(await session.measure(names)),
        // Profiles of confirmed regressions go beside results.json, into the PR's artifact.
        explain: (targets) => session.profile(targets, { dir: setup.outDir, ...deps.files }),
      }),
      close: session.close,
    }
  } catch (error) {
    await session.close()
    throw error
  }
}

/**
 * The base side as the baseline of `head`: one run from `base-ref`, as the comment names it
 * ("A/B on this runner against …"). A merge job builds it from its shards' base sides too.
 */
export function abFinding(
  base: Results,
  head: Results,
  side: { baseSha: string; baseRef: string },
): BaselineFinding {
  const loaded: BaselineFound = {
    found: true,
    baselines: [base],
    info: { source: 'base-ref', commit: side.baseSha, branch: side.baseRef, runs: 1 },
    warnings: [],
    notices: [],
  }
  const { outcome, match } = matchBenches(loaded, head)
  return { loaded, comparable: outcome, match }
}
