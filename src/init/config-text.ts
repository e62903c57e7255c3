/**
 * The perfgate.yml `perfgate init` writes: one entry per finding, each with a comment saying what
 * it measures; suggestions that cannot run as they are (a database, a script to change) are
 * written commented out. Pure text building.
 */
import path from 'node:path'
import { stringify } from 'yaml'
import { SCHEMA_URL } from '../config/schema.js'
import type {
  CriterionFinding,
  Finding,
  GoFinding,
  JsModuleFinding,
  NpmScriptFinding,
  PytestFinding,
  SqlFinding,
  TinybenchScriptFinding,
  VitestFinding,
} from './findings.js'

/** Where the starter bench goes when nothing runnable was found. */
export const STARTER_BENCH = 'bench/example.bench.mjs'

/** Where import benches' tools write their results (beside saved baselines; not for git). */
const OUT = '.perfgate'

/** A YAML scalar, quoted only when YAML needs it. */
const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd()

/** `key: value` lines of one entry, the first as a list item. */
function entry(fields: [string, string | undefined][], commented = false): string {
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([key, value], index) => `${index === 0 ? '- ' : '  '}${key}: ${value}`)
  return lines.map((line) => `  ${commented ? '# ' : ''}${line}`).join('\n')
}

/** Comment lines, indented as entries are. */
const comment = (...lines: string[]): string => lines.map((line) => `  # ${line}`).join('\n')

/** A bench name from a file: `bench/sort.bench.js` → `sort`. */
function nameOfFile(file: string): string {
  return path.posix.basename(file).replace(/([.-]bench)?\.[cm]?[jt]s$/, '') || 'bench'
}

/** Hands out bench names, adding -2, -3 … when one is taken. */
function namer(): (wanted: string) => string {
  const taken = new Set<string>()
  return (wanted) => {
    let name = wanted
    for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`
    taken.add(name)
    return name
  }
}

const list = (items: string[], max = 3): string =>
  items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`

function jsModule(finding: JsModuleFinding, name: string): string {
  return [
    comment(
      `${finding.file} exports ${list(finding.functions)}: perfgate times each exported`,
      `function with tinybench (exports named setup/teardown run around them, untimed).`,
      `Results: ${name}/<function>.`,
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'js'],
      ['module', scalar(finding.file)],
    ]),
  ].join('\n')
}

function tinybenchScript(finding: TinybenchScriptFinding, name: string): string {
  if (finding.output !== undefined) {
    return [
      comment(
        `${finding.file} runs tinybench itself and writes its tasks to ${finding.output}:`,
        `perfgate runs the script, then reads that file.`,
        ...(finding.retainsSamples
          ? []
          : [
              'Create its Bench with { retainSamples: true } so perfgate gets every sample,',
              'not only the median.',
            ]),
      ),
      entry([
        ['name', scalar(name)],
        ['kind', 'import'],
        ['format', 'tinybench'],
        ['run', scalar(`node ${finding.file}`)],
        ['path', scalar(finding.output)],
      ]),
    ].join('\n')
  }
  const output = `${OUT}/${name}-tinybench.json`
  return [
    comment(
      `${finding.file} runs tinybench itself but writes no results file, so perfgate cannot`,
      'read it (and timing the whole script shows nothing: tinybench runs for a fixed time).',
      'Either export the functions it benches and use `kind: js` (see docs/init.md), or add',
      `after \`await bench.run()\` (with { retainSamples: true } on the Bench), then uncomment:`,
      `  const tasks = bench.tasks.map(({ name, result }) => ({ name, result }))`,
      `  mkdirSync('${OUT}', { recursive: true })`,
      `  writeFileSync('${output}', JSON.stringify(tasks))`,
    ),
    entry(
      [
        ['name', scalar(name)],
        ['kind', 'import'],
        ['format', 'tinybench'],
        ['run', scalar(`node ${finding.file}`)],
        ['path', scalar(output)],
      ],
      true,
    ),
  ].join('\n')
}

