/**
 * iai-callgrind: console output and JSON summaries, from the real outputs its own repository
 * shows (__fixtures__/imports/iai-callgrind/SOURCE.md). Names and values are checked against the
 * numbers iai-callgrind printed, and against its own formulas for the derived counts.
 */
import { describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { compareRuns } from '../../src/compare/index.js'
import { parseConfig } from '../../src/config/load.js'
import { configFromTool } from '../../src/config/zero-config.js'
import { parseIaiCallgrind } from '../../src/results/import/iai-callgrind.js'
import type { ImportedBench } from '../../src/results/import/types.js'
import { makeMetric } from '../../src/results/summary.js'
import type { BenchResult, Results } from '../../src/results/types.js'
import { makeMeta } from '../../__fixtures__/results.js'
import { byName, config, FIXTURES, metric, run } from './helpers.js'

const DIR = path.join(FIXTURES, 'iai-callgrind')
const text = (name: string): string => readFileSync(path.join(DIR, name), 'utf8')
const parse = (name: string): ImportedBench[] => parseIaiCallgrind(text(name), name)
const byId = (benches: ImportedBench[]): Record<string, ImportedBench> =>
  Object.fromEntries(benches.map((bench) => [bench.id, bench]))
/** Metric name → its one value. */
const values = (bench: ImportedBench): Record<string, number> =>
  Object.fromEntries(bench.metrics.map((m) => [m.name, m.samples[0]]))

const FIB = 'library_benchmark::bench_fibonacci_group::bench_fibonacci'
const CALLGRIND_DEFAULT = [
  'instructions',
  'l1-hits',
  'll-hits',
  'ram-hits',
  'total-read-write',
  'estimated-cycles',
]

/** What a terminal shows of the guide's HTML rendering: tags removed, entities decoded. */
function terminalText(html: string): string {
  const inner = html
    .trimEnd()
    .replace(/^<pre><code class="hljs">/, '')
    .replace(/<\/code><\/pre>$/, '')
  return `${inner
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')}\n`
}

describe('the fixtures are the upstream outputs', () => {
  const htmls = readdirSync(path.join(DIR, 'upstream')).filter((f) => f.endsWith('.html'))
  it('keeps seven guide blocks', () => expect(htmls).toHaveLength(7))
  it.each(htmls)('%s: the .txt is its terminal text', (html) => {
    const derived = terminalText(text(`upstream/${html}`))
    expect(text(html.replace(/\.html$/, '.txt'))).toBe(derived)
  })
})

describe('iai-callgrind console output', () => {
  it('first run: one bench per headline, named module path and id, counts as printed', () => {
    const benches = parse('quickstart-new.txt')
    expect(benches.map((b) => b.id)).toEqual([`${FIB} short`, `${FIB} long`])
    const [short, long] = benches
    expect(short.metrics.map((m) => m.name)).toEqual(CALLGRIND_DEFAULT)
    expect(values(short)).toEqual({
      instructions: 1734,
      'l1-hits': 2359,
      'll-hits': 0,
      'ram-hits': 3,
      'total-read-write': 2362,
      'estimated-cycles': 2464,
    })
    expect(values(long).instructions).toBe(26214734)
    expect(short.metrics[0]).toMatchObject({ unit: 'count', better: 'smaller', samples: [1734] })
    expect(short.details).toMatchObject({ modulePath: FIB, description: '10' })
    expect(long.details.description).toBe('30')
  })

  it("values land on the right names: iai-callgrind's own formulas hold for every bench", () => {
    // Total read+write = L1 + LL + RAM hits; Estimated Cycles = L1 + 5 LL + 35 RAM hits.
    const files = [
      'quickstart-new.txt',
      'quickstart-changed.txt',
      'compare-by-id.txt',
      'nocapture.txt',
    ]
    const all = files.flatMap(parse).concat(parse('tolerance.txt'), parse('regressed.txt'))
    expect(all.length).toBe(13)
    for (const bench of all) {
      const v = values(bench)
      expect({ id: bench.id, total: v['total-read-write'] }).toEqual({
        id: bench.id,
        total: v['l1-hits'] + v['ll-hits'] + v['ram-hits'],
      })
      expect({ id: bench.id, cycles: v['estimated-cycles'] }).toEqual({
        id: bench.id,
        cycles: v['l1-hits'] + 5 * v['ll-hits'] + 35 * v['ram-hits'],
      })
    }
  })

  it('a run with a baseline: the new value, left of the bar, not the old one', () => {
    const benches = byId(parse('quickstart-changed.txt'))
    expect(values(benches[`${FIB} short`]).instructions).toBe(2805)
    expect(values(benches[`${FIB} long`]).instructions).toBe(16201597)
    expect(values(parse('tolerance.txt')[0])).toMatchObject({ instructions: 19787, 'ram-hits': 22 })
    expect(parse('tolerance.txt')[0].id).toBe(
      'lib_bench_tolerance::my_group::bench_hash_map tolerance',
    )
  })

  it('every metric of --callgrind-metrics=@all, rates in percent', () => {
    const [bench] = parse('all-metrics.txt')
    expect(bench.metrics).toHaveLength(22)
    expect(values(bench)).toMatchObject({
      instructions: 1734,
      dr: 270,
      dw: 358,
      i1mr: 3,
      ilmr: 3,
      'i1-miss-rate': 0.17301,
      'l1-hit-rate': 99.873,
      'ram-hit-rate': 0.12701,
      'estimated-cycles': 2464,
    })
    const rate = bench.metrics.find((m) => m.name === 'l1-hit-rate')!
    expect(rate).toMatchObject({ unit: '%', better: 'bigger' })
    expect(bench.metrics.find((m) => m.name === 'll-miss-rate')).toMatchObject({
      better: 'smaller',
    })
  })

  it('Comparison with another bench: its counts are not this bench’s', () => {
    const benches = byId(parse('compare-by-id.txt'))
    expect(Object.keys(benches)).toHaveLength(6)
    const worst = values(benches['my_benchmark::bubble_sort_group::bubble_sort_worst_case case_2'])
    // 66 is the bench's own count; its comparison block shows the best case's 63 on the left.
    expect(worst.instructions).toBe(66)
    expect(
      values(benches['my_benchmark::bubble_sort_group::bubble_sort_best_case case_2']).instructions,
    ).toBe(63)
  })

  it("the bench's own stdout between headline and counts is skipped", () => {
    const [bench] = parse('nocapture.txt')
    expect(bench.id).toBe('my_benchmark::my_group::bench_library some_id')
    expect(values(bench)).toMatchObject({ instructions: 851, 'estimated-cycles': 3528 })
  })

  it('--nocapture output that looks like a headline is still the bench’s output', () => {
    // The bench may print anything; the `- end of stdout/stderr` footer says where it stops.
    const lines = text('nocapture.txt').split('\n')
    expect(lines[1]).toBe('Output to stdout: 20')
    lines.splice(2, 0, 'my_crate::parser::Token printed by the bench')
    const [bench] = parseIaiCallgrind(lines.join('\n'), 'n.txt')
    expect(bench.id).toBe('my_benchmark::my_group::bench_library some_id')
    expect(values(bench).instructions).toBe(851)
  })

  it("a regressed run: counts, and iai-callgrind's own regression kept in details", () => {
    const benches = parse('regressed.txt')
    expect(benches.map((b) => b.id)).toEqual([
      'lib_bench_regression::my_group::bench_library worst_case',
    ])
    expect(values(benches[0]).instructions).toBe(264)
    expect(benches[0].details.toolRegressions).toEqual([
      'Performance has regressed: Instructions (152 -> 264) regressed by +73.6842% (>+5.00000%)',
    ])
  })

  it('grid, threads and DHAT: the totals only, other tools prefixed', () => {
    const [bench] = parse('grid-threads-dhat.txt')
    expect(bench.id).toBe('test_lib_bench_threads::bench_group::bench_thread_in_subprocess three')
    const v = values(bench)
    // The callgrind parts (one per process and thread) add up to the printed total.
    const lines = text('grid-threads-dhat.txt').split('\n')
    const total = lines.findIndex((line) => line === '|-## Total')
    const parts = lines
      .slice(0, total)
      .filter((line) => line.startsWith('| Instructions:'))
      .map((line) => Number(/(\d+)\|/.exec(line)![1]))
    expect(parts).toHaveLength(5)
    expect(v.instructions).toBe(parts.reduce((a, b) => a + b, 0))
    expect(v.instructions).toBe(10500916)
    expect(v['estimated-cycles']).toBe(10819829)
    expect(v['dhat-total-bytes']).toBe(158932)
    expect(v['dhat-at-t-gmax-blocks']).toBe(22)
    expect(bench.metrics.find((m) => m.name === 'dhat-total-bytes')!.unit).toBe('bytes')
    expect(bench.metrics).toHaveLength(6 + 8)
  })

  it('colours (ANSI escapes, as with IAI_CALLGRIND_COLOR=always) and CRLF read the same', () => {
    const plain = text('quickstart-changed.txt')
    const coloured = plain
      .split('\n')
      .map((line) =>
        line
          .replace(
            /^(\S+::\S+) (\w+):(.*)$/,
            '\u001b[32m$1\u001b[0m \u001b[36m$2\u001b[0m\u001b[36m:\u001b[0m\u001b[1;34m$3\u001b[0m',
          )
          .replace(/(\d+)\|/, '\u001b[1m$1\u001b[0m|'),
      )
      .join('\r\n')
    expect(coloured).toContain('\u001b[')
    expect(parseIaiCallgrind(coloured, 'c.txt')).toEqual(parseIaiCallgrind(plain, 'p.txt'))
  })

  it('--save-baseline=1: the `Baselines:` line is not a metric, even when the names are numbers', () => {
    // format.rs writes `Baselines:` like a metric (field, value, `|`, other value) before the counts.
    const lines = text('quickstart-changed.txt').split('\n')
    lines.splice(1, 0, `  ${'Baselines:'.padEnd(21)}${'1'.padStart(20)}|1 (old)`)
    const [short] = parseIaiCallgrind(lines.join('\n'), 'b.txt')
    expect(short.metrics.map((m) => m.name)).toEqual(CALLGRIND_DEFAULT)
  })

  it('names the file when it holds no iai-callgrind bench', () => {
    expect(() => parseIaiCallgrind('running 0 tests\n\ntest result: ok.\n', 'bench.txt')).toThrow(
      /bench\.txt: has no iai-callgrind benchmark/,
    )
  })
})

/** A version 6 summary of one bench, as iai-callgrind-runner's serde writes it. */
function summary(
  modulePath: string,
  id: string,
  details: string,
  counts: Record<string, [number, number?]>,
) {
  const metrics = Object.fromEntries(
    Object.entries(counts).map(([key, [now, old]]) => [
      key,
      old === undefined
        ? { diffs: null, metrics: { Left: { Int: now } } }
        : {
            diffs: { diff_pct: String(((now - old) / old) * 100), factor: String(now / old) },
            metrics: { Both: [{ Int: now }, { Int: old }] },
          },
    ]),
  )
  return {
    baselines: [null, null],
    benchmark_exe: '/project/target/release/deps/library_benchmark-0123456789abcdef',
    benchmark_file: '/project/benches/library_benchmark.rs',
    details,
    function_name: modulePath.split('::').at(-1)!,
    id,
    kind: 'LibraryBenchmark',
    module_path: modulePath,
    package_dir: '/project',
    profiles: [
      {
        flamegraphs: [],
        log_paths: ['/project/target/iai/callgrind.log'],
        out_paths: ['/project/target/iai/callgrind.out'],
        summaries: {
          parts: [
            {
              details: {
                Left: {
                  command: '/project/target/release/deps/library_benchmark-0123456789abcdef',
                  details: null,
                  parent_pid: null,
                  part: 1,
                  path: '/project/target/iai/callgrind.out',
                  pid: 4242,
                  thread: 1,
                },
              },
              metrics_summary: { Callgrind: metrics },
            },
          ],
          total: { regressions: [], summary: { Callgrind: metrics } },
        },
        tool: 'Callgrind',
      },
    ],
    project_root: '/project',
    summary_output: null,
    version: '6',
  }
}

describe('iai-callgrind JSON summaries (format version 6)', () => {
  // quickstart-changed.txt's numbers, new and old, keyed as the JSON keys them.
  const short = summary(FIB, 'short', '10', {
    Ir: [2805, 1734],
    L1hits: [3815, 2359],
    LLhits: [0, 0],
    RamHits: [3, 3],
    TotalRW: [3818, 2362],
    EstimatedCycles: [3920, 2464],
  })
  const long = summary(FIB, 'long', '30', {
    Ir: [16201597, 26214734],
    L1hits: [22025876, 35638616],
    LLhits: [2, 2],
    RamHits: [4, 4],
    TotalRW: [22025882, 35638622],
    EstimatedCycles: [22026026, 35638766],
  })
  const console = parse('quickstart-changed.txt')

  it('the summaries built for these tests are valid against the upstream schema', () => {
    const schema = JSON.parse(text('upstream/summary.v6.schema.json')) as object
    const ajv = new Ajv({ unknownFormats: 'ignore', logger: false })
    const valid = ajv.compile(schema)
    for (const s of [short, long])
      expect({ valid: valid(s), errors: valid.errors }).toEqual({ valid: true, errors: null })
  })

  it.each([
    [
      '--output-format=json among cargo lines',
      `running 0 tests\n\n${JSON.stringify(short)}\n${JSON.stringify(long)}\n`,
    ],
    ['pretty-json', `${JSON.stringify(short, null, 2)}\n${JSON.stringify(long, null, 2)}\n`],
    ['jq -s (an array)', JSON.stringify([short, long])],
  ])('%s: the same benches, names and values as the console output', (_how, output) => {
    const benches = parseIaiCallgrind(output, 'out.json')
    expect(benches.map((b) => [b.id, b.metrics.map((m) => [m.name, m.unit, m.samples])])).toEqual(
      console.map((b) => [b.id, b.metrics.map((m) => [m.name, m.unit, m.samples])]),
    )
  })

  it('a summary.json of a first run (Left only) and a metric gone from this run (Right only)', () => {
    const first = summary(FIB, 'short', '10', { Ir: [1734], L1hits: [2359] })
    const right = first.profiles[0].summaries.total.summary.Callgrind as Record<string, unknown>
    right.RamHits = { diffs: null, metrics: { Right: { Int: 3 } } }
    const [bench] = parseIaiCallgrind(JSON.stringify(first), 'summary.json')
    expect(values(bench)).toEqual({ instructions: 1734, 'l1-hits': 2359 })
  })

  it('an older format version, a bad field and a cut file are named', () => {
    expect(() => parseIaiCallgrind(JSON.stringify({ ...short, version: '3' }), 's.json')).toThrow(
      /s\.json: is an iai-callgrind summary of format version 3; perfgate reads version 6/,
    )
    const bad = JSON.parse(JSON.stringify(short)) as typeof short
    ;(bad.profiles[0].summaries.total.summary.Callgrind as Record<string, unknown>).Ir = {
      metrics: { Left: { Int: 'many' } },
    }
    expect(() => parseIaiCallgrind(JSON.stringify(bad), 's.json')).toThrow(
      /s\.json: is not an iai-callgrind JSON summary .*profiles\[0\]\.summaries\.total\.summary\.Callgrind\.Ir\.metrics/,
    )
    expect(() => parseIaiCallgrind(JSON.stringify(short).slice(0, 300), 's.json')).toThrow(
      /s\.json:1: is not valid JSON/,
    )
  })
})

function asRun(benches: BenchResult[]): Results {
  return { schemaVersion: 1, meta: makeMeta(), benches }
}

describe('iai-callgrind through the import kind and the comparison', () => {
  const importFixture = (file: string) =>
    run(
      config(
        `benches:\n  - name: iai\n    kind: import\n    format: iai-callgrind\n    path: iai-callgrind/${file}\n`,
      ),
    )

  it('gets the 1% noise threshold of instruction counts unless the bench sets one', () => {
    const yaml = (extra: string) =>
      `benches:\n  - name: iai\n    kind: import\n    format: iai-callgrind\n    path: x.txt\n${extra}`
    expect(config(yaml('')).benches[0].settings.noiseThreshold).toBe(0.01)
    expect(config(yaml('    noise-threshold: 3%\n')).benches[0].settings.noiseThreshold).toBe(0.03)
  })

  it('zero-config `tool: iai-callgrind` reads the file with bare names', async () => {
    const outcome = configFromTool({
      tool: 'iai-callgrind',
      outputFilePath: 'iai-callgrind/quickstart-new.txt',
      workingDirectory: FIXTURES,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    expect(outcome.config.benches[0].settings.noiseThreshold).toBe(0.01)
    const results = await run(outcome.config)
    expect(metric(byName(results, `${FIB} short`), 'instructions').samples).toEqual([1734])
  })

  it('a code change is a regression or an improvement in instructions', async () => {
    const [base, head] = await Promise.all(
      ['quickstart-new.txt', 'quickstart-changed.txt'].map(importFixture),
    )
    expect(head.every((r) => r.status === 'ok' && r.noiseThreshold === 0.01)).toBe(true)
    const rows = compareRuns([asRun(base)], asRun(head)).comparisons.filter(
      (r) => r.metric === 'instructions',
    )
    expect(rows.map((r) => [r.name, r.verdict])).toEqual([
      [`iai/${FIB} short`, 'regression'],
      [`iai/${FIB} long`, 'improvement'],
    ])
    expect(rows[0].change).toBeCloseTo(2805 / 1734 - 1, 12)
  })

  it('a change within 1% is no change; beyond it, more but not a regression', async () => {
    // tolerance.txt prints the previous run's counts right of the bar: that run is the baseline.
    const [head] = await importFixture('tolerance.txt')
    const old = (label: string): number =>
      Number(new RegExp(`${label}:\\s+\\d+\\|(\\d+)`).exec(text('tolerance.txt'))![1])
    if (head.status !== 'ok') throw new Error(head.reason)
    const base = {
      ...head,
      metrics: [
        makeMetric({ name: 'instructions', unit: 'count', samples: [old('Instructions')] }),
        makeMetric({ name: 'l1-hits', unit: 'count', samples: [old('L1 Hits')] }),
      ],
    }
    const rows = compareRuns([asRun([base])], asRun([head])).comparisons
    const verdict = (name: string) => rows.find((r) => r.metric === name)!
    expect(old('Instructions')).toBe(19623)
    expect(verdict('instructions')).toMatchObject({ verdict: 'unchanged' })
    expect(verdict('instructions').reason).toMatch(/within the 1% noise threshold/)
    expect(verdict('l1-hits').verdict).toBe('slower')
  })
})

describe('docs/import.md on iai-callgrind, as GitHub renders it', () => {
  const gfm = (markdown: string): string =>
    spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink'], { input: markdown, encoding: 'utf8' })
      .stdout
  const html = gfm(readFileSync('docs/import.md', 'utf8'))
  const start = html.indexOf('<h2>iai-callgrind (Rust, instruction counts)</h2>')
  const section = html.slice(start, html.indexOf('<h2>', start + 4))
  const unescape = (code: string): string =>
    code
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')

  it('has the section the tools table links to, whose config example is a valid bench', () => {
    expect(start).toBeGreaterThan(0)
    // GitHub's anchor for that heading, as the table at the top of docs/import.md links it.
    expect(readFileSync('docs/import.md', 'utf8')).toContain(
      '(#iai-callgrind-rust-instruction-counts)',
    )
    const yamls = [...section.matchAll(/<code class="language-yaml">([\s\S]*?)<\/code>/g)].map(
      (m) => unescape(m[1]),
    )
    const bench = yamls.find((yaml) => yaml.includes('format: iai-callgrind'))!
    const outcome = parseConfig(`benches:\n${bench}`, { file: path.join(DIR, 'perfgate.yml') })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    expect(outcome.config.benches[0].spec).toMatchObject({
      format: 'iai-callgrind',
      paths: ['iai.txt'],
    })
  })

  it('names every metric it promises the way the parser names them', () => {
    const named = [...section.matchAll(/<code>([a-z0-9-]+)<\/code>/g)].map((m) => m[1])
    const parsed = new Set(
      ['all-metrics.txt', 'grid-threads-dhat.txt']
        .flatMap(parse)
        .flatMap((b) => b.metrics.map((m) => m.name)),
    )
    const promised = named.filter((name) =>
      /-(hits|rate|cycles|bytes|write)$|^instructions$|^dr$|^i1mr$/.test(name),
    )
    expect(promised.length).toBeGreaterThanOrEqual(8)
    for (const name of promised)
      expect({ name, parsed: parsed.has(name) }).toEqual({ name, parsed: true })
  })
})
