// What `perfgate init` writes for each fixture project: a perfgate.yml that perfgate's loader and
// the published JSON schema both accept (and so do its commented suggestions once uncommented),
// and a workflow with full history and, only for SQL, a PostgreSQL service.
import { describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import { STARTER_BENCH } from '../../src/init/config-text.js'
import { planInit, type InitPlan } from '../../src/init/plan.js'
import { memoryTree, readProjectTree } from '../../src/init/tree.js'
import { WORKFLOW_FILE } from '../../src/init/workflow-text.js'

const FIXTURES = ['node', 'vitest', 'rust', 'go', 'python', 'sql', 'empty']
const plans = Object.fromEntries(
  FIXTURES.map((name) => [name, planInit(readProjectTree(path.join('__fixtures__/init', name)))]),
) as Record<string, InitPlan>
const file = (plan: InitPlan, name: string): string => {
  const found = plan.files.find((f) => f.path === name)
  if (!found) throw new Error(`${name} not planned`)
  return found.text
}
const config = (plan: InitPlan) => file(plan, 'perfgate.yml')

// The ajv here (6) knows draft-07; the schema uses no 2020-12 keyword, so it validates without
// its $schema line (a test below makes sure it still refuses a wrong config).
const schema = JSON.parse(readFileSync('schema/perfgate.schema.json', 'utf8')) as Record<
  string,
  unknown
>
delete schema.$schema
const validate = new Ajv({ logger: false }).compile(schema)

/** The config with every commented-out entry line (`# - name:`, `#   key: value`) uncommented. */
const uncommented = (text: string): string =>
  text.replace(/^ {2}# (- [\w-]+:| {2}[\w-]+:)/gm, '  $1')

/** Loads config text as perfgate does, as if written in `dir`; returns the bench names. */
function load(text: string, dir: string): string[] {
  const outcome = parseConfig(text, { file: path.resolve(dir, 'perfgate.yml') })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors, null, 2))
  return outcome.config.benches.map((bench) => bench.name)
}

