// The long history through run(deps) against the local fake GitHub: each baseline push carries
// history.json and report.html forward, a damaged history is rebuilt with a notice, and a PR's
// flagged bench gets its history chart in the comment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fakeRunner, inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { makeZip, readZip } from '../../__fixtures__/github/zip.js'
import { run } from '../../src/main.js'
import type { BenchRunner } from '../../src/ports.js'

const sha = (n: number) => n.toString(16).padStart(40, '0')
let server: FakeGitHub
const config = `defaults:\n  regression-threshold: 10%\nbenches:\n  - name: parse\n    kind: command\n    command: sleep 0.01\n  - name: render\n    kind: command\n    command: sleep 0.01\n`

async function push(n: number, runBenches: BenchRunner) {
  server.mainCommits.push(sha(n))
  const { deps, log } = await inProcessDeps({
    server,
    event: 'push',
    payload: pushPayload(sha(n), sha(n - 1)),
    sha: sha(n),
    ref: 'refs/heads/main',
    runId: 900 + n,
    runBenches,
    config,
  })
  await run(deps)
  server.addRun({ id: 900 + n, head_sha: sha(n) })
  return log
}

function artifactOf(runId: number): Record<string, Buffer> {
  const artifact = server.artifacts.find((a) => a.name === 'perfgate-results' && a.runId === runId)
  if (!artifact) throw new Error(`no baseline artifact in run ${runId}`)
  return readZip(artifact.zip)
}

beforeAll(async () => {
  server = await startFakeGitHub()
})
afterAll(async () => server.close())

describe('history carried from baseline to baseline', () => {
  it('appends one entry per push beyond the 5-run window, with report.html and the summary trend', async () => {
    let log
    for (let n = 1; n <= 7; n++)
      log = await push(
        n,
        fakeRunner(() => 20),
      )
    const files = artifactOf(907)
    const history = JSON.parse(files['history.json'].toString()) as {
      series: { bench: string; entries: { commit: string }[] }[]
    }
    const parse = history.series.find((s) => s.bench === 'parse')
    expect(parse?.entries).toHaveLength(7)
    expect(files['report.html'].toString()).toMatch(/<svg/)
    expect(log?.summary).toMatch(/Benchmark history/)
  })

  it('a damaged history.json is rebuilt from the window, with a notice, and never fails', async () => {
    const previous = artifactOf(907)
    server.artifacts = server.artifacts.filter((a) => !(a.runId === 907))
    server.seedArtifact(
      907,
      'perfgate-results',
      makeZip({ ...previous, 'history.json': '{"perfgateHistory": 1, "series": [garbage' }),
    )
    const log = await push(
      8,
      fakeRunner(() => 20),
    )
    expect(log.failed).toBeUndefined()
    expect(log.annotations.some((a) => a.level === 'notice' && /rebuilt/.test(a.message))).toBe(
      true,
    )
    const history = JSON.parse(artifactOf(908)['history.json'].toString()) as {
      series: { bench: string; entries: unknown[] }[]
    }
    // The window held 5 runs; the 6th is this push.
    expect(history.series.find((s) => s.bench === 'parse')?.entries).toHaveLength(6)
  })

  it("a PR's flagged bench shows its history chart in the comment", async () => {
    const head = 'e'.repeat(40)
    server.pulls.set(1, { headSha: head, labels: [] })
    server.branchPoints.set(head, sha(8))
    const { deps, log } = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 1, headSha: head, baseSha: sha(8) }),
      sha: 'f'.repeat(40),
      ref: 'refs/pull/1/merge',
      runId: 999,
      runBenches: fakeRunner((name) => (name === 'parse' ? 30 : 20)),
      config,
    })
    await run(deps)
    expect(log.outputs.verdict).toBe('regression')
    const comment = server.comments.find((c) => c.issue === 1)?.body ?? ''
    expect(comment).toMatch(/```mermaid\nxychart-beta/)
    expect(comment).toMatch(/History of the flagged bench/)
  })
})

describe('noise-threshold: auto', () => {
  it('learns the threshold from the base branch history and says where it came from', async () => {
    const fresh = await startFakeGitHub()
    const auto = `defaults:\n  noise-threshold: auto\nbenches:\n  - name: parse\n    kind: command\n    command: sleep 0.01\n`
    // Run-to-run wobble of about ±2% across 12 baseline runs.
    const wobble = [20, 20.4, 19.7, 20.2, 19.9, 20.5, 19.6, 20.1, 20.3, 19.8, 20, 20.2]
    try {
      for (let n = 1; n <= wobble.length; n++) {
        fresh.mainCommits.push(sha(n))
        const { deps } = await inProcessDeps({
          server: fresh,
          event: 'push',
          payload: pushPayload(sha(n), sha(n - 1)),
          sha: sha(n),
          ref: 'refs/heads/main',
          runId: 1000 + n,
          runBenches: fakeRunner(() => wobble[n - 1]),
          config: auto,
        })
        await run(deps)
        fresh.addRun({ id: 1000 + n, head_sha: sha(n) })
      }
      const head = 'c'.repeat(40)
      fresh.pulls.set(7, { headSha: head, labels: [] })
      fresh.branchPoints.set(head, sha(wobble.length))
      const { deps } = await inProcessDeps({
        server: fresh,
        event: 'pull_request',
        payload: prPayload({ number: 7, headSha: head, baseSha: sha(wobble.length) }),
        sha: 'f'.repeat(40),
        ref: 'refs/pull/7/merge',
        runId: 1100,
        runBenches: fakeRunner(() => 20),
        config: auto,
      })
      await run(deps)
      const comment = fresh.comments.find((c) => c.issue === 7)?.body ?? ''
      // Markdown-escaped parentheses, as the renderer writes them.
      expect(comment).toMatch(/noise threshold [\d.]+% \\\(auto, from 12 runs\\\)/)
      // The row's reason quotes the learned threshold too, not the configured fallback.
      const learned = /noise threshold ([\d.]+%) \\\(auto/.exec(comment)?.[1]
      expect(comment).toContain(`within the ${learned} noise threshold`)
    } finally {
      await fresh.close()
    }
  })
})
