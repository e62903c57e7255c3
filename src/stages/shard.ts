/**
 * Sharded matrix (issue 15). A shard job (`shard: i/n`) measures its share of the benches, split
 * on the baseline's recorded durations, confirms its own flagged benches on its own runner, and
 * uploads `<artifact-name>-shard-i-of-n` — no comment, no verdict. The merge job (`mode: merge`)
 * fans the shard artifacts of this run back into one Results for the normal pipeline.
 */
import os from 'node:os'
import path from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { FILES, shardArtifactName } from '../baseline/layout.js'
import { matchBenches, type BaselineOutcome } from '../baseline/source.js'
import { recordGate } from '../compare/base-gate.js'
import type { Config } from '../config/types.js'
import { OUTPUT, type Shard } from '../inputs.js'
import type { Deps } from '../ports.js'
import type { Results } from '../results/types.js'
import { filterBenches } from '../run/run-benches.js'
import { configDigest } from '../run/meta.js'
import { writeShardArtifact } from '../shards/artifact.js'
import { benchDurations, benchesOfShard, planShards, type ShardPlan } from '../shards/split.js'
import { compareAndConfirm } from './compare.js'
import { findBaseline, type BaselineFinding } from './find-baseline.js'
import { serializeResults } from '../results/schema.js'
import type { Remote, Setup } from './setup.js'

/** The baseline as loaded, before any run exists to match it with (the split needs it first). */
export async function loadBaselineFirst(
  setup: Setup,
  remote: Remote,
  deps: Deps,
): Promise<BaselineOutcome | undefined> {
  // matchBenches only reads the head's config digest and benches: nothing to match yet.
  const nothing = { meta: { configDigest: '' }, benches: [] } as unknown as Results
  return (await findBaseline(setup, nothing, remote, deps)).loaded
}

/** The finding findBaseline would have returned for `results`, from a baseline already loaded. */
export function matchLoaded(
  loaded: BaselineOutcome | undefined,
  results: Results,
): BaselineFinding {
  if (!loaded) return {}
  const { outcome, match } = matchBenches(loaded, results)
  return { loaded, comparable: outcome, match }
}

/** Every shard's benches, as each job of the matrix computes them from the same inputs. */
export function planFor(
  setup: Setup,
  config: Config,
  count: number,
  loaded: BaselineOutcome | undefined,
): { names: string[]; plan: ShardPlan } {
  const names = filterBenches(config, setup.inputs.filter).map((b) => b.name)
  const baselines = loaded?.found ? loaded.baselines : []
  return { names, plan: planShards(names, count, benchDurations(names, baselines)) }
}

/** A shard job: measure this share, confirm on this runner, upload the shard artifact. */
export async function shardJob(
  setup: Setup,
  config: Config,
  shard: Shard,
  remote: Remote,
  deps: Deps,
): Promise<void> {
  const { inputs } = setup
  const loaded = await loadBaselineFirst(setup, remote, deps)
  const { plan } = planFor(setup, config, shard.count, loaded)
  const share = benchesOfShard(plan, shard)
  deps.step.info(`Shard ${shard.index}/${shard.count}: ${share.join(', ') || '(no benches)'}`)
  const digest = configDigest(config)
  const measured = share.length > 0 ? await deps.runBenches(config, { names: share }) : undefined
  const base = measured ?? (await deps.runBenches(config, { names: [] }))
  const results = recordGate(
    { ...base, meta: { ...base.meta, configDigest: digest } },
    { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression },
  )
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)

  // The confirming re-run happens here, on the runner that measured: the merge job measures nothing.
  let confirm: Results | undefined
  const capture: Deps = {
    ...deps,
    runBenches: async (c, select) => {
      const again = await deps.runBenches(c, select)
      confirm = { ...again, meta: { ...again.meta, configDigest: digest } }
      return again
    },
  }
  if (setup.pr && share.length > 0) {
    await compareAndConfirm(setup, config, results, matchLoaded(loaded, results), capture)
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-'))
  await writeShardArtifact(dir, {
    results,
    shard,
    planned: share,
    configDigest: digest,
    ...(confirm ? { confirm } : {}),
  })
  const name = shardArtifactName(inputs.artifactName, shard)
  try {
    const store = await remote.store()
    await store.upload(name, dir, inputs.retentionDays)
  } catch (error) {
    // The merge job names the missing shard; the shard job itself fails so the matrix shows it.
    throw new Error(`Could not upload the shard artifact ${name}: ${(error as Error).message}`)
  }
  deps.step.info(`Uploaded ${name}; the merge job compares and comments.`)
}
