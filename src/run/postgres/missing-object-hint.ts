/**
 * Hints for "does not exist" errors (42883 undefined_function, 42P01 undefined_table): which
 * schemas hold an object of that name, so a missing `search-path:` is named as the fix instead
 * of the server's "You might need to add explicit type casts".
 */
import type pg from 'pg'

/** The object a 42883 / 42P01 error says is missing. */
export interface MissingObject {
  kind: 'function' | 'relation'
  /** The name as the server reported it, without quotes; may be schema-qualified. */
  name: string
  /** The unqualified name, looked up in the catalogs. */
  bare: string
  /** The schema the query named, when it qualified the name. */
  schema?: string
}

/**
 * The missing function or relation in a server error, or undefined when the error is of
 * another kind (e.g. 42883 for a missing operator, which no schema lookup can fix).
 */
export function missingObject(error: unknown): MissingObject | undefined {
  const db = error as { code?: unknown; message?: unknown } | null
  if (typeof db?.message !== 'string') return undefined
  const match =
    db.code === '42883'
      ? /^(?:function|procedure) (.+?)\(.*\) does not exist/.exec(db.message)
      : db.code === '42P01'
        ? /^relation "(.+)" does not exist/.exec(db.message)
        : null
  if (match === null) return undefined
  const parts = splitQualified(match[1])
  if (parts === undefined) return undefined
  return {
    kind: db.code === '42883' ? 'function' : 'relation',
    name: parts.join('.'),
    bare: parts[parts.length - 1],
    ...(parts.length > 1 ? { schema: parts[parts.length - 2] } : {}),
  }
}

/** Where objects of a missing name live, and the connection's search_path. */
export interface ObjectLocations {
  /** Schemas holding an object of that name (functions: with their argument types, `uuid, integer`). */
  found: { schema: string; args?: string }[]
  /** current_schemas(false): the schemas the connection searches, in order. */
  searchPath: string[]
}

/**
 * The hint for a missing object, from where it lives. Pure, so every case is unit-tested:
 * - in schemas off the search path: add them to `search-path:`;
 * - in a schema on the path (a function): its argument types differ from the call's;
 * - nowhere: it does not exist in this database (migrations or setup not run?).
 */
export function missingObjectHint(missing: MissingObject, where: ObjectLocations): string {
  const what = `${missing.kind} "${missing.bare}"`
  const schemas = [...new Set(where.found.map((item) => item.schema))]
  if (schemas.length === 0) {
    return `${what} does not exist in any schema of this database: have the migrations (or the bench's setup) run against it?`
  }
  const holds = `${what} exists in schema${schemas.length === 1 ? '' : 's'} ${schemas.join(', ')}`
  if (missing.schema !== undefined && !schemas.includes(missing.schema)) {
    return `${holds}, not in ${missing.schema}: qualify it with one of those schemas`
  }
  const offPath = schemas.filter((schema) => !where.searchPath.includes(schema))
  // A function found on the path was rejected for its argument types: another schema won't help.
  const typesDiffer =
    missing.kind === 'function' && (missing.schema !== undefined || offPath.length < schemas.length)
  if (!typesDiffer && missing.schema === undefined && offPath.length > 0) {
    const path = [...new Set([...offPath, ...where.searchPath])]
    return `add search-path: [${path.join(', ')}] to this bench (${holds})`
  }
  if (missing.kind === 'function') {
    const signatures = where.found.map((item) => `${item.schema}.${missing.bare}(${item.args})`)
    return `${holds} but takes other argument types: ${signatures.join(', ')}; cast the parameters, e.g. $1::${firstArgType(where.found[0]?.args)}`
  }
  return holds
}

/**
 * Looks the missing object of `error` up on `client` and returns the hint, or undefined when
 * the error is of another kind or the lookup fails (e.g. inside an aborted transaction).
 */
export async function lookUpMissingObjectHint(
  client: pg.ClientBase,
  error: unknown,
): Promise<string | undefined> {
  const missing = missingObject(error)
  if (missing === undefined) return undefined
  try {
    const found =
      missing.kind === 'function'
        ? await client.query<{ schema: string; args: string }>(
            `SELECT n.nspname AS schema, oidvectortypes(p.proargtypes) AS args
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE p.proname = $1 ORDER BY n.nspname, args`,
            [missing.bare],
          )
        : await client.query<{ schema: string }>(
            `SELECT DISTINCT n.nspname AS schema
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              ORDER BY n.nspname`,
            [missing.bare],
          )
    const path = await client.query<{ schemas: string[] }>(
      'SELECT current_schemas(false)::text[] AS schemas',
    )
    return missingObjectHint(missing, {
      found: found.rows,
      searchPath: path.rows[0]?.schemas ?? [],
    })
  } catch {
    // Best effort: the original error still says what failed.
    return undefined
  }
}

/** `tasker.step_ready`, `"My Fn"`, `"s"."t"` → their parts without quotes. */
function splitQualified(text: string): string[] | undefined {
  const parts: string[] = []
  const re = /"((?:[^"]|"")*)"|([^".]+)/y
  let at = 0
  while (at < text.length) {
    re.lastIndex = at
    const match = re.exec(text)
    if (match === null) return undefined
    parts.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2])
    at = re.lastIndex
    if (text[at] === '.') at++
  }
  return parts.length > 0 ? parts : undefined
}

function firstArgType(args: string | undefined): string {
  return args?.split(',')[0]?.trim() || 'type'
}
