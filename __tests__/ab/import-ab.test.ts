/**
 * `import` in A/B mode with real parts: a git repository built here whose harness (a node
 * script writing hyperfine's JSON) runs three times longer in the head. The harness runs once per
 * side per round, in that side's checkout, and only the head's slower result is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'

let repo: string
let runsFile: string

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()

/** A harness timing `spin(n)` 12 times and writing hyperfine's JSON (times in seconds). */
const HARNESS = (
  loops: number,
) => `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
appendFileSync(process.env.RUNS, process.cwd() + '\\n')
let sink = 0
function spin(n) { for (let i = 0; i < n; i++) sink = (sink + i * 7) % 1000003; return sink }
for (let i = 0; i < 3; i++) spin(${loops})
const times = []
for (let i = 0; i < 12; i++) {
  const start = process.hrtime.bigint()
  spin(${loops})
  times.push(Number(process.hrtime.bigint() - start) / 1e9)
}
const mean = times.reduce((a, b) => a + b, 0) / times.length
mkdirSync('out', { recursive: true })
const results = [{ command: 'spin', mean, stddev: 0, times }, { command: 'steady', mean: 0.01, stddev: 0, times: times.map(() => 0.01) }]
writeFileSync('out/hyperfine.json', JSON.stringify({ results }))
`

const CONFIG = `benches:
  - name: harness
    kind: import
    format: hyperfine
    run: node harness.mjs
    path: out/hyperfine.json
    rounds: 4
    regression-threshold: 25%
`

beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-import-ab-'))
  runsFile = path.join(repo, '..', `${path.basename(repo)}-runs.log`)
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
  await writeFile(path.join(repo, 'harness.mjs'), HARNESS(200_000))
  await writeFile(path.join(repo, '.gitignore'), 'out/\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  await writeFile(path.join(repo, 'harness.mjs'), HARNESS(600_000))
  git('commit', '-q', '-am', 'head: spin three times longer')
}, 60_000)

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true })
  if (runsFile) await rm(runsFile, { force: true })
})

/** `perfgate ab main` with `config` (a file in the repository); the verdicts, harness runs and base result. */
async function ab(config: string, out: string) {
  await rm(runsFile, { force: true })
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    ['ab', 'main', '--config', path.join(repo, config), '--out-dir', out, '--format', 'json'],
    {
      env: { ...process.env, RUNS: runsFile },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: false,
      now: () => new Date(),
      readFile: (file) => readFile(file, 'utf8'),
    },
  )
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' })
  const { comparisons } = JSON.parse(stdout) as {
    comparisons: { name: string; metric: string; verdict: string }[]
  }
  const verdicts = comparisons
    .filter((c) => c.metric === 'time')
    .map((c) => [c.name, c.verdict === 'regression'])
    .sort()
  const runs = (await readFile(runsFile, 'utf8')).split('\n').filter((line) => line !== '')
  const base1 = JSON.parse(await readFile(path.join(out, 'base.json'), 'utf8')) as {
    benches: { name: string; metrics: { samples: number[]; rounds: number[] }[] }[]
  }
  const spin = base1.benches.find((b) => b.name === 'harness/spin')
  return {
    verdicts,
    head: runs.filter((cwd) => cwd === repo),
    base: runs.filter((cwd) => cwd !== repo),
    spinRounds: spin?.metrics[0].rounds,
  }
}

describe('import in A/B mode', () => {
  it("runs the harness per side per round in that side's tree and flags the head's slower result", async () => {
    const out = path.join(os.tmpdir(), `perfgate-import-ab-${process.pid}`)
    const { verdicts, head, base, spinRounds } = await ab('perfgate.yml', out)
    expect(verdicts).toEqual([
      ['harness/spin', true],
      ['harness/steady', false],
    ])
    // Four configured rounds, each split in two (AB_ROUND_SPLIT): 8 harness runs a side, and 8
    // more when the flagged bench is confirmed by an interleaved re-run.
    expect([8, 16]).toContain(head.length)
    expect(base).toHaveLength(head.length)
    expect(base.every((cwd) => cwd.includes('perfgate-base-'))).toBe(true)
    // Both sides' samples are the harness's own: 8 rounds of 12 times, per side.
    expect(spinRounds).toEqual(Array<number>(8).fill(12))
    await rm(out, { recursive: true, force: true })
  }, 180_000)

  it('ab-split: 1 runs each configured round once a side (the 2× wall-clock setting)', async () => {
    const out = path.join(os.tmpdir(), `perfgate-import-ab-whole-${process.pid}`)
    await writeFile(
      path.join(repo, 'whole.yml'),
      CONFIG.replace('rounds: 4', 'rounds: 4\n    ab-split: 1'),
    )
    const { verdicts, head, base, spinRounds } = await ab('whole.yml', out)
    expect(verdicts).toEqual([
      ['harness/spin', true],
      ['harness/steady', false],
    ])
    expect([4, 8]).toContain(head.length)
    expect(base).toHaveLength(head.length)
    expect(spinRounds).toEqual(Array<number>(4).fill(12))
    await rm(out, { recursive: true, force: true })
  }, 180_000)
})
