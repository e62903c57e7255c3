// The bundled action when things are not simple: no or corrupt baseline, flaky GitHub, missing
// permissions, fork PRs and the workflow_run comment workflow, the acknowledge label.
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
import { makeZip, readZip } from '../../__fixtures__/github/zip.js'

const sha = (c: string) => c.repeat(40)
/** Comment text as GitHub renders it: markdown escapes removed. */
const plain = (body: string | undefined) => (body ?? '').replace(/\\(.)/g, '$1')
const [M1, M2] = ['1', '2'].map(sha)

let server: FakeGitHub

function pr(
  on: FakeGitHub,
  options: {
    number: number
    head: string
    runId: number
    fork?: boolean
    labels?: string[]
    env?: Record<string, string>
    inputs?: Record<string, string>
  },
): Promise<ActionRun> {
  on.branchPoints.set(options.head, M2)
  on.pulls.set(options.number, { headSha: options.head, labels: options.labels ?? [] })
  return runAction({
    server: on,
    event: 'pull_request',
    payload: prPayload({
      number: options.number,
      headSha: options.head,
      baseSha: M2,
      fork: options.fork ?? false,
    }),
    sha: sha('f'),
    ref: `refs/pull/${options.number}/merge`,
    runId: options.runId,
    env: options.env,
    inputs: options.inputs,
  })
}

async function freshServer(): Promise<FakeGitHub> {
  const fresh = await startFakeGitHub()
  fresh.mainCommits.push(M1, M2)
  return fresh
}

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await freshServer()
  // The baseline: a push to main whose artifact is kept only 3 days.
  const push = await runAction({
    server,
    event: 'push',
    payload: pushPayload(M2, M1),
    sha: M2,
    ref: 'refs/heads/main',
    runId: 301,
    inputs: { 'retention-days': '3' },
  })
  if (push.code !== 0) throw new Error(`baseline push failed:\n${push.stdout}\n${push.stderr}`)
  server.addRun({ id: 301, head_sha: M2 })
})
afterAll(async () => server.close())

describe('no usable baseline (bundled action, fake GitHub)', () => {
  it('says there is no baseline yet, why and how to get one, without failing', async () => {
    const empty = await freshServer()
    try {
      const run = await pr(empty, { number: 3, head: sha('a'), runId: 310 })
      expect(run.code).toBe(0)
      expect(run.outputs.verdict).toBe('no-baseline')
      const body = plain(empty.comments[0]?.body)
      expect(body).toContain('No baseline to compare with')
      expect(body).toContain('this looks like the first run')
      expect(body).toContain('push to main (the default branch)')
      expect(run.summary).toContain('No baseline to compare with')
    } finally {
      await empty.close()
    }
  })

  it('treats a corrupt baseline artifact (other schema version, broken history) as no baseline', async () => {
    const corrupt = await freshServer()
    try {
      corrupt.addRun({ id: 5, head_sha: M2 })
      corrupt.seedArtifact(
        5,
        'perfgate-results',
        makeZip({
          'results.json': JSON.stringify({ schemaVersion: 99 }),
          'history/2026-01-01-x.json': 'not json {',
        }),
      )
      const run = await pr(corrupt, { number: 4, head: sha('b'), runId: 311 })
      expect(run.code).toBe(0)
      expect(run.outputs.verdict).toBe('no-baseline')
      expect(run.stdout).toMatch(
        /::notice title=perfgate baseline::baseline history: .*is not valid JSON/,
      )
      expect(plain(corrupt.comments[0]?.body)).toContain(
        'the baseline artifact of run 5 is unusable',
      )
      expect(plain(corrupt.comments[0]?.body)).toContain('has results schema version 99')
    } finally {
      await corrupt.close()
    }
  })
})

describe('an expired baseline artifact (bundled action, fake GitHub)', () => {
  it('is no baseline, and the comment says it expired', async () => {
    const expired = await freshServer()
    try {
      expired.addRun({ id: 6, head_sha: M2 })
      expired.seedArtifact(6, 'perfgate-results', makeZip({ 'results.json': '{}' }), {
        expiresInDays: -1,
      })
      const run = await pr(expired, { number: 5, head: sha('c'), runId: 312 })
      expect(run.code).toBe(0)
      expect(run.outputs.verdict).toBe('no-baseline')
      expect(plain(expired.comments[0]?.body)).toContain(
        'artifact of the last baseline run on main has expired',
      )
      expect(expired.requests.some((r) => r.includes('/zip'))).toBe(false)
    } finally {
      await expired.close()
    }
  })
})

