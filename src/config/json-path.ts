/** A tiny JSON path (`$.task.uuid`, `$.items[0].id`, `$['odd key']`): parse once, read values. Pure. */

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/

/** The segments of `path`, or undefined when it is not a simple JSON path starting with `$`. */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  const text = path.trim()
  if (!text.startsWith('$')) return undefined
  const segments: PathSegment[] = []
  let rest = text.slice(1)
  while (rest !== '') {
    const match = SEGMENT.exec(rest)
    if (!match) return undefined
    const [whole, key, index, single, double] = match
    segments.push(index !== undefined ? Number(index) : (key ?? single ?? double))
    rest = rest.slice(whole.length)
  }
  return segments
}

/** The value at `segments` inside `value`, or undefined when any step is missing. */
export function readJsonPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}
