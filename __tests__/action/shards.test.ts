// Issue 15 end to end: 4 shard jobs and a merge job of one workflow run, through the bundled
// action and the GitHub fake.
//
// Wired in src/main.ts (src/stages/shard.ts, src/stages/merge-shards.ts); see docs/shards.md.
//
// What each job of run R gets (runAction sets the rest, as a runner would):
//   shard job i: GITHUB_RUN_ID=R, ACTIONS_RUNTIME_TOKEN=runtimeToken(R) (Actions.Results:R:job-R),
//                INPUT_SHARD=`${i}/4`, the same config, event, sha and ref as the other jobs.
//   merge job:   GITHUB_RUN_ID=R, the same token, INPUT_MODE=merge, no INPUT_SHARD, the same config.
// The fake keeps every job's artifacts under run R, so the merge job lists and downloads them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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

const sha = (c: string) => c.repeat(40)
const [M1, M2] = ['1', '2'].map(sha)
const P1 = sha('a')

/** Six benches, so every one of 4 shards gets work; `tunable` follows PERFGATE_TEST_DELAY. */
const CONFIG = `defaults:
  samples: 5
  rounds: 1
  warmup: 1
  time: 1ms
  regression-threshold: 150%
  noise-threshold: 50%
benches:
${['one', 'two', 'three', 'four', 'five']
  .map((name) => `  - name: ${name}\n    kind: command\n    command: sleep 0.02`)
  .join('\n')}
  - name: tunable
    kind: command
    command: sleep \${PERFGATE_TEST_DELAY:-0.02}
`

let server: FakeGitHub

/** The comment as GitHub shows it: rendered by Debian's cmark-gfm (GFM), raw HTML allowed. */
function gfm(markdown: string): string {
  const run = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough'],
    {
      input: markdown,
      encoding: 'utf8',
    },
  )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout
}

type Job = { shard?: number; merge?: boolean }

/** One job of a workflow run: a push to main or a PR event, with `inputs` for its place in the matrix. */
function job(
  kind: 'push' | 'pr',
  runId: number,
  commit: string,
  which: Job,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const inputs: Record<string, string> = {
    ...(which.shard ? { shard: `${which.shard}/4` } : {}),
    ...(which.merge ? { mode: 'merge' } : {}),
  }
  return kind === 'push'
    ? runAction({
        server,
        event: 'push',
        payload: pushPayload(commit, sha('0')),
        sha: commit,
        ref: 'refs/heads/main',
        runId,
        inputs,
        env,
        config: CONFIG,
      })
    : runAction({
        server,
        event: 'pull_request',
        payload: prPayload({ number: 7, headSha: commit, baseSha: M2 }),
        sha: sha('f'),
        ref: 'refs/pull/7/merge',
        runId,
        inputs,
        env,
        config: CONFIG,
      })
}

/** A whole sharded workflow run: 4 shard jobs (unless `skip` names one), then the merge job. */
async function shardedRun(
  kind: 'push' | 'pr',
  runId: number,
  commit: string,
  options: { skip?: number; env?: Record<string, string> } = {},
): Promise<{ shards: ActionRun[]; merge: ActionRun }> {
  const shards: ActionRun[] = []
  for (const shard of [1, 2, 3, 4]) {
    if (shard === options.skip) continue
    shards.push(await job(kind, runId, commit, { shard }, options.env))
  }
  const merge = await job(kind, runId, commit, { merge: true }, options.env)
  return { shards, merge }
}

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2)
  server.branchPoints.set(P1, M2)
})
afterAll(async () => server.close())

describe('sharded matrix and merge job (bundled action, fake GitHub)', () => {
  it('records a merged baseline from 4 shard jobs of a push, without any comment', async () => {
    const { shards, merge } = await shardedRun('push', 101, M1)
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0, 0])
    expect(merge.code).toBe(0)
    server.addRun({ id: 101, head_sha: M1 })
    const names = server.artifacts.filter((a) => a.runId === 101).map((a) => a.name)
    expect(names).toEqual(
      expect.arrayContaining([
        ...[1, 2, 3, 4].map((i) => `perfgate-results-shard-${i}-of-4`),
        'perfgate-results',
      ]),
    )
    const baseline = server.artifacts.find((a) => a.runId === 101 && a.name === 'perfgate-results')!
    const results = parseResults(readZip(baseline.zip)['results.json'].toString(), 'baseline')
    expect(results.benches.map((b) => b.name)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'tunable',
    ])
    expect(results.benches.every((b) => b.durationMs !== undefined && b.machine)).toBe(true)
    // A second push: the split now balances on the recorded durations.
    const second = await shardedRun('push', 102, M2)
    expect(second.merge.code).toBe(0)
    server.addRun({ id: 102, head_sha: M2 })
    expect(server.comments).toHaveLength(0)
  })

  it('comments once on a PR, with the verdicts a single job gives on the same change', async () => {
    const env = { PERFGATE_TEST_DELAY: '0.3' }
    server.pulls.set(7, { headSha: P1, labels: [] })
    const single = await job('pr', 200, P1, {}, env)
    const singleComment = server.comments.find((c) => c.issue === 7)!.body
    server.comments = []
    const { shards, merge } = await shardedRun('pr', 201, P1, { env })
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0, 0])
    expect(server.comments.filter((c) => c.issue === 7)).toHaveLength(1)
    expect(merge.outputs.verdict).toBe(single.outputs.verdict)
    expect(merge.outputs.regressions).toBe(single.outputs.regressions)
    const body = server.comments[0].body
    for (const name of ['one', 'two', 'three', 'four', 'five', 'tunable']) {
      expect(body.includes(name)).toBe(singleComment.includes(name))
    }
  })

  it('names a missing shard in the comment and lists its benches as missing', async () => {
    server.comments = []
    const { merge } = await shardedRun('pr', 202, P1, { skip: 3 })
    expect(merge.outputs.verdict).toBe('error')
    // Rendered, as readers see it: the markdown escapes the colon inside the table cell.
    const html = gfm(server.comments.find((c) => c.issue === 7)!.body)
    expect(html).toContain('shard 3/4 produced no results')
    expect(html).toContain('not measured: shard 3/4 produced no results')
  })
})
