/**
 * Fan-in of the shard jobs' results into one Results, as if one job had run every bench. Pure:
 * nothing is dropped silently; every gap or overlap becomes a problem line for the comment.
 */
import type { BenchConfig } from '../config/types.js'
import type { Shard } from '../inputs.js'
import type { BenchMachine, BenchResult, Results } from '../results/types.js'
import { ownerBench, shardLabel, type ShardPlan } from './split.js'

/** What the merge job found for one shard of this run. */
export type ShardFetch =
  | {
      shard: Shard
      status: 'ok'
      results: Results
      /** The config benches the shard job planned to run (its own split). */
      planned: string[]
      /** configDigest of the whole config the shard split (its results carry its subset's). */
      configDigest: string
      /** The shard's confirming re-run of the benches its own comparison flagged, if any. */
      confirm?: Results
    }
  | { shard: Shard; status: 'missing' | 'unreadable'; problem: string }

/** The merged run, and everything that did not add up. */
export interface MergeOutcome {
  /** Undefined when no shard produced results. */
  results: Results | undefined
  /** One line per problem, for the comment and the log ("shard 3/4 produced no results"). */
  problems: string[]
  /** Config benches no shard measured, each with why. */
  missing: { bench: string; reason: string }[]
}

/**
 * Merges the shards' results in config order. A bench no shard measured becomes an error result
 * naming why (so the comment lists it), a bench measured twice is kept once (the shard that
 * planned it, else the lower shard) and named; each bench records the machine it ran on.
 */
