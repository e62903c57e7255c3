// `perfgate init`: the help, the refusal to overwrite, --dry-run, and (bundled CLI) the config it
// writes for a node project running as written, then flagging a slowed function.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { invocation } from '../../src/cli/init.js'
import { runCli } from '../../src/cli/main.js'
import { perfgate, QUICK } from '../helpers/bundled-cli.js'

/** Runs the CLI in-process with captured output. */
async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
  })
  return { code, stdout, stderr }
}

/** A copy of the fixture project `name` in a temporary folder. */
function copyOf(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `perfgate-init-${name}-`))
  cpSync(path.join('__fixtures__/init', name), dir, { recursive: true })
  return dir
}

describe('perfgate init', () => {
  it.each([[['init', '--help']], [['init', '-h']], [['help', 'init']]])(
    '%j prints the help with an Options list',
    async (args) => {
      const { code, stdout, stderr } = await cli(args)
      expect(code).toBe(0)
      expect(stdout).toMatch(/^Usage: perfgate init \[DIR\]/)
      expect(stdout).toMatch(/\nOptions:\n {2}--force .*\n {2}-n, --dry-run .*\n {2}-h, --help/)
      expect(stderr).toBe('')
    },
  )

  it('is listed in perfgate --help', async () => {
    expect((await cli(['--help'])).stdout).toContain('perfgate init [DIR] [--force] [--dry-run]')
  })

  it('is what perfgate run suggests when there is no config', async () => {
    const dir = copyOf('empty')
    const { code, stderr } = await cli(['run', '--config', path.join(dir, 'perfgate.yml')])
    expect(code).not.toBe(0)
    expect(stderr).toContain('does not exist: write one with `perfgate init`')
  })

  it('writes the config and the workflow and prints the next two commands', async () => {
    const dir = copyOf('go')
    const { code, stdout } = await cli(['init', dir])
    expect(code).toBe(0)
    expect(stdout).toContain('./go.mod: Go benchmarks in internal/sum')
    expect(stdout).toContain('Wrote perfgate.yml\nWrote .github/workflows/perfgate.yml\n')
    expect(stdout).toContain(`cd ${dir}\n  perfgate run --save base`)
    expect(stdout).toContain('perfgate run --baseline base')
    expect(stdout).toContain(
      'Add to .gitignore what perfgate run writes: .perfgate/ perfgate-results.json',
    )
    expect(readFileSync(path.join(dir, 'perfgate.yml'), 'utf8')).toContain('format: go')
    expect(existsSync(path.join(dir, '.github/workflows/perfgate.yml'))).toBe(true)
  })

  it('never overwrites: names the file, says how to overwrite, writes nothing', async () => {
    const dir = copyOf('rust')
    writeFileSync(path.join(dir, 'perfgate.yml'), 'mine\n')
    const { code, stdout, stderr } = await cli(['init', dir])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `perfgate init: ${path.join(dir, 'perfgate.yml')} already exists; nothing written. perfgate init --force overwrites it; perfgate init --dry-run shows what would be written.\n`,
    )
    expect(readFileSync(path.join(dir, 'perfgate.yml'), 'utf8')).toBe('mine\n')
    expect(existsSync(path.join(dir, '.github'))).toBe(false)

    const forced = await cli(['init', dir, '--force'])
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain(
      'Wrote perfgate.yml (overwritten)\nWrote .github/workflows/perfgate.yml\n',
    )
    expect(readFileSync(path.join(dir, 'perfgate.yml'), 'utf8')).toContain('format: criterion')
  })

  it('--dry-run prints every file and writes none', async () => {
    const dir = copyOf('empty')
    const { code, stdout } = await cli(['init', dir, '--dry-run'])
    expect(code).toBe(0)
    expect(stdout).toContain('--- perfgate.yml\n# yaml-language-server: $schema=')
    expect(stdout).toContain('--- .github/workflows/perfgate.yml\n')
    expect(stdout).toContain('--- bench/example.bench.mjs\n')
    expect(stdout).toContain('Found no benchmarks: a starter bench to edit instead.')
    expect(stdout).toContain('Would write perfgate.yml\n')
    expect(readdirSync(dir)).toEqual(['README.md'])
    writeFileSync(path.join(dir, 'perfgate.yml'), 'mine\n')
    const again = await cli(['init', dir, '-n'])
    expect(again.stdout).toContain('Would write perfgate.yml (it exists: --force overwrites it)\n')
    expect(readFileSync(path.join(dir, 'perfgate.yml'), 'utf8')).toBe('mine\n')
  })

  it.each([
    [['init', 'a', 'b'], 'perfgate init: give at most one folder, got 2\nUsage: perfgate init'],
    [['init', '/no/such/folder'], 'perfgate init: folder /no/such/folder does not exist\n'],
    [['init', '--frobnicate'], "perfgate init: Unknown option '--frobnicate'"],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await cli(args)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })
})

