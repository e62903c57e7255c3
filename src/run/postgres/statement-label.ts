/**
 * Short names of SQL statements by what they do and to what (`WITH … SELECT FROM
 * workflow_steps`, `INSERT INTO tasks`): an inner statement of a function whose first line is
 * only `WITH` says nothing. Pure: reads the statement text and the relations of its plan.
 */

/** Longest label, so a statement list stays one short line per statement. */
const MAX_LENGTH = 80
const MAIN = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE'])

/**
 * The label of one statement. `relations` are the tables its plan reads, in plan order
 * (`Relation Name`s): a SELECT names them rather than the text's FROM, which may be a CTE.
 */
export function statementLabel(text: string, relations: readonly string[] = []): string {
  const tokens = topLevelTokens(text)
  const first = tokens[0]?.toUpperCase()
  if (first === undefined) return ''
  const withPrefix = first === 'WITH' ? 'WITH … ' : ''
  const start = first === 'WITH' ? tokens.findIndex((t) => MAIN.has(t.toUpperCase())) : 0
  if (start < 0) return clip(oneLine(text))
  const verb = tokens[start].toUpperCase()
  const after = (word: string): string | undefined => {
    const at = tokens.findIndex((t, i) => i > start && t.toUpperCase() === word)
    return at < 0 ? undefined : target(tokens.slice(at + 1), word === 'FROM')
  }
  const main = (() => {
    switch (verb) {
      case 'INSERT':
        return named('INSERT INTO', after('INTO'))
      case 'UPDATE':
        return named('UPDATE', target(tokens.slice(start + 1), false))
      case 'DELETE':
        return named('DELETE FROM', after('FROM'))
      case 'MERGE':
        return named('MERGE INTO', after('INTO'))
      case 'SELECT': {
        const from = relations.length > 0 ? listed(relations) : after('FROM')
        if (from !== undefined) return `SELECT FROM ${from}`
        // No table at all (PERFORM f(), IF x > 0): the expression is the best name.
        return withPrefix === '' ? oneLine(text) : 'SELECT'
      }
      default:
        return verb
    }
  })()
  return clip(`${withPrefix}${main}`)
}

/** `workflow_steps, tasks +2`: the first three distinct names, then how many more. */
function listed(relations: readonly string[]): string {
  const distinct = [...new Set(relations)]
  const shown = distinct.slice(0, 3).join(', ')
  return distinct.length > 3 ? `${shown} +${distinct.length - 3}` : shown
}

function named(verb: string, table: string | undefined): string {
  return table === undefined ? verb : `${verb} ${table}`
}

/**
 * The table a clause names (`tasker.tasks`; ONLY skipped), or with `calls`, a function a FROM
 * reads (`get_ready()`); a column list after an INSERT's table is no call.
 */
function target(tokens: readonly string[], calls: boolean): string | undefined {
  const rest = tokens[0]?.toUpperCase() === 'ONLY' ? tokens.slice(1) : tokens
  const name = rest[0]
  if (name === undefined || name === '(' || !/^[\w"$]/.test(name)) return undefined
  return calls && rest[1] === '(' ? `${name}()` : name
}

/**
 * The statement's words and punctuation outside parentheses, strings and comments; a
 * parenthesised group is one `(` token. A dotted name (`tasker.tasks`) is one token.
 */
function topLevelTokens(text: string): string[] {
  const tokens: string[] = []
  let depth = 0
  const re =
    /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)(?:\.(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*))*|\(|\)|\S/g
  for (const match of text.matchAll(re)) {
    const token = match[0]
    if (token.startsWith('--') || token.startsWith('/*')) continue
    if (token === ')') {
      depth = Math.max(0, depth - 1)
      continue
    }
    if (depth === 0 && !token.startsWith("'")) tokens.push(token)
    if (token === '(') depth++
  }
  return tokens
}

function oneLine(text: string): string {
  return text
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/;$/, '')
}

function clip(label: string): string {
  return label.length > MAX_LENGTH ? `${label.slice(0, MAX_LENGTH - 1)}…` : label
}
