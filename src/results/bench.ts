/** The one way to build a BenchResult, so the union on `status` always holds. */
import type { BenchFields, BenchResult, BenchStatus, Metric } from './types.js'

/** A bench's result: metrics when it measured, a reason (and none) when it errored or was skipped. */
export function benchResult(
  fields: BenchFields,
  outcome: { status: BenchStatus; reason?: string | undefined; metrics: Metric[] },
): BenchResult {
  if (outcome.status === 'ok') return { ...fields, status: 'ok', metrics: outcome.metrics }
  const reason = outcome.reason ?? (outcome.status === 'error' ? 'the bench failed' : 'skipped')
  return { ...fields, status: outcome.status, reason, metrics: [] }
}