describe('GitHub failures (bundled action, fake GitHub)', () => {
  it('retries a transient 5xx on the artifact download and REST calls (and a 429), then compares', async () => {
    server.fail({
      match: (m, p) => m === 'GET' && /\/actions\/artifacts\/\d+\/zip$/.test(p),
      status: 502,
      times: 2,
    })
    server.fail({ match: (m, p) => m === 'GET' && p.includes('/compare/'), status: 503, times: 1 })
    server.fail({
      match: (m, p) => m === 'POST' && p.endsWith('/issues/11/comments'),
      status: 429,
      times: 1,
      headers: { 'retry-after': '0' },
    })
    const before = server.requests.length
    const run = await pr(server, {
      number: 11,
      head: sha('c'),
      runId: 320,
      inputs: { 'max-baseline-age': '0' },
    })
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    const requests = server.requests.slice(before)
    expect(requests.filter((r) => /\/actions\/artifacts\/\d+\/zip/.test(r))).toHaveLength(3)
    expect(requests.filter((r) => r.includes('/compare/'))).toHaveLength(2)
    expect(server.comments.filter((c) => c.issue === 11)).toHaveLength(1)
    // The baseline's age and its artifact's near expiry are both called out.
    expect(run.summary).toMatch(/max-baseline-age is 0/)
    expect(run.summary).toMatch(/The baseline artifact expires in [23] day/)
  })

  it('names the failed call and the permission to add when the token lacks it', async () => {
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 403,
      times: 1,
      message: 'Resource not accessible by integration',
    })
    const run = await pr(server, { number: 12, head: sha('d'), runId: 321 })
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('error')
    expect(run.stdout).toContain(
      '::error::GitHub API call to list the successful workflow runs on main (GET /repos/acme/widget/actions/runs) failed: 403 Resource not accessible by integration. The token lacks the `actions: read` permission',
    )
  })
})

describe('fork PRs and the workflow_run comment workflow (bundled action, fake GitHub)', () => {
  const forkHead = sha('e')

  it('on a read-only token, writes the summary, explains the workflow_run setup and does not fail', async () => {
    server.readOnly = true
    try {
      const run = await pr(server, { number: 21, head: forkHead, runId: 330, fork: true })
      expect(run.code).toBe(0)
      expect(run.outputs.verdict).toBe('pass')
      expect(run.outputs['comment-url']).toBeUndefined()
      expect(run.stdout).toMatch(
        /::notice title=perfgate comment::perfgate could not comment.*workflow_run/,
      )
      expect(run.summary).toContain('No regressions in 2 benches')
      expect(server.comments.filter((c) => c.issue === 21)).toHaveLength(0)
      expect(
        server.artifacts.some((a) => a.name === 'perfgate-results-pr-21' && a.runId === 330),
      ).toBe(true)
    } finally {
      server.readOnly = false
    }
  })

  it("mode: comment posts that run's comment from its artifact, with links rebuilt", async () => {
    server.addRun({ id: 330, head_sha: forkHead, event: 'pull_request', head_branch: 'feature' })
    const run = await runAction({
      server,
      event: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: 330,
          head_sha: forkHead,
          event: 'pull_request',
          conclusion: 'success',
          pull_requests: [],
        },
      },
      sha: M2,
      ref: 'refs/heads/main',
      runId: 331,
      inputs: { mode: 'comment' },
    })
    expect(run.code).toBe(0)
    const comments = server.comments.filter((c) => c.issue === 21)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('<!-- perfgate:perfgate.yml -->')
    expect(comments[0].body).toContain('No regressions in 2 benches')
    expect(comments[0].body).toContain('/actions/runs/330)')
    expect(run.outputs['comment-url']).toContain(`issuecomment-${comments[0].id}`)
    expect(run.summary).toContain(`[the comment on #21](${run.outputs['comment-url']})`)
  })

  it('mode: comment refuses an artifact that claims a PR the run did not build', async () => {
    const genuine = server.artifacts.find((a) => a.name === 'perfgate-results-pr-21')!
    const files = readZip(genuine.zip)
    const meta = JSON.parse(files['perfgate-meta.json'].toString()) as Record<string, unknown>
    server.pulls.set(22, { headSha: sha('9'), labels: [] })
    server.addRun({ id: 340, head_sha: forkHead, event: 'pull_request' })
    server.seedArtifact(
      340,
      'perfgate-results-pr-22',
      makeZip({ ...files, 'perfgate-meta.json': JSON.stringify({ ...meta, pr: 22 }) }),
    )
    const run = await runAction({
      server,
      event: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: 340,
          head_sha: forkHead,
          event: 'pull_request',
          conclusion: 'success',
          pull_requests: [],
        },
      },
      sha: M2,
      ref: 'refs/heads/main',
      runId: 341,
      inputs: { mode: 'comment' },
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("PR #22's head is 9999999: not commenting")
    expect(server.comments.filter((c) => c.issue === 22)).toHaveLength(0)
  })
})

