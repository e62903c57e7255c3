import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseResults } from '../../src/results/schema.js'

// The bundled CLI, run as a user would (npm run bundle writes it).
const CLI = path.resolve('dist/cli.js')

function perfgate(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function project(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-'))
  writeFileSync(path.join(dir, 'perfgate.yml'), config)
  copyFileSync('__fixtures__/benches/tiny.js', path.join(dir, 'tiny.js'))
  return dir
}

describe('perfgate CLI (bundled)', () => {
  it('runs js and command benches, prints a table and writes a valid results file', () => {
    const dir = project(`defaults: {time: 50ms, warmup: 2, rounds: 2, samples: 4}
benches:
  - {name: tiny, kind: js, module: tiny.js, functions: [sum]}
  - {name: shell/true, kind: command, command: 'true'}
  - {name: shell/false, kind: command, command: 'false'}
  - {name: db, kind: command, command: 'true', requires: [PERFGATE_TEST_NOPE]}
`)
    const { code, stdout, stderr } = perfgate(['run', '--out', 'out/results.json'], dir)
    expect(code).toBe(1) // shell/false errored
    expect(stderr).toContain('[1/4] tiny (js)')
    expect(stderr).toMatch(/✓ tiny\/sum: \d+ samples, centre/)
    expect(stderr).toContain(
      '✗ shell/false: error: warm-up run `false` exited with code 1 (no output)',
    )
    expect(stderr).toContain('- db: skipped: requires PERFGATE_TEST_NOPE, which is not set')
    expect(stdout).toMatch(
      /^bench\s+samples\s+centre \(p10 of rounds\)\s+p95\s+p99\s+spread \(MAD\)\s+status$/m,
    )
    expect(stdout).toMatch(/^tiny\/sum\s+\d+ in 2 rounds\s+.*ok$/m)
    expect(stdout).toContain('Results written to out/results.json')
    const results = parseResults(
      readFileSync(path.join(dir, 'out/results.json'), 'utf8'),
      'results.json',
    )
    expect(results.benches.map((b) => [b.name, b.status])).toEqual([
      ['tiny/sum', 'ok'],
      ['shell/true', 'ok'],
      ['shell/false', 'error'],
      ['db', 'skipped'],
    ])
  })

  it('filters benches and exits 0 when all pass', () => {
    const dir = project(`benches:
  - {name: a/one, kind: command, command: 'true', warmup: 0, samples: 2, rounds: 1, time: 1ms}
  - {name: b/two, kind: command, command: 'false'}
`)
    const { code } = perfgate(['run', '--filter', 'a/*', '--out', 'r.json'], dir)
    expect(code).toBe(0)
    const results = parseResults(readFileSync(path.join(dir, 'r.json'), 'utf8'), 'r.json')
    expect(results.benches.map((b) => b.name)).toEqual(['a/one'])
  })

  it('prints every config problem as a plain located line and runs nothing', () => {
    const dir = project(`benches:
  - name: x
    kind: command
    command: 'true'
    noise-threshold: fifteen
    tiemout: 1s
`)
    const { code, stderr } = perfgate(['run'], dir)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([
      'perfgate.yml:5 bench "x": noise-threshold must be a percentage like 15% or auto, got "fifteen"',
      'perfgate.yml:6 bench "x": tiemout is not a known field (did you mean "timeout"?)',
      'perfgate: 2 problem(s) in perfgate.yml; nothing was run',
    ])
  })

  it('explains a missing config file and bad usage without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-'))
    const missing = perfgate(['run'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('perfgate.yml: does not exist')
    const unknown = perfgate(['run', '--bogus'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^perfgate run: Unknown option '--bogus'/)
    expect(unknown.stderr).not.toContain('    at ')
    expect(perfgate(['frobnicate'], dir).code).toBe(2)
    expect(perfgate(['--help'], dir).stdout).toContain('perfgate run [--config perfgate.yml]')
  })

  it('compares two results files', () => {
    const dir = project(
      `benches:\n  - {name: a, kind: command, command: 'true', warmup: 0, samples: 3, rounds: 1, time: 1ms}\n`,
    )
    expect(perfgate(['run', '--out', 'base.json'], dir).code).toBe(0)
    expect(perfgate(['run', '--out', 'head.json'], dir).code).toBe(0)
    const { code, stdout } = perfgate(['compare', 'base.json', 'head.json'], dir)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^a\s/m)
  })

  it('compares with --baseline, re-runs the regression to confirm it, and fails on it', () => {
    // Wide thresholds: only the 10x slowdown may count, however loaded the machine is.
    const dir =
      project(`defaults: {warmup: 0, samples: 5, rounds: 5, time: 1ms, noise-threshold: 50%, regression-threshold: 100%}
benches:
  - {name: steady, kind: command, command: 'sleep 0.01', memory: false}
  - {name: tunable, kind: command, command: 'sleep \${DELAY:-0.01}', memory: false}
`)
    expect(perfgate(['run', '--out', 'base.json'], dir).code).toBe(0)
    const { code, stdout, stderr } = perfgate(
      ['run', '--out', 'head.json', '--baseline', 'base.json', '--fail-on-regression'],
      dir,
      { DELAY: '0.1' },
    )
    expect(stderr).toContain('Re-running 1 bench(es) flagged as regressions to confirm them')
    expect(stdout).toMatch(/^tunable\s.*regression \(confirmed\)$/m)
    expect(stdout).not.toMatch(/^steady\s.*regression/m)
    expect(code).toBe(1)
  })

  it('refuses a corrupt baseline before running anything', () => {
    const dir = project(`benches:\n  - {name: a, kind: command, command: 'true'}\n`)
    writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 1, "meta"')
    const { code, stderr } = perfgate(['run', '--baseline', 'bad.json'], dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(/^perfgate run: bad\.json: is not valid JSON/)
    expect(stderr).not.toContain('[1/1]')
  })
})
