// The README's quick start, followed as written (scripts/readme-quick-start.ts) with the bundled CLI:
// its bench file and config, `run --out base.json`, a slower function, `run --baseline base.json`.
// scripts/pack-smoke.sh follows it again from the packed tarball installed in an empty folder.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  flagsTheBench,
  followQuickStart,
  quickStartSteps,
} from '../../scripts/readme-quick-start.js'

const README = readFileSync('README.md', 'utf8')
const CLI = path.resolve('dist/cli.js')

describe("the README's quick start", () => {
  it('is a bench file, a config, a baseline run, an edit and a comparing run', () => {
    const steps = quickStartSteps(README)
    expect(steps.map((step) => (step.kind === 'file' ? step.path : step.kind))).toEqual([
      'benches/text.mjs',
      'perfgate.yml',
      'perfgate',
      'edit',
      'perfgate',
    ])
    expect(steps.filter((step) => step.kind === 'perfgate').map((step) => step.args)).toEqual([
      ['run', '--out', 'base.json'],
      ['run', '--baseline', 'base.json'],
    ])
  })

  it('flags the slowed function, as the README shows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-quick-start-'))
    // A project as `npm init -y` makes it: CommonJS, so the bench file must be .mjs to import.
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'quick-start', version: '1.0.0', type: 'commonjs' }),
    )
    const output = followQuickStart(README, dir, [process.execPath, CLI])
    expect(flagsTheBench(output)).toBe(true)
    // The README's sample output is a line of that table.
    expect(README).toMatch(/^text\/slugifyTitle\s.*regression \(confirmed\)$/m)
  }, 180_000)

  it('tells a regression from an unchanged bench', () => {
    expect(flagsTheBench('text/slugifyTitle   476 ns   480 ns   +0.8%   unchanged')).toBe(false)
    expect(
      flagsTheBench('text/slugifyTitle   476 ns   1.4 µs   +201%   regression (confirmed)'),
    ).toBe(true)
  })
})
