// `perfgate run --baseline BASE.json --confirm-base REF` names what grew (bundled CLI, a real
// git repository): a js bench whose `entry` calls two helpers of equal cost, `mix` and `fold`;
// the head commit triples `mix`'s work. Confirming against the base measures both commits here,
// then profiles both: `mix` is named, `fold` is not, and the profiles are written beside the
// results, where `perfgate explain` reads them again.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseFolded } from '../../src/profile/folded.js'
import { attribute } from '../../src/profile/attribute.js'
import { parseStoredProfile, storeRounds } from '../../src/profile/stored.js'
import type { ProfileRound } from '../../src/profile/types.js'
import { gitIn } from '../helpers/git.js'
import { mulberry32, noisyRound, times } from '../helpers/synthetic-profiles.js'

const CLI = path.resolve('dist/cli.js')
const CONFIG = `defaults:
  time: 400ms
  rounds: 2
  warmup: 50ms
benches:
  - {name: work, kind: js, module: work.mjs, functions: [entry]}
`
const work = (mix: number) => `function mix(n) {
  let s = 0
  for (let i = 0; i < n; i++) s = (s + i * 31) % 1000003
  return s
}
function fold(n) {
  let s = 1
  for (let i = 0; i < n; i++) s = (s * 7 + i) % 999983
  return s
}
export function entry() {
  return mix(${mix}) + fold(20000)
}
`
let repo = ''
const git = gitIn(() => repo)

function perfgate(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

let confirmed: ReturnType<typeof perfgate>

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-explain-'))
  git('init', '-q', '-b', 'main')
  writeFileSync(path.join(repo, 'perfgate.yml'), CONFIG)
  writeFileSync(path.join(repo, 'work.mjs'), work(20000))
  writeFileSync(path.join(repo, '.gitignore'), '*.json\nprofiles/\n')
  git('add', '.')
  git('commit', '-qm', 'base')
  const base = perfgate(['run', '--out', 'base.json'])
  if (base.code !== 0) throw new Error(`baseline run failed: ${base.stderr}`)
  git('checkout', '-qb', 'feature')
  writeFileSync(path.join(repo, 'work.mjs'), work(60000))
  git('commit', '-qam', 'mix does three times the work')
  confirmed = perfgate([
    'run',
    '--baseline',
    'base.json',
    '--confirm-base',
    'main',
    '--out',
    'head.json',
  ])
}, 180_000)

