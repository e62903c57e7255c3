// Budgets and zero-config through run(deps) against the local fake GitHub: a broken budget fails
// a PR with no baseline at all, and `tool: cargo` runs the action on a harness output with no
// perfgate.yml, as github-action-benchmark users have it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fakeRunner, inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { defaultDeps } from '../../src/default-deps.js'
import { run } from '../../src/main.js'

let server: FakeGitHub
beforeAll(async () => {
  server = await startFakeGitHub()
})
afterAll(async () => server.close())

function prRun(number: number, extra: Partial<Parameters<typeof inProcessDeps>[0]>) {
  const head = String(number).repeat(40).slice(0, 40)
  server.pulls.set(number, { headSha: head, labels: [] })
  return inProcessDeps({
    server,
    event: 'pull_request',
    payload: prPayload({ number, headSha: head, baseSha: 'b'.repeat(40) }),
    sha: head,
    ref: `refs/pull/${number}/merge`,
    runId: 800 + number,
    runBenches: fakeRunner(() => 20),
    ...extra,
  })
}

describe('budgets', () => {
  const config = (limit: string) =>
    `benches:\n  - name: next-ready\n    kind: command\n    command: sleep 0.01\n    budget: median < ${limit}\n`

  it('a broken budget fails a PR that has no baseline, and the comment shows the headroom table', async () => {
    const { deps, log } = await prRun(1, { config: config('10ms') })
    await run(deps)
    expect(log.outputs['budgets-broken']).toBe('1')
    expect(log.failed).toMatch(/1 budget\(s\) broken/)
    expect(log.annotations.some((a) => a.title === 'perfgate budget broken')).toBe(true)
    const comment = server.comments.find((c) => c.issue === 1)?.body ?? ''
    expect(comment).toMatch(/Budgets/)
    expect(comment).toContain('❌ **1 budget broken, no baseline to compare with**')
  })

  it('with fail-on-regression: false a broken budget is reported but does not fail the step', async () => {
    const { deps, log } = await prRun(3, {
      config: config('10ms'),
      inputs: { 'fail-on-regression': 'false' },
    })
    await run(deps)
    expect(log.outputs['budgets-broken']).toBe('1')
    expect(log.outputs.verdict).toBe('regression')
    expect(log.failed).toBeUndefined()
    expect(server.comments.find((c) => c.issue === 3)?.body ?? '').toContain(
      '❌ **1 budget broken, no baseline to compare with**',
    )
  })

  it('a budget with room to spare passes', async () => {
    const { deps, log } = await prRun(2, { config: config('50ms') })
    await run(deps)
    expect(log.outputs['budgets-broken']).toBe('0')
    expect(log.failed).toBeUndefined()
  })
})

describe('zero-config: tool and output-file-path', () => {
  it('tool: cargo imports the harness output with no perfgate.yml', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'perfgate-tool-'))
    await copyFile(
      path.resolve('__fixtures__/imports/cargo/github-action-benchmark/cargo_output.txt'),
      path.join(workspace, 'output.txt'),
    )
    const { deps, log } = await prRun(3, {
      workspace,
      runBenches: defaultDeps({ ...process.env }).runBenches,
      inputs: { tool: 'cargo', 'output-file-path': 'output.txt' },
    })
    await run(deps)
    expect(log.failed).toBeUndefined()
    expect(log.outputs.verdict).toBe('no-baseline')
    const results = JSON.parse(
      await (await import('node:fs/promises')).readFile(log.outputs.results, 'utf8'),
    ) as { benches: { name: string; status: string }[] }
    expect(results.benches.map((b) => b.name)).toEqual(
      expect.arrayContaining(['bench_fib_10', 'bench_fib_20']),
    )
    expect(results.benches.every((b) => b.status === 'ok')).toBe(true)
  })
})
