import { describe, expect, it } from '@jest/globals'
import { makeResults } from '../../__fixtures__/results.js'
import { benchDurations, planShards } from '../../src/shards/split.js'

const names = (n: number) =>
  Array.from({ length: n }, (_, i) => `bench-${String(i).padStart(2, '0')}`)

// Deterministic, uneven durations: a few long benches among many short ones (like a real suite).
function durationsOf(list: string[]): Map<string, number> {
  return new Map(
    list.map((name, i) => [name, 50 + ((i * 7919) % 97) * 20 + (i % 9 === 0 ? 1500 : 0)]),
  )
}

function loads(plan: string[][], durations: Map<string, number>): number[] {
  return plan.map((shard) => shard.reduce((sum, name) => sum + durations.get(name)!, 0))
}

describe('planShards', () => {
  it('keeps every shard under 1.5x the mean load when durations allow', () => {
    for (const [benchCount, count] of [
      [40, 4],
      [23, 3],
      [60, 8],
      [9, 2],
    ] as const) {
      const list = names(benchCount)
      const durations = durationsOf(list)
      const plan = planShards(list, count, durations)
      const shardLoads = loads(plan, durations)
      const mean = shardLoads.reduce((a, b) => a + b, 0) / count
      expect(Math.max(...shardLoads)).toBeLessThanOrEqual(1.5 * mean)
      // Every bench exactly once, each shard in config order.
      expect(plan.flat().sort()).toEqual([...list].sort())
      for (const shard of plan) expect(shard).toEqual(list.filter((n) => shard.includes(n)))
    }
  })

  it('balances by duration, not count: one long bench gets a shard to itself', () => {
    const list = ['long', 'a', 'b', 'c', 'd']
    const durations = new Map([
      ['long', 400],
      ['a', 100],
      ['b', 100],
      ['c', 100],
      ['d', 100],
    ])
    const plan = planShards(list, 2, durations)
    expect(plan.find((s) => s.includes('long'))).toEqual(['long'])
  })

  it('splits by count when the baseline recorded no durations', () => {
    const plan = planShards(names(10), 4)
    expect(plan.map((s) => s.length).sort()).toEqual([2, 2, 3, 3])
  })

  it('gives the same plan on every job (inputs in any map order) and moves few benches when one is added', () => {
    const list = names(40)
    const durations = durationsOf(list)
    const plan = planShards(list, 4, durations)
    const shuffled = new Map([...durations].reverse())
    expect(planShards(list, 4, shuffled)).toEqual(plan)

    const grown = [...list, 'bench-new']
    const after = planShards(grown, 4, durations)
    const shardOf = (p: string[][], name: string) => p.findIndex((s) => s.includes(name))
    const moved = list.filter((name) => shardOf(plan, name) !== shardOf(after, name))
    expect(moved.length).toBeLessThanOrEqual(4)
  })

  it('moves few benches when the recorded durations drift by a few percent between baselines', () => {
    const list = names(40)
    const durations = durationsOf(list)
    const drifted = new Map(
      [...durations].map(([name, d], i) => [name, d * (1 + 0.05 * Math.sin(i * 12.9898))]),
    )
    const before = planShards(list, 4, durations)
    const after = planShards(list, 4, drifted)
    const shardOf = (p: string[][], name: string) => p.findIndex((s) => s.includes(name))
    // Measured: 5 of 40 move here; a plain longest-first greedy split moves 27.
    expect(
      list.filter((name) => shardOf(before, name) !== shardOf(after, name)).length,
    ).toBeLessThanOrEqual(8)
  })

  it('treats a bench missing from the baseline as an average one', () => {
    const list = ['x', 'y', 'new']
    const plan = planShards(
      list,
      3,
      new Map([
        ['x', 10],
        ['y', 10],
      ]),
    )
    expect(plan.map((s) => s.length)).toEqual([1, 1, 1])
  })
})

describe('benchDurations', () => {
  it('takes the median over baseline runs and sums the results of one config bench', () => {
    const run = (parse: number, other: number) => {
      const results = makeResults({
        benches: [
          { name: 'json/parse', samples: [1] },
          { name: 'json/stringify', samples: [1] },
          { name: 'other', samples: [1] },
        ],
      })
      results.benches[0].durationMs = parse
      results.benches[1].durationMs = parse
      results.benches[2].durationMs = other
      return results
    }
    const durations = benchDurations(
      ['json', 'other', 'never'],
      [run(10, 100), run(30, 300), run(20, 200)],
    )
    expect(Object.fromEntries(durations)).toEqual({ json: 40, other: 200 })
  })
})
