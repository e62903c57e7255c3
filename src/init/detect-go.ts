/** Go: modules with `func BenchmarkX(b *testing.B)` in their tests. */
import path from 'node:path'
import type { GoFinding } from './findings.js'
import type { ProjectTree } from './tree.js'

const BENCHMARK = /^func\s+Benchmark\w*\s*\(\s*\w+\s+\*testing\.B\s*\)/m

/** Finds each Go module's packages that hold benchmarks. */
export function detectGo(tree: ProjectTree): GoFinding[] {
  const modules = tree.paths
    .filter((p) => p === 'go.mod' || p.endsWith('/go.mod'))
    .map((p) => (path.posix.dirname(p) === '.' ? '' : path.posix.dirname(p)))
    // Deepest first, so a test file belongs to its nearest module.
    .sort((a, b) => b.length - a.length)
  const packages = new Map<string, Set<string>>()
  for (const file of tree.paths.filter((p) => p.endsWith('_test.go'))) {
    const module = modules.find((dir) => dir === '' || file.startsWith(`${dir}/`))
    if (module === undefined || !BENCHMARK.test(tree.read(file) ?? '')) continue
    const pkg = path.posix.relative(module === '' ? '.' : module, path.posix.dirname(file)) || '.'
    packages.set(module, (packages.get(module) ?? new Set()).add(pkg))
  }
  return [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, pkgs]) => ({ kind: 'go', dir, packages: [...pkgs].sort() }))
}
