/** Notes on how a `sql` bench's query plan changed between baseline and head. Pure. */
import { formatCount, formatMilliseconds, formatShare } from '../format.js'

/** The plan summary fields these notes read from a bench result's `details.plan`. */
interface PlanFacts {
  nodes: string[]
  hitRatio: number | null
  executionMs: number | null
  planningMs: number | null
  sharedHit: number | null
  sharedRead: number | null
  rows: number | null
  depth: string | null
  shallowReason: string | null
}

/**
 * Sentences for a PR comment saying how the plan changed, e.g. `Index Scan on tasks → Seq Scan
 * on tasks`, `buffer hit ratio 99% → 62%`, `execution 0.4 ms → 3.1 ms`. Empty when either side
 * has no plan or nothing worth mentioning changed. Small wobbles (execution within 25%, hit
 * ratio within 5 points) are left out: one EXPLAIN run is a single sample, not a measurement.
 */
export function planChangeNotes(
  baseDetails: Record<string, unknown> | undefined,
  headDetails: Record<string, unknown> | undefined,
): string[] {
  const base = readPlan(baseDetails)
  const head = readPlan(headDetails)
  if (base === undefined || head === undefined) return []
  return [
    ...nodeNotes(base.nodes, head.nodes),
    ...depthNote(base, head),
    ...ratioNote(base.hitRatio, head.hitRatio),
    ...timeNote('execution', base.executionMs, head.executionMs, 1.25, 0.05),
    ...timeNote('planning', base.planningMs, head.planningMs, 2, 0.1),
    ...buffersNote(base, head),
    ...rowsNote(base.rows, head.rows),
  ]
}

/**
 * True when the plan's shape changed (a scan or join node replaced), not only its timings: the
 * code's doing, so a suite-wide move cannot explain this bench away.
 */
export function planShapeChanged(
  baseDetails: Record<string, unknown> | undefined,
  headDetails: Record<string, unknown> | undefined,
): boolean {
  const base = readPlan(baseDetails)
  const head = readPlan(headDetails)
  return base !== undefined && head !== undefined && nodeNotes(base.nodes, head.nodes).length > 0
}

function readPlan(details: Record<string, unknown> | undefined): PlanFacts | undefined {
  const plan = details?.plan
  if (plan === null || typeof plan !== 'object') return undefined
  const value = plan as Record<string, unknown>
  const num = (key: string): number | null =>
    typeof value[key] === 'number' && Number.isFinite(value[key]) ? value[key] : null
  const str = (key: string): string | null => (typeof value[key] === 'string' ? value[key] : null)
  const nodes = Array.isArray(value.nodes)
    ? value.nodes.filter((node): node is string => typeof node === 'string')
    : []
  return {
    nodes,
    hitRatio: num('hitRatio'),
    executionMs: num('executionMs'),
    planningMs: num('planningMs'),
    sharedHit: num('sharedHit'),
    sharedRead: num('sharedRead'),
    rows: num('rows'),
    depth: str('depth'),
    shallowReason: str('shallowReason'),
  }
}

/** Scan/access changes per relation ("Index Scan on tasks → Seq Scan on tasks"), then others. */
function nodeNotes(baseNodes: string[], headNodes: string[]): string[] {
  const byRelation = (nodes: string[]) => {
    const map = new Map<string, string[]>()
    const loose: string[] = []
    for (const node of nodes) {
      const at = node.indexOf(' on ')
      if (at < 0) {
        loose.push(node)
        continue
      }
      const relation = node.slice(at + 4)
      map.set(relation, [...(map.get(relation) ?? []), node.slice(0, at)])
    }
    return { map, loose }
  }
  const base = byRelation(baseNodes)
  const head = byRelation(headNodes)
  const notes: string[] = []
  const relations = [...new Set([...base.map.keys(), ...head.map.keys()])]
  for (const relation of relations) {
    const before = [...new Set(base.map.get(relation) ?? [])].sort()
    const after = [...new Set(head.map.get(relation) ?? [])].sort()
    if (before.join('|') === after.join('|')) continue
    const side = (types: string[]) =>
      types.length === 0 ? `no scan of ${relation}` : `${types.join(' + ')} on ${relation}`
    notes.push(`${side(before)} → ${side(after)}`)
  }
  const added = head.loose.filter((node) => !base.loose.includes(node))
  const removed = base.loose.filter((node) => !head.loose.includes(node))
  if (added.length > 0 || removed.length > 0) {
    const parts = [
      ...(added.length > 0 ? [`now uses ${[...new Set(added)].join(', ')}`] : []),
      ...(removed.length > 0 ? [`no longer uses ${[...new Set(removed)].join(', ')}`] : []),
    ]
    notes.push(`plan ${parts.join('; ')}`)
  }
  return notes
}

function depthNote(base: PlanFacts, head: PlanFacts): string[] {
  if (base.depth === null || head.depth === null || base.depth === head.depth) return []
  const why = head.depth === 'shallow' && head.shallowReason ? ` (${head.shallowReason})` : ''
  return [`plan detail ${base.depth} → ${head.depth}${why}`]
}

function ratioNote(base: number | null, head: number | null): string[] {
  if (base === null || head === null || Math.abs(head - base) < 0.05) return []
  return [`buffer hit ratio ${formatShare(base)} → ${formatShare(head)}`]
}

function timeNote(
  what: string,
  base: number | null,
  head: number | null,
  factor: number,
  minimumMs: number,
): string[] {
  if (base === null || head === null || Math.abs(head - base) < minimumMs) return []
  const ratio = base === 0 ? Infinity : head / base
  if (ratio < factor && ratio > 1 / factor) return []
  return [`${what} ${formatMilliseconds(base)} → ${formatMilliseconds(head)}`]
}

function buffersNote(base: PlanFacts, head: PlanFacts): string[] {
  if (base.sharedHit === null || head.sharedHit === null) return []
  const before = base.sharedHit + (base.sharedRead ?? 0)
  const after = head.sharedHit + (head.sharedRead ?? 0)
  if (Math.abs(after - before) < 10) return []
  const ratio = before === 0 ? Infinity : after / before
  if (ratio < 2 && ratio > 0.5) return []
  return [`shared buffers touched ${formatCount(before)} → ${formatCount(after)}`]
}

function rowsNote(base: number | null, head: number | null): string[] {
  if (base === null || head === null || base === head) return []
  return [`rows returned ${base} → ${head}`]
}
