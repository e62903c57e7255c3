import { describe, expect, it } from '@jest/globals'
import { drawCases, matchCases } from '../../src/run/postgres/sample-cases.js'

const rows = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  kind: `k${i % 3}`,
  name: `task-${i + 1}`,
}))
const columns = ['id', 'kind', 'name']

describe('drawCases', () => {
  it('gives the same cases for the same seed, whatever order the rows come in', () => {
    const options = { cases: 5, seed: 42, key: 'id', stratifyBy: 'kind' }
    const first = drawCases(rows, columns, options)
    const shuffled = drawCases([...rows].reverse(), columns, options)
    expect(shuffled).toEqual(first)
    expect(drawCases(rows, columns, { ...options, seed: 43 })).not.toEqual(first)
  })

  it('spreads cases over the strata and sorts them by key', () => {
    const drawn = drawCases(rows, columns, { cases: 6, seed: 1, key: 'id', stratifyBy: 'kind' })
    const perStratum = new Map<string, number>()
    for (const item of drawn)
      perStratum.set(item.stratum!, (perStratum.get(item.stratum!) ?? 0) + 1)
    expect([...perStratum.values()]).toEqual([2, 2, 2])
    const keys = drawn.map((item) => Number(item.key))
    expect(keys).toEqual([...keys].sort((a, b) => a - b))
  })

  it('passes every column but stratify-by as parameters by default, or the ones named', () => {
    const [item] = drawCases(rows, columns, { cases: 1, seed: 1, stratifyBy: 'kind' })
    expect(item.params).toEqual([Number(item.key), `task-${item.key}`])
    const [named] = drawCases(rows, columns, {
      cases: 1,
      seed: 1,
      key: 'name',
      paramColumns: ['id'],
    })
    expect(named.key).toBe(`task-${String(named.params[0])}`)
  })

  it('returns fewer cases when there are fewer distinct keys, and names a missing column', () => {
    const few = drawCases(rows.slice(0, 2), columns, { cases: 5, seed: 1 })
    expect(few.map((item) => item.key)).toEqual(['1', '2'])
    expect(() => drawCases(rows, columns, { cases: 1, seed: 1, key: 'uuid' })).toThrow(
      'key names column "uuid", but params-query returns "id", "kind", "name"',
    )
  })
})

describe('matchCases', () => {
  // The other side's database: the same names, other ids (a uuid per database), one row gone.
  const other = rows.filter((row) => row.id !== 7).map((row) => ({ ...row, id: row.id + 1000 }))

  it("times the drawn keys with this side's parameters, and lists the keys it lacks", () => {
    const drawn = [
      { key: 'task-3', params: [3] },
      { key: 'task-7', params: [7] },
    ]
    const options = { key: 'name', paramColumns: ['id'] }
    expect(matchCases(drawn, other, columns, options)).toEqual({
      cases: [{ key: 'task-3', params: [1003] }],
      missing: ['task-7'],
    })
  })

  it('finds none of the keys when they are the ids that differ per side', () => {
    const drawn = drawCases(rows, columns, { cases: 3, seed: 1, paramColumns: ['id'] })
    const matched = matchCases(drawn, other, columns, { paramColumns: ['id'] })
    expect(matched.cases).toEqual([])
    expect(matched.missing).toEqual(drawn.map((item) => item.key))
  })
})
