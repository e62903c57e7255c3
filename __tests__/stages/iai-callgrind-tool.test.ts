// Zero-config `tool: iai-callgrind` through run(deps) against the local fake GitHub: main's run
// stores iai-callgrind's first-run counts as the baseline, and a PR whose output is iai-callgrind's
// run after a code change (both real outputs from its guide) fails on the instructions it added.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { inProcessDeps } from '../../__fixtures__/github/in-process.js'
import { prPayload, pushPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { defaultDeps } from '../../src/default-deps.js'
import { run } from '../../src/main.js'

const FIXTURES = path.resolve('__fixtures__/imports/iai-callgrind')
const FIB = 'library_benchmark::bench_fibonacci_group::bench_fibonacci'
let server: FakeGitHub
beforeAll(async () => {
  server = await startFakeGitHub()
})
afterAll(async () => server.close())

/** A workspace with no perfgate.yml, only the harness output `fixture` saved as iai.txt. */
async function workspaceWith(fixture: string): Promise<string> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'perfgate-iai-'))
  await copyFile(path.join(FIXTURES, fixture), path.join(workspace, 'iai.txt'))
  return workspace
}

const inputs = { tool: 'iai-callgrind', 'output-file-path': 'iai.txt' }

describe('zero-config: tool: iai-callgrind', () => {
  it('a PR that adds instructions fails against main’s counts; the one that removes them is an improvement', async () => {
    const main = '1'.repeat(40)
    server.mainCommits.push(main)
    const push = await inProcessDeps({
      server,
      event: 'push',
      payload: pushPayload(main, '0'.repeat(40)),
      sha: main,
      ref: 'refs/heads/main',
      runId: 901,
      workspace: await workspaceWith('quickstart-new.txt'),
      runBenches: defaultDeps({ ...process.env }).runBenches,
      inputs,
    })
    await run(push.deps)
    expect(push.log.failed).toBeUndefined()
    server.addRun({ id: 901, head_sha: main })

    const head = '2'.repeat(40)
    server.pulls.set(7, { headSha: head, labels: [] })
    server.branchPoints.set(head, main)
    const pr = await inProcessDeps({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 7, headSha: head, baseSha: main }),
      sha: 'f'.repeat(40),
      ref: 'refs/pull/7/merge',
      runId: 902,
      workspace: await workspaceWith('quickstart-changed.txt'),
      runBenches: defaultDeps({ ...process.env }).runBenches,
      inputs,
    })
    await run(pr.deps)
    expect(pr.log.outputs.verdict).toBe('regression')
    expect(pr.log.failed).toBeDefined()
    const comparison = JSON.parse(await readFile(pr.log.outputs.comparison, 'utf8')) as {
      comparisons: { name: string; metric: string; verdict: string; noiseThreshold: number }[]
    }
    const instructions = comparison.comparisons.filter((c) => c.metric === 'instructions')
    expect(instructions.map((c) => [c.name, c.verdict, c.noiseThreshold])).toEqual([
      [`${FIB} short`, 'regression', 0.01],
      [`${FIB} long`, 'improvement', 0.01],
    ])
    // The output counts benches as the headline does, not each regressed metric of a bench.
    const regressed = comparison.comparisons.filter((c) => c.verdict === 'regression')
    expect(regressed.length).toBeGreaterThan(new Set(regressed.map((c) => c.name)).size)
    expect(pr.log.outputs.regressions).toBe(String(new Set(regressed.map((c) => c.name)).size))
    const comment = server.comments.find((c) => c.issue === 7)?.body ?? ''
    // The table escapes markdown in names (library\_benchmark\:\:…); the reader sees them plain.
    expect(comment.replace(/\\(.)/g, '$1')).toContain(`${FIB} short`)
    // The comment's headline counts the same benches.
    expect(comment).toMatch(/\b1 regression over/)
    expect(comment).toContain('instructions')
  })
})
