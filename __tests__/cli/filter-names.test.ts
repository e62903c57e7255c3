// --filter takes the names perfgate prints (a js bench's `bench/function`), not only config
// entry names, and filters the baseline the same way; history takes --filter too.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'
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
