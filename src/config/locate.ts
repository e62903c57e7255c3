/** Finds where in the YAML source a value (by its path) was written, for error lines. */
import { isMap, isNode, type Document, type LineCounter, type Node } from 'yaml'

/** Path segments as zod reports them. */
export type IssuePath = readonly PropertyKey[]

/** 1-based line and column of the deepest node along `path` (or of the key `key` inside it). */
export function locate(
  doc: Document,
  counter: LineCounter,
  path: IssuePath,
  key?: string,
): { line: number; col: number } | undefined {
  let node: unknown = doc.contents
  for (let depth = 1; depth <= path.length; depth++) {
    const child: unknown = doc.getIn(path.slice(0, depth) as unknown[], true)
    if (!isNode(child)) break
    node = child
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isNode(item.key) && String(item.key.toJSON()) === key)
    if (pair && isNode(pair.key)) node = pair.key
  }
  const offset = isNode(node) ? (node as Node).range?.[0] : undefined
  return offset === undefined ? undefined : counter.linePos(offset)
}
