/**
 * Sharded matrix (issue 15). A shard job (`shard: i/n`) measures its share of the benches, split
 * on the baseline's recorded durations, confirms its own flagged benches on its own runner, and
 * uploads `<artifact-name>-shard-i-of-n` — no comment, no verdict. With `baseline: base-ref` on a
 * pull request it measures both sides of its share, interleaved, and uploads both. The merge job
 * (`mode: merge`) fans the shard artifacts of this run back into one Results for the pipeline.
 */
import os from 'node:os'
import path from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { FILES, shardArtifactName } from '../baseline/layout.js'
import type { BaselineOutcome } from '../baseline/source.js'
import { recordGate } from '../compare/base-gate.js'
import type { Config } from '../config/types.js'
import { OUTPUT, type Shard } from '../inputs.js'
import type { Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { filterBenches } from '../run/run-benches.js'
import { configDigest } from '../run/meta.js'
import { writeShardArtifact } from '../shards/artifact.js'
import type { ShardAbSide } from '../shards/merge.js'
import { benchDurations, benchesOfShard, planShards, type ShardPlan } from '../shards/split.js'
import { compareAndConfirm } from './compare.js'
import type { RunContext } from './context.js'
import { loadBaseline, matchLoaded } from './find-baseline.js'
import { storedBaselineSource } from './measure.js'
import { measureAb } from './measure-ab.js'
import type { Remote, Setup } from './setup.js'
import type { NumbersSource, Remeasured } from './source.js'

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

/** What a shard job measured: its head results, the confirming re-run, and the base side (A/B). */
interface ShardRun {
  results: Results
  confirm?: Results
  /** The base side of `confirm`, when this shard confirmed against the base on its runner. */
  confirmBase?: Results
  ab?: ShardAbSide
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
  // The baseline's recorded durations decide the split, also in A/B mode (by count without one).
  const loaded = await loadBaseline(setup, remote, deps)
  const { plan } = planFor(setup, config, shard.count, loaded)
  const share = benchesOfShard(plan, shard)
  deps.step.info(`Shard ${shard.index}/${shard.count}: ${share.join(', ') || '(no benches)'}`)
  const digest = configDigest(config)
  const run: RunContext = { setup, config, deps, remote }
  const measured = setup.ab
    ? await measureShareAb(run, setup.ab, share, digest)
    : await measureShare(run, share, digest, loaded)

  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-'))
  await writeShardArtifact(dir, { ...measured, shard, planned: share, configDigest: digest })
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

/** The share measured on this runner and, on a pull request, compared and confirmed here too. */
async function measureShare(
  run: RunContext,
  share: string[],
  digest: string,
  loaded: BaselineOutcome | undefined,
): Promise<ShardRun> {
  const { setup, config, deps } = run
  const measured = share.length > 0 ? await deps.runBenches(config, { names: share }) : undefined
  const base = measured ?? (await deps.runBenches(config, { names: [] }))
  const results = recordGate(withDigest(base, digest), gateOf(setup))
  const resultsPath = await writeResults(setup, results, deps)
  if (!setup.pr || share.length === 0) return { results }
  // The confirmation happens here, on the runner that measured: the merge job measures nothing.
  const source = await storedBaselineSource(
    run,
    { results, resultsPath },
    matchLoaded(loaded, results),
  )
  const again = await confirmOnShard(run, source)
  return {
    results,
    ...(again ? { confirm: withDigest(again.head, digest) } : {}),
    ...(again?.base ? { confirmBase: withDigest(again.base, digest) } : {}),
  }
}

/** Compares and confirms a shard's share; returns what the confirmation measured again. */
async function confirmOnShard(
  run: RunContext,
  source: NumbersSource,
): Promise<Remeasured | undefined> {
  let again: Remeasured | undefined
  await compareAndConfirm(run, {
    ...source,
    remeasure: async (names) => {
      // The merge job judges the shards again and cannot carry a shard's cause: no profiling here.
      const measured = await source.remeasure(names)
      return (again = { ...measured, explain: undefined })
    },
  })
  return again
}

/**
 * A/B share: both sides of the share measured interleaved on this runner (the A/B stage), compared
 * and confirmed here on both sides; the merge job compares the merged head with the merged base.
 */
async function measureShareAb(
  run: RunContext,
  ab: { baseRef: string },
  share: string[],
  digest: string,
): Promise<ShardRun> {
  const { setup, config, deps } = run
  if (share.length === 0) {
    // Nothing to check out or build: an empty run, still marked A/B so the merge sees one mode.
    const empty = recordGate(
      withDigest(await deps.runBenches(config, { names: [] }), digest),
      gateOf(setup),
    )
    await writeResults(setup, empty, deps)
    return { results: empty, ab: { baseRef: ab.baseRef, baseSha: null, base: empty } }
  }
  const both = await measureAb(setup, ab, deps, share)
  try {
    const results = withDigest(both.measured.results, digest)
    const again = await confirmOnShard(run, {
      measured: { ...both.measured, results },
      finding: both.finding,
      confirm: setup.inputs.confirm === 'false' ? 'none' : 'base',
      remeasure: both.remeasure,
      problems: [],
      close: both.close,
    })
    return {
      results,
      ...(again ? { confirm: withDigest(again.head, digest) } : {}),
      ab: {
        ...both.side,
        base: withDigest(both.base, digest),
        ...(again?.base ? { confirmBase: withDigest(again.base, digest) } : {}),
      },
    }
  } finally {
    await both.close()
  }
}

function gateOf(setup: Setup) {
  return { threshold: setup.inputs.threshold, failOnRegression: setup.inputs.failOnRegression }
}

/** The whole config's digest, as the merge job checks it (a subset run carries its own). */
function withDigest(results: Results, digest: string): Results {
  return { ...results, meta: { ...results.meta, configDigest: digest } }
}

async function writeResults(setup: Setup, results: Results, deps: Deps): Promise<string> {
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)
  return resultsPath
}
