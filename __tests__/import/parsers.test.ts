/** Each format's parser on the real tools' outputs in __fixtures__/imports. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseCriterion } from '../../src/results/import/criterion.js'
import { parseGoBench } from '../../src/results/import/go.js'
import { parseGoogleBenchmark } from '../../src/results/import/google-benchmark.js'
import { parseHyperfine } from '../../src/results/import/hyperfine.js'
import { parsePytestBenchmark } from '../../src/results/import/pytest-benchmark.js'
import { parseTinybench } from '../../src/results/import/tinybench.js'
import type { ImportedBench } from '../../src/results/import/types.js'
import { FIXTURES } from './helpers.js'

const text = (relative: string): string => readFileSync(path.join(FIXTURES, relative), 'utf8')
const json = (relative: string): Record<string, unknown> =>
  JSON.parse(text(relative)) as Record<string, unknown>
const find = (benches: ImportedBench[], id: string): ImportedBench => {
  const found = benches.find((bench) => bench.id === id)
  if (!found) throw new Error(`no ${id} in ${benches.map((b) => b.id).join(', ')}`)
  return found
}

describe('criterion', () => {
  const read = (dir: string): ImportedBench =>
    parseCriterion(
      {
        benchmark: text(`${dir}/benchmark.json`),
        sample: text(`${dir}/sample.json`),
        estimates: text(`${dir}/estimates.json`),
      },
      dir,
    )

  it.each([
    ['criterion/base/sum_of_squares/1000/new', 'sum_of_squares/1000', 'Linear'],
    ['criterion/base/reverse/flat/new', 'reverse/flat', 'Flat'],
  ])('%s: one ms sample per Criterion sample, times[i] / iters[i]', (dir, id, mode) => {
    const bench = read(dir)
    const sample = json(`${dir}/sample.json`) as { iters: number[]; times: number[] }
    expect(bench.id).toBe(id)
    expect(bench.details.samplingMode).toBe(mode)
    const time = bench.metrics[0]
    expect(time.name).toBe('time')
    expect(time.unit).toBe('ms')
    expect(time.samples).toHaveLength(sample.times.length)
    // A per-sample ratio: never differences between consecutive (Linear) samples.
    time.samples.forEach((value, i) => {
      expect(value).toBeCloseTo(sample.times[i] / sample.iters[i] / 1e6, 12)
    })
  })

  it("matches Criterion's own mean estimate within 1% (ns → ms)", () => {
    for (const dir of [
      'criterion/base/sum_of_squares/1000/new',
      'criterion/base/sum_of_squares/10000/new',
      'criterion/base/reverse/flat/new',
    ]) {
      const bench = read(dir)
      const estimates = json(`${dir}/estimates.json`) as { mean: { point_estimate: number } }
      const criterionMeanMs = estimates.mean.point_estimate / 1e6
      expect(Math.abs(bench.metrics[0].summary.mean / criterionMeanMs - 1)).toBeLessThan(0.01)
      const kept = bench.details.estimatesMs as Record<string, { point: number }>
      expect(kept.mean.point).toBeCloseTo(criterionMeanMs, 12)
    }
  })

  it('Linear mode: iters grow d, 2d, 3d... and are not cumulative', () => {
    const dir = 'criterion/base/sum_of_squares/1000/new'
    const { iters } = json(`${dir}/sample.json`) as { iters: number[] }
    expect(iters[1]).toBeCloseTo(2 * iters[0], 6)
    const bench = read(dir)
    // Deltas would describe iters[0] iterations for each sample; the ratio describes iters[i].
    const total = iters.reduce((sum, n) => sum + n, 0)
    expect(bench.details.iterations).toBe(total)
  })
})

describe('google-benchmark', () => {
  const benches = parseGoogleBenchmark(text('google-benchmark/base/results.json'), 'results.json')
  it('makes one sample per repetition row and keeps aggregates out of the statistics', () => {
    expect(benches.map((b) => b.id)).toEqual([
      'BM_SumOfSquares/1000',
      'BM_SumOfSquares/10000',
      'BM_Reverse',
    ])
    const rows = (
      json('google-benchmark/base/results.json').benchmarks as Record<string, unknown>[]
    ).filter((row) => row.run_name === 'BM_SumOfSquares/1000')
    const iterations = rows.filter((row) => row.run_type === 'iteration')
    const bench = find(benches, 'BM_SumOfSquares/1000')
    const time = bench.metrics[0]
    expect(time.samples).toHaveLength(iterations.length)
    expect(time.samples).toHaveLength(8)
    // time_unit us → ms.
    expect(iterations[0].time_unit).toBe('us')
    expect(time.samples[0]).toBeCloseTo((iterations[0].real_time as number) / 1e3, 12)
    const aggregates = bench.details.aggregates as Record<string, number>
    const mean = rows.find((row) => row.aggregate_name === 'mean')!
    expect(aggregates.mean).toBeCloseTo((mean.real_time as number) / 1e3, 12)
    expect(aggregates.cv).toBeCloseTo(
      rows.find((row) => row.aggregate_name === 'cv')!.real_time as number,
      12,
    )
  })
  it('reports a bench the tool marked error_occurred as an error, the others still read', () => {
    const data = json('google-benchmark/base/results.json') as {
      benchmarks: Record<string, unknown>[]
    }
    for (const row of data.benchmarks.filter((r) => r.run_name === 'BM_Reverse')) {
      row.error_occurred = true
      row.error_message = 'could not allocate'
    }
    const benches = parseGoogleBenchmark(JSON.stringify(data), 'gb.json')
    expect(find(benches, 'BM_Reverse').error).toBe('could not allocate')
    expect(find(benches, 'BM_SumOfSquares/1000').error).toBeUndefined()
  })
  it('converts the default ns unit and keeps cpu time and counters as extra metrics', () => {
    const reverse = find(benches, 'BM_Reverse')
    const row = (
      json('google-benchmark/base/results.json').benchmarks as Record<string, unknown>[]
    ).find((r) => r.run_name === 'BM_Reverse' && r.run_type === 'iteration')!
    expect(row.time_unit).toBe('ns')
    expect(reverse.metrics[0].samples[0]).toBeCloseTo((row.real_time as number) / 1e6, 12)
    expect(reverse.metrics.map((m) => m.name)).toEqual(['time', 'cpu-time'])
    const sums = find(benches, 'BM_SumOfSquares/1000')
    const items = sums.metrics.find((m) => m.name === 'items-per-second')!
    expect(items.better).toBe('bigger')
    expect(items.samples).toHaveLength(8)
  })
})

describe('pytest-benchmark', () => {
  it('takes every round of stats.data, seconds → ms', () => {
    const raw = json('pytest-benchmark/base/results.json') as {
      benchmarks: { fullname: string; stats: { data: number[]; mean: number } }[]
    }
    const benches = parsePytestBenchmark(text('pytest-benchmark/base/results.json'), 'r.json')
    expect(benches).toHaveLength(3)
    for (const source of raw.benchmarks) {
      const time = find(benches, source.fullname).metrics[0]
      expect(time.unit).toBe('ms')
      expect(time.samples).toHaveLength(source.stats.data.length)
      expect(time.samples.length).toBeGreaterThanOrEqual(15)
      expect(time.summary.mean).toBeCloseTo(source.stats.mean * 1e3, 9)
    }
  })
  it('falls back to the median as a single value when the file has no data', () => {
    const raw = json('pytest-benchmark/base/results.json') as {
      benchmarks: { stats: Record<string, unknown> }[]
    }
    for (const bench of raw.benchmarks) delete bench.stats.data
    const [first] = parsePytestBenchmark(JSON.stringify(raw), 'r.json')
    expect(first.metrics[0].samples).toHaveLength(1)
    expect(first.metrics[0].samples[0]).toBeCloseTo(
      (raw.benchmarks[0].stats.median as number) * 1e3,
      12,
    )
  })
})

describe('hyperfine', () => {
  it('takes each run of results[].times, seconds → ms, keyed by command name', () => {
    const raw = json('hyperfine/base/results.json') as {
      results: { command: string; times: number[] }[]
    }
    const benches = parseHyperfine(text('hyperfine/base/results.json'), 'h.json')
    expect(benches.map((b) => b.id)).toEqual(['sum-300k', 'sum-600k'])
    const time = benches[0].metrics[0]
    expect(time.samples).toHaveLength(12)
    expect(time.samples[3]).toBeCloseTo(raw.results[0].times[3] * 1e3, 9)
  })
  it('turns memory_usage_byte (hyperfine ≥ 1.16) into a peak-rss metric in bytes', () => {
    // Debian's hyperfine 1.15 does not write memory_usage_byte: add it to a real file.
    const raw = json('hyperfine/base/results.json') as {
      results: Record<string, unknown>[]
    }
    raw.results[0].memory_usage_byte = [2_000_000, 2_100_000, 2_050_000]
    const [first, second] = parseHyperfine(JSON.stringify(raw), 'h.json')
    const rss = first.metrics.find((m) => m.name === 'peak-rss')!
    expect(rss).toMatchObject({ unit: 'bytes', better: 'smaller', samples: [2e6, 2.1e6, 2.05e6] })
    expect(second.metrics.map((m) => m.name)).toEqual(['time'])
  })
})

describe('go', () => {
  const output = text('go/base/bench.txt')
  const benches = parseGoBench(output, 'bench.txt')
  it('makes each -count line a sample, ns/op → ms', () => {
    expect(benches.map((b) => b.id)).toEqual([
      'BenchmarkSumOfSquares/n=1000',
      'BenchmarkSumOfSquares/n=10000',
      'BenchmarkReverse',
    ])
    const line = output.split('\n').find((l) => l.startsWith('BenchmarkReverse'))!
    const reverse = find(benches, 'BenchmarkReverse')
    expect(reverse.metrics[0].samples).toHaveLength(8)
    const nsPerOp = Number(/\s([\d.]+) ns\/op/.exec(line)?.[1])
    expect(reverse.metrics[0].samples[0]).toBeCloseTo(nsPerOp / 1e6, 12)
    expect(reverse.details).toMatchObject({ pkg: 'perfgate.example/harness', goos: 'linux' })
  })
  it('strips the -N GOMAXPROCS suffix and keeps N in details', () => {
    // Real `-cpu 1,2` output, keeping only the GOMAXPROCS=2 lines (as on a 2-core CI runner).
    const lines = text('go/cpu/bench.txt')
      .split('\n')
      .filter((line) => !line.startsWith('Benchmark') || /^BenchmarkReverse-2\s/.test(line))
    const [reverse] = parseGoBench(lines.join('\n'), 'bench.txt')
    expect(reverse.id).toBe('BenchmarkReverse')
    expect(reverse.details.gomaxprocs).toBe(2)
    expect(reverse.metrics[0].samples).toHaveLength(3)
  })
  it('keeps benches run at several GOMAXPROCS (-cpu 1,2) apart', () => {
    const both = parseGoBench(text('go/cpu/bench.txt'), 'bench.txt')
    expect(both.map((b) => [b.id, b.metrics[0].samples.length])).toEqual([
      ['BenchmarkReverse', 3],
      ['BenchmarkReverse-2', 3],
    ])
  })
  it('turns B/op and allocs/op into metrics', () => {
    const reverse = find(benches, 'BenchmarkReverse')
    expect(reverse.metrics.map((m) => [m.name, m.unit, m.better])).toEqual([
      ['time', 'ms', 'smaller'],
      ['bytes-per-op', 'bytes', 'smaller'],
      ['allocs-per-op', 'allocs', 'smaller'],
    ])
    expect(reverse.metrics[2].samples.every((v) => v === 2)).toBe(true)
  })
  it('keeps MB/s (bigger is better) and b.ReportMetric units as metrics', () => {
    // A real result line with the pairs a SetBytes and a b.ReportMetric bench would add.
    const line = output.split('\n').find((l) => l.startsWith('BenchmarkReverse'))!
    const bytes = Number(/\s(\d+) B\/op/.exec(line)?.[1])
    const [bench] = parseGoBench(`${line}\t  512.5 MB/s\t  3.000 widgets/op\n`, 'bench.txt')
    expect(bench.metrics.map((m) => [m.name, m.unit, m.better, m.samples])).toEqual([
      ['time', 'ms', 'smaller', [bench.metrics[0].samples[0]]],
      ['bytes-per-op', 'bytes', 'smaller', [bytes]],
      ['allocs-per-op', 'allocs', 'smaller', [2]],
      ['mb-per-s', 'MB/s', 'bigger', [512.5]],
      ['widgets/op', 'widgets/op', 'smaller', [3]],
    ])
  })
  it('reports a bench go marked FAIL as an error, the others still read', () => {
    const failing = `${output}--- FAIL: BenchmarkBroken-2\n    work_test.go:40: boom\nFAIL\n`
    const withFailure = parseGoBench(failing, 'bench.txt')
    expect(find(withFailure, 'BenchmarkBroken').error).toMatch(/FAIL: work_test.go:40: boom/)
    expect(find(withFailure, 'BenchmarkReverse').error).toBeUndefined()
  })
})

describe('tinybench', () => {
  it('takes the retained (sorted) latency samples, in ms', () => {
    const raw = json('tinybench/base/results.json') as unknown as {
      name: string
      result: { latency: { samples: number[]; mean: number } }
    }[]
    const benches = parseTinybench(text('tinybench/base/results.json'), 't.json')
    expect(benches.map((b) => b.id)).toEqual(['sum-of-squares/10000', 'reverse'])
    const time = benches[0].metrics[0]
    expect(time.samples).toHaveLength(raw[0].result.latency.samples.length)
    expect(time.samples.length).toBeGreaterThanOrEqual(300)
    expect(time.summary.mean).toBeCloseTo(raw[0].result.latency.mean, 9)
    expect(benches[0].details.samplesSorted).toBe(true)
  })
  it('falls back to the median as one sample without retainSamples', () => {
    const raw = json('tinybench/summary-only/results.json') as unknown as {
      result: { latency: { samples?: number[]; p50: number } }
    }[]
    expect(raw[0].result.latency.samples).toBeUndefined()
    const [first] = parseTinybench(text('tinybench/summary-only/results.json'), 't.json')
    expect(first.metrics[0].samples).toEqual([raw[0].result.latency.p50])
    expect(first.details.singleValue).toMatch(/median/)
  })
})
