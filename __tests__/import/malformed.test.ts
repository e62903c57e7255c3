/** Broken, truncated and misplaced files: clear errors naming the file; the other files still read. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseCriterion } from '../../src/results/import/criterion.js'
import { parseGoBench } from '../../src/results/import/go.js'
import { parseGoogleBenchmark } from '../../src/results/import/google-benchmark.js'
import { parseHyperfine } from '../../src/results/import/hyperfine.js'
import { parsePytestBenchmark } from '../../src/results/import/pytest-benchmark.js'
import { parseTinybench } from '../../src/results/import/tinybench.js'
import { ImportFormatError } from '../../src/results/import/types.js'
import { byName, config, FIXTURES, run } from './helpers.js'

const real = (relative: string): string => readFileSync(path.join(FIXTURES, relative), 'utf8')
const half = (text: string): string => text.slice(0, Math.floor(text.length / 2))

describe('parsers on truncated real outputs', () => {
  it.each([
    ['google-benchmark', parseGoogleBenchmark, 'google-benchmark/base/results.json'],
    ['pytest-benchmark', parsePytestBenchmark, 'pytest-benchmark/base/results.json'],
    ['hyperfine', parseHyperfine, 'hyperfine/base/results.json'],
    ['tinybench', parseTinybench, 'tinybench/base/results.json'],
  ])('%s: names the file and says the JSON is cut short', (_tool, parse, file) => {
    const attempt = () => parse(half(real(file)), 'out/results.json')
    expect(attempt).toThrow(ImportFormatError)
    expect(attempt).toThrow(/^out\/results\.json: is not valid JSON .*was the file cut short\?/)
  })

  it('go: a result line cut mid-way names the file and line', () => {
    const text = real('go/base/bench.txt')
    const cut = text.slice(0, text.indexOf(' ns/op'))
    const lineNumber = cut.split('\n').length
    expect(() => parseGoBench(cut, 'bench.txt')).toThrow(
      new RegExp(`^bench\\.txt: line ${lineNumber} is not a complete benchmark result`),
    )
  })

  it('go: text with no benchmark lines says what was expected', () => {
    expect(() => parseGoBench('PASS\nok  \tpkg\t0.1s\n', 'bench.txt')).toThrow(
      /^bench\.txt: holds no benchmark result lines/,
    )
  })

  it('criterion: mismatched iters and times name sample.json', () => {
    const dir = 'criterion/base/reverse/flat/new'
    const sample = JSON.parse(real(`${dir}/sample.json`)) as { times: number[] }
    const count = sample.times.length
    sample.times.pop()
    expect(() =>
      parseCriterion(
        { benchmark: real(`${dir}/benchmark.json`), sample: JSON.stringify(sample) },
        'target/criterion/reverse/flat/new',
      ),
    ).toThrow(
      `target/criterion/reverse/flat/new/sample.json: has ${count} iters but ${count - 1} times`,
    )
  })

  it('a valid JSON of the wrong shape names the field', () => {
    const data = JSON.parse(real('google-benchmark/base/results.json')) as {
      benchmarks: Record<string, unknown>[]
    }
    data.benchmarks[2].real_time = 'fast'
    expect(() => parseGoogleBenchmark(JSON.stringify(data), 'gb.json')).toThrow(
      /^gb\.json: is not Google Benchmark JSON .*: benchmarks\[2\]\.real_time expected number, received string, got "fast"/,
    )
    expect(() => parseHyperfine('[]', 'h.json')).toThrow(/^h\.json: is not a hyperfine JSON file/)
    expect(() => parseHyperfine('', 'h.json')).toThrow(/^h\.json: is empty/)
  })
})

describe('the import kind with a bad file among good ones', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'perfgate-import-'))
    cpSync(path.join(FIXTURES, 'hyperfine/base/results.json'), path.join(dir, 'out/good.json'))
    writeFileSync(path.join(dir, 'out/bad.json'), half(real('hyperfine/rerun/results.json')))
    cpSync(path.join(FIXTURES, 'criterion/base'), path.join(dir, 'criterion'), { recursive: true })
    unlinkSync(path.join(dir, 'criterion/reverse/flat/new/sample.json'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the good file and reports the bad one as an error named after it', async () => {
    const cfg = config(
      'benches:\n  - name: hf\n    kind: import\n    format: hyperfine\n    path: out\n',
      path.join(dir, 'perfgate.yml'),
    )
    const results = await run(cfg)
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['hf/out/bad.json', 'error'],
      ['hf/sum-300k', 'ok'],
      ['hf/sum-600k', 'ok'],
    ])
    expect(byName(results, 'hf/out/bad.json').reason).toMatch(
      /^out\/bad\.json: is not valid JSON .*cut short/,
    )
  })

  it('criterion: a bench folder missing sample.json is an error, the others are ok', async () => {
    const cfg = config(
      'benches:\n  - name: rs\n    kind: import\n    format: criterion\n    path: criterion\n',
      path.join(dir, 'perfgate.yml'),
    )
    const results = await run(cfg)
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['rs/criterion/reverse/flat/new/benchmark.json', 'error'],
      ['rs/sum_of_squares/1000', 'ok'],
      ['rs/sum_of_squares/10000', 'ok'],
    ])
    expect(results[0].reason).toBe(
      'criterion/reverse/flat/new/sample.json: is missing next to benchmark.json; rerun `cargo bench`',
    )
  })

  it('a path that matches nothing is one clear error', async () => {
    const cfg = config(
      'benches:\n  - name: none\n    kind: import\n    format: go\n    path: nowhere/*.txt\n',
      path.join(dir, 'perfgate.yml'),
    )
    const [result] = await run(cfg)
    expect(result.status).toBe('error')
    expect(result.reason).toMatch(/^found no go result files at "nowhere\/\*\.txt"/)
  })
})
