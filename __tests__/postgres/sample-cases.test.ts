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

describe('case labels', () => {
  // Keys like a real suite's: uuids that say nothing, with a size and a workflow beside them.
  const uuidRows = rows.map((row) => ({
    uuid: `0190${String(row.id).padStart(4, '0')}-7c4e-7000-8000-000000000000`,
    size: row.id % 2 === 0 ? 'small' : 'large',
    workflow: row.kind === 'k0' ? 'linear' : 'diamond',
  }))
  const uuidColumns = ['uuid', 'size', 'workflow']

  it('names each case by its stratum and a number when stratified with no key: or label:', () => {
    const drawn = drawCases(uuidRows, uuidColumns, { cases: 4, seed: 1, stratifyBy: 'size' })
    expect(drawn.map((item) => item.label).sort()).toEqual([
      'large#1',
      'large#2',
      'small#1',
      'small#2',
    ])
    // Numbered in key order within the stratum, so the same draw gives the same names.
    const small = drawn.filter((item) => item.stratum === 'small')
    expect(small.map((item) => item.label)).toEqual(['small#1', 'small#2'])
    expect(small[0].key < small[1].key).toBe(true)
    // One case of a stratum is numbered too: drawing more never renames it.
    const one = drawCases(uuidRows, uuidColumns, { cases: 2, seed: 1, stratifyBy: 'size' })
    expect(one.map((item) => item.label).sort()).toEqual(['large#1', 'small#1'])
  })

  it('keeps the key as the name when key: is given and label: is not', () => {
    const drawn = drawCases(rows, columns, { cases: 3, seed: 1, key: 'name', stratifyBy: 'kind' })
    expect(drawn.every((item) => item.label === undefined)).toBe(true)
  })

  it('names cases by a label column or template, numbering only repeated names', () => {
    const byColumn = drawCases(rows, columns, { cases: 3, seed: 1, label: 'name' })
    expect(byColumn.map((item) => item.label)).toEqual(byColumn.map((item) => `task-${item.key}`))
    // Keys 1..4 have kinds k0, k1, k2, k0: only the repeated k0 is numbered, in key order;
    // the cases come sorted by the names they show.
    const repeated = drawCases(rows.slice(0, 4), columns, { cases: 4, seed: 1, label: 'kind' })
    expect(repeated.map((item) => [item.key, item.label])).toEqual([
      ['1', 'k0#1'],
      ['4', 'k0#2'],
      ['2', 'k1'],
      ['3', 'k2'],
    ])
    const [templated] = drawCases(uuidRows.slice(0, 1), uuidColumns, {
      cases: 1,
      seed: 1,
      label: '{workflow}/{size} run',
    })
    expect(templated.label).toBe('linear/large run')
  })

  it('names a label column params-query lacks, and carries labels to the other A/B side', () => {
    expect(() => drawCases(rows, columns, { cases: 1, seed: 1, label: '{kind}-{colour}' })).toThrow(
      'label names column "colour", but params-query returns "id", "kind", "name"',
    )
    const drawn = drawCases(uuidRows, uuidColumns, { cases: 2, seed: 1, stratifyBy: 'size' })
    const matched = matchCases(drawn, uuidRows, uuidColumns, { stratifyBy: 'size' })
    expect(matched.cases.map((item) => item.label)).toEqual(drawn.map((item) => item.label))
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
