// The action over runs whose names do not pair (issue #23): a baseline whose cases were keyed on
// random values and a PR whose cases are keyed on other random values compare nothing. The step
// must fail with the reason and `verdict: error`, and the comment must not say "No regressions".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fakeRunner, inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { run } from '../../src/main.js'
import type { BenchRunner } from '../../src/ports.js'

const sha = (c: string) => c.repeat(40)
const [M1, M2] = ['1', '2'].map(sha)
let server: FakeGitHub

/** Every bench's one case named by `key`, as a sql bench drawing a per-database random uuid is. */
function keyedOn(key: string): BenchRunner {
  const steady = fakeRunner(() => 30)
  return async (config, select) => {
    const results = await steady(config, select)
    const benches = results.benches.map((b) => ({
      ...b,
      name: `${b.name}/${key}`,
      details: { key },
    }))
    return { ...results, benches }
  }
}

beforeAll(async () => {
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2)
})
afterAll(async () => server.close())

describe('runs whose case names do not pair', () => {
  it('fail the step with verdict error, naming the mismatch and key:', async () => {
    const push = await inProcessDeps({
      server,
      event: 'push',
      payload: pushPayload(M2, sha('0')),
      sha: M2,
      ref: 'refs/heads/main',
      runId: 201,
      runBenches: keyedOn('0190aaaa'),
    })
    await run(push.deps)
    // The baseline push itself never fails: its names are the next baseline's.
    expect(push.log.failed).toBeUndefined()
    server.addRun({ id: 201, head_sha: M2 })

    server.pulls.set(7, { headSha: sha('e'), labels: [] })
    server.branchPoints.set(sha('e'), M2)
    const pr = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 7, headSha: sha('e'), baseSha: M2 }),
      sha: sha('f'),
      ref: 'refs/pull/7/merge',
      runId: 202,
      runBenches: keyedOn('0190bbbb'),
    })
    await run(pr.deps)
    expect(pr.log.outputs.verdict).toBe('error')
    expect(pr.log.failed).toMatch(
      /^Nothing compared: only 0 of 1 baseline case of steady appears in the head run \(the case names differ: "steady\/0190aaaa" vs "steady\/0190bbbb"\): .*key them on a stable column with key:/,
    )
    // The comment as it reads: markdown escapes dropped.
    const comment = (server.comments.find((c) => c.issue === 7)?.body ?? '').replace(/\\/g, '')
    expect(comment).toContain('❌ **Nothing compared')
    expect(comment).not.toContain('No regressions')
    expect(comment).toContain('key them on a stable column with key:')
  })
})
