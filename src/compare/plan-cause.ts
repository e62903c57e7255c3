/**
 * Why a confirmed `sql` regression is slower, from one EXPLAIN ANALYZE per side: the plan nodes
 * whose self time grew, with both sides' times (issue #24). Pure: it reads the plan summaries
 * the sql kind stored in `details.plan` (run/postgres/plan-summary.ts).
 */
import { z } from 'zod'
import { formatMilliseconds } from '../format.js'
import type { Cause, CauseLine } from '../profile/types.js'

/** A node's growth below this is EXPLAIN's own jitter (µs timers, instrumentation), never a cause. */
export const MIN_NODE_GROWTH_MS = 0.02
/** One execution per side is a single sample: a node must grow by a quarter to be named. */
export const MIN_NODE_GROWTH_RATIO = 1.25
/** A node with less of all the growth than this is a footnote, not a cause (a sort's jitter). */
export const MIN_NODE_SHARE = 0.05
const TOP = 3

const finite = z.number().refine(Number.isFinite)
const planTimesSchema = z.object({
  depth: z.string().optional(),
  executionMs: finite.nullable().optional(),
  nodeTimes: z.array(z.object({ node: z.string(), totalMs: finite, selfMs: finite })).optional(),
})

/** One side's EXPLAIN ANALYZE (`details` of its `sql` bench), and its other runs on this runner. */
export interface PlanSide {
  details: Record<string, unknown> | undefined
  /**
   * The same side's details from other runs on this runner (the screening run, an A/B side's
   * first measurement): a node grew only when the head's fastest EXPLAIN of it is slower than
   * the base's slowest. Not a baseline stored from another machine: that moved with the runner.
   */
  repeats?: readonly (Record<string, unknown> | undefined)[]
}

interface Side {
  /** Self time per node label, ms per execution. */
  self: Map<string, number>
  executionMs: number | null
}

/**
 * The plan nodes whose self time grew from base to head, top 3 by growth, each with both sides'
 * times (each side's fastest EXPLAIN) and its share of all the growth; a node new in the head (a
 * plan-shape change) is named with what it replaced on the same relation. A node is named only
 * when the head's fastest run of it is a quarter and `MIN_NODE_GROWTH_MS` slower than the base's
 * slowest and it has 5% of all the growth; when none is, the note says the EXPLAINs cannot
 * separate the change from noise. Undefined when neither side captured a plan.
 */
export function planNodeCause(base: PlanSide, head: PlanSide): Cause | undefined {
  const before = readSide(base.details)
  const after = readSide(head.details)
  if (before === 'no plan' && after === 'no plan') return undefined
  if (
    before === 'no plan' ||
    after === 'no plan' ||
    before === 'no times' ||
    after === 'no times'
  ) {
    const which = before === 'no plan' || before === 'no times' ? 'base' : 'head'
    return {
      kind: 'plan-nodes',
      lines: [],
      note: `the ${which}'s result has no per-node plan times (recorded by an older perfgate, or EXPLAIN without timing), so no plan node can be named`,
    }
  }
  const baseRuns = [before, ...sides(base.repeats)]
  const headRuns = [after, ...sides(head.repeats)]
  const replaced = replacements(before.self, after.self)
  const growths = [...after.self.keys()].map((node) => {
    const was = replaced.get(node)
    // What the base spent on this node, or on the nodes it replaced on the same relation.
    const baseValues = baseRuns.map((run) =>
      before.self.has(node)
        ? (run.self.get(node) ?? 0)
        : (was?.nodes ?? []).reduce((sum, old) => sum + (run.self.get(old) ?? 0), 0),
    )
    const headValues = headRuns.flatMap((run) => run.self.get(node) ?? [])
    // Each side at its fastest: a busy machine only ever adds time to one EXPLAIN's nodes.
    const baseMs = Math.min(...baseValues)
    const headMs = Math.min(...headValues)
    // A node that replaced others is named with them; one simply new shows as `0 → x ms (new)`.
    const name = was ? `${node} (was ${was.types})` : node
    return { name, baseMs, headMs, baseMax: Math.max(...baseValues), growth: headMs - baseMs }
  })
  const grown = growths.filter((g) => g.growth > 0)
  const totalGrowth = grown.reduce((sum, g) => sum + g.growth, 0)
  const separated = grown
    .filter(
      (g) =>
        g.headMs - g.baseMax >= MIN_NODE_GROWTH_MS &&
        g.headMs >= g.baseMax * MIN_NODE_GROWTH_RATIO &&
        g.growth >= totalGrowth * MIN_NODE_SHARE,
    )
    .sort((a, b) => b.growth - a.growth)
    .slice(0, TOP)
  const lines: CauseLine[] = separated.map((g) => ({
    name: g.name,
    baseMs: round4(g.baseMs),
    headMs: round4(g.headMs),
    share: round4(g.growth / totalGrowth),
  }))
  if (lines.length > 0) return { kind: 'plan-nodes', lines }
  const execution =
    before.executionMs !== null && after.executionMs !== null
      ? ` (execution ${formatMilliseconds(before.executionMs)} → ${formatMilliseconds(after.executionMs)})`
      : ''
  if (grown.length === 0) {
    return {
      kind: 'plan-nodes',
      lines: [],
      note: `EXPLAIN ANALYZE of each side shows no plan node slower${execution}: the time went elsewhere (planning, the round trip, the client)`,
    }
  }
  const largest = grown.reduce((a, b) => (b.growth > a.growth ? b : a))
  const counts =
    baseRuns.length === 1 && headRuns.length === 1
      ? 'one EXPLAIN ANALYZE per side'
      : `${baseRuns.length} + ${headRuns.length} EXPLAIN ANALYZE runs`
  return {
    kind: 'plan-nodes',
    lines: [],
    note: `${counts} cannot separate the change from noise${execution}: the most grown node, ${largest.name} (${msPair(largest.baseMs, largest.headMs)}), is not a quarter and ${formatMilliseconds(MIN_NODE_GROWTH_MS)} slower in the head's fastest run than in the base's slowest`,
  }
}

