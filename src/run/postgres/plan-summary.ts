/** Summaries of PostgreSQL JSON plans (EXPLAIN and auto_explain output). Pure: no connection. */
import { statementLabel } from './statement-label.js'

/** One plan node as EXPLAIN (FORMAT JSON) writes it (only the fields we read). */
export interface PlanNode {
  'Node Type'?: string
  'Relation Name'?: string
  'Function Name'?: string
  'CTE Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  /** Milliseconds per loop, from start to the last row (EXPLAIN ANALYZE). */
  'Actual Total Time'?: number
  'Shared Hit Blocks'?: number
  'Shared Read Blocks'?: number
  Plans?: PlanNode[]
}

/** A statement run inside a function, as auto_explain reported it (once per distinct statement). */
export interface InnerPlan {
  /** First line of the inner statement. */
  query: string
  /** What it does to what: `WITH … SELECT FROM workflow_steps`, `INSERT INTO tasks`. */
  label: string
  /** How many times it ran during the one captured call (a function called per row runs often). */
  calls: number
  /** Total of its auto_explain durations. */
  durationMs: number | null
  nodes: string[]
  /** Rows of its top node, summed over the calls. */
  rows: number | null
  hitRatio: number | null
}

/**
 * One plan node's actual time in the captured execution (EXPLAIN ANALYZE), nodes of one label
 * summed: `totalMs` is Actual Total Time × Actual Loops, `selfMs` that minus its children's.
 */
export interface NodeTime {
  node: string
  totalMs: number
  selfMs: number
}

/** What details.plan holds for a `sql` bench case. */
export interface PlanSummary {
  planningMs: number | null
  executionMs: number | null
  sharedHit: number
  sharedRead: number
  /** sharedHit / (sharedHit + sharedRead); null when no shared buffers were touched. */
  hitRatio: number | null
  /** Distinct nodes, e.g. "Index Scan on tasks", of the plan and of any inner plans, in order. */
  nodes: string[]
  /** Rows the top node returned. */
  rows: number | null
  /**
   * `full`: the plan shows the real work. `nested`: the top plan is a function call and the
   * inner statements' plans came from auto_explain. `shallow`: a function call whose insides
   * could not be seen (see shallowReason).
   */
  depth: 'full' | 'nested' | 'shallow'
  shallowReason?: string
  inner?: InnerPlan[]
  /**
   * Each plan node's time in the captured execution, in plan order, the inner statements' nodes
   * (summed over their calls) after the top plan's (absent in results of perfgate before #24, and
   * when EXPLAIN reported no timing). With inner plans, a Function Scan's time includes theirs.
   */
  nodeTimes?: NodeTime[]
}

/** "Index Scan on tasks", "Function Scan on get_next_ready_tasks", "Hash Join". */
export function nodeLabel(node: PlanNode): string {
  const type = node['Node Type'] ?? 'Unknown'
  const on = node['Relation Name'] ?? node['Function Name'] ?? node['CTE Name']
  return on === undefined ? type : `${type} on ${on}`
}

/** Every node of a plan tree, depth first. */
export function walkPlan(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(walkPlan)]
}

/** Whether the plan calls a function whose statements EXPLAIN cannot show. */
export function callsFunction(node: PlanNode): boolean {
  return walkPlan(node).some(
    (n) => n['Node Type'] === 'Function Scan' || n['Node Type'] === 'Result',
  )
}

/** The summary of one EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) result plus any inner plans. */
export function summarizePlan(
  explain: { Plan: PlanNode; 'Planning Time'?: number; 'Execution Time'?: number },
  inner: { durationMs: number | null; queryText: string; plan: PlanNode }[] | undefined,
  shallowReason: string | undefined,
): PlanSummary {
  const root = explain.Plan
  const innerPlans = groupInner(inner ?? [])
  const sharedHit = root['Shared Hit Blocks'] ?? 0
  const sharedRead = root['Shared Read Blocks'] ?? 0
  const functionCall = callsFunction(root)
  const depth =
    innerPlans.length > 0 ? 'nested' : functionCall && shallowReason ? 'shallow' : 'full'
  return {
    planningMs: explain['Planning Time'] ?? null,
    executionMs: explain['Execution Time'] ?? null,
    sharedHit,
    sharedRead,
    hitRatio: hitRatio(sharedHit, sharedRead),
    nodes: distinct([...walkPlan(root).map(nodeLabel), ...innerPlans.flatMap((p) => p.nodes)]),
    rows: root['Actual Rows'] ?? null,
    depth,
    ...(depth === 'shallow' ? { shallowReason } : {}),
    ...(innerPlans.length > 0 ? { inner: innerPlans } : {}),
    ...optional('nodeTimes', nodeTimes([root, ...(inner ?? []).map((item) => item.plan)])),
  }
}

