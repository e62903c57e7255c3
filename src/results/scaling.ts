/** The scaling curve a throughput bench records in `details.scaling`, and reading it back. */

/** One concurrency level of a throughput bench. */
export interface ScalingPoint {
  concurrency: number
  /** Operations completed per second over the level's duration. */
  opsPerSecond: number
  /** Latency percentiles at this level, in milliseconds. */
  p50: number
  /** Absent in results written before it was recorded. */
  p95?: number
  p99: number
  /** Named parts of the median latency in ms, e.g. `acquire` (waiting for a pooled connection). */
  parts?: Record<string, number>
  /** What this level shows in words (e.g. the connection pool is exhausted), for the report. */
  note?: string
}

/** The scaling points in a bench's details, or undefined when it has none (or they are malformed). */
export function readScaling(
  details: Record<string, unknown> | undefined,
): ScalingPoint[] | undefined {
  const raw = details?.scaling
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  const points = raw.filter(
    (point): point is ScalingPoint =>
      point !== null &&
      typeof point === 'object' &&
      ['concurrency', 'opsPerSecond', 'p50', 'p99'].every((key) =>
        Number.isFinite((point as Record<string, unknown>)[key]),
      ),
  )
  return points.length === raw.length ? points : undefined
}