function sides(details: PlanSide['repeats']): Side[] {
  return (details ?? []).map(readSide).filter((side): side is Side => typeof side === 'object')
}

function readSide(details: Record<string, unknown> | undefined): Side | 'no plan' | 'no times' {
  const parsed = planTimesSchema.safeParse(details?.plan)
  if (!parsed.success) return 'no plan'
  const times = parsed.data.nodeTimes
  if (times === undefined || times.length === 0) return 'no times'
  // Statements inside functions were captured (auto_explain): their nodes carry the time, so the
  // node that called the function would count it twice.
  const nested = parsed.data.depth === 'nested'
  const self = new Map<string, number>()
  for (const time of times) {
    if (nested && (time.node.startsWith('Function Scan') || time.node === 'Result')) continue
    self.set(time.node, (self.get(time.node) ?? 0) + time.selfMs)
  }
  return { self, executionMs: parsed.data.executionMs ?? null }
}

/**
 * For each node on a relation that only the head has, what the base had on that relation and
 * the head no longer has (`Index Scan on steps` → `Seq Scan on steps`).
 */
function replacements(
  base: ReadonlyMap<string, number>,
  head: ReadonlyMap<string, number>,
): Map<string, { types: string; nodes: string[] }> {
  const gone = new Map<string, { types: string[]; nodes: string[] }>()
  for (const node of base.keys()) {
    const split = splitLabel(node)
    if (head.has(node) || split === undefined) continue
    const entry = gone.get(split.relation) ?? { types: [], nodes: [] }
    entry.types.push(split.type)
    entry.nodes.push(node)
    gone.set(split.relation, entry)
  }
  const out = new Map<string, { types: string; nodes: string[] }>()
  for (const node of head.keys()) {
    const split = splitLabel(node)
    if (base.has(node) || split === undefined) continue
    const entry = gone.get(split.relation)
    if (entry === undefined) continue
    out.set(node, { types: entry.types.join(' + '), nodes: entry.nodes })
    // One new node takes the replaced time; a second new node on the relation is new.
    gone.delete(split.relation)
  }
  return out
}

function splitLabel(node: string): { type: string; relation: string } | undefined {
  const at = node.indexOf(' on ')
  return at < 0 ? undefined : { type: node.slice(0, at), relation: node.slice(at + 4) }
}

function msPair(base: number, head: number): string {
  return `${formatMilliseconds(base).replace(/ ms$/, '')} → ${formatMilliseconds(head)}`
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000
}
