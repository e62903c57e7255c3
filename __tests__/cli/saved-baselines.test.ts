// Named baselines: `run --save NAME` keeps the results under .perfgate/baselines, `--baseline
// NAME` reads them back, and a missing name lists the saved ones.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'

describe('saved baselines (bundled CLI)', () => {
  const dir = project()

  it('saves the results under .perfgate/baselines/NAME.json', () => {
    const { code, stdout } = perfgate(['run', ...QUICK, '--save', 'main', '--', 'true'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain('saved as baseline "main"')
    const saved = readFileSync(path.join(dir, '.perfgate/baselines/main.json'), 'utf8')
    expect(saved).toBe(readFileSync(path.join(dir, 'perfgate-results.json'), 'utf8'))
  })

  it('compares with a saved baseline named without path or .json', () => {
    const { code, stdout, stderr } = perfgate(
      ['run', ...QUICK, '--baseline', 'main', '--no-confirm', '--', 'true'],
      dir,
    )
    expect(stderr).not.toContain('no file or saved baseline')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^true\s.*\b(unchanged|faster|slower|improvement|regression|inconclusive)$/m,
    )
  })

  it('names the saved baselines when the one asked for is missing, before running anything', () => {
    const { code, stderr } = perfgate(['run', '--baseline', 'nope', '--', 'true'], dir)
    expect(code).toBe(2)
    expect(stderr).toContain('no file or saved baseline named "nope"')
    expect(stderr).toContain('saved in .perfgate/baselines: main')
    expect(stderr).not.toContain('[1/1]')
  })

  it('refuses a name that would leave the folder', () => {
    const { code, stderr } = perfgate(['run', '--save', '../x', '--', 'true'], dir)
    expect(code).toBe(2)
    expect(stderr).toContain('a baseline name is')
  })
})
