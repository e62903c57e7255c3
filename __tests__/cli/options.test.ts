// One CLI voice: every command's --help starts with "Usage:" and lists its options, -V prints
// the version, and the measurement overrides reach the results file.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

describe('help and version (bundled CLI)', () => {
  const dir = project()

  it.each(['init', 'run', 'compare', 'ab', 'explain', 'history', 'import-history', 'db'])(
    '%s --help prints Usage: and an Options: list on stdout',
    (command) => {
      for (const args of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const { code, stdout, stderr } = perfgate(args, dir)
        expect(stderr).toBe('')
        expect(code).toBe(0)
        expect(stdout).toMatch(new RegExp(`^Usage: perfgate ${command} `))
        expect(stdout).toMatch(/\nOptions:\n {2}-/)
        expect(stdout).toContain('-h, --help')
        expect(stdout).not.toMatch(/usage:/)
      }
    },
  )

  it('says Usage: one way in the top-level help too', () => {
    const { stdout } = perfgate(['--help'], dir)
    expect(stdout).toContain('\nUsage:\n')
    expect(stdout).not.toMatch(/usage:/)
  })

  it.each([['-V'], ['--version']])('%s prints the version', (flag) => {
    const { code, stdout } = perfgate([flag], dir)
    expect(code).toBe(0)
    expect(stdout).toBe(`${VERSION}\n`)
  })
})

describe('measurement overrides (bundled CLI)', () => {
  const dir = project(`defaults: {rounds: 5, samples: 50, time: 1s}
benches:
  - {name: shell/true, kind: command, command: 'true', regression-threshold: 20%}
`)

  it('--rounds, --samples, --time, --warmup and --threshold win over the config', () => {
    const { code, stderr } = perfgate(
      [
        'run',
        '--rounds',
        '2',
        '--samples',
        '4',
        '--time',
        '20ms',
        '--warmup',
        '1',
        '--threshold',
        '3%',
      ],
      dir,
    )
    expect(stderr).not.toContain('error')
    expect(code).toBe(0)
    const results = JSON.parse(readFileSync(path.join(dir, 'perfgate-results.json'), 'utf8')) as {
      benches: { regressionThreshold: number; metrics: { rounds: number[] }[] }[]
    }
    expect(results.benches[0].metrics[0].rounds).toHaveLength(2)
    expect(results.benches[0].regressionThreshold).toBe(0.03)
  })

  it.each([
    [['--rounds', '0'], '--rounds'],
    [['--time', '2'], '--time'],
    [['--warmup', 'soon'], '--warmup'],
    [['--threshold', 'lots'], '--threshold'],
  ])('%j is refused before anything runs', (args, flag) => {
    const { code, stderr } = perfgate(['run', ...args], dir)
    expect(code).toBe(2)
    expect(stderr).toContain(`perfgate run: ${flag}`)
    expect(stderr).not.toContain('[1/1]')
  })

  it('compare --threshold judges every bench by the given threshold', () => {
    const quick = project()
    expect(perfgate(['run', ...QUICK, '--out', 'a.json', '--', 'true'], quick).code).toBe(0)
    expect(perfgate(['run', ...QUICK, '--out', 'b.json', '--', 'true'], quick).code).toBe(0)
    const { code, stdout } = perfgate(
      ['compare', 'a.json', 'b.json', '--threshold', '42%', '--format', 'json'],
      quick,
    )
    expect(code).toBe(0)
    const comparison = JSON.parse(stdout) as { comparisons: { regressionThreshold: number }[] }
    expect(comparison.comparisons[0].regressionThreshold).toBe(0.42)
  })
})
