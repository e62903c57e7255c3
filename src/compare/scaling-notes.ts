/** Notes that put a throughput bench's scaling curve beside its verdict. */
import { readScaling } from '../results/scaling.js'

/** "ops/s at concurrency 1/4/16: 80/300/310 → 87/341/389", or nothing for non-throughput benches. */
export function scalingNotes(
  baseDetails: Record<string, unknown> | undefined,
  headDetails: Record<string, unknown> | undefined,
): string[] {
  const head = readScaling(headDetails)
  if (!head) return []
  const levels = head.map((point) => point.concurrency).join('/')
  const ops = (points: { opsPerSecond: number }[]) =>
    points.map((point) => Math.round(point.opsPerSecond)).join('/')
  const base = readScaling(baseDetails)
  const sameLevels = base?.map((point) => point.concurrency).join('/') === levels
  return [
    base && sameLevels
      ? `ops/s at concurrency ${levels}: ${ops(base)} → ${ops(head)}`
      : `ops/s at concurrency ${levels}: ${ops(head)}`,
    // What a level shows in words (a connection pool exhausted), from the head run.
    ...head.flatMap((point) =>
      point.note === undefined ? [] : [`concurrency ${point.concurrency}: ${point.note}`],
    ),
  ]
}
