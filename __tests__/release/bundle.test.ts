// dist/ runs with no node_modules: the action is run from its checkout as committed, where no
// npm install ran. A module left external (once pg-cloudflare, which pg imports
// statically) works in this repository, where node_modules has it, and nowhere else.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(path.join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [path.join(dir, entry.name)]
        : [],
  )

/** The module specifiers `code` imports, statically or with import(); comment lines skipped. */
function importedSpecifiers(source: string): string[] {
  // Bundled dependencies' JSDoc says `@type {import('.')}`, whole-line or inline: not an import.
  const code = source
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
    .join('\n')
  const patterns = [
    /^\s*import\s[^'"]*?from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /^\s*export\s[^'"]*?from\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]))
}

const isBuiltinOrRelative = (specifier: string): boolean =>
  specifier.startsWith('./') ||
  specifier.startsWith('../') ||
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier)

/** A copy of dist/ in a fresh temporary folder, where no node_modules is on the way up. */
function isolatedDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-bundle-'))
  for (let up = dir; up !== path.dirname(up); up = path.dirname(up))
    expect(existsSync(path.join(up, 'node_modules'))).toBe(false)
  cpSync('dist', path.join(dir, 'dist'), { recursive: true })
  return dir
}

describe('dist/ is self-contained', () => {
  it('finds the imports of a module, so an external one would show', () => {
    const code = [
      "import a from 'pg-cloudflare';",
      "import 'x';",
      "export { b } from './c.js';",
      "await import('d');",
      "  /** @type {import('.')} */",
      "const f = /** @type {import('.').F} */ (function () {})",
    ].join('\n')
    expect(importedSpecifiers(code)).toEqual(['pg-cloudflare', 'x', './c.js', 'd'])
    expect(importedSpecifiers(code).filter((s) => !isBuiltinOrRelative(s))).toEqual([
      'pg-cloudflare',
      'x',
      'd',
    ])
  })

  it('imports nothing but node builtins and its own files', () => {
    const outside = files('dist').flatMap((file) =>
      importedSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => !isBuiltinOrRelative(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    )
    expect(outside).toEqual([])
  })

  it('loads every chunk and runs a js bench from a copy with no node_modules', () => {
    const dir = isolatedDist()
    const load = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { readdirSync } from 'node:fs'
         for (const f of readdirSync('dist/chunks')) await import('./dist/chunks/' + f)`,
      ],
      { cwd: dir, encoding: 'utf8' },
    )
    expect(load.stderr).toBe('')
    expect(load.status).toBe(0)

    writeFileSync(
      path.join(dir, 'bench.js'),
      'export function sum() { let s = 0; for (let i = 0; i < 100; i++) s += i; return s }\n',
    )
    writeFileSync(
      path.join(dir, 'perfgate.yml'),
      'benches:\n  - {name: lib, kind: js, module: bench.js}\n',
    )
    const run = spawnSync(
      process.execPath,
      ['dist/cli.js', 'run', '--rounds', '2', '--samples', '3', '--time', '20ms', '--warmup', '1'],
      { cwd: dir, encoding: 'utf8' },
    )
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND')
    expect(run.status).toBe(0)
    const results = JSON.parse(readFileSync(path.join(dir, 'perfgate-results.json'), 'utf8')) as {
      benches: { name: string; status: string }[]
    }
    expect(results.benches).toEqual([expect.objectContaining({ name: 'lib/sum', status: 'ok' })])
  })
})
