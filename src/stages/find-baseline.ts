/** Stage 4: the baseline to compare with — the `baseline` file, or the artifact on the base branch. */
import path from 'node:path'
import { artifactSource } from '../baseline/artifact-source.js'
import { fileSource } from '../baseline/file-source.js'
import {
  matchBenches,
  type BaselineOutcome,
  type BaselineSource,
  type BenchMatch,
} from '../baseline/source.js'
import type { Deps } from '../ports.js'
import type { Results } from '../results/types.js'
import type { Remote, Setup } from './setup.js'

/** What the baseline search found: as loaded (for the next window) and as comparable with this run. */
export interface BaselineFinding {
  /** Undefined when this kind of run looks for no baseline (e.g. a push to another branch). */
  loaded?: BaselineOutcome
  comparable?: BaselineOutcome
  /** How this run's benches line up with the baseline's: changed, added, removed. */
  match?: BenchMatch
}

/** Loads the baseline this run is compared with, if it looks for one. */
export async function findBaseline(
  setup: Setup,
  results: Results,
  remote: Remote,
  deps: Deps,
): Promise<BaselineFinding> {
  return matchLoaded(await loadBaseline(setup, remote, deps), results)
}

/**
 * Loads the baseline as recorded, before any run exists to match it with (a shard job needs its
 * recorded durations to know what to run); undefined when this kind of run looks for none.
 */
export async function loadBaseline(
  setup: Setup,
  remote: Remote,
  deps: Deps,
): Promise<BaselineOutcome | undefined> {
  const source = await baselineSource(setup, remote, deps)
  if (!source) return undefined
  deps.step.startGroup('Baseline')
  const loaded = await source.load()
  deps.step.endGroup()
  for (const notice of loaded.notices) deps.step.notice(notice, { title: 'perfgate baseline' })
  return loaded
}

/** The finding for `results` from a baseline already loaded (loadBaseline). */
export function matchLoaded(
  loaded: BaselineOutcome | undefined,
  results: Results,
): BaselineFinding {
  if (!loaded) return {}
  const { outcome, match } = matchBenches(loaded, results)
  return { loaded, comparable: outcome, match }
}

async function baselineSource(
  setup: Setup,
  remote: Remote,
  deps: Deps,
): Promise<BaselineSource | undefined> {
  const { inputs, ctx, pr } = setup
  if (setup.baselineFile) {
    return fileSource(path.resolve(setup.workdir, setup.baselineFile), setup.baselineFile)
  }
  if (!pr && !setup.baselinePush) return undefined
  const common = {
    api: await remote.api(),
    store: await remote.store(),
    ctx,
    artifactName: inputs.artifactName,
    now: () => deps.now(),
    maxAgeDays: inputs.maxBaselineAgeDays,
    defaultBranch: setup.defaultBranch,
  }
  if (pr) {
    return artifactSource({
      ...common,
      branch: pr.baseRef,
      mergeBaseOf: { base: pr.baseSha, head: pr.headSha },
    })
  }
  // The previous baseline on this branch: its window is extended, and this push is compared with it.
  return artifactSource({ ...common, branch: ctx.branch ?? setup.defaultBranch, commit: ctx.sha })
}