describe('the acknowledge label (bundled action, fake GitHub)', () => {
  it('turns regressions into a passing step while the comment still shows them', async () => {
    const run = await pr(server, {
      number: 31,
      head: sha('7'),
      runId: 350,
      labels: ['perfgate:accept'],
      env: { PERFGATE_TEST_DELAY: '0.3' },
      inputs: { confirm: 'false' },
    })
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(run.outputs.regressions).toBe('1')
    expect(run.stdout).toMatch(/::warning title=perfgate regression \(accepted\)::tunable/)
    const body = server.comments.find((c) => c.issue === 31)?.body ?? ''
    expect(body).toContain('1 regression over 150%**, accepted with the `perfgate:accept` label')
    expect(body).toMatch(/\| tunable \|.*🔴 regression/)
  })
})

describe('inputs and policies (bundled action, fake GitHub)', () => {
  it('compares with a results file given as the baseline input', async () => {
    const artifact = server.artifacts.find((a) => a.name === 'perfgate-results' && a.runId === 301)!
    const results = readZip(artifact.zip)['results.json'].toString()
    const run = await runAction({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 41, headSha: sha('5'), baseSha: M2 }),
      sha: sha('f'),
      ref: 'refs/pull/41/merge',
      runId: 360,
      inputs: { baseline: 'baselines/main.json', comment: 'never' },
      files: { 'baselines/main.json': results },
    })
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(plain(run.summary)).toContain('Baseline: the file `baselines/main.json` (`2222222`)')
  })

  it('still compares bench by bench when the PR changes the config (issue 11)', async () => {
    server.branchPoints.set(sha('6'), M2)
    const changed = await runAction({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 42, headSha: sha('6'), baseSha: M2 }),
      sha: sha('f'),
      ref: 'refs/pull/42/merge',
      runId: 362,
      inputs: { comment: 'never' },
      config:
        'defaults:\n  samples: 3\n  rounds: 1\n  warmup: 1\n  time: 1ms\nbenches:\n  - name: other\n    kind: command\n    command: "true"\n',
    })
    // A different config no longer means "no baseline": the old benches are listed as removed,
    // the PR's bench as new, and nothing is gated.
    expect(changed.code).toBe(0)
    expect(changed.outputs.verdict).toBe('pass')
    expect(plain(changed.summary)).not.toContain('the baseline was made with a different config')
    expect(plain(changed.summary)).toContain('other')
  })

  it('comment: on-regression posts nothing when nothing regressed', async () => {
    const run = await pr(server, {
      number: 43,
      head: sha('8'),
      runId: 363,
      inputs: { comment: 'on-regression' },
    })
    expect(run.code).toBe(0)
    expect(server.comments.filter((c) => c.issue === 43)).toHaveLength(0)
  })

  it('fails with the permission to add when a same-repository PR cannot be commented on', async () => {
    server.readOnly = true
    try {
      const run = await pr(server, { number: 44, head: sha('b'), runId: 364 })
      expect(run.code).toBe(1)
      expect(run.outputs.verdict).toBe('error')
      expect(run.stdout).toContain('The token lacks the `pull-requests: write` permission')
    } finally {
      server.readOnly = false
    }
  })

  it("keeps the first attempt's baseline artifact when a push run is re-run", async () => {
    const rerun = await runAction({
      server,
      event: 'push',
      payload: pushPayload(M2, M1),
      sha: M2,
      ref: 'refs/heads/main',
      runId: 301,
    })
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toMatch(
      /::warning::.*409.*the artifact uploaded earlier in this run stays the baseline/,
    )
    expect(
      server.artifacts.filter(
        (a) => a.name === 'perfgate-results' && a.runId === 301 && a.finalized,
      ),
    ).toHaveLength(1)
  })

  it('does not fail a baseline push that is slower than the last baseline (it must become the next one)', async () => {
    server.mainCommits.push(sha('3'))
    const run = await runAction({
      server,
      event: 'push',
      payload: pushPayload(sha('3'), M2),
      sha: sha('3'),
      ref: 'refs/heads/main',
      runId: 370,
      env: { PERFGATE_TEST_DELAY: '0.3' },
    })
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('regression')
    expect(run.stdout).toMatch(
      /::warning title=perfgate regression since the last baseline::tunable/,
    )
    expect(server.artifacts.some((a) => a.name === 'perfgate-results' && a.runId === 370)).toBe(
      true,
    )
  })
})
