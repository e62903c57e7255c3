// Issue 11's done-when cases, through run(deps) against the local fake GitHub: a PR cannot
// switch its own gate off by editing perfgate.yml, adding a bench keeps the others compared,
// and a PR that slows every bench is not reported as "No regressions".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fakeRunner, inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { run } from '../../src/main.js'
import type { BenchRunner } from '../../src/ports.js'

const sha = (c: string) => c.repeat(40)
let server: FakeGitHub
let runId = 500

/** A config of `names` command benches (never run: the fake runner times them). */
function config(names: string[], extra: Record<string, string> = {}): string {
  const benches = names.map(
    (name) => `  - name: ${name}\n    kind: command\n    command: sleep 0.01\n${extra[name] ?? ''}`,
  )
  return `defaults:\n  regression-threshold: 10%\n  noise-threshold: 5%\nbenches:\n${benches.join('')}`
}

async function push(main: string, text: string, runBenches: BenchRunner) {
  server.mainCommits.push(main)
  const id = ++runId
  const { deps, log } = await inProcessDeps({
    server,
    event: 'push',
    payload: pushPayload(main, sha('0')),
    sha: main,
    ref: 'refs/heads/main',
    runId: id,
    runBenches,
    config: text,
  })
  await run(deps)
  server.addRun({ id, head_sha: main })
  return log
}

async function pr(
  number: number,
  head: string,
  base: string,
  text: string,
  runBenches: BenchRunner,
) {
  server.pulls.set(number, { headSha: head, labels: [] })
  server.branchPoints.set(head, base)
  const { deps, log } = await inProcessDeps({
    server,
    event: 'pull_request',
    payload: prPayload({ number, headSha: head, baseSha: base }),
    sha: sha('f'),
    ref: `refs/pull/${number}/merge`,
    runId: ++runId,
    runBenches,
    config: text,
  })
  await run(deps)
  return { log, comment: server.comments.find((c) => c.issue === number)?.body ?? '' }
}

beforeAll(async () => {
  server = await startFakeGitHub()
})
afterAll(async () => server.close())

describe('a gate the pull request cannot switch off', () => {
  const names = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta']
  const base = sha('1')

  beforeAll(async () => {
    await push(
      base,
      config(names),
      fakeRunner(() => 20),
    )
  })

  it('a PR that sets its slowed bench to 500% is still flagged, and the threshold change is named', async () => {
    const loosened = config(names, { beta: '    regression-threshold: 500%\n' })
    const slower = fakeRunner((name) => (name === 'beta' ? 32 : 20))
    const { log, comment } = await pr(1, sha('a'), base, loosened, slower)
    expect(log.outputs.verdict).toBe('regression')
    expect(log.failed).toMatch(/beta/)
    expect(comment).toMatch(/beta/)
    expect(comment).toMatch(/regression-threshold 10% → 500% takes effect when merged/)
  })

  it('a PR that adds a bench gets every old bench compared and the new one listed as new', async () => {
    const added = config([...names, 'newcomer'])
    const { log, comment } = await pr(
      2,
      sha('b'),
      base,
      added,
      fakeRunner(() => 20),
    )
    expect(log.outputs.verdict).toBe('pass')
    const comparison = JSON.parse(
      await (await import('node:fs/promises')).readFile(log.outputs.comparison, 'utf8'),
    ) as { comparisons: { name: string; verdict: string }[] }
    const verdictOf = (name: string) => comparison.comparisons.find((c) => c.name === name)?.verdict
    for (const name of names) expect(verdictOf(name)).toBe('unchanged')
    expect(verdictOf('newcomer')).toBe('new')
    expect(comment).toMatch(/newcomer/)
  })

  it('a PR that slows every bench 25% is not reported as "No regressions"', async () => {
    const { log, comment } = await pr(
      3,
      sha('c'),
      base,
      config(names),
      fakeRunner(() => 25),
    )
    expect(comment).not.toMatch(/No regressions/)
    expect(log.summary).not.toMatch(/No regressions/)
    expect(log.outputs.verdict).not.toBe('pass')
  })
})
