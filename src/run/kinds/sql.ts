/**
 * The `sql` kind: a query timed on one reused, warmed-up connection, with its plan captured; or,
 * with `concurrency`, run by many clients through a connection pool (postgres/pool-throughput).
 */
import type pg from 'pg'
import type { SqlSpec } from '../../config/kinds/sql.js'
import { makeMetric } from '../../results/summary.js'
import {
  BenchError,
  BenchSkipped,
  type KindRunner,
  type MeasuredBench,
  type RunContext,
} from '../outcome.js'
import {
  describeQueryErrorOn,
  openConnection,
  readDatabaseUrl,
  runSql,
  type ServerInfo,
} from '../postgres/connect.js'
import { capturePlan, type CapturedPlan } from '../postgres/explain.js'
import { drawCases, keyText, matchCases, type DrawnCase } from '../postgres/sample-cases.js'
import { elapsedMs, sampleInRounds, warmUp } from '../postgres/sampling.js'
import { withSetup } from '../postgres/with-setup.js'
import { measurePoolThroughput } from '../postgres/pool-throughput.js'
import { throughputOptions } from '../throughput.js'

/** One parameter set to time, and the result name it reports under. */
interface SqlCase {
  name: string
  key?: string
  /** Names the case in place of the key (`<bench>/<label>`). */
  label?: string
  params: unknown[]
  stratum?: string
}

/**
 * Runs a `sql` bench: connect, setup, pick the cases, warm each up, time them in rounds
 * (autocommit, or a rolled-back transaction per sample), capture plans, teardown, close.
 * Each case is its own result, named `<bench>/<label or key>` when the bench has several or draws
 * them.
 */
export const runSqlBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as SqlSpec
  const url = readDatabaseUrl(spec, ctx)
  const connection = await openConnection(url, spec, ctx)
  const { client, server } = connection
  try {
    return await withSetup(client, spec, async () => {
      const cases = await resolveCases(client, spec, bench.name, ctx)
      ctx.log(
        `${cases.length} case(s) on PostgreSQL ${server.version} at ${server.host}:${server.port}`,
      )
      if (bench.settings.concurrency.length > 0) {
        const measured = await measurePoolThroughput(
          url,
          spec,
          cases.map((item) => item.params),
          throughputOptions(bench.settings, ctx),
          ctx,
        )
        // One plan is only meaningful for one case; several cases share one result row here.
        const plan =
          spec.explain && cases.length === 1 ? await planOf(client, spec, cases[0]) : undefined
        return [
          {
            name: bench.name,
            status: 'ok',
            metrics: measured.metrics,
            details: {
              ...throughputDetails(spec, server, cases, plan),
              scaling: measured.scaling,
              poolSizes: measured.poolSizes,
            },
          },
        ]
      }
      // A named statement is parsed and planned once per connection, as drivers like sqlx do.
      const statement = { name: 'perfgate_sql_bench', text: spec.query }
      const timed = async (params: unknown[]): Promise<number> => {
        if (spec.rollback) await client.query('BEGIN')
        try {
          const start = process.hrtime.bigint()
          await client.query({ ...statement, values: params })
          return elapsedMs(start, process.hrtime.bigint())
        } finally {
          if (spec.rollback) await client.query('ROLLBACK').catch(() => undefined)
        }
      }
      const once = async (params: unknown[]): Promise<number> => {
        try {
          return await timed(params)
        } catch (error) {
          // After the rollback, so the hint's catalog lookup runs outside the failed transaction.
          throw new BenchError(await describeQueryErrorOn(client, error, spec.query, 'query'))
        }
      }
      const firstCallMs: number[] = []
      for (const item of cases) {
        firstCallMs.push(await once(item.params))
        await warmUp(bench.settings.warmup, () => once(item.params), ctx.signal)
      }
      const sampled = await sampleInRounds(
        bench.settings,
        cases.length,
        (index) => once(cases[index].params),
        ctx.signal,
      )
      const results: MeasuredBench[] = []
      for (const [index, item] of cases.entries()) {
        const plan = spec.explain ? await planOf(client, spec, item) : undefined
        results.push({
          name: item.name,
          status: 'ok',
          metrics: [
            makeMetric({
              name: 'time',
              unit: 'ms',
              samples: sampled[index].samples,
              rounds: sampled[index].rounds,
            }),
          ],
          details: caseDetails(spec, server, item, firstCallMs[index], plan),
        })
      }
      return results
    })
  } finally {
    await connection.close()
  }
}

