/** Rust: crates whose bench targets use Criterion (`criterion_main!`), read from Cargo.toml. */
import path from 'node:path'
import type { CriterionFinding } from './findings.js'
import type { ProjectTree } from './tree.js'

/** A Cargo.toml's parts that matter here, read line by line (no TOML parser needed for these). */
interface Manifest {
  name?: string
  workspace: boolean
  criterion: boolean
  /** `[[bench]]` targets: name and path (when set). */
  benches: { name?: string; path?: string }[]
}

/** Reads the package name, `[workspace]`, a criterion dependency and `[[bench]]` targets. */
export function readManifest(text: string): Manifest {
  const manifest: Manifest = { workspace: false, criterion: false, benches: [] }
  let section = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line)
    if (header) {
      section = header[1]
      if (line.startsWith('[[') && section === 'bench') manifest.benches.push({})
      if (section === 'workspace' || section.startsWith('workspace.')) manifest.workspace = true
      continue
    }
    const pair = /^([\w.-]+)\s*=\s*(.*)$/.exec(line)
    // `criterion = "0.5"`, `criterion.workspace = true` or `[dev-dependencies.criterion]`.
    const key = pair?.[1] ?? ''
    if (/dependencies$/.test(section) && /^criterion(?:\.|$)/.test(key)) manifest.criterion = true
    if (/dependencies\.criterion$/.test(section)) manifest.criterion = true
    if (!pair) continue
    const value = /^"([^"]*)"/.exec(pair[2])?.[1]
    if (section === 'package' && pair[1] === 'name') manifest.name = value
    const bench = manifest.benches.at(-1)
    if (section === 'bench' && bench && (pair[1] === 'name' || pair[1] === 'path'))
      bench[pair[1]] = value
  }
  return manifest
}

/** Finds the Criterion benches of every crate in `tree`. */
export function detectRust(tree: ProjectTree): CriterionFinding[] {
  const rootManifest = tree.read('Cargo.toml')
  const rootIsWorkspace = rootManifest !== undefined && readManifest(rootManifest).workspace
  const findings: CriterionFinding[] = []
  for (const file of tree.paths.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'))) {
    const text = tree.read(file)
    if (text === undefined) continue
    const manifest = readManifest(text)
    if (!manifest.criterion) continue
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file)
    const benches = benchTargets(tree, dir, manifest)
    if (benches.length === 0) continue
    findings.push({
      kind: 'criterion',
      dir,
      ...(manifest.name ? { crate: manifest.name } : {}),
      benches,
      select: dir === '' ? 'root' : rootIsWorkspace ? 'package' : 'manifest',
    })
  }
  return findings
}

/** Bench targets (declared or auto-discovered in benches/) whose source runs criterion_main!. */
function benchTargets(tree: ProjectTree, dir: string, manifest: Manifest): string[] {
  const at = (rel: string): string => (dir === '' ? rel : `${dir}/${rel}`)
  const sources = new Map<string, string>()
  for (const file of tree.paths) {
    const match = new RegExp(`^${escape(at('benches/'))}([\\w-]+)(?:\\.rs|/main\\.rs)$`).exec(file)
    if (match) sources.set(match[1], file)
  }
  for (const bench of manifest.benches) {
    if (bench.name === undefined) continue
    sources.set(bench.name, bench.path ? at(bench.path) : (sources.get(bench.name) ?? ''))
  }
  return [...sources]
    .filter(([, file]) => /criterion_main!|criterion_group!/.test(tree.read(file) ?? ''))
    .map(([name]) => name)
    .sort()
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
