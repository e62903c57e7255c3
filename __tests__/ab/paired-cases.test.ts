/**
 * A/B over sql benches whose rows get random uuids per database (issue #23): each side's database
 * is seeded with gen_random_uuid() ids, so the same row has a different id on each side. The base
 * draws the cases once and the head times the same ones, looked up by the `key:` column; without
 * a stable key the cases cannot pair, and that is an error naming key:, never a pass.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'
import type { MetricComparison } from '../../src/compare/types.js'
import { gitIn } from '../helpers/git.js'
import { startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
let repo: string
const git = gitIn(() => repo)

// The head drops the index on id (a lookup becomes a scan of every row, far past the 25% gate)
// and seeds more rows, so a draw of its own would pick other names than the base's.
const SCHEMA = (rows: number, index: boolean) => `
CREATE TABLE tasks (id uuid NOT NULL DEFAULT gen_random_uuid(), name text NOT NULL, pad text);
INSERT INTO tasks (name, pad) SELECT 'task-' || i, repeat('x', 40) FROM generate_series(1, ${rows}) i;
${index ? 'CREATE UNIQUE INDEX tasks_id ON tasks (id);' : ''}
ANALYZE tasks;
`

const BENCH = (name: string, key: string) => `defaults:
  rounds: 2
  warmup: 2
  samples: 20
  time: 1ms
  regression-threshold: 25%
  build: psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f schema.sql
benches:
  - name: ${name}
    kind: sql
    query: SELECT pad FROM tasks WHERE id = $1
    params-query: SELECT id, name FROM tasks
    param-columns: [id]
${key}    cases: 3
    explain: false
`

beforeAll(async () => {
  db = await startTestDatabase('ab-paired')
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-paired-'))
  git('init', '-q', '-b', 'main')
  await writeFile(path.join(repo, 'keyed.yml'), BENCH('sql/by-name', '    key: name\n'))
  await writeFile(path.join(repo, 'unkeyed.yml'), BENCH('sql/by-id', ''))
  // One case with its plan captured (explain is on by default): the cause names the scan.
  await writeFile(
    path.join(repo, 'explained.yml'),
    BENCH('sql/explained', '    key: name\n')
      .replace('cases: 3', 'cases: 1')
      .replace('    explain: false\n', ''),
  )
  await writeFile(path.join(repo, 'schema.sql'), SCHEMA(5000, true))
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  await writeFile(path.join(repo, 'schema.sql'), SCHEMA(6000, false))
  git('commit', '-q', '-am', 'head: no index on id, more rows')
}, 120_000)

afterAll(async () => {
  await db?.stop()
  if (repo) await rm(repo, { recursive: true, force: true })
})

async function ab(config: string) {
  let stdout = ''
  let stderr = ''
  const out = path.join(os.tmpdir(), `perfgate-ab-paired-out-${process.pid}`)
  const code = await runCli(
    [
      'ab',
      'main',
      '--config',
      path.join(repo, config),
      '--out-dir',
      out,
      '--format',
      'json',
      '--fail-on-regression',
    ],
    {
      env: { ...process.env, DATABASE_URL: db.url },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: false,
      now: () => new Date(),
      readFile: (file) => readFile(file, 'utf8'),
    },
  )
  await rm(out, { recursive: true, force: true })
  const comparison = JSON.parse(stdout) as {
    comparisons: (Pick<MetricComparison, 'name' | 'verdict' | 'reason' | 'cause'> & {
      confirmation?: string
    })[]
    problems?: string[]
  }
  return { code, stderr, comparison }
}

describe('perfgate ab over per-side random uuids', () => {
  it('times the same cases on both sides by key: and flags the regression', async () => {
    const { code, comparison } = await ab('keyed.yml')
    const rows = comparison.comparisons.map((c) => `${c.name}: ${c.verdict}`)
    // The same three names on both sides, every one a regression: nothing new, nothing removed.
    expect(rows).toHaveLength(3)
    expect(rows.every((row) => /^sql\/by-name\/task-\d+: regression$/.test(row))).toBe(true)
    expect(comparison.problems).toBeUndefined()
    expect(code).toBe(1)
  }, 300_000)

  it('names the plan node whose time grew, with both sides measured here (#24)', async () => {
    const { code, comparison } = await ab('explained.yml')
    expect(code).toBe(1)
    const [row] = comparison.comparisons
    expect(row).toMatchObject({ verdict: 'regression', confirmation: 'base' })
    const line = row.cause?.lines.find((l) => l.name === 'Seq Scan on tasks (was Index Scan)')
    expect(row.cause?.lines.map((l) => l.name)).toContain('Seq Scan on tasks (was Index Scan)')
    // An index lookup on the base, every one of 6,000 rows read on the head.
    expect(line?.baseMs).toBeGreaterThan(0)
    expect(line?.headMs).toBeGreaterThan(line!.baseMs * 3)
  }, 300_000)

  it('fails, naming key:, when the cases are keyed on the random uuid itself', async () => {
    const { code, stderr, comparison } = await ab('unkeyed.yml')
    expect(code).toBe(1)
    const [row] = comparison.comparisons
    expect(row).toMatchObject({ name: 'sql/by-id', verdict: 'error' })
    expect(row.reason).toMatch(
      /^none of the 3 case\(s\) drawn on the other side of the A\/B run is in this side's params-query rows \(key "[0-9a-f-]{36}" by the first parameter column\): cases keyed on random values cannot pair; key them on a stable column with key: \(see docs\/postgres\.md\)$/,
    )
    expect(stderr).not.toMatch(/no regressions/)
  }, 300_000)
})
