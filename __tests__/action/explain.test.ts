// The cause of a confirmed regression in the PR comment and its profiles in the PR's artifact
// (bundled action, fake GitHub, real git): a js bench whose `entry` calls `mix` and `fold`; the
// PR triples `mix`'s work. Confirming against the base profiles both sides, and the comment
// names `mix` under the regression, never `fold`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ACTION, prPayload, pushPayload, runAction } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { gitIn } from '../helpers/git.js'
import { gfmHtml } from '../helpers/github-page.js'

const CONFIG = `defaults:
  time: 400ms
  rounds: 2
  warmup: 50ms
benches:
  - {name: work, kind: js, module: work.mjs, functions: [entry]}
`
const work = (mix: number) => `function mix(n) {
  let s = 0
  for (let i = 0; i < n; i++) s = (s + i * 31) % 1000003
  return s
}
function fold(n) {
  let s = 1
  for (let i = 0; i < n; i++) s = (s * 7 + i) % 999983
  return s
}
export function entry() {
  return mix(${mix}) + fold(20000)
}
`

let server: FakeGitHub
let repo: string
const git = gitIn(() => repo)

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
  server = await startFakeGitHub()
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-explain-'))
  git('init', '-q', '-b', 'main')
  await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
  await writeFile(path.join(repo, 'work.mjs'), work(20000))
  git('add', '.')
  git('commit', '-qm', 'base')
  const base = git('rev-parse', 'HEAD')
  server.mainCommits.push(base)
  const push = await runAction({
    server,
    event: 'push',
    payload: pushPayload(base, '0'.repeat(40)),
    sha: base,
    ref: 'refs/heads/main',
    runId: 800,
    workspace: repo,
  })
  if (push.code !== 0) throw new Error(`the baseline push failed:\n${push.stdout}\n${push.stderr}`)
  server.addRun({ id: 800, head_sha: base })
}, 120_000)
afterAll(async () => server.close())

describe('the cause of a confirmed regression (bundled action, real git)', () => {
  it('is named in the comment, and the profiles are in the PR artifact', async () => {
    const base = git('rev-parse', 'HEAD')
    git('checkout', '-qb', 'slower-mix')
    await writeFile(path.join(repo, 'work.mjs'), work(60000))
    git('commit', '-qam', 'mix does three times the work')
    const head = git('rev-parse', 'HEAD')
    server.pulls.set(1, { headSha: head, labels: [] })
    server.branchPoints.set(head, base)
    const run = await runAction({
      server,
      event: 'pull_request',
      payload: prPayload({ number: 1, headSha: head, baseSha: base }),
      sha: head,
      ref: 'refs/pull/1/merge',
      runId: 901,
      workspace: repo,
    })
    expect(run.outputs.verdict).toBe('regression')
    const comment = server.comments.find((c) => c.issue === 1)?.body ?? ''
    // As GitHub shows it: the heading in bold, one list item per function that grew, the files.
    const html = gfmHtml(comment)
    expect(html).toContain(
      '<p><strong>Why work/entry is slower</strong> (CPU profiles of base and head on this runner):</p>',
    )
    const items = [...html.matchAll(/<li>([^<]*(?:<code>[^<]*<\/code>[^<]*)*)<\/li>/g)].map(
      (m) => m[1],
    )
    // The slowed helper, first.
    expect(items[0]).toMatch(
      /^mix \(work\.mjs:1\): [\d.]+ → [\d.]+ (ms|µs) per call \(\+\d+\.\d%\), \d+% of the change$/,
    )
    expect(items.filter((item) => item.startsWith('fold '))).toEqual([])
    expect(items).toContain(
      'Files (results artifact): <code>profiles/work/entry.base.cpuprofile</code>, <code>profiles/work/entry.head.cpuprofile</code>, <code>profiles/work/entry.diff.folded</code>',
    )
    const artifact = server.artifacts.find((a) => a.runId === 901)
    const zip = artifact?.zip.toString('latin1') ?? ''
    for (const file of ['entry.base.cpuprofile', 'entry.head.cpuprofile', 'entry.diff.folded'])
      expect(zip).toContain(`profiles/work/${file}`)
  }, 240_000)
})
