/** `perfgate import-history`: github-action-benchmark's gh-pages data.js → perfgate history.json. */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../src/cli/main.js'
import { importBenchmarkData } from '../../src/history/import-benchmark-data.js'
import { historySchema } from '../../src/history/schema.js'

const DATA_JS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../__fixtures__/history/github-action-benchmark/data.js',
)

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    env: {},
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
    writeFile: (file, text) => writeFile(file, text),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

/** A data.js as the action writes it, from `entries`. */
const dataJs = (entries: unknown): string =>
  `window.BENCHMARK_DATA = ${JSON.stringify({ lastUpdate: 1, repoUrl: 'https://github.com/o/r', entries }, null, 2)}`
const commit = (id: string) => ({ id, message: 'm', timestamp: 't', url: `u/${id}` })

describe('perfgate import-history', () => {
  it('converts the leading action’s data.js into a history.json the history schema accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-import-history-'))
    const out = path.join(dir, 'history.json')
    const result = await cli(['import-history', DATA_JS, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 series, 1 entries')
    const history = historySchema.parse(JSON.parse(readFileSync(out, 'utf8')))
    // data.js: bench_fib_10, value 100 ns/iter, range "± 20", date 1574927127603, commit "prev commit id".
    expect(history.series).toEqual([
      {
        bench: 'bench_fib_10',
        metric: 'time',
        unit: 'ms',
        better: 'smaller',
        entries: [
          expect.objectContaining({
            commit: 'prev commit id',
            date: new Date(1574927127603).toISOString(),
            runId: null,
            rounds: 1,
            cpuModel: 'unknown',
          }),
        ],
      },
    ])
    const [entry] = history.series[0].entries
    expect(entry.centre).toBeCloseTo(100e-6, 15)
    expect(entry.low).toBeCloseTo(80e-6, 15)
    expect(entry.high).toBeCloseTo(120e-6, 15)
  })

  it('orders runs oldest first, converts rates and go metrics, names several suites', () => {
    const text = dataJs({
      js: [
        {
          commit: commit('b'),
          date: 2000,
          tool: 'benchmarkjs',
          benches: [{ name: 'fib(10)', value: 2000, unit: 'ops/sec', range: '±1.00%' }],
        },
        {
          commit: commit('a'),
          date: 1000,
          tool: 'benchmarkjs',
          benches: [{ name: 'fib(10)', value: 1000, unit: 'ops/sec', range: '±1.00%' }],
        },
      ],
      go: [
        {
          commit: commit('a'),
          date: 1000,
          tool: 'go',
          benches: [
            { name: 'BenchmarkFib10', value: 250, unit: 'ns/op', extra: '4800000 times' },
            { name: 'BenchmarkFib10 - B/op', value: 16, unit: 'B/op' },
          ],
        },
      ],
      custom: [
        {
          commit: commit('a'),
          date: 1000,
          tool: 'customBiggerIsBetter',
          benches: [{ name: 'Throughput', value: 70, unit: 'req/s' }],
        },
      ],
    })
    const { history } = importBenchmarkData(text, 'data.js', { perfgateVersion: '9.9.9' })
    const find = (bench: string, metric = 'time') =>
      history.series.find((one) => one.bench === bench && one.metric === metric)!
    const js = find('js/fib(10)')
    expect(js.entries.map((e) => e.commit)).toEqual(['a', 'b'])
    expect(js.entries[0].centre).toBeCloseTo(1, 12) // 1000 ops/s = 1 ms per op
    expect(js.entries[0].low).toBeCloseTo(1 / 1.01, 12)
    expect(find('go/BenchmarkFib10').entries[0].centre).toBeCloseTo(250e-6, 15)
    expect(find('go/BenchmarkFib10', 'bytes-per-op')).toMatchObject({
      unit: 'bytes',
      entries: [{ centre: 16 }],
    })
    expect(find('custom/Throughput', 'value')).toMatchObject({ unit: 'req/s', better: 'bigger' })
    expect(
      history.series.every((one) => one.entries.every((e) => e.perfgateVersion === '9.9.9')),
    ).toBe(true)
  })

  it('names the file for something that is not data.js', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-import-history-'))
    const bad = path.join(dir, 'data.js')
    await writeFile(bad, 'window.BENCHMARK_DATA = {"entries": 3}')
    const result = await cli(['import-history', bad, '--out', path.join(dir, 'h.json')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${bad}: entries`)
    expect((await cli(['import-history'])).stderr).toContain('Usage: perfgate import-history')
  })
})
