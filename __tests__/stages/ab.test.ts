// Same-runner A/B through the action (`baseline: base-ref`), in-process against the local fake
// GitHub with a real git workspace: the PR's base commit is checked out beside the head, both
// are measured here in alternating rounds, and only the bench the head slowed is flagged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { defaultDeps } from '../../src/default-deps.js'
import { run } from '../../src/main.js'
import { gitIn } from '../helpers/git.js'

const CONFIG = `defaults:
  samples: 3
  rounds: 4
  warmup: 0
  regression-threshold: 25%
benches:
  - name: steady
    kind: command
    command: sh steady.sh
    memory: false
  - name: changed
    kind: command
    command: sh changed.sh
    memory: false
`
let server: FakeGitHub
let repo: string
const git = gitIn(() => repo)

beforeAll(async () => {
  server = await startFakeGitHub()
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-action-'))
  git('init', '-q', '-b', 'main')
  await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
  await writeFile(path.join(repo, 'steady.sh'), 'sleep 0.05\n')
  await writeFile(path.join(repo, 'changed.sh'), 'sleep 0.05\n')
  git('add', '.')
  git('commit', '-qm', 'base')
  git('checkout', '-qb', 'feature')
  await writeFile(path.join(repo, 'changed.sh'), 'sleep 0.12\n')
  git('commit', '-qam', 'head slows one bench')
})
afterAll(async () => server.close())

describe('baseline: base-ref (same-runner A/B)', () => {
  it('flags exactly the bench the head slowed, says it was A/B, and leaves no worktree', async () => {
    const base = git('rev-parse', 'main')
    const head = git('rev-parse', 'HEAD')
    server.pulls.set(1, { headSha: head, labels: [] })
    const real = defaultDeps({ ...process.env })
    const { deps, log } = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 1, headSha: head, baseSha: base }),
      sha: head,
      ref: 'refs/pull/1/merge',
      runId: 700,
      runBenches: real.runBenches,
      // The profiling pass has its own tests (action/explain); off here, where it doubles the time.
      inputs: { baseline: 'base-ref', profile: 'false' },
      workspace: repo,
    })
    await run(deps)
    expect(log.failed).toMatch(/changed/)
    expect(log.outputs.verdict).toBe('regression')
    const comment = server.comments.find((c) => c.issue === 1)?.body ?? ''
    expect(comment).toMatch(/A\/B on this runner against/)
    expect(comment).toMatch(/changed/)
    // The details carry each bench's noise, with the base measured against itself.
    expect(comment).toMatch(/<details><summary>Noise: /)
    expect(comment).toContain('| bench | rounds × samples | round-to-round spread | base vs base |')
    // Percentages drop a trailing .0 ("4%", "2.2%"). A busy machine can make the first round a
    // cold start, which the table names and leaves out of the spread.
    expect(comment).toMatch(
      /\| steady \| 8 × \d+( \(first: warm-up\))? \| \d+(\.\d)?% \| [+-]?\d+(\.\d)?% \|/,
    )
    expect(
      log.annotations.filter((a) => a.level === 'error').map((a) => a.message.split(':')[0]),
    ).toEqual(['changed'])
    expect(git('worktree', 'list').split('\n')).toHaveLength(1)
    expect(comment).not.toContain('is slower**')
    // 4 configured rounds are 8 A/B rounds per side; the confirmation measured 8 more of each.
    const comparison = JSON.parse(await readFile(log.outputs.comparison, 'utf8')) as {
      comparisons: { name: string; verdict: string; confirmed?: boolean; headRounds?: number }[]
    }
    const changed = comparison.comparisons.find((c) => c.name === 'changed')
    expect(changed).toMatchObject({ verdict: 'regression', confirmed: true, headRounds: 16 })
  }, 120_000)

  it('a base commit the checkout does not have is a clear error naming fetch-depth', async () => {
    server.pulls.set(2, { headSha: git('rev-parse', 'HEAD'), labels: [] })
    const { deps, log } = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 2, headSha: git('rev-parse', 'HEAD'), baseSha: '0'.repeat(40) }),
      sha: git('rev-parse', 'HEAD'),
      ref: 'refs/pull/2/merge',
      runId: 701,
      runBenches: defaultDeps().runBenches,
      inputs: { baseline: 'base-ref' },
      workspace: repo,
    })
    await run(deps)
    expect(log.outputs.verdict).toBe('error')
    expect(log.failed).toMatch(/fetch-depth/)
  })
})
