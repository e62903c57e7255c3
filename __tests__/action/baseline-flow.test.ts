// The bundled action against a fake GitHub, as a repository lives: pushes record the baseline,
// a PR is compared and commented on, later pushes to the PR update the same comment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
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

const sha = (c: string) => c.repeat(40)
const [M1, M2, M3, M4] = ['1', '2', '3', '4'].map(sha)
const [P1, P2, P3, Q1] = ['a', 'b', 'c', 'd'].map(sha)

let server: FakeGitHub

async function push(
  commit: string,
  before: string,
  runId: number,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const run = await runAction({
    server,
    event: 'push',
    payload: pushPayload(commit, before),
    sha: commit,
    ref: 'refs/heads/main',
    runId,
    inputs,
  })
  if (run.code === 0) server.addRun({ id: runId, head_sha: commit })
  return run
}

async function pr(
  number: number,
  head: string,
  base: string,
  runId: number,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {},
) {
  server.pulls.set(number, { headSha: head, labels: [] })
  return runAction({
    server,
    event: 'pull_request',
    payload: prPayload({ number, headSha: head, baseSha: base }),
    sha: sha('f'),
    ref: `refs/pull/${number}/merge`,
    runId,
    env,
    inputs,
  })
}

function historyOf(name: string, runId: number): string[] {
  const artifact = server.artifacts.find((a) => a.name === name && a.runId === runId)
  if (!artifact) throw new Error(`no artifact ${name} in run ${runId}`)
  return Object.keys(readZip(artifact.zip))
    .filter((f) => f.startsWith('history/'))
    .sort()
}

function log(run: ActionRun): string {
  return `exit ${run.code}\n${run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::debug'))
    .join('\n')}\n${run.stderr}`
}

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2, M3, M4)
  for (const head of [P1, P2, P3]) server.branchPoints.set(head, M3)
  server.branchPoints.set(Q1, M4)
})
afterAll(async () => server.close())

describe('baselines and the PR comment (bundled action, fake GitHub)', () => {
  it('records the first baseline on a push to the default branch, without failing', async () => {
    const run = await push(M1, sha('0'), 101)
    expect({ code: run.code, verdict: run.outputs.verdict }).toEqual({
      code: 0,
      verdict: 'no-baseline',
    })
    const artifact = server.artifacts.find((a) => a.name === 'perfgate-results' && a.runId === 101)
    const files = Object.keys(readZip(artifact!.zip))
    expect(files).toEqual(
      expect.arrayContaining(['results.json', 'report.md', 'perfgate-meta.json']),
    )
    expect(historyOf('perfgate-results', 101)).toHaveLength(1)
    // It says what it did, and does not tell the reader to push to main to record a baseline.
    expect(run.summary).toContain('This push records the first baseline')
    expect(run.summary).not.toContain('No baseline to compare with')
    expect(run.summary).not.toContain('to record a baseline')
  })

  it('appends each push to the window and drops the oldest beyond baseline-runs', async () => {
    const second = await push(M2, M1, 102, { 'baseline-runs': '2' })
    expect(second.code).toBe(0)
    expect(second.outputs.comparison).toMatch(/comparison\.json$/)
    expect(historyOf('perfgate-results', 102)).toHaveLength(2)
    const third = await push(M3, M2, 103, { 'baseline-runs': '2' })
    expect(third.code).toBe(0)
    const history = historyOf('perfgate-results', 103)
    expect(history).toHaveLength(2)
    expect(history.some((f) => f.endsWith(`${M1.slice(0, 12)}.json`))).toBe(false)
    expect(history.some((f) => f.endsWith(`${M3.slice(0, 12)}.json`))).toBe(true)
  })

  it('compares a PR with the baseline at its merge base and creates one comment', async () => {
    const run = await pr(7, P1, M3, 201)
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(run.outputs.regressions).toBe('0')
    const comments = server.comments.filter((c) => c.issue === 7)
    expect(comments).toHaveLength(1)
    expect(run.outputs['comment-url']).toContain(`issuecomment-${comments[0].id}`)
    expect(comments[0].body).toContain('<!-- perfgate:perfgate.yml -->')
    expect(comments[0].body).toContain('No regressions in 2 benches')
    expect(comments[0].body).toContain('Baseline: `3333333` on `main`')
    expect(comments[0].body).toContain('/actions/runs/103)')
    // The reviewer can download both sides: the PR's own results are an artifact too.
    expect(
      server.artifacts.some((a) => a.name === 'perfgate-results-pr-7' && a.runId === 201),
    ).toBe(true)
    expect(run.summary).toContain('No regressions in 2 benches')
  })

  it('flags an injected slowdown, confirms it on a head re-run (no base commit here), fails the step and updates the same comment', async () => {
    const run = await pr(7, P2, M3, 202, { PERFGATE_TEST_DELAY: '0.3' })
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('regression')
    expect(run.outputs.regressions).toBe('1')
    // The workspace is no git clone: `confirm: auto` falls back to the head's re-run, and says how to get more.
    expect(run.stdout).toContain("the PR's base commit 333333333333 is not in this checkout")
    expect(run.stdout).toContain('actions/checkout with fetch-depth: 0')
    expect(run.stdout).toContain('Confirming 1 bench(es) by re-running the head: tunable')
    expect(run.stdout).toMatch(/::error title=perfgate regression::tunable: /)
    const comments = server.comments.filter((c) => c.issue === 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(
      '1 regression over 150%, confirmed on a re-run of the head only',
    )
    expect(comments[0].body).toMatch(/\| tunable \|.*🔴 regression \(confirmed, head re-run only\)/)
  }, 30_000)

  it('updates the comment to say the regression is fixed on the next push', async () => {
    const run = await pr(7, P3, M3, 203)
    expect(run.code).toBe(0)
    const comments = server.comments.filter((c) => c.issue === 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(
      'The regression reported earlier on this PR is fixed as of `ccccccc`',
    )
  })

  it('falls back to the nearest earlier baseline and says how far it lags', async () => {
    const run = await pr(9, Q1, M4, 204, {}, { comment: 'never' })
    expect(log(run)).toContain('exit 0')
    expect(run.summary).toContain('1 commit before the merge base')
    expect(run.summary).toMatch(
      /No baseline at the merge base 4444444; using 3333333, 1 commit earlier\\?:/,
    )
    expect(server.comments.filter((c) => c.issue === 9)).toHaveLength(0)
  })
})
