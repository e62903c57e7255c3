// `perfgate run` prints the budgets and the growth curve of a scaled bench (text and markdown),
// run from source as a user runs it, on a real js bench of linear work.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gfm } from './helpers.js'

// From the repository (where tsx resolves), with the config and results in a temp folder.
function perfgate(args: string[], dir: string) {
  const files = ['--config', path.join(dir, 'perfgate.yml'), '--out', path.join(dir, 'r.json')]
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args, ...files], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CI: 'true' },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('perfgate run with scale: and budget:', () => {
  it('prints each budget and the curve with its class and levels; markdown has the section', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-growth-'))
    writeFileSync(
      path.join(dir, 'work.js'),
      `let data
export function setup(n) { data = Float64Array.from({ length: n }, (_, i) => i % 1000) }
export function sum() { let s = 0; for (let i = 0; i < data.length; i++) s += data[i]; return s }
`,
    )
    writeFileSync(
      path.join(dir, 'perfgate.yml'),
      `benches:
  - name: js
    kind: js
    module: ./work.js
    samples: 20
    rounds: 2
    time: 100ms
    warmup: 10ms
    scale: {param: n, values: [1000, 10000, 100000]}
    budget: [median < 1h, median < 1ns]
`,
    )
    const text = perfgate(['run'], dir)
    expect(text.stderr).not.toMatch(/Error|error:/)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Budgets:$/m)
    expect(text.stdout).toMatch(/^ {2}js\[n=1000\]\/sum: median < 1h: ✅ within, /m)
    expect(text.stdout).toMatch(/^ {2}js\[n=100000\]\/sum: median < 1ns: ❌ broken, /m)
    expect(text.stdout).toMatch(
      /^ {2}js\/sum: grows as [^(]+ \(log–log slope [\d.]+, R² [\d.]+\): n=1000 [\d.]+ [nµ]s, n=10000 [\d.]+ [nµ]s, n=100000 [\d.]+ [nµ]s$/m,
    )
    expect(text.stdout).toMatch(/^ {4}budget median < 1ns broken at n=1000, n=10000, n=100000$/m)
    const markdown = perfgate(['run', '--format', 'markdown'], dir)
    const html = gfm(markdown.stdout)
    expect(html).toContain('<h3>Growth with data size</h3>')
    expect(html).toContain('<h3>Budgets</h3>')
    expect(html).toContain('<code class="language-mermaid">xychart-beta')
  }, 120_000)

  it('fails a broken budget with --fail-on-regression, with or without a baseline, as the action', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-budget-'))
    const config = (limit: string) => `benches:
  - name: quick
    kind: command
    command: 'true'
    samples: 6
    rounds: 2
    time: 1ms
    memory: false
    # Far from any spawn-time noise: the baseline comparison never decides here, the budget does.
    regression-threshold: 1000%
    budget: median < ${limit}
`
    writeFileSync(path.join(dir, 'perfgate.yml'), config('1ns'))
    const report = perfgate(['run'], dir)
    expect(report.stdout).toMatch(/^ {2}quick: median < 1ns: ❌ broken, /m)
    expect(report.code).toBe(0)
    const gated = perfgate(['run', '--fail-on-regression'], dir)
    expect({ code: gated.code, why: gated.stderr.match(/^perfgate: .*$/m)?.[0] }).toEqual({
      code: 1,
      why: 'perfgate: 1 budget(s) broken',
    })
    // With a baseline (the run just written) and nothing regressed, the budget still decides.
    const baseline = path.join(dir, 'base.json')
    writeFileSync(baseline, readFileSync(path.join(dir, 'r.json')))
    const compared = perfgate(['run', '--fail-on-regression', '--baseline', baseline], dir)
    expect({ code: compared.code, why: compared.stderr.match(/^perfgate: .*$/m)?.[0] }).toEqual({
      code: 1,
      why: 'perfgate: 1 budget(s) broken',
    })
    // The report's verdict says so too: the text's last line, the comment's headline and section.
    expect(compared.stdout.trimEnd().split('\n').at(-1)).toBe('no regressions, 1 budget broken')
    const markdown = perfgate(['run', '--format', 'markdown', '--baseline', baseline], dir).stdout
    const html = gfm(markdown)
    expect(html).toContain('❌ <strong>1 budget broken</strong>')
    expect(html.match(/<h3>Budgets<\/h3>/g)).toHaveLength(1)
    writeFileSync(path.join(dir, 'perfgate.yml'), config('1h'))
    expect(perfgate(['run', '--fail-on-regression', '--baseline', baseline], dir).code).toBe(0)
  }, 120_000)
})
