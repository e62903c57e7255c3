// The action's flow in-process: `run(deps)` from src/ with the real GitHub client against the
// local fake GitHub, artifacts kept in that fake, and a bench runner whose timings the test sets.
// One test per branch of the flow; the bundle's own end-to-end tests are in __tests__/action.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  fakeRunner,
  inProcessDeps,
  type InProcessRun,
} from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { readZip } from '../../__fixtures__/github/zip.js'
import { run } from '../../src/main.js'
import type { ArtifactStore } from '../../src/ports.js'

const sha = (c: string) => c.repeat(40)
const [M1, M2] = ['1', '2'].map(sha)
let server: FakeGitHub

const steady = fakeRunner(() => 30)

async function runOnce(options: Omit<InProcessRun, 'server'>) {
  const { deps, log } = await inProcessDeps({ server, ...options })
  await run(deps)
  return log
}

async function pushRun(commit: string, runId: number, runBenches = steady, store?: ArtifactStore) {
  const log = await runOnce({
    event: 'push',
    payload: pushPayload(commit, sha('0')),
    sha: commit,
    ref: 'refs/heads/main',
    runId,
    runBenches,
    ...(store ? { store } : {}),
  })
  server.addRun({ id: runId, head_sha: commit })
  return log
}

async function prRun(
  number: number,
  head: string,
  runId: number,
  runBenches = steady,
  fork = false,
) {
  server.pulls.set(number, { headSha: head, labels: [] })
  server.branchPoints.set(head, M2)
  return runOnce({
    event: 'pull_request',
    payload: prPayload({ number, headSha: head, baseSha: M2, fork }),
    sha: sha('f'),
    ref: `refs/pull/${number}/merge`,
    runId,
    runBenches,
  })
}

beforeAll(async () => {
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2)
})
afterAll(async () => server.close())

describe('run(deps): the branches of the action flow', () => {
  it('a PR before any baseline exists: no-baseline, the reason in the summary, the step passes', async () => {
    const log = await prRun(1, sha('a'), 100)
    expect(log.outputs.verdict).toBe('no-baseline')
    expect(log.failed).toBeUndefined()
    expect(log.summary).toMatch(/baseline/i)
    expect(
      server.artifacts.some((a) => a.name === 'perfgate-results-pr-1' && a.runId === 100),
    ).toBe(true)
  })

  it('a push to main records the baseline artifact and never fails', async () => {
    const log = await pushRun(M2, 101)
    expect(log.failed).toBeUndefined()
    expect(log.outputs.results).toMatch(/results\.json$/)
    const artifact = server.artifacts.find((a) => a.name === 'perfgate-results' && a.runId === 101)
    expect(artifact).toBeDefined()
    expect(Object.keys(readZip(artifact!.zip))).toEqual(
      expect.arrayContaining(['results.json', 'perfgate-meta.json', 'report.md']),
    )
  })

  it('a PR with an unchanged bench passes and gets one comment', async () => {
    const log = await prRun(2, sha('b'), 102)
    expect(log.outputs.verdict).toBe('pass')
    expect(log.failed).toBeUndefined()
    expect(log.outputs['comment-url']).toBeDefined()
    expect(server.comments.filter((c) => c.issue === 2)).toHaveLength(1)
  })

  it('a PR that slows one bench is re-run to confirm, flagged, commented and fails the step', async () => {
    const calls: string[][] = []
    const slower = fakeRunner((name) => (name === 'tunable' ? 60 : 30), calls)
    const log = await prRun(3, sha('c'), 103, slower)
    expect(calls).toEqual([['steady', 'tunable'], ['tunable']])
    expect(log.outputs.verdict).toBe('regression')
    expect(log.outputs.regressions).toBe('1')
    expect(log.failed).toMatch(/1 regression\(s\): tunable/)
    expect(
      log.annotations.some((a) => a.level === 'error' && a.message.startsWith('tunable')),
    ).toBe(true)
    const comment = server.comments.find((c) => c.issue === 3)
    expect(comment?.body).toMatch(/tunable/)
  })

  it('a fork PR whose token cannot comment gets a notice, the summary and its artifact, and passes', async () => {
    server.readOnly = true
    try {
      const log = await prRun(4, sha('d'), 104, steady, true)
      expect(log.outputs.verdict).toBe('pass')
      expect(log.failed).toBeUndefined()
      expect(
        log.annotations.some((a) => a.level === 'notice' && /workflow_run/.test(a.message)),
      ).toBe(true)
      expect(
        server.artifacts.some((a) => a.name === 'perfgate-results-pr-4' && a.runId === 104),
      ).toBe(true)
    } finally {
      server.readOnly = false
    }
  })

  it("mode: comment posts the fork run's comment from its artifact", async () => {
    server.addRun({ id: 104, head_sha: sha('d'), event: 'pull_request', head_branch: 'feature' })
    const log = await runOnce({
      event: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: 104,
          head_sha: sha('d'),
          event: 'pull_request',
          conclusion: 'success',
          pull_requests: [],
        },
        repository: {
          full_name: 'acme/widget',
          name: 'widget',
          owner: { login: 'acme' },
          default_branch: 'main',
        },
      },
      sha: sha('d'),
      ref: 'refs/heads/main',
      runId: 105,
      runBenches: steady,
      inputs: { mode: 'comment' },
    })
    expect(log.failed).toBeUndefined()
    expect(server.comments.filter((c) => c.issue === 4)).toHaveLength(1)
  })

  it('a re-run push whose baseline artifact already exists keeps the first one, with a warning', async () => {
    await pushRun(M2, 106)
    const log = await pushRun(M2, 106)
    expect(log.failed).toBeUndefined()
    expect(
      log.annotations.some((a) => a.level === 'warning' && /stays the baseline/.test(a.message)),
    ).toBe(true)
    expect(
      server.artifacts.filter((a) => a.name === 'perfgate-results' && a.runId === 106),
    ).toHaveLength(1)
  })

  it('a failure after measuring still puts the results in the summary and the PR artifact', async () => {
    const broken: ArtifactStore = {
      upload: async (name, dir, days) =>
        (await import('../../__fixtures__/github/in-process.js'))
          .fakeStore(server, 107)
          .upload(name, dir, days),
      download: () => Promise.reject(new Error('the artifact service is down')),
    }
    server.pulls.set(5, { headSha: sha('e'), labels: [] })
    server.branchPoints.set(sha('e'), M2)
    // The comment cannot be posted: a non-fork PR with a read-only token is an error.
    server.readOnly = true
    try {
      const log = await runOnce({
        event: 'pull_request',
        payload: prPayload({ number: 5, headSha: sha('e'), baseSha: M2 }),
        sha: sha('f'),
        ref: 'refs/pull/5/merge',
        runId: 107,
        runBenches: steady,
        store: broken,
      })
      expect(log.outputs.verdict).toBe('error')
      expect(log.failed).toBeDefined()
      expect(log.summary).toMatch(/This run/)
      expect(log.summary).toMatch(/steady/)
      expect(
        server.artifacts.some((a) => a.name === 'perfgate-results-pr-5' && a.runId === 107),
      ).toBe(true)
    } finally {
      server.readOnly = false
    }
  })
})