function vitest(finding: VitestFinding, name: string): string {
  const output = `${OUT}/vitest-bench.json`
  return [
    comment(
      `vitest bench files (${list(finding.files)}): perfgate runs \`vitest bench\` and`,
      'reads its JSON. vitest writes one value per bench (the median), a weaker signal than',
      'raw samples; for every sample, export the functions and use `kind: js`.',
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'import'],
      ['format', 'vitest'],
      ['run', scalar(`mkdir -p ${OUT} && npx vitest bench --run --outputJson ${output}`)],
      ['path', scalar(output)],
    ]),
  ].join('\n')
}

function npmScript(finding: NpmScriptFinding, name: string): string {
  return [
    comment(
      `package.json's "${finding.name}" script (${finding.script}) runs none of the files`,
      "above. If its duration follows your code's speed, time it as a whole (a harness that",
      'runs for a fixed time, like tinybench, would always look unchanged):',
    ),
    entry(
      [
        ['name', scalar(name)],
        ['kind', 'command'],
        ['command', scalar(`npm run -s ${finding.name}`)],
        ['samples', '10'],
      ],
      true,
    ),
  ].join('\n')
}

function criterion(finding: CriterionFinding, name: string): string {
  const benches = finding.benches.map((bench) => `--bench ${bench}`).join(' ')
  const target =
    finding.select === 'package'
      ? ` -p ${finding.crate ?? path.posix.basename(finding.dir)}`
      : finding.select === 'manifest'
        ? ` --manifest-path ${finding.dir}/Cargo.toml`
        : ''
  return [
    comment(
      `Criterion benches of ${finding.crate ? `crate ${finding.crate}` : 'the crate'} (${list(finding.benches)}): perfgate runs`,
      'them and reads every sample Criterion recorded. --noplot skips its HTML charts; the',
      'timeout includes compiling in release mode.',
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'import'],
      ['format', 'criterion'],
      ['run', scalar(`cargo bench${target} ${benches} -- --noplot`)],
      [
        'path',
        finding.select === 'manifest' ? scalar(`${finding.dir}/target/criterion`) : undefined,
      ],
      ['timeout', '30m'],
    ]),
  ].join('\n')
}

function go(finding: GoFinding, name: string): string {
  const packages = finding.packages.map((pkg) => (pkg === '.' ? '.' : `./${pkg}`))
  const output = `${OUT}/${name.replaceAll('/', '-')}-bench.txt`
  const test = `go test -run '^$' -bench . -benchmem -count 10 ${packages.length > 5 ? './...' : packages.join(' ')}`
  const run =
    finding.dir === '' ? `${test} > ${output}` : `(cd ${finding.dir} && ${test}) > ${output}`
  return [
    comment(
      `Go benchmarks (in ${list(packages)}${finding.dir ? ` of module ${finding.dir}` : ''}): perfgate runs each 10 times`,
      '(-count 10: one sample per line) and reads the text output; -benchmem adds bytes and',
      'allocations per op. Each bench takes about 10 x -benchtime (1s): narrow -bench to a',
      'regexp or set -benchtime=200ms if that is too long.',
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'import'],
      ['format', 'go'],
      ['run', scalar(`mkdir -p ${OUT} && ${run}`)],
      ['path', scalar(output)],
      ['timeout', '30m'],
    ]),
  ].join('\n')
}

function pytest(finding: PytestFinding, name: string): string {
  const output = `${OUT}/pytest-benchmark.json`
  const where = finding.testPaths.length > 0 ? ` ${finding.testPaths.join(' ')}` : ''
  return [
    comment(
      `pytest-benchmark tests${finding.testPaths.length > 0 ? ` (${list(finding.testPaths)})` : ''}: perfgate runs only the benchmarks`,
      "(--benchmark-only) and reads every round's time from the JSON.",
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'import'],
      ['format', 'pytest-benchmark'],
      [
        'run',
        scalar(
          `mkdir -p ${OUT} && python3 -m pytest${where} --benchmark-only --benchmark-json=${output}`,
        ),
      ],
      ['path', scalar(output)],
      ['timeout', '30m'],
    ]),
  ].join('\n')
}

