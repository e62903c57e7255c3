// Sharded matrix in-process (issue 15): 4 shard jobs and a merge job of one PR run give the very
// verdicts one job gives on the same samples. The bench runner returns the same samples for a
// bench on the same call of its job, so the single job and the shards measure identical numbers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import {
  fakeRunner,
  inProcessDeps,
  type InProcessRun,
  type StepLog,
} from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import type { Comparison } from '../../src/compare/types.js'
import { run } from '../../src/main.js'
import type { BenchRunner } from '../../src/ports.js'

const sha = (c: string) => c.repeat(40)
const [M1, M2, P1] = ['1', '2', 'a'].map(sha)
const NAMES = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']
const CONFIG = `defaults:
  noise-threshold: 3%
  regression-threshold: 10%
benches:
${NAMES.map((name) => `  - name: ${name}\n    kind: command\n    command: 'true'`).join('\n')}
`
/** The base's ms per bench, and the PR's: b2 clearly slower, b5 a little, b7 faster. */
const BASE = (name: string) => 10 * Number(name.slice(1))
const PR = (name: string) => BASE(name) * ({ b2: 1.5, b5: 1.06, b7: 0.7 }[name] ?? 1)

let server: FakeGitHub

async function job(options: Omit<InProcessRun, 'server' | 'config'>): Promise<StepLog> {
  const { deps, log } = await inProcessDeps({ server, config: CONFIG, ...options })
  await run(deps)
  return log
}

function prJob(runId: number, runBenches: BenchRunner, inputs: Record<string, string> = {}) {
  return job({
    event: 'pull_request',
    payload: prPayload({ number: 5, headSha: P1, baseSha: M2 }),
    sha: sha('f'),
    ref: 'refs/pull/5/merge',
    runId,
    runBenches,
    inputs,
  })
}

/** A runner the merge job must never call: it measures nothing. */
const never: BenchRunner = () => Promise.reject(new Error('the merge job measured'))

/** The comment as GitHub renders it (cmark-gfm), entities decoded for matching text. */
function gfm(markdown: string): string {
  const out = spawnSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink'], {
    input: markdown,
    encoding: 'utf8',
  })
  if (out.status !== 0) throw new Error(`cmark-gfm failed: ${out.stderr}`)
  return out.stdout.replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

const rows = async (log: StepLog) =>
  (JSON.parse(await readFile(log.outputs.comparison, 'utf8')) as Comparison).comparisons.map(
    (c) => ({
      name: c.name,
      metric: c.metric,
      verdict: c.verdict,
      change: c.change,
      base: c.base,
      head: c.head,
      confirmed: c.confirmed,
    }),
  )

beforeAll(async () => {
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2)
  server.branchPoints.set(P1, M2)
  server.pulls.set(5, { headSha: P1, labels: [] })
  await job({
    event: 'push',
    payload: pushPayload(M2, M1),
    sha: M2,
    ref: 'refs/heads/main',
    runId: 100,
    runBenches: fakeRunner(BASE),
  })
  server.addRun({ id: 100, head_sha: M2 })
})
afterAll(async () => server.close())

describe('4 shard jobs + merge, in-process', () => {
  it('gives the same verdicts, changes, confirmations and outputs, in one comment', async () => {
    const singleCalls: string[][] = []
    const single = await prJob(200, fakeRunner(PR, singleCalls))
    const singleComment = server.comments.find((c) => c.issue === 5)!.body
    server.comments = []

    const shardCalls: string[][][] = []
    for (const index of [1, 2, 3, 4]) {
      const calls: string[][] = []
      shardCalls.push(calls)
      const log = await prJob(201, fakeRunner(PR, calls), { shard: `${index}/4` })
      expect(log.failed).toBeUndefined()
    }
    expect(server.comments).toHaveLength(0)
    // Together the shards measured every bench once, and re-ran what the single job re-ran.
    expect(shardCalls.flatMap((calls) => calls[0]).sort()).toEqual(NAMES)
    expect(shardCalls.flatMap((calls) => calls.slice(1).flat()).sort()).toEqual(
      singleCalls.slice(1).flat().sort(),
    )
    const merge = await prJob(201, never, { mode: 'merge' })

    const expected = await rows(single)
    // The premise: the change gives a mix of verdicts, and one was confirmed by a re-run.
    expect(new Set(expected.map((r) => r.verdict)).size).toBeGreaterThan(2)
    expect(expected.some((r) => r.confirmed)).toBe(true)
    expect(await rows(merge)).toEqual(expected)
    for (const output of ['verdict', 'regressions', 'budgets-broken']) {
      expect([output, merge.outputs[output]]).toEqual([output, single.outputs[output]])
    }
    expect(merge.failed).toBe(single.failed)
    const comments = server.comments.filter((c) => c.issue === 5)
    expect(comments).toHaveLength(1)
    const table = (body: string) => body.split('\n').filter((line) => line.startsWith('|'))
    expect(table(comments[0].body)).toEqual(table(singleComment))

    // A merge job given baseline: base-ref over shards that measured no base side says so and
    // compares with the artifact baseline, as its shards did.
    const mismatched = await prJob(201, never, { mode: 'merge', baseline: 'base-ref' })
    expect(mismatched.annotations.filter((a) => a.title === 'perfgate shards')).toEqual([
      {
        level: 'warning',
        title: 'perfgate shards',
        message:
          'this merge job has baseline: base-ref but no shard measured a base side; compared with the artifact baseline instead (give the shard jobs the same baseline input)',
      },
    ])
    expect(await rows(mismatched)).toEqual(expected)
  })

  it('names a lost shard in the comment also when there is no baseline to compare with', async () => {
    // PR 6 branches from M1, before the first baseline (M2): nothing to compare with.
    const P2 = sha('b')
    server.branchPoints.set(P2, M1)
    server.pulls.set(6, { headSha: P2, labels: [] })
    const pr6 = (runBenches: BenchRunner, inputs: Record<string, string>) =>
      job({
        event: 'pull_request',
        payload: prPayload({ number: 6, headSha: P2, baseSha: M1 }),
        sha: sha('e'),
        ref: 'refs/pull/6/merge',
        runId: 301,
        runBenches,
        inputs,
      })
    for (const index of [1, 2, 4]) await pr6(fakeRunner(PR), { shard: `${index}/4` })
    const merge = await pr6(never, { mode: 'merge' })
    expect(merge.outputs.verdict).toBe('error')
    const body = server.comments.find((c) => c.issue === 6)?.body ?? ''
    const html = gfm(body)
    expect(html).toMatch(/Why:<\/strong> no successful run of the workflow/)
    // The shard itself is named as a warning, not only its benches' errors.
    expect(html).toMatch(/\[!WARNING\]\nshard 3\/4 produced no results \(run 301 has no artifact/)
    expect(html).toMatch(/\[!WARNING\]\nmissing benches: b\d/)
    expect(html).toContain('not measured: shard 3/4 produced no results')
  })
})
