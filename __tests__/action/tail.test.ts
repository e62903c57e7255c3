// The `tail` input end to end: the bundled action against a fake GitHub. A PR that slows three in
// five of a command's calls 4× leaves its fast end alone, so the centre (each round's p10) calls it
// unchanged; with `tail: p75` the tail row flags it and the step fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { ACTION, prPayload, pushPayload, runAction } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { holdTimingLockForThisFile } from '../helpers/timing-lock.js'

const sha = (c: string) => c.repeat(40)
const [BASE, HEAD] = [sha('1'), sha('a')]

// Slow calls only when PERFGATE_TAIL_SLOW is set: one random byte under 154 of 256 (60%). Both
// sides read the byte, so the base and the head spawn the same processes and differ only in the
// sleep (80 ms or 20 ms). With 20 calls a round, a half-slow mix left a round's p75 fast 2% of the time, and one such
// round among the head's 8 (re-run included) made the verdict inconclusive in a CI run; at 60% that
// is 0.16% a round, while a round's p10 stays fast unless 19 of its 20 calls are slow (0.05%).
const CONFIG = `defaults:
  samples: 80
  rounds: 4
  warmup: 1
  time: 1ms
benches:
  - name: lookup
    kind: command
    command: 'r=$(od -An -N1 -tu1 /dev/urandom); if [ -n "$PERFGATE_TAIL_SLOW" ] && [ "$r" -lt 154 ]; then sleep 0.08; else sleep 0.02; fi'
`

let server: FakeGitHub

// Its push run is the baseline and its PR runs are judged against it: a timing test on the other
// worker in between would be a load the push run never saw.
holdTimingLockForThisFile()

function pr(runId: number, inputs: Record<string, string>) {
  server.pulls.set(3, { headSha: HEAD, labels: [] })
  return runAction({
    server,
    event: 'pull_request',
    payload: prPayload({ number: 3, headSha: HEAD, baseSha: BASE }),
    sha: sha('f'),
    ref: 'refs/pull/3/merge',
    runId,
    config: CONFIG,
    env: { PERFGATE_TAIL_SLOW: '1' },
    inputs: { comment: 'never', ...inputs },
  })
}

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await startFakeGitHub()
  server.mainCommits.push(BASE)
  server.branchPoints.set(HEAD, BASE)
  const push = await runAction({
    server,
    event: 'push',
    payload: pushPayload(BASE, sha('0')),
    sha: BASE,
    ref: 'refs/heads/main',
    runId: 11,
    config: CONFIG,
  })
  expect(push.code).toBe(0)
  server.addRun({ id: 11, head_sha: BASE })
}, 60_000)
afterAll(async () => server.close())

describe('the tail input (bundled action, fake GitHub)', () => {
  it('passes the slower calls by default: the centre is the fast end', async () => {
    const run = await pr(21, {})
    const rows = run.summary.split('\n').filter((line) => line.includes('lookup'))
    expect({ code: run.code, verdict: run.outputs.verdict, rows }).toMatchObject({
      code: 0,
      verdict: 'pass',
    })
    expect(run.summary).not.toContain('p75')
  }, 60_000)

  it('flags them with tail: p75 and fails the step', async () => {
    const run = await pr(22, { tail: 'p75' })
    // The bench's rows ride along, so a failure shows what the tail row said.
    const rows = run.summary.split('\n').filter((line) => line.includes('lookup'))
    expect({ code: run.code, verdict: run.outputs.verdict, rows }).toMatchObject({
      code: 1,
      verdict: 'regression',
    })
    expect(run.summary).toMatch(/lookup.*p75.*regression/)
  }, 60_000)
})
