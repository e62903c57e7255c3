import { describe, expect, it } from '@jest/globals'
import { planChangeNotes } from '../../src/compare/plan-notes.js'

const details = (plan: Record<string, unknown>) => ({ server: {}, plan })
const base = {
  planningMs: 0.1,
  executionMs: 0.4,
  sharedHit: 99,
  sharedRead: 1,
  hitRatio: 0.99,
  nodes: ['Limit', 'Index Scan on tasks', 'Index Scan on steps'],
  rows: 10,
  depth: 'full',
}

describe('planChangeNotes', () => {
  it('names scan changes per relation, buffer hit ratio and execution time', () => {
    const head = {
      ...base,
      executionMs: 3.1,
      sharedHit: 62,
      sharedRead: 38,
      hitRatio: 0.62,
      nodes: ['Limit', 'Sort', 'Seq Scan on tasks', 'Index Scan on steps'],
    }
    expect(planChangeNotes(details(base), details(head))).toEqual([
      'Index Scan on tasks → Seq Scan on tasks',
      'plan now uses Sort',
      'buffer hit ratio 99% → 62%',
      'execution 0.4 ms → 3.1 ms',
    ])
  })

  it('says nothing for small wobbles or a missing plan', () => {
    const head = { ...base, executionMs: 0.45, hitRatio: 0.97, planningMs: 0.12 }
    expect(planChangeNotes(details(base), details(head))).toEqual([])
    expect(planChangeNotes(undefined, details(base))).toEqual([])
    expect(planChangeNotes({ planError: 'x' }, details(base))).toEqual([])
  })

  it('reports a plan that became shallow, with the reason, and changed rows and buffers', () => {
    const head = {
      ...base,
      depth: 'shallow',
      shallowReason: 'auto_explain could not be loaded: permission denied',
      sharedHit: 4000,
      sharedRead: 0,
      hitRatio: 1,
      rows: 0,
    }
    expect(planChangeNotes(details({ ...base, depth: 'nested' }), details(head))).toEqual([
      'plan detail nested → shallow (auto_explain could not be loaded: permission denied)',
      'shared buffers touched 100 → 4,000',
      'rows returned 10 → 0',
    ])
  })
})
