// What `perfgate init` finds in a project: the fixture trees under __fixtures__/init/ read from
// disk, and in-memory trees for the layouts a fixture per case would only repeat.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { detectProject } from '../../src/init/detect.js'
import { exportedFunctions } from '../../src/init/detect-node.js'
import { readManifest } from '../../src/init/detect-rust.js'
import { memoryTree, readProjectTree } from '../../src/init/tree.js'

const fixture = (name: string) => readProjectTree(path.join('__fixtures__/init', name))

describe('detecting benches in the fixture projects', () => {
  it('node: a module of exported functions, a tinybench script that writes JSON, one that does not', () => {
    expect(detectProject(fixture('node'))).toEqual([
      {
        kind: 'tinybench-script',
        file: 'bench/parse.bench.mjs',
        output: 'parse-results.json',
        retainsSamples: true,
      },
      { kind: 'js-module', file: 'bench/sort.bench.js', functions: ['sortWords', 'joinWords'] },
      // Runs but writes nothing perfgate can read: a suggestion, listed last.
      { kind: 'tinybench-script', file: 'bench/console.bench.js', retainsSamples: false },
      // The npm "bench" script runs bench/parse.bench.mjs, already covered: no extra entry.
    ])
  })

  it('vitest: the bench files, and the "vitest bench" script covered by them', () => {
    expect(detectProject(fixture('vitest'))).toEqual([
      { kind: 'vitest', files: ['src/sum.bench.js'] },
    ])
  })

  it('rust: the crate and its Criterion bench target', () => {
    expect(detectProject(fixture('rust'))).toEqual([
      { kind: 'criterion', dir: '', crate: 'tiny', benches: ['work'], select: 'root' },
    ])
  })

  it('go: the module and the package holding Benchmark functions', () => {
    expect(detectProject(fixture('go'))).toEqual([
      { kind: 'go', dir: '', packages: ['internal/sum'] },
    ])
  })

  it('python: the folder of the tests taking the benchmark fixture', () => {
    expect(detectProject(fixture('python'))).toEqual([
      { kind: 'pytest-benchmark', testPaths: ['tests/bench'] },
    ])
  })

  it('sql: the migrations folder', () => {
    expect(detectProject(fixture('sql'))).toEqual([
      {
        kind: 'sql',
        migrationsDir: 'migrations',
        files: ['migrations/001_tasks.sql', 'migrations/002_status_index.sql'],
      },
    ])
  })

  it('empty: nothing', () => {
    expect(detectProject(fixture('empty'))).toEqual([])
  })
})