describe('perfgate run --confirm-base names what grew (bundled CLI, real git)', () => {
  it('names the slowed helper under the confirmed regression, and not the unchanged one', () => {
    expect({ code: confirmed.code, stderr: confirmed.code === 0 ? '' : confirmed.stderr }).toEqual({
      code: 0,
      stderr: '',
    })
    // The time row: a row of another metric (`work/entry (peak-heap)`) may follow it.
    const rows = [...confirmed.stdout.matchAll(/\nwork\/entry {2,}/g)]
    const report = confirmed.stdout.slice(rows.at(-1)?.index ?? 0)
    expect(report).toContain('regression (confirmed against the base)')
    // The slowed helper, first; never the unchanged one.
    expect(report).toMatch(
      new RegExp(
        String.raw`why slower \(CPU profiles of base and head on this runner\):\n {6}` +
          String.raw`mix \(work\.mjs:1\): [\d.]+ → [\d.]+ (ms|µs) per call \(\+\d+\.\d%\), \d+% of the change\n`,
      ),
    )
    expect(report).not.toMatch(/^ {6}fold /m)
    expect(git('worktree', 'list').split('\n')).toHaveLength(1)
  })

  it('writes both sides’ profiles and the folded diff beside the results file', () => {
    for (const side of ['base', 'head']) {
      const file = path.join(repo, `profiles/work/entry.${side}.cpuprofile`)
      const profile = parseStoredProfile(readFileSync(file, 'utf8'), file)
      expect(profile.perfgate.rounds.length).toBe(10)
      // Paths relative to each side's checkout: the base's temporary worktree is gone.
      expect(profile.nodes.some((n) => n.callFrame.url === 'work.mjs')).toBe(true)
    }
    const folded = parseFolded(
      readFileSync(path.join(repo, 'profiles/work/entry.diff.folded'), 'utf8'),
    )
    // Profiled without inlining, so `mix` keeps its own frame under `entry`.
    const mix = folded.find((s) => s.frames.join(';') === 'entry (work.mjs:11);mix (work.mjs:1)')
    expect(mix && mix.head > mix.base).toBe(true)
  })

  it('perfgate explain prints the cause again from the stored profiles', () => {
    const run = perfgate(['explain', 'base.json', 'head.json', 'work/entry'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^work\/entry: .* → .* \(\+\d/)
    expect(run.stdout).toMatch(/\n {2}mix \(work\.mjs:1\): /)
    expect(run.stdout).not.toMatch(/\n {2}fold /)
  })

  it('perfgate explain names what is missing: the bench, or its profile file', () => {
    const noBench = perfgate(['explain', 'base.json', 'head.json', 'work/nope'])
    expect(noBench).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('head.json has no bench "work/nope" (it has: work/entry)'),
    })
    const elsewhere = path.join(repo, 'elsewhere')
    spawnSync('mkdir', ['-p', elsewhere])
    writeFileSync(path.join(elsewhere, 'head.json'), readFileSync(path.join(repo, 'head.json')))
    const missing = perfgate(['explain', 'base.json', 'elsewhere/head.json', 'work/entry'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      `no profile of work/entry: ${path.join('elsewhere', 'profiles', 'work', 'entry.base.cpuprofile')} does not exist`,
    )
    expect(existsSync(path.join(repo, 'profiles'))).toBe(true)
  })

  it('perfgate explain tests sides profiled one after the other as their files say', () => {
    // A server's sides: the base's process lost f1's samples to f0 in every round, the totals did
    // not move (synthetic). Alternating rounds would name f1; rounds taken in turn must not.
    const moved = { ...times(1), f0: 0.32, f1: 0.01 }
    const twelve = (t: Record<string, number>, random: () => number): ProfileRound[] =>
      Array.from({ length: 12 }, () => noisyRound(t, random))
    let pair: [ProfileRound[], ProfileRound[]] | undefined
    for (let seed = 801; seed <= 820 && !pair; seed++) {
      const random = mulberry32(seed)
      const [base, head] = [twelve(moved, random), twelve(times(1), random)]
      if (attribute(base, head).lines[0]?.name === 'f1') pair = [base, head]
    }
    if (!pair) throw new Error('no seed of 801-820 named f1 from alternating rounds')
    const [base, head] = pair
    const dir = path.join(repo, 'in-turn')
    mkdirSync(path.join(dir, 'profiles', 'work'), { recursive: true })
    writeFileSync(path.join(dir, 'head.json'), readFileSync(path.join(repo, 'head.json')))
    const explain = (sidesInTurn: boolean) => {
      for (const [side, rounds] of [
        ['base', base],
        ['head', head],
      ] as const) {
        writeFileSync(
          path.join(dir, 'profiles', 'work', `entry.${side}.cpuprofile`),
          JSON.stringify(storeRounds(rounds, sidesInTurn ? { sidesInTurn } : {})),
        )
      }
      return perfgate(['explain', 'base.json', 'in-turn/head.json', 'work/entry'])
    }
    const inTurn = explain(true)
    expect(inTurn.code).toBe(0)
    expect(inTurn.stdout).toMatch(/\n {2}the profiles cannot separate .* one after the other/)
    expect(inTurn.stdout).not.toMatch(/\n {2}f1 /)
    expect(explain(false).stdout).toMatch(/\n {2}f1 \(src\/e\.js:\d+\): /)
  })

  it('perfgate explain --help lists its options', () => {
    const help = perfgate(['explain', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: perfgate explain BASE\.json HEAD\.json BENCH/)
    expect(help.stdout).toMatch(/\nOptions:\n {2}--format text\|json/)
  })
})
