import { describe, expect, it } from '@jest/globals'
import { planNodeCause } from '../../src/compare/plan-cause.js'
import { withPlanCauses } from '../../src/compare/attach-plan-causes.js'
import type { MetricComparison } from '../../src/compare/types.js'
import type { Results } from '../../src/results/types.js'
import { nodeTimes, summarizePlan, type PlanNode } from '../../src/run/postgres/plan-summary.js'
import { causeTexts } from '../../src/report/cause.js'

const node = (
  type: string,
  on: string | undefined,
  ms: number,
  plans: PlanNode[] = [],
  loops = 1,
) => ({
  'Node Type': type,
  ...(on ? { 'Relation Name': on } : {}),
  'Actual Total Time': ms,
  'Actual Loops': loops,
  Plans: plans,
})

// Base: a nested loop looking each step's edges up by index. Head: the index dropped, a hash
// join over a seq scan of every edge.
const basePlan = node('Nested Loop', undefined, 0.3, [
  node('Index Scan', 'steps', 0.05),
  node('Index Scan', 'step_edges', 0.02, [], 4),
])
const headPlan = node('Hash Join', undefined, 4.2, [
  node('Seq Scan', 'step_edges', 3.9),
  node('Index Scan', 'steps', 0.05),
])
const details = (plan: PlanNode, executionMs: number) => ({
  plan: summarizePlan({ Plan: plan, 'Execution Time': executionMs }, undefined, undefined),
})

describe('nodeTimes', () => {
  it('multiplies by loops, takes children off for self time, and sums a label', () => {
    expect(nodeTimes([basePlan])).toEqual([
      { node: 'Nested Loop', totalMs: 0.3, selfMs: 0.17 },
      { node: 'Index Scan on steps', totalMs: 0.05, selfMs: 0.05 },
      { node: 'Index Scan on step_edges', totalMs: 0.08, selfMs: 0.08 },
    ])
    expect(nodeTimes([{ 'Node Type': 'Seq Scan' }])).toBeUndefined()
  })

  it('is kept in details.plan, and an old summary without it still reads', () => {
    expect(details(basePlan, 0.4).plan.nodeTimes).toHaveLength(3)
  })
})

