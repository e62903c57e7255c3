/**
 * Merge job (`mode: merge`): the shard artifacts of this run as one run's results, never
 * re-measured; A/B shards' heads and bases merged apart and compared as one A/B job compares.
 */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import { recordGate } from '../compare/base-gate.js'
import { OUTPUT } from '../inputs.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { configDigest } from '../run/meta.js'
import { fetchShardArtifacts } from '../shards/artifact.js'
import {
  mergeBaseSides,
  mergeConfirmBaseRuns,
  mergeConfirmRuns,
  mergeShards,
} from '../shards/merge.js'
import type { RunContext } from './context.js'
import { loadBaseline, matchLoaded } from './find-baseline.js'
import { abFinding } from './measure-ab.js'
import { planFor } from './shard.js'
import { filterBenches } from '../run/run-benches.js'
import type { Setup } from './setup.js'
import type { ConfirmMode, NumbersSource } from './source.js'

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

/**
 * The merge source: downloads and merges the shards of this run (shard problems become step
 * warnings); its confirmation answers from what the shards re-measured on their own runners.
 */
export async function mergeSource(run: RunContext): Promise<NumbersSource> {
  const { setup, config, remote, deps } = run
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
  const loaded = await loadBaseline(setup, remote, deps)
  const { plan } = planFor(setup, config, count, loaded)
  const fetched = await fetchShardArtifacts({
    api,
    store,
    runId: ctx.runId,
    artifactName: inputs.artifactName,
    count,
  })
  const digest = configDigest(config)
  const benches = filterBenches(config, inputs.filter)
  const merged = mergeShards({ count, fetched, plan, benches, configDigest: digest })
  if (!merged.results) {
    throw new Error(`no shard of run ${ctx.runId} produced results: ${merged.problems.join('; ')}`)
  }
  // A/B shards (`baseline: base-ref`): the heads and the bases merged apart, as one job's pair.
  const sides = mergeBaseSides({
    fetched,
    keptFrom: merged.keptFrom,
    benches,
    configDigest: digest,
  })
  const problems = [...merged.problems, ...(sides?.problems ?? []), ...modeProblems(setup, sides)]
  for (const problem of problems) deps.step.warning(problem, { title: 'perfgate shards' })
  const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression }
  const results = recordGate(merged.results, gate)
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)

  const confirm = mergeConfirmRuns(fetched)
  const confirmBase = mergeConfirmBaseRuns(fetched)
  const common = {
    measured: { results, resultsPath },
    problems,
    confirm: confirmModeOf(setup, confirmBase),
    close: () => Promise.resolve(),
  }
  if (!sides) {
    return {
      ...common,
      finding: matchLoaded(loaded, results),
      // Shards that confirmed against the base re-measured both sides; a bench none re-measured
      // is left out, so it keeps its first verdict.
      remeasure: (names) =>
        Promise.resolve(
          confirmBase
            ? {
                head: remeasuredOnly(confirm ?? confirmBase, names),
                base: remeasuredOnly(confirmBase, names),
              }
            : { head: confirmedOnly(results, confirm, names) },
        ),
    }
  }
  await deps.files.writeFile(path.join(setup.outDir, FILES.shardBase), serializeResults(sides.base))
  return {
    ...common,
    finding: abFinding(recordGate(sides.base, gate), results, sides),
    remeasure: (names) =>
      Promise.resolve({
        head: confirmedOnly(results, confirm, names),
        base: confirmedOnly(sides.base, confirmBase, names),
      }),
  }
}

/** What the shards' confirmations were: both sides, the head alone, or none asked for. */
function confirmModeOf(setup: Setup, confirmBase: Results | undefined): ConfirmMode {
  if (!setup.pr || setup.inputs.confirm === 'false') return 'none'
  return confirmBase || setup.ab ? 'base' : 'rerun'
}

/** The benches of `names` that `run` re-measured. */
function remeasuredOnly(run: Results, names: readonly string[]): Results {
  const wanted = new Set(names)
  return { ...run, benches: run.benches.filter((b) => wanted.has(b.name)) }
}

/** The merge job's own `baseline` input disagreeing with what its shards measured. */
function modeProblems(setup: Setup, sides: { baseSha: string } | undefined): string[] {
  if (setup.ab && !sides) {
    return [
      'this merge job has baseline: base-ref but no shard measured a base side; compared with the artifact baseline instead (give the shard jobs the same baseline input)',
    ]
  }
  if (!setup.ab && sides) {
    return [
      `the shards measured base ${sides.baseSha} beside the head (baseline: base-ref); compared A/B, as they measured, though this merge job has no baseline: base-ref`,
    ]
  }
  return []
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
