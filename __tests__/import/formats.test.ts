/** The custom format (perfgate's own) and vitest's format (built from its source, and real vitest 3 output). */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseCustom } from '../../src/results/import/custom.js'
import { ImportFormatError } from '../../src/results/import/types.js'
import { parseVitest } from '../../src/results/import/vitest.js'
import { FIXTURES } from './helpers.js'

describe('custom', () => {
  it('reads samples and single values, normalising times to ms', () => {
    const benches = parseCustom(
      JSON.stringify({
        unit: 'us',
        benches: [
          { name: 'parse', samples: [1200, 1300, 1250] },
          { name: 'boot', value: 2, unit: 's' },
          { name: 'throughput', samples: [900, 950], unit: 'ops/s', 'bigger-is-better': true },
        ],
      }),
      'custom.json',
    )
    expect(benches.map((b) => b.id)).toEqual(['parse', 'boot', 'throughput'])
    expect(benches[0].metrics[0]).toMatchObject({ name: 'time', unit: 'ms', better: 'smaller' })
    expect(benches[0].metrics[0].samples).toEqual([1.2, 1.3, 1.25])
    expect(benches[1].metrics[0].samples).toEqual([2000])
    expect(benches[1].metrics[0].summary.n).toBe(1)
    expect(benches[2].metrics[0]).toMatchObject({
      name: 'value',
      unit: 'ops/s',
      better: 'bigger',
      samples: [900, 950],
    })
  })

  it.each([
    [{ benches: [{ name: 'a', samples: [1] }] }, /benches\[0\] \("a"\): has no unit/],
    [{ unit: 'ms', benches: [{ name: 'a' }] }, /give either samples \(a list\) or value/],
    [
      { unit: 'ms', benches: [{ name: 'a', samples: [1], value: 2 }] },
      /give either samples \(a list\) or value, not both/,
    ],
    [{ unit: 'ms', benches: [{ name: 'a', samples: ['1'] }] }, /benches\[0\]\.samples\[0\]/],
    [
      { unit: 'ms', benches: [{ name: 'a', samples: [1], bigger_is_better: true }] },
      /bigger_is_better/,
    ],
    [{ unit: 'ms', benches: [] }, /must list at least one bench/],
  ])('rejects %j with a message naming the file and field', (input, message) => {
    const attempt = () => parseCustom(JSON.stringify(input), 'out/custom.json')
    expect(attempt).toThrow(ImportFormatError)
    expect(attempt).toThrow(/^out\/custom\.json: /)
    expect(attempt).toThrow(message)
  })
})

describe('vitest', () => {
  // vitest is not installed here: these files follow vitest's json-formatter (createBenchmarkJsonReport:
  // { files: [{ filepath, groups: [{ fullName, benchmarks: [{ id, ...result, samples: [] }] }] }] }),
  // with real tinybench 6 results (vitest ≥ 4) and the flat tinybench 2 shape (vitest ≤ 3).
  const tasks = JSON.parse(
    readFileSync(path.join(FIXTURES, 'tinybench/base/results.json'), 'utf8'),
  ) as { name: string; result: Record<string, unknown> }[]

  it('reads vitest ≥ 4 files (tinybench 6 results), the median as a single value', () => {
    const report = {
      files: [
        {
          filepath: '/repo/bench/work.bench.ts',
          groups: [
            {
              fullName: 'bench/work.bench.ts > work',
              benchmarks: tasks.map(({ name, result }, rank) => ({
                id: `id_${rank}`,
                name,
                rank: rank + 1,
                ...result,
                // tinybench 6 keeps samples in latency, and only with retainSamples: left out here.
                latency: { ...(result.latency as object), samples: undefined },
                samples: [],
              })),
            },
          ],
        },
      ],
    }
    const benches = parseVitest(JSON.stringify(report), 'bench.json')
    expect(benches.map((b) => b.id)).toEqual([
      'bench/work.bench.ts > work > sum-of-squares/10000',
      'bench/work.bench.ts > work > reverse',
    ])
    const latency = tasks[0].result.latency as { p50: number }
    expect(benches[0].metrics[0]).toMatchObject({ unit: 'ms', samples: [latency.p50] })
    expect(benches[0].details).toMatchObject({ tool: 'vitest', rank: 1 })
  })

  it('reads vitest ≤ 3 files (flat tinybench 2 results) and uses latency samples when kept', () => {
    const flat = {
      files: [
        {
          filepath: '/repo/a.bench.ts',
          groups: [
            {
              fullName: 'a.bench.ts',
              benchmarks: [
                { id: 'x', name: 'old', rank: 1, mean: 0.02, median: 0.018, samples: [] },
                {
                  id: 'y',
                  name: 'kept',
                  rank: 2,
                  latency: { mean: 0.5, p50: 0.5, samples: [0.4, 0.5, 0.6] },
                },
              ],
            },
          ],
        },
      ],
    }
    const [old, kept] = parseVitest(JSON.stringify(flat), 'bench.json')
    expect(old.metrics[0].samples).toEqual([0.018])
    expect(kept.metrics[0].samples).toEqual([0.4, 0.5, 0.6])
  })

  it('names the file when the JSON is not a vitest report', () => {
    expect(() => parseVitest('{"files": [{"groups": 3}]}', 'bench.json')).toThrow(
      /^bench\.json: is not a vitest bench JSON file \(--outputJson\): files\[0\]\.filepath/,
    )
  })
})

describe('vitest (real vitest 3 output, __fixtures__/harnesses/vitest)', () => {
  const read = (variant: string) =>
    parseVitest(
      readFileSync(path.join(FIXTURES, `vitest/${variant}/bench.json`), 'utf8'),
      `${variant}/bench.json`,
    )

  it('reads each bench as its median, in ms, keyed by group and name', () => {
    const benches = read('base')
    expect(benches.map((b) => b.id)).toEqual([
      'work.bench.js > work > sum-of-squares',
      'work.bench.js > work > reverse',
    ])
    const raw = JSON.parse(readFileSync(path.join(FIXTURES, 'vitest/base/bench.json'), 'utf8')) as {
      files: { groups: { benchmarks: { median: number }[] }[] }[]
    }
    const [sum] = benches
    expect(sum.metrics[0]).toMatchObject({
      name: 'time',
      unit: 'ms',
      samples: [raw.files[0].groups[0].benchmarks[0].median],
    })
  })

  it('shows the slowed harness slower and the rerun not, for the stable bench', () => {
    const median = (variant: string) => read(variant)[0].metrics[0].samples[0]
    // vitest keeps one value per bench, so only a steady bench can be told apart run to run
    // (its `reverse` bench moved 34% between two unchanged runs here).
    expect(median('slow') / median('base')).toBeGreaterThan(1.2)
    expect(Math.abs(median('rerun') / median('base') - 1)).toBeLessThan(0.05)
  })
})
