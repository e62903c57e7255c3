/** What `perfgate init` found in a project: one finding per thing it can bench, or suggest. */

/** A module whose exported functions perfgate's `js` kind runs (tinybench inside perfgate). */
export interface JsModuleFinding {
  kind: 'js-module'
  file: string
  functions: string[]
}

/** A script that runs tinybench itself: imported when it writes its tasks as JSON. */
export interface TinybenchScriptFinding {
  kind: 'tinybench-script'
  file: string
  /** The JSON file the script writes `bench.tasks` to, when it does (else only a suggestion). */
  output?: string
  /** Whether it keeps every sample (`retainSamples: true`), not only tinybench's summary. */
  retainsSamples: boolean
}

/** vitest bench files (`bench()` from vitest), imported from `vitest bench --outputJson`. */
export interface VitestFinding {
  kind: 'vitest'
  files: string[]
}

/** A package.json bench script that no other finding covers: suggested as a `command` bench. */
export interface NpmScriptFinding {
  kind: 'npm-script'
  name: string
  script: string
}

/** A crate with Criterion bench targets, imported with `run: cargo bench`. */
export interface CriterionFinding {
  kind: 'criterion'
  /** The crate's folder ('' for the root). */
  dir: string
  crate?: string
  /** Bench targets that use criterion_main!. */
  benches: string[]
  /** How cargo reaches the crate from the root: a workspace member (-p) or its manifest. */
  select: 'root' | 'package' | 'manifest'
}

/** A Go module with Benchmark functions, imported from `go test -bench` output. */
export interface GoFinding {
  kind: 'go'
  /** The module's folder (where go.mod is; '' for the root). */
  dir: string
  /** Package folders holding benchmarks, relative to `dir` ('.' for its root). */
  packages: string[]
}

/** pytest-benchmark tests, imported from `pytest --benchmark-json`. */
export interface PytestFinding {
  kind: 'pytest-benchmark'
  /** Folders (or files) holding the benchmark tests; empty for pytest's own discovery. */
  testPaths: string[]
}

/** SQL files or a migrations folder: a commented `sql` example (it needs a database). */
export interface SqlFinding {
  kind: 'sql'
  /** A schema/seed file to suggest as `setup-file`, when there is an obvious one. */
  schemaFile?: string
  /** A migrations folder, when there is one. */
  migrationsDir?: string
  files: string[]
}

/** Anything `perfgate init` found. */
export type Finding =
  | JsModuleFinding
  | TinybenchScriptFinding
  | VitestFinding
  | NpmScriptFinding
  | CriterionFinding
  | GoFinding
  | PytestFinding
  | SqlFinding

/** Whether a finding becomes a bench that runs as written (the others: commented suggestions). */
export function isRunnable(finding: Finding): boolean {
  if (finding.kind === 'tinybench-script') return finding.output !== undefined
  return finding.kind !== 'npm-script' && finding.kind !== 'sql'
}
