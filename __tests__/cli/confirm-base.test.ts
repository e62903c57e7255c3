// `perfgate run --baseline BASE.json --confirm-base REF` (bundled CLI, a real git repository):
// the baseline recorded at one runner speed, the head measured 1.6× slower. Confirming against
// the base measures both commits here, so the runner's speed cancels out.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { abRounds } from '../../src/ab/interleave.js'
import { gitIn } from '../helpers/git.js'
import { SCALED_SLEEP_SH } from '../helpers/runner-speed.js'

const CLI = path.resolve('dist/cli.js')
const CONFIG = `defaults:
  samples: 3
  rounds: 4
  warmup: 0
  regression-threshold: 15%
  noise-threshold: 5%
benches:
  - {name: fast, kind: command, command: sh bench.sh fast.time, memory: false}
  - {name: slow, kind: command, command: sh bench.sh slow.time, memory: false}
  - {name: other, kind: command, command: 'true', memory: false}
`
let repo = ''
/**
 * The head's runner speed (percent of the baseline's). Starting `sh` and `sleep` costs time the
 * speed does not scale; on a loaded CI machine 1.3× left unchanged benches within the 15%
 * threshold of the stored baseline, so nothing was in doubt. 1.6× stays beyond it.
 */
const SLOWER = 160
const git = gitIn(() => repo)

function perfgate(args: string[], percent: number) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', RUNNER_PERCENT: String(percent) },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-confirm-'))
  git('init', '-q', '-b', 'main')
  writeFileSync(path.join(repo, 'perfgate.yml'), CONFIG)
  writeFileSync(path.join(repo, 'bench.sh'), SCALED_SLEEP_SH)
  writeFileSync(path.join(repo, 'fast.time'), '100\n')
  writeFileSync(path.join(repo, 'slow.time'), '100\n')
  writeFileSync(path.join(repo, '.gitignore'), '*.json\n')
  git('add', '.')
  git('commit', '-qm', 'base')
  const base = perfgate(['run', '--out', 'base.json'], 100)
  if (base.code !== 0) throw new Error(`baseline run failed: ${base.stderr}`)
  git('checkout', '-qb', 'feature')
}, 60_000)

describe('perfgate run --confirm-base (bundled CLI, real git)', () => {
  it('clears unchanged code measured on a runner 1.6× slower than the baseline', () => {
    const run = perfgate(
      ['run', '--baseline', 'base.json', '--confirm-base', 'main', '--fail-on-regression'],
      SLOWER,
    )
    expect(run.stderr).toMatch(/Confirming [1-3] bench\(es\) against main, measured here/)
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/regression \(confirmed/)
    expect(git('worktree', 'list').split('\n')).toHaveLength(1)
  }, 120_000)

  it('flags the bench the head slowed by 60%, confirmed against the base (--no-profile)', () => {
    writeFileSync(path.join(repo, 'slow.time'), '160\n')
    git('commit', '-qam', 'slower')
    const run = perfgate(
      [
        'run',
        '--baseline',
        'base.json',
        '--confirm-base',
        'main',
        '--fail-on-regression',
        '--no-profile',
      ],
      SLOWER,
    )
    expect({ code: run.code, stderr: run.code === 1 ? '' : run.stderr }).toEqual({
      code: 1,
      stderr: '',
    })
    // The comparison's rows come after the run table's.
    const row = (bench: string) =>
      run.stdout
        .split('\n')
        .filter((l) => l.startsWith(`${bench} `))
        .at(-1)
    expect(row('slow')).toContain('regression (confirmed against the base)')
    expect(row('fast')).not.toContain('regression')
    // --no-profile: confirmed all the same, with no profiling pass and so no cause or files.
    expect(run.stderr).not.toContain('Profiling slow')
    expect(run.stdout).not.toContain('why slower')
    expect(existsSync(path.join(repo, 'profiles'))).toBe(false)
  }, 120_000)

  it('measures the base side with the same --rounds override as the head', () => {
    // A baseline recorded with the override too: a different round count is a different
    // measurement (the bench's identity), which would be reported as changed, not confirmed.
    const recorded = perfgate(['run', '--out', 'base-2.json', '--rounds', '2'], 100)
    expect(recorded.code).toBe(0)
    const run = perfgate(
      [
        'run',
        '--baseline',
        'base-2.json',
        '--confirm-base',
        'main',
        '--rounds',
        '2',
        '--no-profile',
        '--format',
        'json',
      ],
      SLOWER,
    )
    expect(run.stderr).toMatch(/Confirming [1-3] bench\(es\) against main/)
    const rows = (JSON.parse(run.stdout) as { comparisons: Record<string, unknown>[] }).comparisons
    const confirmed = rows.filter((row) => row.confirmation === 'base')
    expect(confirmed.length).toBeGreaterThan(0)
    // The config says 4 rounds; the pair that decides was measured in the A/B rounds of 2.
    const asked = abRounds({ rounds: 2 })
    expect(asked).toBeLessThan(abRounds({ rounds: 4 }))
    for (const row of confirmed) expect([row.baseRounds, row.headRounds]).toEqual([asked, asked])
  }, 120_000)

  it('does not list the benches --filter left out as removed', () => {
    const run = perfgate(
      ['run', '--filter', 'other', '--baseline', 'base.json', '--no-confirm'],
      100,
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('other')
    expect(run.stdout).not.toContain('removed')
  }, 60_000)
})
