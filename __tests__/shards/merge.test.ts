import { describe, expect, it } from '@jest/globals'
import { makeResults } from '../../__fixtures__/results.js'
import { compareRuns } from '../../src/compare/compare-runs.js'
import {
  mergeBaseSides,
  mergeConfirmBaseRuns,
  mergeShards,
  type ShardFetch,
} from '../../src/shards/merge.js'
import { configDigest } from '../../src/run/meta.js'
import { planShards } from '../../src/shards/split.js'
import { config } from '../run/helpers.js'

const CONFIG = config(`benches:
${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => `  - name: ${n}\n    kind: command\n    command: 'true'`).join('\n')}
`)
const NAMES = CONFIG.benches.map((b) => b.name)
const PLAN = planShards(NAMES, 4)
const DIGEST = configDigest(CONFIG)

function shardRun(
  index: number,
  benches = PLAN[index - 1],
  cpuModel = 'Test CPU @ 2.0GHz',
): ShardFetch {
  return {
    shard: { index, count: 4 },
    status: 'ok',
    results: makeResults({
      benches: benches.map((name) => ({ name, samples: [10, 11, 12] })),
      meta: { cpuModel, commit: 'c0ffee', timestamp: `2026-01-01T00:00:0${index}.000Z` },
    }),
    planned: PLAN[index - 1],
    configDigest: DIGEST,
  }
}

