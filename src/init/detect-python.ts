/** Python: tests taking pytest-benchmark's `benchmark` fixture, or the plugin as a dependency. */
import path from 'node:path'
import type { PytestFinding } from './findings.js'
import type { ProjectTree } from './tree.js'

const DEPENDENCY_FILES =
  /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|Pipfile|tox\.ini)$/
const TEST_FILE = /(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$/
const USES_FIXTURE = /def\s+test_\w*\s*\([^)]*\bbenchmark\b/

/** Finds pytest-benchmark tests; a declared dependency alone is enough (pytest finds the tests). */
export function detectPython(tree: ProjectTree): PytestFinding[] {
  const tests = tree.paths.filter(
    (file) => TEST_FILE.test(file) && USES_FIXTURE.test(tree.read(file) ?? ''),
  )
  const declared = tree.paths.some(
    (file) => DEPENDENCY_FILES.test(file) && /pytest[-_]benchmark/i.test(tree.read(file) ?? ''),
  )
  if (tests.length === 0 && !declared) return []
  const dirs = [...new Set(tests.map((file) => path.posix.dirname(file)))]
  // A handful of folders are named; beyond that (or none found) pytest discovers the tests itself.
  const testPaths = dirs.length > 0 && dirs.length <= 3 && !dirs.includes('.') ? dirs.sort() : []
  return [{ kind: 'pytest-benchmark', testPaths }]
}