export function mergeShards(options: {
  count: number
  fetched: readonly ShardFetch[]
  /** The merge job's own plan (the same inputs as the shard jobs), to name a lost shard's benches. */
  plan: ShardPlan
  /** The config benches (filter applied) the shards were to run. */
  benches: readonly BenchConfig[]
  /** configDigest(config) of the merge job's whole config: the merged run's, as one job's would be. */
  configDigest: string
}): MergeOutcome {
  const { count, plan, benches } = options
  const problems: string[] = []
  const byIndex = new Map<number, ShardFetch>()
  for (const fetch of options.fetched) {
    if (fetch.shard.count !== count || fetch.shard.index < 1 || fetch.shard.index > count) {
      problems.push(`ignored shard ${shardLabel(fetch.shard)}: this merge expects ${count} shards`)
    } else if (!byIndex.has(fetch.shard.index)) byIndex.set(fetch.shard.index, fetch)
  }
  const arrived: Extract<ShardFetch, { status: 'ok' }>[] = []
  const lost = new Map<number, string>()
  for (let index = 1; index <= count; index++) {
    const fetch = byIndex.get(index)
    const label = shardLabel({ index, count })
    if (fetch?.status === 'ok') arrived.push(fetch)
    else {
      const why = fetch ? fetch.problem : 'no artifact'
      problems.push(`shard ${label} produced no results (${why})`)
      lost.set(index, label)
    }
  }

  const ownerOf = (resultName: string) =>
    ownerBench(
      benches.map((b) => b.name),
      resultName,
    )
  const plannedShard = new Map<string, number>()
  plan.forEach((names, i) => names.forEach((name) => plannedShard.set(name, i + 1)))
  for (const fetch of arrived) {
    const mine = plan[fetch.shard.index - 1] ?? []
    if (mine.join('\n') !== [...fetch.planned].join('\n')) {
      problems.push(
        `shard ${shardLabel(fetch.shard)} split the benches differently from the merge job (it saw another baseline?); check the missing and duplicated benches below`,
      )
    }
  }

  // Every result, from whichever shard, keyed by result name; duplicates resolved and named.
  const kept = new Map<string, { result: BenchResult; shard: Shard }>()
  for (const fetch of arrived) {
    const machine = machineOf(fetch.results)
    for (const result of fetch.results.benches) {
      const entry = {
        result: { ...result, machine: result.machine ?? machine },
        shard: fetch.shard,
      }
      const earlier = kept.get(result.name)
      if (!earlier) {
        kept.set(result.name, entry)
        continue
      }
      const owner = ownerOf(result.name)
      const planned = owner === undefined ? undefined : plannedShard.get(owner)
      const winner = planned === fetch.shard.index ? entry : earlier
      problems.push(
        `bench "${result.name}" appears in shard ${shardLabel(earlier.shard)} and shard ${shardLabel(fetch.shard)}; kept shard ${shardLabel(winner.shard)}'s`,
      )
      kept.set(result.name, winner)
    }
  }

  const measured = new Set([...kept.keys()].map(ownerOf).filter((n) => n !== undefined))
  const missing: MergeOutcome['missing'] = []
  for (const bench of benches) {
    if (measured.has(bench.name)) continue
    const planned = plannedShard.get(bench.name)
    const label = planned === undefined ? undefined : shardLabel({ index: planned, count })
    const reason =
      planned !== undefined && lost.has(planned)
        ? `not measured: shard ${label} produced no results`
        : planned !== undefined
          ? `not measured: shard ${label} did not report it`
          : 'not measured: no shard ran it'
    missing.push({ bench: bench.name, reason })
  }
  if (missing.length > 0) {
    problems.push(`missing benches: ${missing.map((m) => m.bench).join(', ')}`)
  }

  if (arrived.length === 0) return { results: undefined, problems, missing }
  const first = arrived[0].results
  for (const fetch of arrived.slice(1)) {
    const meta = fetch.results.meta
    if (meta.commit !== first.meta.commit) {
      problems.push(
        `shard ${shardLabel(fetch.shard)} measured commit ${meta.commit ?? 'unknown'}, shard ${shardLabel(arrived[0].shard)} ${first.meta.commit ?? 'unknown'}`,
      )
    }
  }
  for (const fetch of arrived) {
    if (fetch.configDigest !== options.configDigest) {
      problems.push(
        `shard ${shardLabel(fetch.shard)} ran another perfgate config than the merge job (check that every job checks out the same commit and config)`,
      )
    }
  }

  const configIndex = (name: string) => {
    const owner = ownerOf(name)
    return owner === undefined ? benches.length : benches.findIndex((b) => b.name === owner)
  }
  const results = [...kept.values()].map((k) => k.result)
  const missingResults: BenchResult[] = missing.map(({ bench, reason }) => {
    const config = benches.find((b) => b.name === bench)!
    return {
      name: bench,
      kind: config.spec.kind,
      status: 'error',
      reason,
      tags: config.settings.tags,
      noiseThreshold: config.settings.noiseThreshold,
      regressionThreshold: config.settings.regressionThreshold,
      metrics: [],
    }
  })
  // Config order, as one job would have written them (stable within a config bench's results).
  const ordered = [...results, ...missingResults]
    .map((result, position) => ({ result, position }))
    .sort(
      (a, b) => configIndex(a.result.name) - configIndex(b.result.name) || a.position - b.position,
    )
    .map((x) => x.result)

  const cpus = [...new Set(arrived.map((f) => f.results.meta.cpuModel))]
  const timestamps = arrived.map((f) => f.results.meta.timestamp).sort()
  return {
    results: {
      schemaVersion: first.schemaVersion,
      meta: {
        ...first.meta,
        cpuModel: cpus.join(' / '),
        timestamp: timestamps[0],
        configDigest: options.configDigest,
      },
      benches: ordered,
    },
    problems,
    missing,
  }
}

/**
 * The shards' confirming re-runs as one Results (for confirmRegressions), each bench tagged with
 * the machine it ran on; undefined when no shard re-ran anything.
 */
export function mergeConfirmRuns(fetched: readonly ShardFetch[]): Results | undefined {
  const runs = fetched.flatMap((f) => (f.status === 'ok' && f.confirm ? [f.confirm] : []))
  if (runs.length === 0) return undefined
  return {
    ...runs[0],
    benches: runs.flatMap((run) =>
      run.benches.map((b) => ({ ...b, machine: b.machine ?? machineOf(run) })),
    ),
  }
}

function machineOf(results: Results): BenchMachine {
  const { os, arch, cpuModel, cores, nodeVersion } = results.meta
  return { os, arch, cpuModel, cores, nodeVersion }
}
