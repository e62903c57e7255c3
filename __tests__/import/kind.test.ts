/** The `import` kind end to end: config → runBenches → results, with and without a `run` command. */
import { makeMeta } from '../../__fixtures__/results.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseConfig, formatConfigError } from '../../src/config/load.js'
import { parseResults, serializeResults } from '../../src/results/schema.js'
import { RESULTS_SCHEMA_VERSION } from '../../src/results/types.js'
import { byName, config, FIXTURES, metric, run } from './helpers.js'

let dir: string
const yamlFile = (): string => path.join(dir, 'perfgate.yml')

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-import-kind-'))
  cpSync(path.join(FIXTURES, 'go/base/bench.txt'), path.join(dir, 'fixtures/go-bench.txt'))
  cpSync(path.join(FIXTURES, 'criterion/base'), path.join(dir, 'home/criterion-home'), {
    recursive: true,
  })
  cpSync(path.join(FIXTURES, 'criterion/rerun'), path.join(dir, 'cargo-target/criterion'), {
    recursive: true,
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('import kind', () => {
  it('yields one result per bench found, named <config name>/<tool id>, valid as results', async () => {
    const cfg = config(
      [
        'benches:',
        '  - name: go',
        '    kind: import',
        '    format: go',
        '    path: go/base/bench.txt',
        '    tags: [go]',
        '  - name: py',
        '    kind: import',
        '    format: pytest-benchmark',
        '    path: [pytest-benchmark/base/*.json]',
        '    prefix: python',
      ].join('\n'),
    )
    const results = await run(cfg)
    expect(results.map((r) => r.name)).toEqual([
      'go/BenchmarkSumOfSquares/n=1000',
      'go/BenchmarkSumOfSquares/n=10000',
      'go/BenchmarkReverse',
      'python/test_work.py::test_sum_of_squares[1000]',
      'python/test_work.py::test_sum_of_squares[10000]',
      'python/test_work.py::test_reverse',
    ])
    const reverse = byName(results, 'go/BenchmarkReverse')
    expect(reverse).toMatchObject({ kind: 'import', status: 'ok', tags: ['go'] })
    expect(metric(reverse, 'allocs-per-op').unit).toBe('allocs')
    // The results file validates with the imported benches in it.
    const file = serializeResults({
      schemaVersion: RESULTS_SCHEMA_VERSION,
      meta: makeMeta(),
      benches: results,
    })
    expect(parseResults(file, 'results.json').benches).toHaveLength(6)
  })

  it('runs `run` first (in the config folder) and reads what it wrote', async () => {
    const cfg = config(
      [
        'benches:',
        '  - name: fresh',
        '    kind: import',
        '    format: go',
        '    run: mkdir -p out && cp fixtures/go-bench.txt out/bench.txt',
        '    path: out',
      ].join('\n'),
      yamlFile(),
    )
    const log: string[] = []
    const results = await run(cfg, {}, log)
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['fresh/BenchmarkSumOfSquares/n=1000', 'ok'],
      ['fresh/BenchmarkSumOfSquares/n=10000', 'ok'],
      ['fresh/BenchmarkReverse', 'ok'],
    ])
    expect(log[0]).toBe('running `mkdir -p out && cp fixtures/go-bench.txt out/bench.txt`')
  })

  it('ignores files `run` did not rewrite (stale results of removed benches)', async () => {
    cpSync(path.join(dir, 'fixtures/go-bench.txt'), path.join(dir, 'stale/old.txt'))
    utimesSync(path.join(dir, 'stale/old.txt'), new Date(0), new Date(0))
    const cfg = config(
      [
        'benches:',
        '  - name: s',
        '    kind: import',
        '    format: go',
        "    run: 'true'",
        '    path: stale',
      ].join('\n'),
      yamlFile(),
    )
    const [result] = await run(cfg)
    expect(result.status).toBe('error')
    expect(result.reason).toMatch(/^found no go result files at "stale" .* written by `run`/)
  })

  it('a failing `run` is an error with the tail of its stderr', async () => {
    const cfg = config(
      [
        'benches:',
        '  - name: broken',
        '    kind: import',
        '    format: hyperfine',
        `    run: 'echo "error[E0425]: cannot find value" >&2; exit 101'`,
        '    path: out.json',
      ].join('\n'),
      yamlFile(),
    )
    const [result] = await run(cfg)
    expect(result).toMatchObject({ name: 'broken', status: 'error' })
    expect(result.reason).toBe(
      'run `echo "error[E0425]: cannot find value" >&2; exit 101` exited with code 101:\nerror[E0425]: cannot find value',
    )
  })

  it('kills `run` at the bench timeout', async () => {
    const cfg = config(
      [
        'benches:',
        '  - name: slow',
        '    kind: import',
        '    format: go',
        '    run: sleep 30',
        '    path: out',
        '    timeout: 300ms',
      ].join('\n'),
      yamlFile(),
    )
    const [result] = await run(cfg)
    expect(result.status).toBe('error')
    expect(result.reason).toMatch(/timed out after 300ms/)
  })

  it('criterion without path reads $CRITERION_HOME, else $CARGO_TARGET_DIR/criterion', async () => {
    const cfg = config(
      'benches:\n  - name: rs\n    kind: import\n    format: criterion\n',
      yamlFile(),
    )
    const fromHome = await run(cfg, {
      CRITERION_HOME: 'home/criterion-home',
      CARGO_TARGET_DIR: 'cargo-target',
    })
    const fromTarget = await run(cfg, { CARGO_TARGET_DIR: path.join(dir, 'cargo-target') })
    expect(fromHome.map((r) => r.name)).toEqual([
      'rs/reverse/flat',
      'rs/sum_of_squares/1000',
      'rs/sum_of_squares/10000',
    ])
    expect(fromTarget.map((r) => r.name)).toEqual(fromHome.map((r) => r.name))
    // Different fixture runs: the two defaults really read different folders.
    expect(metric(fromHome[0]).samples).not.toEqual(metric(fromTarget[0]).samples)
    const [missing] = await run(cfg, {})
    expect(missing.reason).toMatch(/^found no criterion result files at "target\/criterion"/)
  })

  it('requires path for the other formats, at run time with a clear message', async () => {
    const cfg = config('benches:\n  - name: h\n    kind: import\n    format: hyperfine\n')
    const [result] = await run(cfg)
    expect(result.reason).toBe(
      'path is required for format hyperfine: set it to the file or folder the tool writes',
    )
  })

  it('rejects an unknown format in the config, listing the formats', () => {
    const outcome = parseConfig(
      'benches:\n  - name: x\n    kind: import\n    format: nunit\n    path: a\n',
      { file: 'perfgate.yml' },
    )
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(formatConfigError(outcome.errors[0])).toMatch(
      /^perfgate\.yml:4 bench "x": format must be one of criterion, google-benchmark, pytest-benchmark, hyperfine, go, vitest, tinybench, custom/,
    )
  })
})