describe('detecting benches in other layouts', () => {
  it('skips dependencies, build output and fixtures (a package in node_modules is not the project)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-init-tree-'))
    for (const folder of ['node_modules/lib', 'target/criterion', 'bench', 'pkg/testdata']) {
      mkdirSync(path.join(dir, folder), { recursive: true })
    }
    writeFileSync(path.join(dir, 'node_modules/lib/x.bench.js'), 'export function a() {}')
    writeFileSync(path.join(dir, 'pkg/testdata/go.mod'), 'module sample')
    writeFileSync(path.join(dir, 'bench/y.bench.js'), 'export function b() {}')
    expect(readProjectTree(dir).paths).toEqual(['bench/y.bench.js'])
  })

  it('reads TypeScript benches, not declaration files, and exports of every function form', () => {
    const tree = memoryTree({
      'src/a.bench.ts': 'export async function parse() {}\nexport const small = async () => 1',
      'src/a.bench.d.ts': 'export function parse(): void',
      'bench/b-bench.mjs':
        'export function* gen() {}\nexport const n = 3\nexport function setup() {}',
    })
    expect(detectProject(tree)).toEqual([
      { kind: 'js-module', file: 'bench/b-bench.mjs', functions: ['gen'] },
      { kind: 'js-module', file: 'src/a.bench.ts', functions: ['parse', 'small'] },
    ])
  })

  it('suggests an npm bench script that runs none of the files found', () => {
    const tree = memoryTree({
      'package.json': JSON.stringify({
        scripts: {
          bench: 'node scripts/bench.js',
          'bench:ci': 'node bench/x.bench.js',
          test: 'jest',
        },
      }),
      'bench/x.bench.js': 'export function x() {}',
    })
    expect(detectProject(tree)).toEqual([
      { kind: 'js-module', file: 'bench/x.bench.js', functions: ['x'] },
      { kind: 'npm-script', name: 'bench', script: 'node scripts/bench.js' },
    ])
  })

  it('finds Criterion benches of workspace members (-p) and of a crate outside the workspace', () => {
    const tree = memoryTree({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      'crates/core/Cargo.toml':
        '[package]\nname = "core"\n\n[dev-dependencies]\ncriterion.workspace = true\n\n[[bench]]\nname = "parse"\nharness = false\n',
      'crates/core/benches/parse.rs': 'criterion_main!(benches);',
      // A libtest bench (no criterion_main!) is not Criterion's.
      'crates/core/benches/old.rs': '#![feature(test)]',
      'crates/cli/Cargo.toml': '[package]\nname = "cli"\n[dependencies]\nclap = "4"\n',
      'crates/cli/benches/x.rs': 'criterion_main!(benches);',
    })
    expect(detectProject(tree)).toEqual([
      {
        kind: 'criterion',
        dir: 'crates/core',
        crate: 'core',
        benches: ['parse'],
        select: 'package',
      },
    ])
    const alone = memoryTree({
      'tools/gen/Cargo.toml':
        '[package]\nname = "gen"\n[dev-dependencies.criterion]\nversion = "0.5"\n',
      'tools/gen/benches/gen/main.rs': 'criterion_group!(benches, a);',
    })
    expect(detectProject(alone)).toEqual([
      { kind: 'criterion', dir: 'tools/gen', crate: 'gen', benches: ['gen'], select: 'manifest' },
    ])
  })

  it('reads a [[bench]] with its own path, and ignores comments in Cargo.toml', () => {
    expect(
      readManifest(
        '[package]\nname = "a" # the crate\n[[bench]]\nname = "b"\npath = "perf/b.rs"\n# criterion = "1"\n',
      ),
    ).toEqual({
      name: 'a',
      workspace: false,
      criterion: false,
      benches: [{ name: 'b', path: 'perf/b.rs' }],
    })
  })

  it('gives each Go benchmark to its nearest module', () => {
    const bench = 'package x\nimport "testing"\nfunc BenchmarkX(b *testing.B) {}\n'
    const tree = memoryTree({
      'go.mod': 'module a',
      'a_test.go': bench,
      'tools/go.mod': 'module t',
      'tools/gen/gen_test.go': bench,
      'tools/gen/other_test.go': 'package gen\nfunc TestY(t *testing.T) {}',
    })
    expect(detectProject(tree)).toEqual([
      { kind: 'go', dir: '', packages: ['.'] },
      { kind: 'go', dir: 'tools', packages: ['gen'] },
    ])
  })

  it('takes a declared pytest-benchmark alone, leaving discovery to pytest', () => {
    const tree = memoryTree({ 'requirements-dev.txt': 'pytest\npytest-benchmark==5.1\n' })
    expect(detectProject(tree)).toEqual([{ kind: 'pytest-benchmark', testPaths: [] }])
    expect(detectProject(memoryTree({ 'requirements.txt': 'pytest\n' }))).toEqual([])
  })

  it('names a schema file for SQL without a migrations folder', () => {
    expect(detectProject(memoryTree({ 'db/schema.sql': '', 'db/queries.sql': '' }))).toEqual([
      { kind: 'sql', schemaFile: 'db/schema.sql', files: ['db/queries.sql', 'db/schema.sql'] },
    ])
  })
})

describe('exportedFunctions', () => {
  it('leaves out values and the setup/teardown hooks', () => {
    expect(
      exportedFunctions(
        'export const a = 1\nexport const b = (x) => x\nexport const c = x => x\nexport function teardown() {}',
      ),
    ).toEqual(['b', 'c'])
  })
})