describe('the commands init prints next', () => {
  it('are written as the user ran perfgate', () => {
    const npx = { npm_command: 'exec', npm_lifecycle_script: 'perfgate init' }
    expect(invocation('/tmp/p/node_modules/.bin/perfgate', npx, '/tmp/p')).toBe('npx perfgate')
    expect(invocation('/usr/local/bin/perfgate', {}, '/tmp/p')).toBe('perfgate')
    expect(invocation('/home/me/perfgate/dist/cli.js', {}, '/home/me/app')).toBe(
      'node ../perfgate/dist/cli.js',
    )
    expect(invocation('/opt/perfgate/dist/cli.js', {}, '/home/me/deep/down/app')).toBe(
      'node /opt/perfgate/dist/cli.js',
    )
    // A perfgate that `npx jest` runs is not run by npx itself.
    const jest = { npm_command: 'exec', npm_lifecycle_script: 'jest' }
    expect(invocation('/opt/perfgate/dist/cli.js', jest, '/opt/app')).toBe(
      'node ../perfgate/dist/cli.js',
    )
  })
})

describe('perfgate init, then run (bundled CLI)', () => {
  it('the node project: the written config runs as written and flags a slowed function', () => {
    const dir = copyOf('node')
    // The fixture's tinybench script imports tinybench, as the project's own install would give.
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'))
    const init = perfgate(['init'], dir)
    expect(init.code).toBe(0)
    // The two commands it prints, run as printed (plus quick settings) in the project folder.
    const [save, compare] = [
      /^ {2}(\S.* run --save base)\b/m,
      /^ {2}(\S.* run --baseline base)$/m,
    ].map((line) => line.exec(init.stdout)?.[1] ?? 'missing')
    expect(save).toMatch(/^node \S+dist\/cli\.js run --save base$/)
    const shell = (command: string) => {
      const run = spawnSync('sh', ['-c', `${command} ${QUICK.join(' ')}`], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      })
      return { code: run.status, stdout: run.stdout, stderr: run.stderr }
    }

    const base = shell(save)
    expect(base.stderr).not.toMatch(/error/i)
    expect(base.code).toBe(0)
    const results = JSON.parse(readFileSync(path.join(dir, 'perfgate-results.json'), 'utf8')) as {
      benches: { name: string; status: string }[]
    }
    expect(results.benches.map((b) => [b.name, b.status])).toEqual([
      ['parse/parse', 'ok'],
      ['sort/joinWords', 'ok'],
      ['sort/sortWords', 'ok'],
    ])

    // Ten times the work: a regression no load on the machine hides.
    const module = path.join(dir, 'bench/sort.bench.js')
    writeFileSync(
      module,
      readFileSync(module, 'utf8').replace(
        'return [...words].sort()',
        'for (let i = 0; i < 9; i++) [...words].sort()\n  return [...words].sort()',
      ),
    )
    const head = shell(compare)
    expect(head.stdout).toMatch(/^sort\/sortWords\s.*regression \(confirmed\)$/m)
    // Compared too (whether its few quick samples call it unchanged is up to the machine's load).
    expect(head.stdout).toMatch(/^sort\/joinWords\s/m)
  })

  it('an empty project: the starter bench runs as written', () => {
    const dir = copyOf('empty')
    expect(perfgate(['init'], dir).code).toBe(0)
    const run = perfgate(['run', ...QUICK], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^example\/sortNumbers\s.*\bok$/m)
  })

  const pytestBenchmark =
    spawnSync('python3', ['-c', 'import pytest_benchmark'], { stdio: 'ignore' }).status === 0
  // pytest-benchmark is a Python package: where it is not installed, the loader test above covers
  // this config.
  ;(pytestBenchmark ? it : it.skip)('the python project: pytest-benchmark results are read', () => {
    const dir = copyOf('python')
    expect(perfgate(['init'], dir).code).toBe(0)
    const run = perfgate(['run'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^python\/tests\/bench\/test_sum\.py::test_sum_of_squares\s+\d+/m)
  })
})
