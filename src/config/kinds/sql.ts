/**
 * Config of the `sql` kind: a query (often a PL/pgSQL function call) timed on one warm connection,
 * or, with `concurrency`, run by that many clients through a connection pool (throughput mode).
 */
import { z } from 'zod'
import { count, text } from '../fields.js'
import type { SpecContext } from './define.js'
import { connectionFields, toConnectionSpec, type ConnectionSpec } from './postgres-fields.js'

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
})

/** Fields of a `sql` bench. */
export const sqlFields = {
  kind: z.literal('sql'),
  ...connectionFields,
  query: text('SQL').meta({
    description: 'The timed SQL, with $1, $2, ... for parameters. Each sample runs it once.',
    examples: ['SELECT * FROM get_next_ready_tasks($1)'],
  }),
  params: z
    .union([z.array(scalar), z.array(z.array(scalar)).min(1)], {
      error: 'must be a list of values ($1, $2, ...) or a list of such lists (one case each)',
    })
    .optional()
    .meta({
      description:
        'Parameter values: [10] is one case with $1 = 10; [[1], [10], [50]] is three cases.',
    }),
  'params-query': text('SQL').optional().meta({
    description:
      'SQL whose rows are candidate parameter sets; `cases` of them are drawn (stratified, seeded).',
  }),
  key: text('a column name').optional().meta({
    description:
      'Column of params-query that names each case, the same in every database (a name, not a gen_random_uuid() id): baseline and head pair cases by it (default: the first parameter column).',
  }),
  label: text('a column name, or a template like "{workflow}/{size}"')
    .optional()
    .meta({
      description:
        'Names each params-query case in results instead of its key (a uuid): a column of params-query, or a template with {column} placeholders. Repeated names get #1, #2, ... (default: the key; with stratify-by and no key, the stratum and a number, e.g. small#1).',
      examples: ['workflow_name', '{workflow}/{size}'],
    }),
  'param-columns': z.array(text('a column name')).min(1).optional().meta({
    description:
      'Columns of params-query passed as $1, $2, ... (default: every column but stratify-by).',
  }),
  'stratify-by': text('a column name')
    .optional()
    .meta({ description: 'Column of params-query to spread the drawn cases over (round-robin).' }),
  cases: count(1)
    .optional()
    .meta({ description: 'How many parameter sets to draw from params-query (default 5).' }),
  seed: z.int({ error: 'must be a whole number' }).optional().meta({
    description: 'Seed of the case draw: the same seed and data give the same cases (default 1).',
  }),
  rollback: z.boolean({ error: 'must be true or false' }).optional().meta({
    description: 'Run each sample in a transaction that is rolled back, so writes leave no rows.',
  }),
  explain: z.boolean({ error: 'must be true or false' }).optional().meta({
    description: 'Capture EXPLAIN (ANALYZE, BUFFERS) once per case, untimed (default true).',
  }),
  'pool-size': count(1).optional().meta({
    description:
      'Throughput mode: connections in the pool the clients share (default: one per client, the level). A level above it shows pool exhaustion.',
  }),
  'save-plans': z
    .boolean({ error: 'must be true or false' })
    .optional()
    .meta({ description: 'Keep the full plan JSON in the results (default false: summary only).' }),
}

/** One parameter value. */
export type SqlValue = string | number | boolean | null

/** Where a `sql` bench's parameter sets come from. */
export type SqlParams =
  | { from: 'list'; cases: SqlValue[][] }
  | {
      from: 'query'
      query: string
      key?: string
      label?: string
      paramColumns?: string[]
      stratifyBy?: string
      cases: number
      seed: number
    }

/** A validated `sql` bench spec. */
export interface SqlSpec extends ConnectionSpec {
  kind: 'sql'
  query: string
  params: SqlParams
  rollback: boolean
  explain: boolean
  savePlans: boolean
  /** Throughput mode: connections in the pool; undefined means as many as the level's clients. */
  poolSize?: number
}

type SqlRaw = z.output<z.ZodObject<typeof sqlFields>>

/** The spec of a parsed `sql` bench. */
export function toSqlSpec(raw: SqlRaw, ctx: SpecContext): SqlSpec {
  return {
    kind: 'sql',
    ...toConnectionSpec(raw, ctx.configDir),
    query: raw.query,
    params: toParams(raw),
    rollback: raw.rollback ?? false,
    explain: raw.explain ?? true,
    savePlans: raw['save-plans'] ?? false,
    // Only when set, so the identity of existing benches does not change.
    ...(raw['pool-size'] === undefined ? {} : { poolSize: raw['pool-size'] }),
  }
}

function toParams(raw: SqlRaw): SqlParams {
  if (raw['params-query'] !== undefined) {
    return {
      from: 'query',
      query: raw['params-query'],
      key: raw.key,
      ...(raw.label === undefined ? {} : { label: raw.label }),
      paramColumns: raw['param-columns'],
      stratifyBy: raw['stratify-by'],
      cases: raw.cases ?? 5,
      seed: raw.seed ?? 1,
    }
  }
  const params: (SqlValue | SqlValue[])[] = raw.params ?? []
  const cases = params.every((item) => Array.isArray(item)) && params.length > 0
  return { from: 'list', cases: cases ? params : [params as SqlValue[]] }
}

/** Cross-field rules of a `sql` bench. */
export function checkSql(raw: SqlRaw): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = []
  const fromQuery = raw['params-query'] !== undefined
  if (fromQuery && raw.params !== undefined) {
    problems.push({
      field: 'params-query',
      message: 'cannot be used together with params: give fixed values or a query, not both',
    })
  }
  if (!fromQuery) {
    for (const field of [
      'key',
      'label',
      'param-columns',
      'stratify-by',
      'cases',
      'seed',
    ] as const) {
      if (raw[field] !== undefined)
        problems.push({ field, message: 'only applies with params-query; add one or remove it' })
    }
  }
  if (raw.label !== undefined && !isLabelTemplate(raw.label)) {
    problems.push({
      field: 'label',
      message:
        'must be a column name or a template whose {column} placeholders each name a column, like "{workflow}/{size}"',
    })
  }
  if (raw['save-plans'] === true && raw.explain === false)
    problems.push({ field: 'save-plans', message: 'needs explain; remove explain: false' })
  return problems
}

/** A plain column name, or text whose every brace pair encloses a column name. */
function isLabelTemplate(label: string): boolean {
  return !/[{}]/.test(label.replace(/\{[^{}]+\}/g, ''))
}
