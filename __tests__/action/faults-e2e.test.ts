// The bundled action meeting the faults of issue 17: it must end quickly, with the measured
// results in the job summary and "no baseline" explained, never spin or fail with `error`.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { ACTION, prPayload, runAction, type ActionRun } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { makeZip } from '../../__fixtures__/github/zip.js'

const sha = (c: string) => c.repeat(40)
const [M1, M2] = ['1', '2'].map(sha)
let server: FakeGitHub | undefined

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
})
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A fake whose baseline run at M2 carries `zip`, then a PR run against it, timed. */
async function prAgainst(
  zip: Buffer | undefined,
  setup?: (s: FakeGitHub) => void,
): Promise<{ run: ActionRun; ms: number }> {
  server = await startFakeGitHub()
  server.mainCommits.push(M1, M2)
  server.addRun({ id: 5, head_sha: M2 })
  if (zip) server.seedArtifact(5, 'perfgate-results', zip)
  setup?.(server)
  const head = sha('b')
  server.branchPoints.set(head, M2)
  server.pulls.set(4, { headSha: head, labels: [] })
  const started = performance.now()
  const run = await runAction({
    server,
    event: 'pull_request',
    payload: prPayload({ number: 4, headSha: head, baseSha: M2, fork: false }),
    sha: sha('f'),
    ref: 'refs/pull/4/merge',
    runId: 311,
    env: { PERFGATE_RETRY_DELAY_MS: '10' },
  })
  return { run, ms: performance.now() - started }
}

const expectNoBaselineWithResults = (run: ActionRun, reason: RegExp) => {
  expect(run.code).toBe(0)
  expect(run.outputs.verdict).toBe('no-baseline')
  expect(run.stdout).toMatch(reason)
  // The measured benches are in the summary whatever happened to the baseline.
  expect(run.summary).toContain('steady')
  expect(run.summary).toContain('tunable')
}

describe('bad baselines and a rate-limited GitHub (bundled action, fake GitHub)', () => {
  it('a garbage zip is no baseline within seconds', async () => {
    const { run, ms } = await prAgainst(Buffer.from('garbage, not a zip '.repeat(50_000)))
    expectNoBaselineWithResults(run, /No baseline: .*not a readable zip/)
    expect(ms).toBeLessThan(60_000)
  }, 90_000)

  it('a truncated zip is no baseline within seconds', async () => {
    const zip = makeZip({ 'results.json': JSON.stringify({ schemaVersion: 1 }).repeat(100) })
    const { run, ms } = await prAgainst(zip.subarray(0, zip.length - 30))
    expectNoBaselineWithResults(run, /No baseline: .*truncated or corrupt/)
    expect(ms).toBeLessThan(60_000)
  }, 90_000)

  it('a run listing rate-limited for an hour is no baseline, not an error', async () => {
    const { run, ms } = await prAgainst(undefined, (s) =>
      s.fail({
        match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
        status: 403,
        times: 100,
        message: 'API rate limit exceeded for installation ID 1',
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        },
      }),
    )
    expectNoBaselineWithResults(run, /No baseline: .*rate limit/)
    expect(ms).toBeLessThan(60_000)
  }, 90_000)
})