describe('the perfgate.yml init writes', () => {
  it('is checked by a schema validator that refuses a wrong config', () => {
    expect(validate({ benches: [{ name: 'x', kind: 'import', format: 'nope' }] })).toBe(false)
    expect(validate({ benches: [{ name: 'x', kind: 'js', module: 'a.js', bogus: 1 }] })).toBe(false)
    expect(validate({ benches: [{ name: 'x', kind: 'js', module: 'a.js' }] })).toBe(true)
  })

  it.each(FIXTURES)('%s: passes perfgate’s loader and the JSON schema', (name) => {
    const text = config(plans[name])
    expect(load(text, `__fixtures__/init/${name}`).length).toBeGreaterThan(0)
    expect(validate(parse(text))).toBe(true)
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/\S+perfgate\.schema\.json$/,
    )
  })

  it.each(FIXTURES)('%s: its commented suggestions are valid once uncommented', (name) => {
    const text = uncommented(config(plans[name]))
    expect(validate(parse(text))).toBe(true)
    load(text, `__fixtures__/init/${name}`)
  })

  it('has one entry per thing found, with the command that writes what it imports', () => {
    const benches = (name: string) =>
      (parse(config(plans[name])) as { benches: Record<string, unknown>[] }).benches
    expect(benches('node')).toEqual([
      {
        name: 'parse',
        kind: 'import',
        format: 'tinybench',
        run: 'node bench/parse.bench.mjs',
        path: 'parse-results.json',
      },
      { name: 'sort', kind: 'js', module: 'bench/sort.bench.js' },
    ])
    expect(benches('rust')).toEqual([
      {
        name: 'rust',
        kind: 'import',
        format: 'criterion',
        run: 'cargo bench --bench work -- --noplot',
        timeout: '30m',
      },
    ])
    expect(benches('go')[0].run).toBe(
      "mkdir -p .perfgate && go test -run '^$' -bench . -benchmem -count 10 ./internal/sum > .perfgate/go-bench.txt",
    )
    expect(benches('python')[0].run).toBe(
      'mkdir -p .perfgate && python3 -m pytest tests/bench --benchmark-only --benchmark-json=.perfgate/pytest-benchmark.json',
    )
    expect(benches('vitest')[0]).toMatchObject({
      format: 'vitest',
      path: '.perfgate/vitest-bench.json',
    })
  })

  it('comments out what cannot run as it is, saying why', () => {
    const node = config(plans.node)
    expect(node).toContain('  # - name: console\n  #   kind: import\n  #   format: tinybench')
    expect(node).toContain(
      'bench/console.bench.js runs tinybench itself but writes no results file',
    )
    const sql = config(plans.sql)
    expect(sql).toMatch(/^ {2}# - name: sql\/example\n {2}# {3}kind: sql$/m)
    expect(sql).toContain('DATABASE_URL')
    expect(load(uncommented(node), '.')).toEqual(['parse', 'sort', 'console'])
    expect(load(uncommented(sql), '.')).toEqual(['example', 'sql/example'])
  })

  it('adds a starter bench only when nothing runnable was found', () => {
    const starters = FIXTURES.filter((name) =>
      plans[name].files.some((f) => f.path === STARTER_BENCH),
    )
    expect(starters).toEqual(['sql', 'empty'])
    expect(config(plans.empty)).toContain(`module: ${STARTER_BENCH}`)
  })

  it('names what perfgate writes locally that .gitignore does not ignore yet', () => {
    const ignores = (gitignore?: string) =>
      planInit(memoryTree(gitignore === undefined ? {} : { '.gitignore': gitignore })).toIgnore
    expect(ignores()).toEqual(['.perfgate/', 'perfgate-results.json'])
    expect(ignores('node_modules\n.perfgate\n')).toEqual(['perfgate-results.json'])
    expect(ignores('/.perfgate/\n/perfgate-results.json\n')).toEqual([])
  })

  it('gives two entries of one kind different names', () => {
    const plan = planInit(
      memoryTree({
        'a/sort.bench.js': 'export function a() {}',
        'b/sort.bench.js': 'export function b() {}',
      }),
    )
    expect(load(config(plan), '.')).toEqual(['sort', 'sort-2'])
  })
})

describe('the workflow init writes', () => {
  const workflow = (name: string) => file(plans[name], WORKFLOW_FILE)
  type Job = {
    services?: { postgres?: { image: string } }
    env?: Record<string, string>
    steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]
  }
  const job = (name: string) => (parse(workflow(name)) as { jobs: { perf: Job } }).jobs.perf

  it.each(FIXTURES)('%s: checks out the full history and runs perfgate on perfgate.yml', (name) => {
    const steps = job(name).steps
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } })
    expect(steps.at(-1)).toEqual({
      uses: 'perfgate/perfgate@v0',
      with: { config: 'perfgate.yml' },
    })
  })

  it('starts PostgreSQL only where SQL was found', () => {
    const withDb = FIXTURES.filter((name) => job(name).services?.postgres !== undefined)
    expect(withDb).toEqual(['sql'])
    expect(job('sql').env?.DATABASE_URL).toMatch(/^postgres:\/\//)
    expect(workflow('sql')).toContain('# - run: for f in migrations/*.sql; do psql')
  })

  it('installs the toolchain the benches need', () => {
    const uses = (name: string) => job(name).steps.map((step) => step.uses ?? step.run)
    expect(uses('node')).toContain('actions/setup-node@v4')
    expect(uses('node')).toContain('npm install')
    expect(uses('go')).toContain('actions/setup-go@v5')
    expect(uses('python')).toContain('pip install -e . pytest pytest-benchmark')
    expect(uses('empty')).toEqual(['actions/checkout@v4', 'perfgate/perfgate@v0'])
  })
})
