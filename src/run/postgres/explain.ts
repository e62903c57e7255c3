/** Captures a query's plan once, outside the timed samples: EXPLAIN, plus auto_explain inner plans. */
import type pg from 'pg'
import { runSql } from './connect.js'
import {
  callsFunction,
  parseAutoExplainNotice,
  summarizePlan,
  type PlanNode,
  type PlanSummary,
} from './plan-summary.js'

/** The plan summary of one case, and the raw plans when asked to keep them. */
export interface CapturedPlan {
  summary: PlanSummary
  raw: { explain: unknown; inner?: unknown[] }
}

const AUTO_EXPLAIN_SETTINGS = [
  'auto_explain.log_nested_statements = on',
  'auto_explain.log_analyze = on',
  'auto_explain.log_buffers = on',
  "auto_explain.log_format = 'json'",
  'auto_explain.log_min_duration = 0',
  "auto_explain.log_level = 'notice'",
  "client_min_messages = 'notice'",
]

/**
 * Runs EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on the query. When the plan is only a function
 * call, runs the query once more with auto_explain logging nested statements as NOTICEs to see
 * inside; when the role may not load auto_explain, the summary says the plan is shallow and why.
 * With `rollback`, each run is in a transaction that is rolled back (EXPLAIN ANALYZE executes).
 */
export async function capturePlan(
  client: pg.Client,
  query: string,
  params: unknown[],
  rollback: boolean,
): Promise<CapturedPlan> {
  const explainRows = await inTransaction(client, rollback, () =>
    runSql(client, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, 'EXPLAIN', params),
  )
  const explain = (explainRows.rows[0] as { 'QUERY PLAN'?: ExplainJson[] } | undefined)?.[
    'QUERY PLAN'
  ]?.[0]
  if (explain === undefined) throw new Error('EXPLAIN returned no plan')
  if (!callsFunction(explain.Plan)) {
    return { summary: summarizePlan(explain, undefined, undefined), raw: { explain } }
  }
  const nested = await captureNested(client, query, params, rollback)
  return {
    summary: summarizePlan(explain, nested.plans, nested.reason),
    raw: { explain, ...(nested.plans ? { inner: nested.plans } : {}) },
  }
}

type ExplainJson = { Plan: PlanNode; 'Planning Time'?: number; 'Execution Time'?: number }
type Nested = ReturnType<typeof parseAutoExplainNotice> & object

async function captureNested(
  client: pg.Client,
  query: string,
  params: unknown[],
  rollback: boolean,
): Promise<{ plans?: Nested[]; reason?: string }> {
  try {
    await client.query("LOAD 'auto_explain'")
  } catch (error) {
    return { reason: `auto_explain could not be loaded: ${messageOf(error)}` }
  }
  const notices: string[] = []
  const onNotice = (notice: { message?: string }): void => {
    if (notice.message) notices.push(notice.message)
  }
  client.on('notice', onNotice)
  try {
    await client.query('BEGIN')
    try {
      // SET LOCAL: the logging settings vanish with the transaction, whatever happens.
      for (const setting of AUTO_EXPLAIN_SETTINGS) await client.query(`SET LOCAL ${setting}`)
    } catch (error) {
      await client.query('ROLLBACK')
      return { reason: `auto_explain could not be configured: ${messageOf(error)}` }
    }
    try {
      await runSql(client, query, 'query (auto_explain run)', params)
    } finally {
      await client.query(rollback ? 'ROLLBACK' : 'COMMIT').catch(() => undefined)
    }
  } finally {
    client.off('notice', onNotice)
  }
  const top = query.trim()
  const plans = notices
    .map(parseAutoExplainNotice)
    .filter((plan): plan is Nested => plan !== undefined && plan.queryText.trim() !== top)
  // No inner statements (e.g. SELECT now()): nothing was hidden, so the plan is not shallow.
  return plans.length > 0 ? { plans } : {}
}

async function inTransaction<T>(
  client: pg.Client,
  rollback: boolean,
  work: () => Promise<T>,
): Promise<T> {
  if (!rollback) return work()
  await client.query('BEGIN')
  try {
    return await work()
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