/**
 * Each node's total and self time over the given plans, summed per label in plan order;
 * undefined when the first plan has no actual times. Self time is the node's total minus its
 * children's, never below zero: a Gather's workers add their times up past the wall clock.
 */
export function nodeTimes(roots: readonly PlanNode[]): NodeTime[] | undefined {
  if (roots[0]?.['Actual Total Time'] === undefined) return undefined
  const byLabel = new Map<string, NodeTime>()
  const total = (node: PlanNode) => (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1)
  for (const node of roots.flatMap(walkPlan)) {
    const children = (node.Plans ?? []).reduce((sum, child) => sum + total(child), 0)
    const label = nodeLabel(node)
    const entry = byLabel.get(label) ?? { node: label, totalMs: 0, selfMs: 0 }
    entry.totalMs += total(node)
    entry.selfMs += Math.max(0, total(node) - children)
    byLabel.set(label, entry)
  }
  return [...byLabel.values()].map((entry) => ({
    node: entry.node,
    totalMs: round4(entry.totalMs),
    selfMs: round4(entry.selfMs),
  }))
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V })
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000
}

/** Parses one auto_explain NOTICE ("duration: 0.05 ms  plan:\n{json}"); undefined if not one. */
export function parseAutoExplainNotice(
  message: string,
): { durationMs: number | null; queryText: string; plan: PlanNode } | undefined {
  const start = message.indexOf('{')
  if (!/plan:/.test(message) || start < 0) return undefined
  try {
    const json = JSON.parse(message.slice(start)) as { 'Query Text'?: string; Plan?: PlanNode }
    if (json.Plan === undefined) return undefined
    const duration = /duration:\s*([\d.]+)\s*ms/.exec(message)
    return {
      durationMs: duration ? Number(duration[1]) : null,
      queryText: json['Query Text'] ?? '',
      plan: json.Plan,
    }
  } catch {
    return undefined
  }
}

/** One entry per distinct inner statement, in first-run order, with calls and totals. */
function groupInner(
  inner: { durationMs: number | null; queryText: string; plan: PlanNode }[],
): InnerPlan[] {
  const groups = new Map<string, InnerPlan & { hit: number; read: number }>()
  for (const item of inner) {
    const text = item.queryText.trim()
    const group = groups.get(text) ?? {
      query:
        text
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim() ?? '',
      label: statementLabel(text, relationsOf(item.plan)),
      calls: 0,
      durationMs: null,
      nodes: [],
      rows: null,
      hitRatio: null,
      hit: 0,
      read: 0,
    }
    group.calls++
    if (item.durationMs !== null) group.durationMs = (group.durationMs ?? 0) + item.durationMs
    group.nodes = distinct([...group.nodes, ...walkPlan(item.plan).map(nodeLabel)])
    const rows = item.plan['Actual Rows']
    if (rows !== undefined) group.rows = (group.rows ?? 0) + rows
    group.hit += item.plan['Shared Hit Blocks'] ?? 0
    group.read += item.plan['Shared Read Blocks'] ?? 0
    groups.set(text, group)
  }
  return [...groups.values()].map(({ hit, read, ...group }) => ({
    ...group,
    ...(group.durationMs === null ? {} : { durationMs: round3(group.durationMs) }),
    hitRatio: hitRatio(hit, read),
  }))
}

/** The tables a plan reads or writes, in plan order. */
function relationsOf(plan: PlanNode): string[] {
  return walkPlan(plan).flatMap((node) =>
    node['Relation Name'] === undefined ? [] : [node['Relation Name']],
  )
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}

function hitRatio(hit: number, read: number): number | null {
  return hit + read === 0 ? null : hit / (hit + read)
}

function distinct(items: string[]): string[] {
  return [...new Set(items)]
}
