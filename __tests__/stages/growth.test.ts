// Growth with data size through run(deps) against the local fake GitHub: a baseline push of a
// linear scaled bench, then a PR where it turned quadratic. The PR fails on growth alone, the job
// summary carries the growth table and chart (read through cmark-gfm, as GitHub renders it), and
// the PR's artifact carries a report.html with both curves drawn log–log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fakeRunner, inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { readZip } from '../../__fixtures__/github/zip.js'
import { run } from '../../src/main.js'
import type { BenchRunner } from '../../src/ports.js'
import { gfm } from '../budgets/helpers.js'

const sha = (n: number) => n.toString(16).padStart(40, '0')
let server: FakeGitHub
const config = `benches:\n  - name: q\n    kind: command\n    command: test -n "$TASKS"\n    scale: {param: tasks, values: [1000, 10000, 100000]}\n`

/** The fake runner, with each row's size as the real runner records it (`scale` on the row). */
function scaled(ms: (n: number) => number): BenchRunner {
  return async (benches, select) => {
    const size = (name: string) => Number(/\[tasks=(\d+)\]/.exec(name)?.[1])
    const results = await fakeRunner((name) => ms(size(name)))(benches, select)
    return {
      ...results,
      benches: results.benches.map((row) => ({
        ...row,
        scale: { bench: 'q', param: 'tasks', value: size(row.name) },
      })),
    }
  }
}

beforeAll(async () => {
  server = await startFakeGitHub()
})
afterAll(async () => server.close())

describe('growth with data size, end to end', () => {
  it('a PR turning linear into quadratic fails on growth, with the curve in summary and report.html', async () => {
    const linear = (n: number) => 0.5 + n * 1e-4
    for (const n of [1, 2]) {
      server.mainCommits.push(sha(n))
      const { deps, log } = await inProcessDeps({
        server,
        event: 'push',
        payload: pushPayload(sha(n), sha(n - 1)),
        sha: sha(n),
        ref: 'refs/heads/main',
        runId: 700 + n,
        runBenches: scaled(linear),
        config,
      })
      await run(deps)
      expect(log.failed).toBeUndefined()
      server.addRun({ id: 700 + n, head_sha: sha(n) })
    }
    // The second push drew itself beside the first in the baseline artifact's report.html.
    const baseline = server.artifacts.find((a) => a.name === 'perfgate-results' && a.runId === 702)
    const baseHtml = readZip(baseline!.zip)['report.html'].toString()
    expect(baseHtml).toContain('<h2>Growth with data size</h2>')
    expect(baseHtml.match(/<polyline class="growth-(baseline|head)"/g)).toHaveLength(2)

    const head = 'e'.repeat(40)
    server.pulls.set(1, { headSha: head, labels: [] })
    server.branchPoints.set(head, sha(2))
    const { deps, log } = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 1, headSha: head, baseSha: sha(2) }),
      sha: head,
      ref: 'refs/pull/1/merge',
      runId: 799,
      runBenches: scaled((n) => 0.5 + n * n * 1e-8),
      config,
    })
    await run(deps)
    expect(log.failed).toMatch(/growth regression: grows faster with tasks/)
    const summary = gfm(log.summary)
    expect(summary).toContain('<h3>Growth with data size</h3>')
    expect(summary).toMatch(/<strong><code>q<\/code><\/strong> grows as n²/)
    expect(summary).toMatch(/<th align="right">baseline level<\/th>/)
    expect(summary).toContain('<code class="language-mermaid">xychart-beta')
    const pr = server.artifacts.find((a) => a.name === 'perfgate-results-pr-1')
    const html = readZip(pr!.zip)['report.html'].toString()
    expect(html).toContain('<strong class="shift">growth regression</strong>')
    expect(html).toMatch(/<polyline class="growth-baseline"[^>]*stroke-dasharray/)
    expect(html).toMatch(/<polyline class="growth-head"/)
  }, 60_000)
})
