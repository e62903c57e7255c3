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
      /** The base side of `confirm`, when the shard confirmed against the base on its runner. */
      confirmBase?: Results
      /** Set when the shard measured A/B (`baseline: base-ref`): its base side. */
      ab?: ShardAbSide
    }
  | { shard: Shard; status: 'missing' | 'unreadable'; problem: string }

/** An A/B shard's base side: measured interleaved with its head, on the same runner. */
export interface ShardAbSide {
  baseRef: string
  /** Null when the shard's share was empty (it checked nothing out). */
  baseSha: string | null
  /** The base side of the shard's benches. */
  base: Results
  /** The base side of the shard's confirming re-run, if it re-ran anything. */
  confirmBase?: Results
}

/** The merged run, and everything that did not add up. */
export interface MergeOutcome {
  /** Undefined when no shard produced results. */
  results: Results | undefined
  /** One line per problem, for the comment and the log ("shard 3/4 produced no results"). */
  problems: string[]
  /** Config benches no shard measured, each with why. */
  missing: { bench: string; reason: string }[]
  /** For each result name kept, the index of the shard whose result was kept. */
  keptFrom: Map<string, number>
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

  const keptFrom = new Map([...kept].map(([name, k]) => [name, k.shard.index]))
  if (arrived.length === 0) return { results: undefined, problems, missing, keptFrom }
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
  return {
    results: oneRun(
      arrived.map((f) => f.results),
      inConfigOrder([...results, ...missingResults], benches),
      options.configDigest,
    ),
    problems,
    missing,
    keptFrom,
  }
}

/**
 * The A/B shards' base sides as one base run, merged as mergeShards merged their heads: a result
 * comes from the shard whose head result was kept (`keptFrom`), so a bench measured twice keeps
 * one pair from one runner; a base-only result from the first shard that has it. Undefined when
 * no arrived shard measured A/B. Problems name shards without a base side and differing bases.
 */
export function mergeBaseSides(options: {
  fetched: readonly ShardFetch[]
  keptFrom: ReadonlyMap<string, number>
  benches: readonly BenchConfig[]
  configDigest: string
}): { base: Results; baseRef: string; baseSha: string; problems: string[] } | undefined {
  const arrived = options.fetched.flatMap((f) => (f.status === 'ok' ? [f] : []))
  // A shard whose share was empty is A/B too, but measured no base: it adds nothing here.
  const measuredSides = arrived.flatMap((f) =>
    f.ab && f.ab.baseSha !== null ? [{ shard: f.shard, ab: f.ab, baseSha: f.ab.baseSha }] : [],
  )
  if (measuredSides.length === 0) return undefined
  const problems: string[] = []
  const without = arrived.filter((f) => !f.ab && f.results.benches.length > 0)
  if (without.length > 0) {
    problems.push(
      `${without.map((f) => `shard ${shardLabel(f.shard)}`).join(', ')} measured no base side (A/B); run every shard job with the same baseline input: their benches are compared with nothing`,
    )
  }
  const [reference] = measuredSides
  for (const { shard, baseSha } of measuredSides.slice(1)) {
    if (baseSha !== reference.baseSha) {
      problems.push(
        `shard ${shardLabel(shard)} measured base ${baseSha}, shard ${shardLabel(reference.shard)} ${reference.baseSha}; every shard job must measure the same base commit`,
      )
    }
  }
  const taken = new Set<string>()
  const results: BenchResult[] = []
  for (const { shard, ab } of measuredSides) {
    const machine = machineOf(ab.base)
    for (const result of ab.base.benches) {
      const from = options.keptFrom.get(result.name)
      if (from === undefined ? taken.has(result.name) : from !== shard.index) continue
      taken.add(result.name)
      results.push({ ...result, machine: result.machine ?? machine })
    }
  }
  return {
    base: oneRun(
      measuredSides.map((s) => s.ab.base),
      inConfigOrder(results, options.benches),
      options.configDigest,
    ),
    baseRef: reference.ab.baseRef,
    baseSha: reference.baseSha,
    problems,
  }
}

/** The shards' base sides of their confirming re-measures as one Results, like mergeConfirmRuns. */
export function mergeConfirmBaseRuns(fetched: readonly ShardFetch[]): Results | undefined {
  return mergeConfirmRuns(
    fetched.flatMap((f) => {
      const base = f.status === 'ok' ? (f.ab?.confirmBase ?? f.confirmBase) : undefined
      return f.status === 'ok' && base ? [{ ...f, confirm: base }] : []
    }),
  )
}

/** Results in config order, as one job would have written them (stable within a config bench). */
function inConfigOrder(results: readonly BenchResult[], benches: readonly BenchConfig[]) {
  const names = benches.map((b) => b.name)
  const configIndex = (name: string) => {
    const owner = ownerBench(names, name)
    return owner === undefined ? names.length : names.indexOf(owner)
  }
  return results
    .map((result, position) => ({ result, position }))
    .sort(
      (a, b) => configIndex(a.result.name) - configIndex(b.result.name) || a.position - b.position,
    )
    .map((x) => x.result)
}

/** One run's Results from the shards' runs: the first one's meta, every CPU, the earliest start. */
function oneRun(runs: readonly Results[], benches: BenchResult[], digest: string): Results {
  const [first] = runs
  const cpus = [...new Set(runs.map((run) => run.meta.cpuModel))]
  const timestamps = runs.map((run) => run.meta.timestamp).sort()
  return {
    schemaVersion: first.schemaVersion,
    meta: {
      ...first.meta,
      cpuModel: cpus.join(' / '),
      timestamp: timestamps[0],
      configDigest: digest,
    },
    benches,
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
