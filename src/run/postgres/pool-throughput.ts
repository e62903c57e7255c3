/**
 * The `sql` kind's throughput mode: at each concurrency level, that many clients run the query
 * through a pg.Pool, and the time each waits for a connection (acquisition) is a metric of its own.
 */
import type { SqlSpec } from '../../config/kinds/sql.js'
import { formatValue } from '../../format.js'
import type { Metric } from '../../results/types.js'
import type { ScalingPoint } from '../../results/scaling.js'
import { BenchError, type RunContext } from '../outcome.js'
import { measureThroughput, type ThroughputOptions, type Timed } from '../throughput.js'
import { describeQueryErrorOn } from './connect.js'
import { openWarmPool } from './pool.js'
import { elapsedMs } from './sampling.js'

/**
 * Changes in acquisition wait below this are not a verdict: without contention it sits at a few
 * microseconds, where a doubling is scheduling noise, not a regression.
 */
export const ACQUIRE_RESOLUTION_MS = 0.5

/** What the pooled run measured, per level in order. */
export interface PoolThroughput {
  metrics: Metric[]
  scaling: ScalingPoint[]
  /** Connections in the pool at each level. */
  poolSizes: number[]
}

/**
 * Measures each level with a fresh pool of `spec.poolSize` connections (default: the level),
 * all opened before timing. Client w's k-th operation runs case (w + k) mod n, so every client
 * cycles through the cases. Latency is acquisition plus query, as the application sees it.
 */
export async function measurePoolThroughput(
  url: string,
  spec: SqlSpec,
  cases: readonly unknown[][],
  options: ThroughputOptions,
  ctx: RunContext,
): Promise<PoolThroughput> {
  const out: PoolThroughput = { metrics: [], scaling: [], poolSizes: [] }
  const statement = { name: 'perfgate_sql_bench', text: spec.query }
  for (const level of options.levels) {
    const size = spec.poolSize ?? level
    const pool = await openWarmPool(url, spec, size, ctx.signal)
    try {
      const turns = new Array<number>(level).fill(0)
      const operation = async (worker: number): Promise<Timed> => {
        const params = cases[(worker + turns[worker]++) % cases.length]
        const asked = process.hrtime.bigint()
        const client = await pool.acquire().catch((error: unknown) => {
          throw new BenchError(
            `could not get a connection from the pool: ${error instanceof Error ? error.message : String(error)}`,
          )
        })
        const held = process.hrtime.bigint()
        try {
          if (spec.rollback) await client.query('BEGIN')
          const start = process.hrtime.bigint()
          await client.query({ ...statement, values: params })
          const end = process.hrtime.bigint()
          if (spec.rollback) await client.query('ROLLBACK')
          const acquire = elapsedMs(asked, held)
          return { ms: acquire + elapsedMs(start, end), parts: { acquire } }
        } catch (error) {
          // Rolled back first, so the hint's catalog lookup runs outside the failed transaction.
          if (spec.rollback) await client.query('ROLLBACK').catch(() => undefined)
          throw new BenchError(await describeQueryErrorOn(client, error, spec.query, 'query'))
        } finally {
          client.release()
        }
      }
      const measured = await measureThroughput(operation, {
        ...options,
        levels: [level],
        // A wait's fast end is zero at every pool level: judge its median, not its p10.
        parts: [{ name: 'acquire', resolution: ACQUIRE_RESOLUTION_MS, roundQuantile: 0.5 }],
      })
      out.metrics.push(...measured.metrics)
      out.scaling.push(
        ...measured.scaling.map((point) => withExhaustionNote(point, size, measured.metrics)),
      )
      out.poolSizes.push(size)
    } finally {
      await pool.close()
    }
  }
  return out
}

/**
 * A level with more clients than connections exhausts the pool: clients queue for a connection.
 * The note says so in words, with the share of the latency spent waiting (from the means, so
 * the shares of all operations add up).
 */
export function withExhaustionNote(
  point: ScalingPoint,
  poolSize: number,
  metrics: readonly Metric[],
): ScalingPoint {
  if (point.concurrency <= poolSize) return point
  const level = point.concurrency
  const time = metrics.find((metric) => metric.name === `time@${level}`)?.summary.mean
  const acquire = metrics.find((metric) => metric.name === `acquire@${level}`)?.summary.mean
  if (time === undefined || acquire === undefined || time <= 0) return point
  const share = Math.round((acquire / time) * 100)
  return {
    ...point,
    note:
      `pool exhausted: ${level} clients share ${poolSize} connections; waiting for a connection ` +
      `is ${share}% of the latency (mean ${formatValue(acquire, 'ms')} of ${formatValue(time, 'ms')})`,
  }
}
