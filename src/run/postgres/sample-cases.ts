/** Draws parameter sets from params-query rows: stratified, seeded, keyed by a stable column. */
import { seededRandom } from '../../compare/random.js'

/** One drawn case: its stable key, its parameter values, and the name it reports under. */
export interface DrawnCase {
  key: string
  params: unknown[]
  stratum?: string
  /** Names the case instead of the key (from `label:`, or the stratum and a number). */
  label?: string
}

/** How to draw cases from rows. */
export interface DrawOptions {
  cases: number
  seed: number
  /** Column identifying each case; default the first parameter column. */
  key?: string
  /** A column, or a template of {column} placeholders, naming each case instead of the key. */
  label?: string
  /** Columns passed as $1, $2, ...; default every column but stratifyBy. */
  paramColumns?: string[]
  stratifyBy?: string
}

/**
 * Picks `cases` rows: rows are grouped by the stratify-by value and taken round-robin from the
 * groups in a seeded random order, so the cases spread over the data instead of one hot row.
 * Rows are sorted by key first, so the same seed and data give the same cases in any row order.
 * Returns the cases sorted by label, then key. Throws an Error naming the missing column.
 */
export function drawCases(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: DrawOptions,
): DrawnCase[] {
  const { keyColumn, paramColumns } = caseColumns(columns, options)
  const byKey = rowsByKey(rows, keyColumn)
  const keys = [...byKey.keys()].sort(compareKeys)
  const strata = new Map<string, string[]>()
  for (const key of keys) {
    const stratum = options.stratifyBy ? keyText(byKey.get(key)?.[options.stratifyBy]) : ''
    strata.set(stratum, [...(strata.get(stratum) ?? []), key])
  }
  const random = seededRandom(options.seed)
  const groups = shuffle([...strata.keys()].sort(compareKeys), random).map((stratum) => ({
    stratum,
    keys: shuffle(strata.get(stratum) ?? [], random),
  }))
  const picked: DrawnCase[] = []
  for (let round = 0; picked.length < options.cases; round++) {
    const before = picked.length
    for (const group of groups) {
      if (picked.length >= options.cases) break
      const key = group.keys[round]
      if (key === undefined) continue
      const row = byKey.get(key) ?? {}
      picked.push({
        key,
        params: paramColumns.map((column) => row[column]),
        ...(options.stratifyBy ? { stratum: group.stratum } : {}),
      })
    }
    if (picked.length === before) break
  }
  const labelled = withLabels(
    picked.sort((a, b) => compareKeys(a.key, b.key)),
    byKey,
    options,
  )
  // Reports list cases in this order: by the names they show (small#2 before small#10).
  return labelled.sort((a, b) =>
    (a.label ?? '').localeCompare(b.label ?? '', 'en', { numeric: true }),
  )
}

/**
 * The cases with their labels: from `label:` (a column or a template), repeated labels numbered
 * #1, #2, ... in key order; with stratify-by and neither key: nor label:, `<stratum>#<n>`, always
 * numbered so a stratum's first case keeps its name when a second one is drawn. Cases are in key
 * order, so the same draw gives the same labels; base and head pair cases by them.
 */
function withLabels(
  cases: DrawnCase[],
  byKey: ReadonlyMap<string, Record<string, unknown>>,
  options: DrawOptions,
): DrawnCase[] {
  if (options.label !== undefined) {
    const label = options.label
    const raw = cases.map((item) => fillLabel(label, byKey.get(item.key) ?? {}))
    const counts = countOf(raw)
    const seen = new Map<string, number>()
    return cases.map((item, index) => {
      const text = raw[index]
      if ((counts.get(text) ?? 0) < 2) return { ...item, label: text }
      const n = (seen.get(text) ?? 0) + 1
      seen.set(text, n)
      return { ...item, label: `${text}#${n}` }
    })
  }
  if (options.stratifyBy === undefined || options.key !== undefined) return cases
  const seen = new Map<string, number>()
  return cases.map((item) => {
    const stratum = item.stratum ?? ''
    const n = (seen.get(stratum) ?? 0) + 1
    seen.set(stratum, n)
    return { ...item, label: `${stratum}#${n}` }
  })
}

/** A label from a row: the column's value, or the template with each {column} filled in. */
function fillLabel(label: string, row: Record<string, unknown>): string {
  if (!label.includes('{')) return keyText(row[label])
  return label.replace(/\{([^{}]+)\}/g, (_, column: string) => keyText(row[column]))
}

/** The columns a label reads: the one it names, or its template's placeholders. */
function labelColumns(label: string): string[] {
  if (!label.includes('{')) return [label]
  return [...label.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1])
}

function countOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/**
 * The cases `drawn` on the other side of an A/B run, looked up by key in this side's rows: each
 * found key takes this side's row's parameters (a stable `key:` names the same case in both
 * databases even where its ids differ), so both sides time the same cases. `missing` are the keys
 * this side's rows lack (a key on random values, a uuid per database, is never found).
 * Throws an Error naming a missing column, as drawCases does.
 */
export function matchCases(
  drawn: readonly DrawnCase[],
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: Omit<DrawOptions, 'cases' | 'seed'>,
): { cases: DrawnCase[]; missing: string[] } {
  const { keyColumn, paramColumns } = caseColumns(columns, options)
  const byKey = rowsByKey(rows, keyColumn)
  const cases: DrawnCase[] = []
  const missing: string[] = []
  for (const item of drawn) {
    const row = byKey.get(item.key)
    if (row === undefined) missing.push(item.key)
    else cases.push({ ...item, params: paramColumns.map((column) => row[column]) })
  }
  return { cases, missing }
}

/** The key and parameter columns the options name, each checked against the query's columns. */
function caseColumns(
  columns: readonly string[],
  options: Omit<DrawOptions, 'cases' | 'seed'>,
): { keyColumn: string; paramColumns: string[] } {
  const paramColumns =
    options.paramColumns ?? columns.filter((column) => column !== options.stratifyBy)
  const keyColumn = options.key ?? paramColumns[0]
  for (const [field, column] of [
    ['key', keyColumn],
    ['stratify-by', options.stratifyBy],
    ...(options.label === undefined ? [] : labelColumns(options.label)).map(
      (column) => ['label', column] as const,
    ),
    ...paramColumns.map((column) => ['param-columns', column]),
  ] as const) {
    if (column !== undefined && !columns.includes(column)) {
      throw new Error(
        `${field} names column "${column}", but params-query returns ${columns.map((c) => `"${c}"`).join(', ')}`,
      )
    }
  }
  return { keyColumn, paramColumns }
}

/** The first row of each key, by the key's text. */
function rowsByKey(
  rows: readonly Record<string, unknown>[],
  keyColumn: string,
): Map<string, Record<string, unknown>> {
  const byKey = new Map<string, Record<string, unknown>>()
  for (const row of rows) {
    const key = keyText(row[keyColumn])
    if (!byKey.has(key)) byKey.set(key, row)
  }
  return byKey
}

/** A case key as text: numbers and strings as they are, anything else as JSON. */
export function keyText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  if (value instanceof Date) return value.toISOString()
  return JSON.stringify(value) ?? 'null'
}

/** Numeric keys in numeric order, others as text (so 2 comes before 10). */
function compareKeys(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)]
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y
  return a < b ? -1 : a > b ? 1 : 0
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
