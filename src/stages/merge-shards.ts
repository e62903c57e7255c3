/** Merge job (`mode: merge`): the shard artifacts of this run as one run's results, never re-measured. */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import { recordGate } from '../compare/base-gate.js'
import type { Config } from '../config/types.js'
import { OUTPUT } from '../inputs.js'
import type { Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { configDigest } from '../run/meta.js'
import { fetchShardArtifacts } from '../shards/artifact.js'
import { mergeConfirmRuns, mergeShards } from '../shards/merge.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Measured } from './measure.js'
import { loadBaselineFirst, matchLoaded, planFor } from './shard.js'
import { filterBenches } from '../run/run-benches.js'
import type { Remote, Setup } from './setup.js'

/** What the merge job hands the normal pipeline in place of measuring. */
export interface MergedShards {
  measured: Measured
  finding: BaselineFinding
  /** One line per shard problem, for the comparison's warnings. */
  problems: string[]
  /** Deps whose runBenches answers from the shards' confirming re-runs instead of measuring. */
  deps: Deps
}

/** The number of shards, from this run's `<artifact-name>-shard-i-of-n` artifacts (the largest n). */
export function shardCount(names: readonly string[], artifactName: string): number | undefined {
  const escaped = artifactName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^${escaped}-shard-(\\d+)-of-(\\d+)$`)
  const counts = names.flatMap((n) => {
    const m = pattern.exec(n)
    return m ? [Number(m[2])] : []
  })
  return counts.length > 0 ? Math.max(...counts) : undefined
}

/** Downloads and merges the shards of this run; shard problems become step warnings. */
export async function mergeShardRun(
  setup: Setup,
  config: Config,
  remote: Remote,
  deps: Deps,
): Promise<MergedShards> {
  const { inputs, ctx } = setup
  const [api, store] = [await remote.api(), await remote.store()]
  const listed = await api.listRunArtifacts(ctx.runId)
  const count = shardCount(
    listed.filter((a) => !a.expired).map((a) => a.name),
    inputs.artifactName,
  )
  if (count === undefined) {
    throw new Error(
      `mode: merge found no ${inputs.artifactName}-shard-i-of-n artifact in run ${ctx.runId}; did the shard jobs (shard: i/n) run before this job (needs:) with the same artifact-name?`,
    )
  }
  const loaded = await loadBaselineFirst(setup, remote, deps)
  const { plan } = planFor(setup, config, count, loaded)
  const fetched = await fetchShardArtifacts({
    api,
    store,
    runId: ctx.runId,
    artifactName: inputs.artifactName,
    count,
  })
  const digest = configDigest(config)
  const merged = mergeShards({
    count,
    fetched,
    plan,
    benches: filterBenches(config, inputs.filter),
    configDigest: digest,
  })
  if (!merged.results) {
    throw new Error(`no shard of run ${ctx.runId} produced results: ${merged.problems.join('; ')}`)
  }
  for (const problem of merged.problems) deps.step.warning(problem, { title: 'perfgate shards' })
  const results = recordGate(merged.results, {
    threshold: inputs.threshold,
    failOnRegression: inputs.failOnRegression,
  })
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)

  const confirm = mergeConfirmRuns(fetched)
  const replay: Deps = {
    ...deps,
    // The shards confirmed on their own runners; a bench none of them re-ran keeps its first result.
    runBenches: (_config, select) =>
      Promise.resolve(confirmedOnly(results, confirm, select.names ?? [])),
  }
  return {
    measured: { results, resultsPath },
    finding: matchLoaded(loaded, results),
    problems: merged.problems,
    deps: replay,
  }
}

/** The shards' re-run of `names`; a bench no shard re-ran answers with its merged result. */
function confirmedOnly(
  merged: Results,
  confirm: Results | undefined,
  names: readonly string[],
): Results {
  const again = new Map((confirm?.benches ?? []).map((b) => [b.name, b]))
  const first = new Map(merged.benches.map((b) => [b.name, b]))
  const benches = names.flatMap((name) => {
    const bench = again.get(name) ?? first.get(name)
    return bench ? [bench] : []
  })
  return { ...(confirm ?? merged), benches }
}