async function resolveCases(
  client: pg.Client,
  spec: SqlSpec,
  benchName: string,
  ctx: RunContext,
): Promise<SqlCase[]> {
  const params = spec.params
  if (params.from === 'list') {
    if (params.cases.length === 1) return [{ name: benchName, params: params.cases[0] }]
    return params.cases.map((values) => {
      const key = values.map(keyText).join(',')
      return { name: `${benchName}/${key}`, key, params: values }
    })
  }
  const result = await runSql(client, params.query, 'params-query')
  if (result.rows.length === 0)
    throw new BenchSkipped(
      `no data for params-query (it returned no rows): seed the database first`,
    )
  const columns = result.fields.map((field) => field.name)
  const rows = result.rows as Record<string, unknown>[]
  let drawn
  try {
    const shared = ctx.draws?.get(benchName)
    drawn = shared
      ? sharedCases(shared, rows, columns, params, ctx)
      : drawCases(rows, columns, params)
  } catch (error) {
    throw new BenchError(error instanceof Error ? error.message : String(error))
  }
  if (!ctx.draws?.has(benchName)) ctx.draws?.set(benchName, drawn)
  return drawn.map((item) => ({
    name: `${benchName}/${item.label ?? item.key}`,
    key: item.key,
    ...(item.label === undefined ? {} : { label: item.label }),
    params: item.params,
    ...(item.stratum === undefined ? {} : { stratum: item.stratum }),
  }))
}

/**
 * A/B mode: the cases the other side drew, with this side's parameters for their keys. Keys this
 * side's data lacks are left out (the report shows them as removed); none found is an error, for
 * the two sides would time different things: a key on random values (a uuid per database).
 */
function sharedCases(
  shared: readonly DrawnCase[],
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  params: Extract<SqlSpec['params'], { from: 'query' }>,
  ctx: RunContext,
): DrawnCase[] {
  const { cases, missing } = matchCases(shared, rows, columns, params)
  const column = params.key === undefined ? 'the first parameter column' : `"${params.key}"`
  if (cases.length === 0) {
    throw new BenchError(
      `none of the ${shared.length} case(s) drawn on the other side of the A/B run is in this side's params-query rows (key ${JSON.stringify(shared[0]?.key ?? '')} by ${column}): cases keyed on random values cannot pair; key them on a stable column with key: (see docs/postgres.md)`,
    )
  }
  if (missing.length > 0) {
    ctx.log(
      `${missing.length} of ${shared.length} case(s) drawn on the other side are not in this side's params-query rows (${missing.map((key) => JSON.stringify(key)).join(', ')}): timed on one side only`,
    )
  }
  return cases
}

async function planOf(
  client: pg.Client,
  spec: SqlSpec,
  item: SqlCase,
): Promise<CapturedPlan | { error: string }> {
  try {
    return await capturePlan(client, spec.query, item.params, spec.rollback)
  } catch (error) {
    // A plan is a nice-to-have: the timing stands even when EXPLAIN cannot run this query.
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

function throughputDetails(
  spec: SqlSpec,
  server: ServerInfo,
  cases: SqlCase[],
  plan: CapturedPlan | { error: string } | undefined,
): Record<string, unknown> {
  return {
    server,
    cases: cases.map((item) => item.label ?? item.key ?? item.params.map(keyText).join(',')),
    ...(spec.searchPath.length > 0 ? { searchPath: spec.searchPath } : {}),
    transaction: spec.rollback ? 'rolled back per operation' : 'autocommit',
    method:
      'N clients through a pg.Pool, each cycling through the cases; latency = acquisition wait + query',
    ...(plan === undefined
      ? {}
      : 'error' in plan
        ? { planError: plan.error }
        : { plan: plan.summary, ...(spec.savePlans ? { plans: plan.raw } : {}) }),
  }
}

function caseDetails(
  spec: SqlSpec,
  server: ServerInfo,
  item: SqlCase,
  firstCallMs: number,
  plan: CapturedPlan | { error: string } | undefined,
): Record<string, unknown> {
  return {
    server,
    ...(item.key === undefined ? {} : { key: item.key }),
    ...(item.label === undefined ? {} : { label: item.label }),
    params: item.params.map((value) => (typeof value === 'bigint' ? String(value) : value)),
    ...(item.stratum === undefined ? {} : { stratum: item.stratum }),
    ...(spec.searchPath.length > 0 ? { searchPath: spec.searchPath } : {}),
    transaction: spec.rollback ? 'rolled back per sample' : 'autocommit',
    /** The cold first call on the connection (PL/pgSQL plan caching), not part of the samples. */
    firstCallMs,
    ...(plan === undefined
      ? {}
      : 'error' in plan
        ? { planError: plan.error }
        : { plan: plan.summary, ...(spec.savePlans ? { plans: plan.raw } : {}) }),
  }
}
