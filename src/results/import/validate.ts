/** Checks a tool's parsed JSON against a zod schema, naming the file and the first bad field. */
import type { z } from 'zod'
import { ImportFormatError } from './types.js'

/** The value typed by `schema`, or ImportFormatError like `file: benchmarks[2].real_time ...`. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = formatPath(issue.path)
  const got = describe(valueAt(value, issue.path))
  const field = where === '' ? 'the top level' : where
  throw new ImportFormatError(
    file,
    `is not ${what}: ${field} ${issue.message.replace(/^Invalid input: /, '')}${got}`,
  )
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('')
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

function describe(value: unknown): string {
  if (value === undefined) return ''
  const text = JSON.stringify(value)
  if (text === undefined) return ''
  return `, got ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}
