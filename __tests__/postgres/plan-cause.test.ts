/**
 * Issue #24 on a real PostgreSQL: the example's step-readiness query (examples/postgres), its
 * edges' primary key dropped on the head side, confirmed against the base. The cause names the
 * scan of step_edges that replaced the index lookup, with its time on both sides.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { compareAndConfirmRuns } from '../../src/compare/confirmation.js'
import type { MetricComparison } from '../../src/compare/types.js'
import { renderReport } from '../../src/report/index.js'
import { renderText } from '../../src/report/text.js'
import type { Results } from '../../src/results/types.js'
import { gfm } from '../budgets/helpers.js'
import { runYaml, startTestDatabase, type TestDatabase } from '../helpers/postgres.js'

let db: TestDatabase
const runs: { base: Results[]; head: Results[] } = { base: [], head: [] }

// The function's plan is cached per connection; every run opens its own, so the head's plans
// are made without the index.
const BENCH = (taskId: number) => `benches:
  - name: sql/step-readiness
    kind: sql
    samples: 10
    time: 1ms
    warmup: 5
    rounds: 3
    search-path: [tasker, public]
    query: SELECT * FROM get_step_readiness_status($1)
    params: [${taskId}]
`

beforeAll(async () => {
  db = await startTestDatabase('plan-cause')
  await db.sql(await readFile('examples/postgres/schema.sql', 'utf8'))
  // 20,000 tasks (~100,000 edges): a scan of every edge costs milliseconds, the index lookup
  // microseconds, so the regression stands far above this busy machine's noise.
  await db.sql('SELECT tasker.reseed_tasks(20000)')
  // The task with the most edges: the lookup it loses is the one done most often.
  const [{ task_id: taskId }] = await db.sql<{ task_id: number }>(
    `SELECT s.task_id::int AS task_id FROM tasker.steps AS s
     JOIN tasker.step_edges AS e ON e.to_step_id = s.step_id
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  )
  const env = { DATABASE_URL: db.url }
  for (let i = 0; i < 2; i++) runs.base.push(await runYaml(BENCH(taskId), env))
  await db.sql('ALTER TABLE tasker.step_edges DROP CONSTRAINT step_edges_pkey')
  for (let i = 0; i < 2; i++) runs.head.push(await runYaml(BENCH(taskId), env))
}, 180_000)

afterAll(async () => {
  await db?.sql('DROP SCHEMA IF EXISTS tasker CASCADE').catch(() => undefined)
  await db?.stop()
})

const SLOW_SCAN = /^Seq Scan on step_edges \(was Index (Only )?Scan\)$/

function expectSlowScanNamed(row: MetricComparison | undefined): void {
  expect(row).toMatchObject({ verdict: 'regression', confirmation: 'base' })
  const cause = row?.cause
  expect(cause?.kind).toBe('plan-nodes')
  // The scan of every edge, and the hash join probing each of them, grow by about as much: the
  // scan is named among the top three, whichever comes first in one EXPLAIN.
  const first = cause?.lines.find((line) => SLOW_SCAN.test(line.name))
  expect(cause?.lines.map((line) => line.name)).toContainEqual(expect.stringMatching(SLOW_SCAN))
  // Both sides' times: an index lookup per step before, every edge read after.
  expect(first?.baseMs).toBeGreaterThan(0)
  expect(first?.headMs).toBeGreaterThan(first!.baseMs * 3)
  expect(first?.share).toBeGreaterThan(0.2)
}

describe('the plan node whose time grew, on a real PostgreSQL', () => {
  it('stores each node time with the plan, the inner statements of the function included', () => {
    const plan = runs.base[0].benches[0].details?.plan as {
      depth: string
      nodeTimes: { node: string; totalMs: number; selfMs: number }[]
    }
    expect(plan.depth).toBe('nested')
    const nodes = plan.nodeTimes.map((time) => time.node)
    expect(nodes).toContain('Function Scan on get_step_readiness_status')
    expect(nodes.some((node) => /^Index (Only )?Scan on step_edges$/.test(node))).toBe(true)
    for (const time of plan.nodeTimes) expect(time.selfMs).toBeLessThanOrEqual(time.totalMs)
  })

  it('names the scan that replaced the dropped index against a stored baseline', async () => {
    const confirmed = await compareAndConfirmRuns({
      baselines: [runs.base[0]],
      head: runs.head[0],
      mode: 'base',
      sameRunner: false,
      includeInconclusive: false,
      remeasure: () => Promise.resolve({ base: runs.base[1], head: runs.head[1] }),
    })
    expect(confirmed.confirmedWith).toBe('base')
    const [row] = confirmed.comparison.comparisons
    expectSlowScanNamed(row)
    // The CLI's text shows it under the row, both times in ms.
    expect(renderText(confirmed.comparison)).toMatch(
      /why slower \(plans of base and head on this runner\):\n(?: {6}.*\n)* {6}Seq Scan on step_edges \(was Index (Only )?Scan\): [\d.]+ → [\d.]+ ms per execution \(\+[\d.]+%\), \d+% of the change\n/,
    )
    // The comment (markdown, as GitHub renders it): a list under the table, as for functions.
    const markdown = renderReport(confirmed.comparison, 'markdown', {
      configPath: 'perfgate.yml',
      headCommit: null,
      baselinePath: 'base.json',
      baselineCommit: null,
      baselineRuns: 1,
    })
    expect(gfm(markdown)).toMatch(
      /<strong>Why sql\/step-readiness is slower<\/strong> \(plans of base and head on this runner\):<\/p>\n<ul>\n(?:<li>.*<\/li>\n)*<li>Seq Scan on step_edges \(was Index (Only )?Scan\): [\d.]+ → [\d.]+ ms per execution \(\+[\d.]+%\), \d+% of the change<\/li>/,
    )
  })

  it('names it in an A/B run (both sides measured here)', async () => {
    const confirmed = await compareAndConfirmRuns({
      baselines: [runs.base[0]],
      head: runs.head[0],
      mode: 'base',
      sameRunner: true,
      includeInconclusive: false,
      remeasure: () => Promise.resolve({ base: runs.base[1], head: runs.head[1] }),
    })
    expectSlowScanNamed(confirmed.comparison.comparisons[0])
  })
})
