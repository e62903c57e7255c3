/**
 * The deterministic split of config benches over the jobs of a matrix, balanced by the durations
 * recorded in the baseline. Pure: every shard job computes the same plan from the same inputs.
 */
import { createHash } from 'node:crypto'
import type { Shard } from '../inputs.js'
import type { Results } from '../results/types.js'

/** Which config benches each shard runs: plan[i - 1] is shard i's list, in config order. */
export type ShardPlan = string[][]

/**
 * A shard may take this much over the mean load before a bench spills to a less preferred shard.
 * Small enough to keep shards balanced, large enough that noise in recorded durations rarely moves
 * a bench away from its preferred shard.
 */
const SLACK = 1.1

/**
 * Each config bench's duration in ms: the median over the baseline runs of the summed durations of
 * the results it produced (`json` produces `json/parse`). Benches never recorded are absent.
 */
export function benchDurations(
  benchNames: readonly string[],
  baselines: readonly Results[],
): Map<string, number> {
  const perRun = baselines.map((run) => {
    const sums = new Map<string, number>()
    for (const result of run.benches) {
      if (result.durationMs === undefined) continue
      const owner = ownerBench(benchNames, result.name)
      if (owner !== undefined) sums.set(owner, (sums.get(owner) ?? 0) + result.durationMs)
    }
    return sums
  })
  const durations = new Map<string, number>()
  for (const name of benchNames) {
    const values = perRun
      .map((sums) => sums.get(name))
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b)
    if (values.length === 0) continue
    const mid = Math.floor(values.length / 2)
    durations.set(name, values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2)
  }
  return durations
}

/**
 * Splits `benchNames` (config order) over `count` shards. Each bench has a fixed, hash-derived
 * order of preferred shards (rendezvous hashing), so adding or removing a bench moves few others;
 * benches are placed longest first on the most preferred shard with room under SLACK × the mean,
 * else on the least loaded one. Benches without a recorded duration count as the mean recorded
 * duration (or 1 when none is recorded, which balances by count).
 */
export function planShards(
  benchNames: readonly string[],
  count: number,
  durations: ReadonlyMap<string, number> = new Map(),
): ShardPlan {
  const known = benchNames.map((n) => durations.get(n)).filter((d): d is number => d !== undefined)
  const fallback =
    known.length > 0 ? Math.max(known.reduce((a, b) => a + b, 0) / known.length, 1e-9) : 1
  const weight = (name: string) => Math.max(durations.get(name) ?? fallback, 0)
  const total = benchNames.reduce((sum, name) => sum + weight(name), 0)
  const cap = (total / count) * SLACK
  const loads = new Array<number>(count).fill(0)
  const assigned = new Map<string, number>()
  const order = [...benchNames].sort((a, b) => weight(b) - weight(a) || compareText(a, b))
  for (const name of order) {
    const w = weight(name)
    const preferred = preferenceOrder(name, count)
    let shard = preferred.find((s) => loads[s] + w <= cap)
    if (shard === undefined) {
      shard = 0
      for (let s = 1; s < count; s++) if (loads[s] < loads[shard]) shard = s
    }
    loads[shard] += w
    assigned.set(name, shard)
  }
  const plan: ShardPlan = Array.from({ length: count }, () => [])
  for (const name of benchNames) plan[assigned.get(name)!].push(name)
  return plan
}

/** The config benches shard `shard` runs under `plan`. */
export function benchesOfShard(plan: ShardPlan, shard: Shard): string[] {
  return plan[shard.index - 1] ?? []
}

/** The config bench that produced `resultName`: the same name, else the longest `name/` prefix. */
export function ownerBench(benchNames: readonly string[], resultName: string): string | undefined {
  if (benchNames.includes(resultName)) return resultName
  return benchNames
    .filter((name) => resultName.startsWith(`${name}/`))
    .sort((a, b) => b.length - a.length)[0]
}

/** `2/4`, as users write it. */
export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`
}

/** Shard indexes (0-based) from most to least preferred for `name`: highest hash score first. */
function preferenceOrder(name: string, count: number): number[] {
  const scores = Array.from({ length: count }, (_, s) => ({
    s,
    score: createHash('sha256').update(`${name}\u0000${s}`).digest().readUInt32BE(0),
  }))
  return scores.sort((a, b) => b.score - a.score || a.s - b.s).map((x) => x.s)
}

// Locale-independent, so every runner sorts names the same way.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
