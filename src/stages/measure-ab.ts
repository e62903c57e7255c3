/**
 * Stage 3, same-runner A/B (`baseline: base-ref` on a pull request): the base commit is checked
 * out beside the head and both are measured here, bench by bench in alternating rounds, so the
 * runner's speed and its drift hit both sides alike. The base run is the baseline.
 */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import { recordGate } from '../compare/base-gate.js'
import { OUTPUT } from '../inputs.js'
import type { AbSession, Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import { matchBenches } from '../baseline/source.js'
import type { Measured } from './measure.js'
import type { Setup } from './setup.js'

/** Both sides measured, the base as the baseline found, and how to re-measure both to confirm. */
export interface MeasuredAb {
  measured: Measured
  finding: BaselineFinding
  /** Re-measures `names` on both sides, interleaved (the confirmation). */
  remeasure: (names: string[]) => Promise<{ base: Results; head: Results }>
  close: () => Promise<void>
}

/** Prepares both trees, measures them interleaved and writes both results files. */
export async function measureAb(
  setup: Setup,
  ab: { baseRef: string },
  deps: Deps,
): Promise<MeasuredAb> {
  const { inputs } = setup
  const session: AbSession = await deps.abSession({
    configFile: setup.configPath,
    baseRef: ab.baseRef,
    ...(inputs.filter ? { filter: inputs.filter } : {}),
    env: deps.env,
    now: deps.now,
    regressionThreshold: inputs.threshold,
  })
  try {
    const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression }
    const both = await session.measure()
    const results = recordGate(both.head, gate)
    await deps.files.mkdir(setup.outDir)
    const resultsPath = path.join(setup.outDir, FILES.results)
    await deps.files.writeFile(resultsPath, serializeResults(results))
    await deps.files.writeFile(
      path.join(setup.outDir, 'base-results.json'),
      serializeResults(both.base),
    )
    deps.step.setOutput(OUTPUT.results, resultsPath)
    const loaded = {
      found: true as const,
      baselines: [recordGate(both.base, gate)],
      info: {
        source: 'base-ref' as const,
        commit: session.baseSha,
        branch: session.baseRef,
        runs: 1,
      },
      warnings: [],
      notices: [],
    }
    const { outcome, match } = matchBenches(loaded, results)
    return {
      measured: { results, resultsPath },
      finding: { loaded, comparable: outcome, match },
      remeasure: (names) => session.measure(names),
      close: session.close,
    }
  } catch (error) {
    await session.close()
    throw error
  }
}
