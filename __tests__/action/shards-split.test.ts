// Issue 15 end to end, the split and the fan-in checks: shard jobs and merge jobs of the bundled
// action (dist/index.js) through the local GitHub fake. What each job of run R gets is as in
// __tests__/action/shards.test.ts: GITHUB_RUN_ID=R, INPUT_SHARD=`${i}/4` or INPUT_MODE=merge.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import {
  ACTION,
  prPayload,
  pushPayload,
  runAction,
  type ActionRun,
} from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { readZip } from '../../__fixtures__/github/zip.js'
import { parseResults } from '../../src/results/schema.js'
import type { Results } from '../../src/results/types.js'

const sha = (c: string) => c.repeat(40)
const [M1, M2, M3, M4] = ['1', '2', '3', '4'].map(sha)
const P1 = sha('a')

let server: FakeGitHub

// A fresh fake GitHub per test: no baseline of one test is seen by the other.
beforeEach(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2, M3, M4)
  server.branchPoints.set(P1, M2)
  server.pulls.set(9, { headSha: P1, labels: [] })
})
afterEach(async () => server.close())

/** The comment as GitHub shows it: rendered by cmark-gfm (GFM), raw HTML allowed; text unescaped. */
function gfm(markdown: string): string {
  const run = spawnSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink'], {
    input: markdown,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout.replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

/** One job of run `runId`: a push of `commit` to main, or PR 9; `which` places it in the matrix. */
function job(
  kind: 'push' | 'pr',
  runId: number,
  commit: string,
  config: string,
  which: { shard?: number; merge?: boolean } = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const inputs: Record<string, string> = {
    ...(which.shard ? { shard: `${which.shard}/4` } : {}),
    ...(which.merge ? { mode: 'merge' } : {}),
  }
  const common = { server, runId, inputs, env, config }
  return kind === 'push'
    ? runAction({
        ...common,
        event: 'push',
        payload: pushPayload(commit, sha('0')),
        sha: commit,
        ref: 'refs/heads/main',
      })
    : runAction({
        ...common,
        event: 'pull_request',
        payload: prPayload({ number: 9, headSha: commit, baseSha: M2 }),
        sha: sha('f'),
        ref: 'refs/pull/9/merge',
      })
}

/** What shard `index` of run `runId` uploaded: its results (head side). */
function shardResults(runId: number, index: number): Results {
  const name = `perfgate-results-shard-${index}-of-4`
  const artifact = server.artifacts.find((a) => a.runId === runId && a.name === name)
  if (!artifact) throw new Error(`run ${runId} has no artifact ${name}`)
  return parseResults(readZip(artifact.zip)['results.json'].toString(), name)
}

/** A full push run on main: 4 shard jobs, the merge job, and the run recorded as the baseline. */
async function shardedPush(runId: number, commit: string, config: string): Promise<ActionRun[]> {
  const jobs: ActionRun[] = []
  for (const shard of [1, 2, 3, 4]) jobs.push(await job('push', runId, commit, config, { shard }))
  jobs.push(await job('push', runId, commit, config, { merge: true }))
  expect(jobs.map((j) => [j.code, j.stderr.slice(0, 300)])).toEqual(jobs.map(() => [0, '']))
  server.addRun({ id: runId, head_sha: commit })
  return jobs
}

/** Bench `name` sleeping `seconds` per sample. */
const bench = (name: string, seconds: number) =>
  `  - name: ${name}\n    kind: command\n    command: sleep ${seconds}\n    memory: false`

describe('the split, on what each shard job ran (bundled action, fake GitHub)', () => {
  // Two long benches and six short ones: 4 shards of one long or three short benches balance.
  const LONG = ['import', 'migrate']
  const SHORT = ['parse', 'plan', 'query', 'save', 'scan', 'sort']
  const CONFIG = `defaults:
  samples: 3
  rounds: 1
  warmup: 0
  time: 1ms
benches:
${[...LONG.map((n) => bench(n, 0.3)), ...SHORT.map((n) => bench(n, 0.1))].join('\n')}
`
  /** Each shard's share of the run's time: the summed durationMs of the benches it uploaded. */
  const loads = (runId: number) =>
    [1, 2, 3, 4].map((i) =>
      shardResults(runId, i).benches.reduce((sum, b) => sum + (b.durationMs ?? NaN), 0),
    )
  const worst = (values: number[]) =>
    Math.max(...values) / (values.reduce((a, b) => a + b, 0) / values.length)

  it('balances on the recorded durations: no shard over 1.5x the mean', async () => {
    // No baseline yet: the split is by count, two benches a shard, whatever they take.
    const first = await shardedPush(501, M3, CONFIG)
    const ran = (runId: number) =>
      [1, 2, 3, 4].map((i) => shardResults(runId, i).benches.map((b) => b.name))
    expect(ran(501).map((names) => names.length)).toEqual([2, 2, 2, 2])
    expect(first[0].stdout).toContain(`Shard 1/4: ${ran(501)[0].join(', ')}`)
    const byCount = worst(loads(501))

    // The merged baseline of run 501 recorded every bench's duration; run 502 splits on them.
    const second = await shardedPush(502, M4, CONFIG)
    const shares = ran(502)
    expect(shares.flat().sort()).toEqual([...LONG, ...SHORT].sort())
    for (const [i, names] of shares.entries()) {
      expect(second[i].stdout).toContain(`Shard ${i + 1}/4: ${names.join(', ')}`)
    }
    const balanced = loads(502)
    expect(worst(balanced)).toBeLessThanOrEqual(1.5)
    // The long benches ran on shards of their own.
    expect(LONG.map((name) => shares.findIndex((names) => names.includes(name)))).not.toEqual(
      expect.arrayContaining([-1]),
    )
    expect(
      new Set(LONG.map((name) => shares.findIndex((names) => names.includes(name)))).size,
    ).toBe(2)
    // What the test can tell apart: the count split of this suite was over the bound.
    expect(byCount).toBeGreaterThan(1.5)
  }, 180_000)
})

describe('the merge job checks that no bench appears twice (bundled action, fake GitHub)', () => {
  const NAMES = ['one', 'two', 'three', 'four', 'five', 'tunable']
  const CONFIG = `defaults:
  samples: 5
  rounds: 1
  warmup: 1
  time: 1ms
  regression-threshold: 150%
  noise-threshold: 50%
benches:
${NAMES.slice(0, 5)
  .map((n) => bench(n, 0.02))
  .join('\n')}
  - name: tunable
    kind: command
    command: sleep \${PERFGATE_TEST_DELAY:-0.02}
    memory: false
`
  // Shards EARLY run before the PR's baseline exists (split by count), LATE after it landed.
  const EARLY = [1, 2]
  const LATE = [3, 4]

  it('names a bench two shards measured, with both shards, and drops nothing', async () => {
    for (const shard of EARLY) {
      expect((await job('pr', 300, P1, CONFIG, { shard })).code).toBe(0)
    }
    // A new baseline lands while the matrix runs: a push of the PR's merge base, tunable now long.
    const push = await job('push', 100, M2, CONFIG, {}, { PERFGATE_TEST_DELAY: '0.4' })
    expect(push.code).toBe(0)
    server.addRun({ id: 100, head_sha: M2 })
    for (const shard of LATE) {
      expect((await job('pr', 300, P1, CONFIG, { shard })).code).toBe(0)
    }
    // The premise, from what the shard jobs uploaded: some bench is in two shard artifacts.
    const holders = new Map<string, number[]>()
    for (const index of [1, 2, 3, 4]) {
      for (const b of shardResults(300, index).benches) {
        holders.set(b.name, [...(holders.get(b.name) ?? []), index])
      }
    }
    const twice = [...holders].filter(([, shards]) => shards.length > 1)
    expect(twice.length).toBeGreaterThan(0)

    const merge = await job('pr', 300, P1, CONFIG, { merge: true })
    const comment = gfm(server.comments.filter((c) => c.issue === 9).at(-1)?.body ?? '')
    for (const [name, [a, b]] of twice) {
      const line = `bench "${name}" appears in shard ${a}/4 and shard ${b}/4`
      // In the log as a warning annotation, and in the comment a reviewer reads.
      expect(merge.stdout).toMatch(
        new RegExp(
          `::warning title=perfgate shards::${line.replace(/[/"]/g, '.')}; kept shard [${a}${b}]/4's`,
        ),
      )
      expect(comment).toContain(line)
    }
    // Nothing dropped: the merged run has every bench exactly once (a bench no shard ran, as an error).
    const merged = parseResults(await readFile(merge.outputs.results, 'utf8'), 'merged')
    expect(merged.benches.map((b) => b.name)).toEqual(NAMES)
    for (const name of NAMES.filter((n) => !holders.has(n))) {
      expect(merged.benches.find((b) => b.name === name)?.reason).toMatch(
        /^not measured: shard \d\/4 did not report it$/,
      )
      expect(comment).toContain(name)
    }
    for (const name of holders.keys()) expect(comment).toContain(name)
    expect(merge.stdout).toMatch(/split the benches differently from the merge job/)
  }, 180_000)
})
