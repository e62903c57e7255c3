/** Everything `perfgate init` looks for in a project, in the order the config lists it. */
import { detectGo } from './detect-go.js'
import { detectNode } from './detect-node.js'
import { detectPython } from './detect-python.js'
import { detectRust } from './detect-rust.js'
import { detectSql } from './detect-sql.js'
import { isRunnable, type Finding } from './findings.js'
import type { ProjectTree } from './tree.js'

/**
 * The benches found in `tree`, those that run as written first, then the suggestions. Pure:
 * reads only through the tree.
 */
export function detectProject(tree: ProjectTree): Finding[] {
  const findings = [
    ...detectNode(tree),
    ...detectRust(tree),
    ...detectGo(tree),
    ...detectPython(tree),
    ...detectSql(tree),
  ]
  return [...findings.filter(isRunnable), ...findings.filter((f) => !isRunnable(f))]
}