describe('mergeShards', () => {
  it('merges all shards into one run in config order, with no problems', () => {
    const fetched = [1, 2, 3, 4].map((i) => shardRun(i))
    const merged = mergeShards({
      count: 4,
      fetched,
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.problems).toEqual([])
    expect(merged.missing).toEqual([])
    expect(merged.results!.benches.map((b) => b.name)).toEqual(NAMES)
    expect(merged.results!.meta.timestamp).toBe('2026-01-01T00:00:01.000Z')
    expect(merged.results!.meta.configDigest).toBe(DIGEST)
    expect(merged.results!.benches.every((b) => b.machine?.cpuModel === 'Test CPU @ 2.0GHz')).toBe(
      true,
    )
  })

  it('names a missing shard and lists its benches as errors, never dropping them', () => {
    const lost = PLAN[2]
    expect(lost.length).toBeGreaterThan(0)
    const fetched: ShardFetch[] = [
      shardRun(1),
      shardRun(2),
      { shard: { index: 3, count: 4 }, status: 'missing', problem: 'run 9 has no artifact x' },
      shardRun(4),
    ]
    const merged = mergeShards({
      count: 4,
      fetched,
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.problems[0]).toBe('shard 3/4 produced no results (run 9 has no artifact x)')
    expect(merged.problems).toContain(`missing benches: ${lost.join(', ')}`)
    expect(merged.missing.map((m) => m.bench)).toEqual(lost)
    const rows = merged.results!.benches.filter((b) => lost.includes(b.name))
    expect(rows.map((b) => [b.status, b.reason])).toEqual(
      lost.map(() => ['error', 'not measured: shard 3/4 produced no results']),
    )
    expect(merged.results!.benches.map((b) => b.name)).toEqual(NAMES)
  })

  it('counts a shard that never reported at all (not even a failed fetch) as missing', () => {
    const merged = mergeShards({
      count: 4,
      fetched: [shardRun(1), shardRun(2), shardRun(4)],
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.problems[0]).toBe('shard 3/4 produced no results (no artifact)')
  })

  it('names a bench measured by two shards with both shards, and keeps the planned one', () => {
    const dup = PLAN[0][0]
    const fetched = [shardRun(1), shardRun(2, [...PLAN[1], dup]), shardRun(3), shardRun(4)]
    const merged = mergeShards({
      count: 4,
      fetched,
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.problems).toEqual([
      `bench "${dup}" appears in shard 1/4 and shard 2/4; kept shard 1/4's`,
    ])
    expect(merged.results!.benches.filter((b) => b.name === dup)).toHaveLength(1)
    expect(merged.results!.benches).toHaveLength(NAMES.length)
  })

  it('names a shard that split another config, and stamps the merged run with the whole config', () => {
    const other = { ...shardRun(2), configDigest: 'sha256:other' }
    const merged = mergeShards({
      count: 4,
      fetched: [shardRun(1), other, shardRun(3), shardRun(4)],
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.problems).toEqual([
      'shard 2/4 ran another perfgate config than the merge job (check that every job checks out the same commit and config)',
    ])
    expect(merged.results!.meta.configDigest).toBe(DIGEST)
  })

  it('has no results but every problem when no shard arrived', () => {
    const fetched: ShardFetch[] = [1, 2, 3, 4].map((index) => ({
      shard: { index, count: 4 },
      status: 'unreadable',
      problem: 'bad zip',
    }))
    const merged = mergeShards({
      count: 4,
      fetched,
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    })
    expect(merged.results).toBeUndefined()
    expect(merged.problems.slice(0, 4)).toEqual(
      [1, 2, 3, 4].map((i) => `shard ${i}/4 produced no results (bad zip)`),
    )
    expect(merged.missing).toHaveLength(NAMES.length)
  })

  it('records the CPU per bench so the runner warning names only the benches that moved', () => {
    const baseline = mergeShards({
      count: 4,
      fetched: [1, 2, 3, 4].map((i) => shardRun(i)),
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    }).results!
    const head = mergeShards({
      count: 4,
      fetched: [1, 2, 3, 4].map((i) =>
        shardRun(i, PLAN[i - 1], i === 2 ? 'Other CPU' : 'Test CPU @ 2.0GHz'),
      ),
      plan: PLAN,
      benches: CONFIG.benches,
      configDigest: DIGEST,
    }).results!
    expect(head.meta.cpuModel).toBe('Test CPU @ 2.0GHz / Other CPU')
    const warnings = compareRuns([baseline], head).warnings.filter((w) =>
      w.startsWith('RUNNER MISMATCH'),
    )
    const moved = PLAN[1]
    expect(warnings).toEqual([
      `RUNNER MISMATCH: ${moved.length === 1 ? 'bench' : `${moved.length} benches`} ${moved.join(', ')} ran on Test CPU @ 2.0GHz in the baseline but on Other CPU in head; their timing changes may come from the hardware, not the code`,
    ])
  })
})

/** An A/B shard: its head at 10-12 ms, its base at 20-22 ms, measured on `cpuModel`. */
function abShard(
  index: number,
  options: { benches?: string[]; baseSha?: string; cpuModel?: string; rerun?: string[] } = {},
): ShardFetch {
  const benches = options.benches ?? PLAN[index - 1]
  const cpuModel = options.cpuModel ?? `CPU ${index}`
  const side = (samples: number[], names = benches) =>
    makeResults({
      benches: names.map((name) => ({ name, samples })),
      meta: {
        cpuModel,
        commit: options.baseSha ?? 'base',
        timestamp: `2026-01-01T00:00:0${index}.000Z`,
      },
    })
  const head = shardRun(index, benches, cpuModel)
  if (head.status !== 'ok') throw new Error('unreachable')
  return {
    ...head,
    ab: {
      baseRef: 'main',
      baseSha: options.baseSha ?? 'base',
      base: side([20 + index, 21, 22]),
      ...(options.rerun ? { confirmBase: side([30, 31, 32], options.rerun) } : {}),
    },
  }
}

function mergeAb(fetched: ShardFetch[]) {
  const head = mergeShards({
    count: 4,
    fetched,
    plan: PLAN,
    benches: CONFIG.benches,
    configDigest: DIGEST,
  })
  const sides = mergeBaseSides({
    fetched,
    keptFrom: head.keptFrom,
    benches: CONFIG.benches,
    configDigest: DIGEST,
  })
  return { head, sides }
}

describe('mergeBaseSides (A/B shards)', () => {
  it('merges the base sides apart from the heads, in config order, each bench on its own runner', () => {
    const { head, sides } = mergeAb([4, 2, 1, 3].map((i) => abShard(i)))
    expect(sides?.problems).toEqual([])
    expect(sides?.baseSha).toBe('base')
    expect(sides?.baseRef).toBe('main')
    expect(sides!.base.benches.map((b) => b.name)).toEqual(NAMES)
    expect(sides!.base.meta.configDigest).toBe(DIGEST)
    // Each base result is the base of the same shard as its head, on that shard's machine.
    const shardOf = (name: string) => PLAN.findIndex((names) => names.includes(name)) + 1
    for (const bench of sides!.base.benches) {
      expect(bench.metrics[0].samples[0]).toBe(20 + shardOf(bench.name))
      expect(bench.machine?.cpuModel).toBe(`CPU ${shardOf(bench.name)}`)
      expect(head.results!.benches.find((b) => b.name === bench.name)?.machine?.cpuModel).toBe(
        `CPU ${shardOf(bench.name)}`,
      )
    }
    // Compared as one A/B job compares: every bench against its own base, all faster here.
    const comparison = compareRuns([sides!.base], head.results!)
    expect(comparison.comparisons.map((c) => c.name)).toEqual(NAMES)
  })

  it("keeps a duplicated bench's head and base from the same shard", () => {
    const dup = PLAN[0][0]
    const { head, sides } = mergeAb([
      abShard(1),
      abShard(2, { benches: [...PLAN[1], dup] }),
      abShard(3),
      abShard(4),
    ])
    expect(head.problems).toEqual([
      `bench "${dup}" appears in shard 1/4 and shard 2/4; kept shard 1/4's`,
    ])
    const base = sides!.base.benches.filter((b) => b.name === dup)
    expect(base.map((b) => b.metrics[0].samples[0])).toEqual([21])
    expect(sides!.base.benches).toHaveLength(NAMES.length)
  })

  it('names shards that measured another base, or no base side at all', () => {
    const plain = shardRun(3)
    const { sides } = mergeAb([abShard(1), abShard(2, { baseSha: 'other' }), plain, abShard(4)])
    expect(sides?.problems).toEqual([
      'shard 3/4 measured no base side (A/B); run every shard job with the same baseline input: their benches are compared with nothing',
      'shard 2/4 measured base other, shard 1/4 base; every shard job must measure the same base commit',
    ])
    expect(sides!.base.benches.map((b) => b.name)).toEqual(
      NAMES.filter((name) => !PLAN[2].includes(name)),
    )
  })

  it('is undefined when no shard measured A/B, and an empty A/B shard adds nothing', () => {
    expect(mergeAb([1, 2, 3, 4].map((i) => shardRun(i))).sides).toBeUndefined()
    const empty = abShard(4, { benches: [] })
    if (empty.status !== 'ok' || !empty.ab) throw new Error('unreachable')
    const idle: ShardFetch = { ...empty, ab: { ...empty.ab, baseSha: null } }
    const { sides } = mergeAb([abShard(1), abShard(2), abShard(3), idle])
    expect(sides?.problems).toEqual([])
    expect(sides!.base.benches).toHaveLength(NAMES.length - PLAN[3].length)
  })

  it("gathers the base sides of the shards' confirming re-runs", () => {
    const rerun = PLAN[1].slice(0, 1)
    const base = mergeConfirmBaseRuns([abShard(1), abShard(2, { rerun }), abShard(3)])
    expect(base?.benches.map((b) => [b.name, b.metrics[0].samples, b.machine?.cpuModel])).toEqual([
      [rerun[0], [30, 31, 32], 'CPU 2'],
    ])
    expect(mergeConfirmBaseRuns([abShard(1)])).toBeUndefined()
  })
})
