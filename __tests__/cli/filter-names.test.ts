// --filter takes the names perfgate prints (a js bench's `bench/function`), not only config
// entry names, and filters the baseline the same way; history takes --filter too.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'
import { gitIn } from '../helpers/git.js'
import { serializeHistory } from '../../src/history/schema.js'
import { noisyCentres, seriesOf } from '../history/series.js'

const CONFIG = `benches:
  - {name: lib, kind: js, module: tiny.js}
  - {name: shell/true, kind: command, command: 'true'}
`

function names(dir: string, file: string): string[] {
  const results = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    benches: { name: string }[]
  }
  return results.benches.map((b) => b.name)
}

describe('--filter by printed names (bundled CLI)', () => {
  const dir = project(CONFIG)

  it('runs only the function a result name names, and the baseline loses the others too', () => {
    const all = perfgate(['run', ...QUICK, '--out', 'base.json'], dir)
    expect(all.code).toBe(0)
    expect(names(dir, 'base.json').sort()).toEqual(['lib/later', 'lib/sum', 'shell/true'])

    const one = perfgate(
      ['run', ...QUICK, '--filter', 'lib/sum', '--out', 'one.json', '--baseline', 'base.json'],
      dir,
    )
    expect(one.stderr).not.toContain('no bench matches')
    expect(one.code).toBe(0)
    expect(names(dir, 'one.json')).toEqual(['lib/sum'])
    // Only the asked-for function ran: the worker was told to run `sum` alone.
    expect(one.stderr).not.toContain('lib/later')
    // The baseline's other benches were not asked for: neither compared nor "removed".
    expect(one.stdout).toMatch(/^lib\/sum\s/m)
    expect(one.stdout).not.toContain('lib/later')
    expect(one.stdout).not.toContain('shell/true')
    expect(one.stdout).not.toContain('removed')
  })

  it('takes wildcards after the entry name, keeping only the matching results', () => {
    const some = perfgate(['run', ...QUICK, '--filter', 'lib/s*', '--out', 'some.json'], dir)
    expect(some.code).toBe(0)
    expect(names(dir, 'some.json')).toEqual(['lib/sum'])
  })

  it('still takes config entry names', () => {
    const entry = perfgate(['run', ...QUICK, '--filter', 'shell/*', '--out', 'entry.json'], dir)
    expect(entry.code).toBe(0)
    expect(names(dir, 'entry.json')).toEqual(['shell/true'])
  })
})

describe('ab --filter by printed names (bundled CLI, real git)', () => {
  it('measures only the named function on both sides: nothing "removed" or "new"', () => {
    const dir = project(`defaults: {time: 20ms, warmup: 1, rounds: 2, samples: 3, ab-split: 1}
${CONFIG}`)
    const git = gitIn(() => dir)
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'base')
    const ab = perfgate(
      ['ab', 'main', '--filter', 'lib/sum', '--no-confirm', '--format', 'json'],
      dir,
    )
    expect(ab.code).toBe(0)
    expect(names(dir, 'perfgate-ab/base.json')).toEqual(['lib/sum'])
    expect(names(dir, 'perfgate-ab/head.json')).toEqual(['lib/sum'])
    const comparison = JSON.parse(ab.stdout) as { comparisons: { name: string; verdict: string }[] }
    expect(comparison.comparisons.every((row) => row.name === 'lib/sum')).toBe(true)
    expect(comparison.comparisons.map((row) => row.verdict)).not.toContain('removed')
  })
})

describe('history --filter (bundled CLI)', () => {
  it('keeps the matching benches, as --bench (its old name) does', () => {
    const dir = project()
    writeFileSync(
      path.join(dir, 'history.json'),
      serializeHistory({
        perfgateHistory: 1,
        series: [
          seriesOf(noisyCentres(12, 0.03, 7)),
          seriesOf(noisyCentres(12, 0.03, 8), 'sort/big'),
        ],
      }),
    )
    const filtered = perfgate(['history', 'history.json', '--filter', 'sort/*'], dir)
    expect(filtered.code).toBe(0)
    expect(filtered.stdout).toContain('sort/big')
    expect(filtered.stdout).not.toContain('json/parse')
    const old = perfgate(['history', 'history.json', '--bench', 'sort/*'], dir)
    expect(old.stdout).toBe(filtered.stdout)
  })
})
