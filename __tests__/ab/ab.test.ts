/**
 * A/B mode end to end with real parts: a git repository built here (base commit, then a head that
 * slows one js, one command and one SQL bench), real processes, a real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { parseResults } from '../../src/results/schema.js'
import { startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
let repo: string

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()

// Big slowdowns (about 3×) against a 25% gate: the test is about wiring, and 2 busy cores.
// rounds: 4 is 8 A/B rounds per side (each configured round split in two).
const CONFIG = `defaults:
  rounds: 4
  warmup: 2
  regression-threshold: 25%
  build: psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f schema.sql
benches:
  - name: js
    kind: js
    module: bench.mjs
    time: 600ms
  - name: cmd-steady
    kind: command
    command: sh loop.sh 20000
    samples: 12
    time: 1ms
    memory: false
  - name: cmd-changed
    kind: command
    command: sh loop.sh $(cat n.txt)
    samples: 12
    time: 1ms
    memory: false
  - name: sql-steady
    kind: sql
    query: SELECT steady_fn(20000)
    samples: 30
    time: 1ms
  - name: sql-changed
    kind: sql
    query: SELECT changed_fn(20000)
    samples: 30
    time: 1ms
`

const BENCH_JS = (changedLoops: number) => `let sink = 0
function spin(n) { for (let i = 0; i < n; i++) sink = (sink + i * 7) % 1000003; return sink }
export function steady() { return spin(20000) }
export function changed() { return spin(${changedLoops}) }
`

const SCHEMA = (changedLoops: number) => `
CREATE OR REPLACE FUNCTION steady_fn(n int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint := 0; BEGIN FOR i IN 1..n LOOP s := s + i; END LOOP; RETURN s; END $$;
CREATE OR REPLACE FUNCTION changed_fn(n int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint := 0; BEGIN FOR i IN 1..(n * ${changedLoops}) LOOP s := s + i; END LOOP; RETURN s; END $$;
`

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(repo, name), text)
}

beforeAll(async () => {
  db = await startTestDatabase('ab')
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-test-'))
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  await write({
    'perfgate.yml': CONFIG,
    'bench.mjs': BENCH_JS(20000),
    'loop.sh': 'i=0; while [ $i -lt $1 ]; do i=$((i+1)); done\n',
    'n.txt': '20000\n',
    'schema.sql': SCHEMA(1),
    'broken.yml': `benches:\n  - name: built\n    kind: command\n    command: 'true'\n    build: sh build.sh\n`,
    'build.sh': 'echo "compiling libfoo" ; echo "error: libfoo.h not found" >&2 ; exit 3\n',
    // About budgets alone: the same commit on both sides, with a threshold no A/A pair of a 1 ms
    // process crosses (a full run's other jest worker once made one +10% and significant).
    'budget.yml': `benches:
  - name: quick
    kind: command
    command: 'true'
    samples: 6
    rounds: 2
    time: 1ms
    memory: false
    regression-threshold: 1000%
    budget: [median < 1h, median < 1ns]
`,
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  await write({
    'bench.mjs': BENCH_JS(60000),
    'n.txt': '60000\n',
    'schema.sql': SCHEMA(3),
    'build.sh': 'exit 0\n',
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'head: slower js, command and SQL function')
}, 120_000)

afterAll(async () => {
  await db?.stop()
  if (repo) await rm(repo, { recursive: true, force: true })
})

async function ab(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['ab', ...args], {
    env: { ...process.env, DATABASE_URL: db.url },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
  })
  return { code, stdout, stderr }
}

const regressions = (stdout: string): string[] =>
  (
    JSON.parse(stdout) as { comparisons: { name: string; metric: string; verdict: string }[] }
  ).comparisons
    .filter((c) => c.verdict === 'regression')
    .map((c) => c.name)
    .sort()

describe('perfgate ab', () => {
  it('flags exactly the js, command and SQL benches the head slowed, against the merge base', async () => {
    const out = path.join(repo, '..', `${path.basename(repo)}-out`)
    const result = await ab([
      '--config',
      path.join(repo, 'perfgate.yml'),
      '--out-dir',
      out,
      '--format',
      'json',
      // Profiles have their own tests (cli/explain, profile/); here they would double the time.
      '--no-profile',
    ])
    expect(result.stderr).toContain(
      `merge-base(HEAD, main) = ${git('rev-parse', 'main').slice(0, 12)}`,
    )
    expect(result.code).toBe(0)
    expect(regressions(result.stdout)).toEqual(['cmd-changed', 'js/changed', 'sql-changed'])
    expect(result.stderr).not.toContain('Profiling')
    expect(existsSync(path.join(out, 'profiles'))).toBe(false)
    // Both sides are normal results files, stamped with their own commit; rounds were 8 each.
    const base = parseResults(await readFile(path.join(out, 'base.json'), 'utf8'), 'base.json')
    const head = parseResults(await readFile(path.join(out, 'head.json'), 'utf8'), 'head.json')
    expect(base.meta.commit).toBe(git('rev-parse', 'main'))
    expect(head.meta.commit).toBe(git('rev-parse', 'HEAD'))
    const steady = head.benches.find((b) => b.name === 'cmd-steady')
    expect(steady?.metrics[0].rounds).toHaveLength(8)
    // The side databases are gone and the URL never reached the files.
    expect(JSON.stringify([base, head])).not.toContain(db.url)
    const left = await db.sql<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'perfgate_%'`,
    )
    expect(left).toEqual([])
    expect(git('worktree', 'list')).not.toContain('perfgate-base-')
    await rm(out, { recursive: true, force: true })
  }, 300_000)

  it('flags nothing when the base is the head itself', async () => {
    const out = path.join(os.tmpdir(), `perfgate-ab-same-${process.pid}`)
    const result = await ab([
      'HEAD',
      '--config',
      path.join(repo, 'perfgate.yml'),
      '--out-dir',
      out,
      '--format',
      'json',
    ])
    expect(result.code).toBe(0)
    // The reasons ride along, so a failure says what the gate saw.
    const flagged = (
      JSON.parse(result.stdout) as {
        comparisons: { name: string; verdict: string; reason: string }[]
      }
    ).comparisons.filter((c) => c.verdict === 'regression')
    expect(flagged.map((c) => `${c.name}: ${c.reason}`)).toEqual([])
    await rm(out, { recursive: true, force: true })
  }, 300_000)

  it('checks budgets on the head, and fails on a broken one only with --fail-on-regression', async () => {
    const out = path.join(os.tmpdir(), `perfgate-ab-budget-${process.pid}`)
    const args = ['HEAD', '--config', path.join(repo, 'budget.yml'), '--out-dir', out]
    const report = await ab(args)
    expect(report.code).toBe(0)
    expect(report.stdout).toMatch(/^Budgets:$/m)
    expect(report.stdout).toMatch(/^ {2}quick: median < 1h: ✅ within, /m)
    expect(report.stdout).toMatch(/^ {2}quick: median < 1ns: ❌ broken, /m)
    const gated = await ab([...args, '--fail-on-regression'])
    expect({ code: gated.code, why: gated.stderr.match(/^perfgate ab: .*$/m)?.[0] }).toEqual({
      code: 1,
      why: 'perfgate ab: 1 budget(s) broken',
    })
    await rm(out, { recursive: true, force: true })
  }, 120_000)

  it('stops with an error naming the side when the base build fails', async () => {
    const result = await ab(['main', '--config', path.join(repo, 'broken.yml')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("the base side's build `sh build.sh` exited with code 3")
    expect(result.stderr).toContain('error: libfoo.h not found')
    expect(git('worktree', 'list')).not.toContain('perfgate-base-')
  }, 120_000)

  it('says how to fetch a base commit the clone does not have', async () => {
    const result = await ab([
      '0123456789abcdef0123456789abcdef01234567',
      '--config',
      path.join(repo, 'perfgate.yml'),
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is not in this clone')
    expect(result.stderr).toContain('fetch-depth: 0')
  })

  it('prints its usage with --help', async () => {
    const result = await ab(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('perfgate ab [BASE_REF]')
    expect(result.stdout).toContain('fetch-depth: 0')
  })
})
