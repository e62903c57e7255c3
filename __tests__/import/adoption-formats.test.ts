/**
 * The formats github-action-benchmark users bring (issue 16), parsed from real tool output in
 * __fixtures__/imports: names and values are checked against the numbers the tool itself wrote.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { FILE_PARSERS, type ImportFormat } from '../../src/results/import/index.js'
import type { ImportedBench } from '../../src/results/import/types.js'
import { FIXTURES } from './helpers.js'

const text = (relative: string): string => readFileSync(path.join(FIXTURES, relative), 'utf8')
const parse = (format: Exclude<ImportFormat, 'criterion'>, relative: string): ImportedBench[] =>
  FILE_PARSERS[format](text(relative), relative)
const byId = (benches: ImportedBench[]): Record<string, ImportedBench> =>
  Object.fromEntries(benches.map((bench) => [bench.id, bench]))
const GAB = 'github-action-benchmark'

describe('cargo (libtest / Criterion bencher lines)', () => {
  it('reads each `test ... bench:` line as one ns/iter value in ms', () => {
    const benches = byId(parse('cargo', `cargo/${GAB}/cargo_output.txt`))
    expect(Object.keys(benches)).toEqual(['bench_fib_10', 'bench_fib_20'])
    expect(benches.bench_fib_20.metrics[0].samples).toEqual([18149 * 1e-6])
    expect(benches.bench_fib_20.details.plusMinus).toBe(755)
  })
  it('reads decimals, Criterion bencher names with spaces, and non-time units', () => {
    expect(parse('cargo', `cargo/${GAB}/cargo_output3.txt`)[1].metrics[0].samples[0]).toBeCloseTo(
      18794.12e-6,
      12,
    )
    const criterion = byId(parse('cargo', `cargo/${GAB}/criterion_output.txt`))
    expect(criterion['Fibonacci (Execution)'].metrics[0].samples).toEqual([1672496e-6])
    const units = byId(parse('cargo', `cargo/${GAB}/cargo_output_units.txt`))
    expect(units.cmov.metrics[0]).toMatchObject({ name: 'value', unit: 'cycles', samples: [2835] })
    expect(units.upload.metrics[0]).toMatchObject({ unit: 'MS/s', samples: [1911] })
  })
  it('names the file when it has no bench lines', () => {
    expect(() => FILE_PARSERS.cargo('running 0 tests\n', 'out.txt')).toThrow(/out\.txt: has no/)
  })
})

describe('catch2', () => {
  it('console: the mean of each benchmark, with its interval and std dev (real Catch2 2.13 run)', () => {
    const benches = byId(parse('catch2', 'catch2/base/console.txt'))
    expect(Object.keys(benches)).toEqual([
      'sum_of_squares 1000',
      'sum_of_squares 10000',
      'reverse a 2000-character string',
    ])
    // The tool's own numbers: the two lines under the name, `mean low high` and `std dev ...`.
    const console = text('catch2/base/console.txt').split('\n')
    const row = console.findIndex((line) => line.startsWith('reverse a 2000-character string'))
    const [mean, meanUnit] = console[row + 1].trim().split(/\s+/)
    const [std, stdUnit] = console[row + 2].trim().split(/\s+/)
    const ms = { ns: 1e-6, us: 1e-3, ms: 1 } as Record<string, number>
    const reverse = benches['reverse a 2000-character string']
    expect(reverse.metrics[0].samples[0]).toBeCloseTo(Number(mean) * ms[meanUnit], 12)
    expect(reverse.details.samples).toBe(20)
    expect(reverse.details.stdDevMs as number).toBeCloseTo(Number(std) * ms[stdUnit], 12)
  })
  it('XML (-r xml): BenchmarkResults mean in ns, test case kept', () => {
    const xml = text('catch2/base/results.xml')
    const benches = byId(parse('catch2', 'catch2/base/results.xml'))
    const reverse = benches['reverse a 2000-character string']
    const mean = /name="reverse a 2000-character string"[\s\S]*?<mean value="([\d.e+-]+)"/.exec(
      xml,
    )!
    expect(reverse.metrics[0].samples[0]).toBeCloseTo(Number(mean[1]) * 1e-6, 12)
    expect(reverse.details.testCase).toBe('Strings')
    expect(Object.keys(benches)).toHaveLength(3)
  })
  it.each(['catch2_output_v2.txt', 'catch2_output_v3.txt', 'issue16_output.txt'])(
    'console sample %s from the leading action',
    (file) => {
      const benches = byId(parse('catch2', `catch2/${GAB}/${file}`))
      expect(Object.keys(benches)).toContain('Fibonacci 10')
      expect(Object.keys(benches)).toContain('Fibonacci 20')
    },
  )
  it('v2 sample: units us and ns become ms', () => {
    const benches = byId(parse('catch2', `catch2/${GAB}/catch2_output_v2.txt`))
    expect(benches['Fibonacci 20'].metrics[0].samples[0]).toBeCloseTo(41.731e-3, 12)
    expect(benches['Fibonacci~ 5!'].metrics[0].samples[0]).toBeCloseTo(36e-6, 12)
  })
})

describe('jmh', () => {
  it('each rawData iteration is a sample; ops/s becomes ms per op', () => {
    const json = JSON.parse(text(`jmh/${GAB}/jmh_output.json`)) as {
      benchmark: string
      primaryMetric: { rawData: number[][] }
    }[]
    const [bench] = parse('jmh', `jmh/${GAB}/jmh_output.json`)
    expect(bench.id).toBe(json[0].benchmark)
    expect(bench.metrics[0].unit).toBe('ms')
    const expected = json[0].primaryMetric.rawData.flat().map((rate) => 1e3 / rate)
    bench.metrics[0].samples.forEach((sample, i) => expect(sample).toBeCloseTo(expected[i], 15))
  })
  it('params join the name as the leading action writes it', () => {
    const [bench] = parse('jmh', `jmh/${GAB}/jmh_output_2.json`)
    expect(bench.id).toBe(
      'org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere ( {"paramA":"17","paramB":"33"} )',
    )
  })
})

describe('benchmarkdotnet', () => {
  it('Statistics.OriginalValues (ns) are the samples, keyed by FullName', () => {
    const json = JSON.parse(text(`benchmarkdotnet/${GAB}/benchmarkdotnet.json`)) as {
      Benchmarks: { FullName: string; Statistics: { OriginalValues: number[] } }[]
    }
    const benches = parse('benchmarkdotnet', `benchmarkdotnet/${GAB}/benchmarkdotnet.json`)
    expect(benches.map((b) => b.id)).toEqual(['Sample.Benchmarks.Fib10', 'Sample.Benchmarks.Fib20'])
    benches.forEach((bench, i) =>
      expect(bench.metrics[0].samples).toEqual(
        json.Benchmarks[i].Statistics.OriginalValues.map((ns) => ns * 1e-6),
      ),
    )
  })
})

describe('benchmarkjs', () => {
  it('real benchmark@2 run: one value, 1/hz, per bench line', () => {
    const lines = text('benchmarkjs/base/bench.txt').trim().split('\n')
    const benches = parse('benchmarkjs', 'benchmarkjs/base/bench.txt')
    expect(benches.map((b) => b.id)).toEqual(['sum-of-squares/10000', 'reverse'])
    const hz = Number(/x ([\d,]+) ops/.exec(lines[1])![1].replace(/,/g, ''))
    expect(benches[1].metrics[0].samples[0]).toBeCloseTo(1e3 / hz, 12)
  })
  it('the leading action sample: names with spaces, other lines ignored', () => {
    const benches = byId(parse('benchmarkjs', `benchmarkjs/${GAB}/benchmarkjs_output.txt`))
    expect(Object.keys(benches)).toEqual([
      'fib(10)',
      'fib(20)',
      'createObjectBuffer with 200 comments',
    ])
    expect(benches['fib(10)'].metrics[0].samples[0]).toBeCloseTo(1e3 / 1431759, 15)
    expect(benches['fib(10)'].details).toMatchObject({ rmePercent: 0.74, runsSampled: 93 })
    expect(benches['createObjectBuffer with 200 comments'].details.opsPerSec).toBe(81.61)
  })
})

describe('julia', () => {
  it('TrialEstimates keyed by group path, time in ns', () => {
    const benches = byId(parse('julia', `julia/${GAB}/julia_output.json`))
    expect(benches['fib/20'].metrics[0].samples).toEqual([31028 * 1e-6])
    expect(benches['fib/10'].metrics[0].samples[0]).toBeCloseTo(246.03846153846155e-6, 15)
  })
  it('a Trial keeps every sample', () => {
    const trial = JSON.stringify([
      { Julia: '1.10.0', BenchmarkTools: '1.4.0' },
      [
        [
          'BenchmarkGroup',
          {
            data: {
              sum: ['Trial', { times: [100, 120, 110], gctimes: [0, 0, 0], memory: 0, allocs: 0 }],
            },
            tags: [],
          },
        ],
      ],
    ])
    const [bench] = FILE_PARSERS.julia(trial, 't.json')
    expect(bench.id).toBe('sum')
    expect(bench.metrics[0].samples.map((ms) => ms * 1e6)).toEqual(
      [100, 120, 110].map((ns) => expect.closeTo(ns, 9)),
    )
  })
})

describe("the leading action's custom JSON", () => {
  it('smaller is better: read as is, also by the `custom` format', () => {
    const file = `custom/${GAB}/customSmallerIsBetter_output.json`
    for (const format of ['custom', 'custom-smaller-is-better'] as const) {
      const benches = byId(parse(format, file))
      const cpu = benches['My Custom Smaller Is Better Benchmark - CPU Load']
      expect(cpu.metrics[0]).toMatchObject({
        name: 'value',
        unit: 'Percent',
        better: 'smaller',
        samples: [50],
      })
      expect(cpu.details).toMatchObject({
        range: '5%',
        extra: 'My Optional Information for the tooltip',
      })
    }
  })
  it('bigger is better', () => {
    const benches = parse(
      'custom-bigger-is-better',
      `custom/${GAB}/customBiggerIsBetter_output.json`,
    )
    expect(benches[0].metrics[0]).toMatchObject({ unit: 'req/s', better: 'bigger', samples: [70] })
  })
  it('names the entry and field of a bad value', () => {
    expect(() =>
      FILE_PARSERS['custom-bigger-is-better']('[{"name":"a","unit":"ms","value":"x"}]', 'c.json'),
    ).toThrow(/c\.json: .*\[0\]\.value/)
  })
})