describe('planNodeCause', () => {
  it('names the scan that replaced the index lookup, with both times and its share', () => {
    const cause = planNodeCause(
      { details: details(basePlan, 0.4) },
      { details: details(headPlan, 4.3) },
    )
    expect(cause).toEqual({
      kind: 'plan-nodes',
      lines: [
        {
          name: 'Seq Scan on step_edges (was Index Scan)',
          baseMs: 0.08,
          headMs: 3.9,
          share: expect.any(Number),
        },
        { name: 'Hash Join', baseMs: 0, headMs: 0.25, share: expect.any(Number) },
      ],
    })
    // Every node that grew shares the growth: 3.82 of 4.07 ms.
    expect(cause?.lines[0].share).toBeCloseTo(3.82 / 4.07, 3)
    expect(causeTexts(cause!)).toEqual([
      'Seq Scan on step_edges (was Index Scan): 0.08 → 3.9 ms per execution (+4775.0%), 94% of the change',
      'Hash Join: 0 → 0.25 ms per execution (new), 6% of the change',
    ])
  })

  it('lists no node that did not grow, and at most three', () => {
    const wide = node('Append', undefined, 10, [
      node('Seq Scan', 'a', 2),
      node('Seq Scan', 'b', 2),
      node('Seq Scan', 'c', 2),
      node('Seq Scan', 'd', 2),
    ])
    const wider = node('Append', undefined, 17, [
      node('Seq Scan', 'a', 3),
      node('Seq Scan', 'b', 4),
      node('Seq Scan', 'c', 5),
      node('Seq Scan', 'd', 2.01),
    ])
    const cause = planNodeCause({ details: details(wide, 10) }, { details: details(wider, 17) })
    expect(cause?.lines.map((line) => line.name)).toEqual([
      'Seq Scan on c',
      'Seq Scan on b',
      'Seq Scan on a',
    ])
  })

  it('leaves out a node with under 5% of all the growth', () => {
    const plan = (a: number, b: number) =>
      node('Append', undefined, a + b, [node('Seq Scan', 'a', a), node('Sort', undefined, b)])
    const cause = planNodeCause(
      { details: details(plan(1, 0.1), 1.1) },
      { details: details(plan(3, 0.15), 3.2) },
    )
    expect(cause?.lines.map((line) => line.name)).toEqual(['Seq Scan on a'])
  })

  it('names a node only when the head is slower in every EXPLAIN of each side', () => {
    const lookups = (perLoop: number) =>
      node('Nested Loop', undefined, 0.36, [
        node('Index Scan', 'steps', 0.05),
        node('Index Scan', 'step_edges', perLoop, [], 4),
      ])
    const head = { details: details(lookups(0.035), 0.46), repeats: [details(lookups(0.07), 0.6)] }
    // One run per side: 0.08 → 0.14 ms is a quarter and 0.02 ms slower.
    expect(planNodeCause({ details: details(basePlan, 0.4) }, head)?.lines[0]).toMatchObject({
      name: 'Index Scan on step_edges',
      baseMs: 0.08,
      headMs: 0.14,
    })
    // A second base run at 0.13 ms overlaps the head's fastest (0.14 ms): noise.
    const base = { details: details(basePlan, 0.4), repeats: [details(lookups(0.0325), 0.45)] }
    const cause = planNodeCause(base, head)
    expect(cause?.lines).toEqual([])
    expect(cause?.note).toBe(
      "2 + 2 EXPLAIN ANALYZE runs cannot separate the change from noise (execution 0.4 ms → 0.46 ms): the most grown node, Index Scan on step_edges (0.08 → 0.14 ms), is not a quarter and 0.02 ms slower in the head's fastest run than in the base's slowest",
    )
  })

  it('says when EXPLAIN saw no node slower, and when a side has no node times', () => {
    expect(
      planNodeCause({ details: details(headPlan, 4.3) }, { details: details(headPlan, 5.1) })?.note,
    ).toBe(
      'EXPLAIN ANALYZE of each side shows no plan node slower (execution 4.3 ms → 5.1 ms): the time went elsewhere (planning, the round trip, the client)',
    )
    const old = { plan: { nodes: ['Seq Scan on t'], depth: 'full', executionMs: 1 } }
    expect(planNodeCause({ details: old }, { details: details(headPlan, 4.3) })?.note).toMatch(
      /^the base's result has no per-node plan times/,
    )
    expect(planNodeCause({ details: { planError: 'x' } }, { details: undefined })).toBeUndefined()
  })

  it('leaves out a function scan when the statements inside it were captured', () => {
    const call = node('Function Scan', undefined, 5)
    const inner = (plan: PlanNode) => [{ durationMs: 1, queryText: 'SELECT 1', plan }]
    const side = (plan: PlanNode) => ({
      details: {
        plan: summarizePlan({ Plan: { ...call, 'Function Name': 'f' } }, inner(plan), undefined),
      },
    })
    const cause = planNodeCause(side(basePlan), side(headPlan))
    expect(cause?.lines.map((line) => line.name)).not.toContain('Function Scan on f')
    expect(cause?.lines[0].name).toBe('Seq Scan on step_edges (was Index Scan)')
  })
})

describe('withPlanCauses', () => {
  const run = (plan: PlanNode, executionMs: number) =>
    ({
      benches: [{ name: 'q', status: 'ok', metrics: [], details: details(plan, executionMs) }],
    }) as unknown as Results
  const row = (fields: Partial<MetricComparison>) =>
    ({ name: 'q', metric: 'time', verdict: 'regression', ...fields }) as MetricComparison
  const pair = { base: run(basePlan, 0.4), head: run(headPlan, 4.3) }
  const attach = (fields: Partial<MetricComparison>) =>
    withPlanCauses({ comparisons: [row(fields)], warnings: [], regressions: 1 }, pair)
      .comparisons[0].cause

  it('explains only a regression confirmed with both sides measured here', () => {
    expect(attach({ confirmed: true, confirmation: 'base' })?.lines[0]?.name).toBe(
      'Seq Scan on step_edges (was Index Scan)',
    )
    expect(attach({ confirmed: false, confirmation: 'base' })).toBeUndefined()
    expect(attach({ confirmed: true, confirmation: 'rerun' })).toBeUndefined()
    expect(
      attach({ confirmed: true, confirmation: 'base', verdict: 'inconclusive' }),
    ).toBeUndefined()
  })
})
