// A/B with shards (issue 15): `baseline: base-ref` + `shard: i/n`, in-process against the local
// fake GitHub with a real git workspace and the real bench runner. Each shard job checks the PR's
// base out beside the head and measures both sides of its share, interleaved; the merge job
// merges the heads and the bases apart and compares them as one A/B job does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { inProcessDeps, type StepLog } from '../../__fixtures__/github/in-process.js'
import { prPayload } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { readZip } from '../../__fixtures__/github/zip.js'
import { defaultDeps } from '../../src/default-deps.js'
import { run } from '../../src/main.js'
import { gitIn } from '../helpers/git.js'
import { parseResults } from '../../src/results/schema.js'
import { compareRuns } from '../../src/compare/index.js'
import type { Comparison } from '../../src/compare/types.js'
import type { Results } from '../../src/results/types.js'

const STEADY = ['alpha', 'beta', 'gamma']
const CONFIG = `defaults:
  samples: 3
  rounds: 4
  warmup: 0
  regression-threshold: 25%
benches:
${[...STEADY, 'changed']
  .map(
    (name) => `  - name: ${name}\n    kind: command\n    command: sh ${name}.sh\n    memory: false`,
  )
  .join('\n')}
`
let server: FakeGitHub
let repo: string
let base: string
let head: string
const git = gitIn(() => repo)

beforeAll(async () => {
  server = await startFakeGitHub()
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-shards-'))
  git('init', '-q', '-b', 'main')
  await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
  for (const name of [...STEADY, 'changed']) {
    await writeFile(path.join(repo, `${name}.sh`), 'sleep 0.05\n')
  }
  git('add', '.')
  git('commit', '-qm', 'base')
  git('checkout', '-qb', 'feature')
  await writeFile(path.join(repo, 'changed.sh'), 'sleep 0.12\n')
  git('commit', '-qam', 'head slows one bench')
  base = git('rev-parse', 'main')
  head = git('rev-parse', 'HEAD')
  server.pulls.set(3, { headSha: head, labels: [] })
})
afterAll(async () => server.close())

/** One job of PR 3's workflow run `runId`, with the real runner, in the git workspace. */
async function job(runId: number, inputs: Record<string, string>): Promise<StepLog> {
  const { deps, log } = await inProcessDeps({
    server,
    event: 'pull_request',
    payload: prPayload({ number: 3, headSha: head, baseSha: base }),
    sha: head,
    ref: 'refs/pull/3/merge',
    runId,
    runBenches: defaultDeps({ ...process.env }).runBenches,
    inputs: { baseline: 'base-ref', profile: 'false', ...inputs },
    workspace: repo,
  })
  await run(deps)
  return log
}

/** The files of artifact `name` of run `runId`, as uploaded. */
function artifact(runId: number, name: string): Record<string, string> {
  const found = server.artifacts.find((a) => a.runId === runId && a.name === name)
  if (!found) throw new Error(`run ${runId} has no artifact ${name}`)
  return Object.fromEntries(
    Object.entries(readZip(found.zip)).map(([file, content]) => [file, content.toString()]),
  )
}

const names = (results: Results) => results.benches.map((b) => b.name)
const errors = (log: StepLog) =>
  log.annotations.filter((a) => a.level === 'error').map((a) => a.message.split(':')[0])

describe('baseline: base-ref with shard: i/n, then mode: merge', () => {
  it('measures both sides of each share interleaved, and the merge compares them as one A/B job', async () => {
    const single = await job(900, {})
    server.comments = []

    const shards = [await job(901, { shard: '1/2' }), await job(901, { shard: '2/2' })]
    expect(shards.map((log) => log.failed)).toEqual([undefined, undefined])
    expect(server.comments).toHaveLength(0)
    const uploaded = [1, 2].map((i) => artifact(901, `perfgate-results-shard-${i}-of-2`))
    const heads = uploaded.map((files) => parseResults(files['results.json'], 'head'))
    const bases = uploaded.map((files) => parseResults(files['base-results.json'], 'base'))
    // Each shard ran its own share, both sides of it, the base at the base commit.
    expect([...names(heads[0]), ...names(heads[1])].sort()).toEqual([...STEADY, 'changed'].sort())
    expect(names(heads[0]).filter((n) => names(heads[1]).includes(n))).toEqual([])
    expect(bases.map(names)).toEqual(heads.map(names))
    expect(bases.map((b) => b.meta.commit)).toEqual([base, base])
    expect(heads.map((h) => h.meta.commit)).toEqual([head, head])
    for (const files of uploaded) {
      expect((JSON.parse(files['perfgate-shard.json']) as { ab?: unknown }).ab).toEqual({
        baseRef: base,
        baseSha: base,
      })
    }
    // Interleaved: every bench of either side has the 4 configured rounds, each split in two
    // half-size rounds (AB_ROUND_SPLIT), as a single A/B job measures.
    for (const results of [...heads, ...bases]) {
      for (const bench of results.benches) expect(bench.metrics[0].rounds).toHaveLength(8)
    }
    // The shard that had `changed` confirmed it on both sides; the other re-ran nothing.
    const owner = heads.findIndex((h) => names(h).includes('changed'))
    expect(
      parseResults(uploaded[owner]['confirm-results.json'], 'c').benches.map((b) => b.name),
    ).toEqual(['changed'])
    expect(
      parseResults(uploaded[owner]['confirm-base-results.json'], 'c').benches.map((b) => b.name),
    ).toEqual(['changed'])
    expect(uploaded[1 - owner]['confirm-results.json']).toBeUndefined()

    const merge = await job(901, { mode: 'merge' })
    // No artifact baseline exists in this fake: only the merged base side can make this a regression.
    expect(merge.outputs.verdict).toBe('regression')
    expect(merge.outputs.verdict).toBe(single.outputs.verdict)
    expect(merge.outputs.regressions).toBe(single.outputs.regressions)
    expect(errors(merge)).toEqual(['changed'])
    expect(errors(single)).toEqual(['changed'])
    expect(merge.annotations.filter((a) => a.title === 'perfgate shards')).toEqual([])
    const comments = server.comments.filter((c) => c.issue === 3)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toMatch(/A\/B on this runner against/)
    // Each bench not re-run was compared with the base its own shard measured beside it.
    const comparison = JSON.parse(await readFile(merge.outputs.comparison, 'utf8')) as Comparison
    const rowOf = (rows: Comparison['comparisons'], name: string) =>
      rows.find((c) => c.name === name && c.metric === 'time')
    for (const [i, side] of bases.entries()) {
      const own = compareRuns([side], heads[i]).comparisons
      for (const bench of side.benches.filter((b) => b.name !== 'changed')) {
        expect(rowOf(comparison.comparisons, bench.name)?.base).toBe(rowOf(own, bench.name)?.base)
      }
    }

    // A merge job without baseline: base-ref over A/B shards compares the way they measured, and says so.
    const plain = await job(901, { mode: 'merge', baseline: '' })
    expect(plain.outputs.verdict).toBe('regression')
    expect(
      plain.annotations.filter((a) => a.title === 'perfgate shards').map((a) => a.message),
    ).toEqual([
      `the shards measured base ${base} beside the head (baseline: base-ref); compared A/B, as they measured, though this merge job has no baseline: base-ref`,
    ])
    expect(git('worktree', 'list').split('\n')).toHaveLength(1)
  }, 180_000)
})