function sql(finding: SqlFinding, name: string): string {
  const source = finding.migrationsDir ? `${finding.migrationsDir}/` : list(finding.files, 2)
  return [
    comment(
      `SQL found (${source}): a \`sql\` bench times a query on a real PostgreSQL, reading its`,
      'URL from DATABASE_URL (without it the bench is skipped, not failed; the workflow starts',
      'a database). Put in a query your application runs, then uncomment (docs/postgres.md):',
    ),
    entry(
      [
        ['name', scalar(name)],
        ['kind', 'sql'],
        [
          finding.schemaFile ? 'setup-file' : '# setup-file',
          `${finding.schemaFile ?? 'db/schema.sql'}   # run once first: schema and seed, idempotent`,
        ],
        ['query', 'SELECT * FROM your_table WHERE id = $1'],
        ['params', '[[1], [100]]   # two cases: $1 = 1, then $1 = 100'],
      ],
      true,
    ),
  ].join('\n')
}

/** The bench entry (or commented suggestion) of one finding. */
function block(finding: Finding, name: (wanted: string) => string, several: boolean): string {
  switch (finding.kind) {
    case 'js-module':
      return jsModule(finding, name(nameOfFile(finding.file)))
    case 'tinybench-script':
      return tinybenchScript(finding, name(nameOfFile(finding.file)))
    case 'vitest':
      return vitest(finding, name('vitest'))
    case 'npm-script':
      return npmScript(finding, name(`npm-${finding.name.replaceAll(':', '-')}`))
    case 'criterion':
      return criterion(finding, name(several && finding.crate ? `rust/${finding.crate}` : 'rust'))
    case 'go':
      return go(finding, name(several && finding.dir ? `go/${finding.dir}` : 'go'))
    case 'pytest-benchmark':
      return pytest(finding, name('python'))
    case 'sql':
      return sql(finding, name('sql/example'))
  }
}

/** The starter bench's entry, for a project where nothing runnable was found. */
function starter(name: string): string {
  return [
    comment(
      `Nothing found runs as it is, so perfgate init wrote a starter: ${STARTER_BENCH}. perfgate`,
      'times each function it exports; replace their bodies with calls into your code.',
    ),
    entry([
      ['name', scalar(name)],
      ['kind', 'js'],
      ['module', scalar(STARTER_BENCH)],
    ]),
  ].join('\n')
}

/** The perfgate.yml text for `findings`; `withStarter` adds the starter bench's entry. */
export function configText(findings: Finding[], withStarter: boolean): string {
  const name = namer()
  const count = (kind: Finding['kind']): number => findings.filter((f) => f.kind === kind).length
  const blocks = findings.map((finding) => block(finding, name, count(finding.kind) > 1))
  if (withStarter) blocks.unshift(starter(name('example')))
  return `# yaml-language-server: $schema=${SCHEMA_URL}
# Written by \`perfgate init\` from what it found here: every entry not commented out runs as
# written (perfgate run). What it found and why each entry looks so:
# https://github.com/perfgate/perfgate/blob/main/docs/init.md
defaults:
  # A bench is a regression when it is slower than the baseline by more than
  # regression-threshold and the difference is statistically significant; a change within
  # noise-threshold always counts as unchanged (runners are noisy).
  noise-threshold: 5%
  regression-threshold: 10%

benches:
${blocks.join('\n\n')}
`
}

/** The starter bench module: one exported function to replace with a call into the project. */
export const STARTER_BENCH_TEXT = `// A starter bench written by \`perfgate init\`. perfgate times every function this module
// exports (\`setup\` and \`teardown\`, when exported, run around them, untimed). Replace the body
// with a call into your own code, for example:
//   import { parse } from '../src/parse.js'
//   export function parseSmall() { parse(SMALL_INPUT) }
let numbers

export function setup() {
  numbers = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007)
}

export function sortNumbers() {
  return [...numbers].sort((a, b) => a - b)
}
`
