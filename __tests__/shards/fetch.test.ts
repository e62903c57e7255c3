// Shard artifacts through the real ArtifactStore (@actions/artifact) and REST client against the
// local GitHub fake: four shard jobs of one run upload, the merge job lists and downloads them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runtimeToken } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { makeZip } from '../../__fixtures__/github/zip.js'
import { makeResults } from '../../__fixtures__/results.js'
import type { ArtifactStore } from '../../src/baseline/store.js'
import type { GitHubApi } from '../../src/github/api.js'
import { mergeConfirmRuns, type ShardFetch } from '../../src/shards/merge.js'

const RUN = 4242
let server: FakeGitHub
let store: ArtifactStore
let api: GitHubApi
let writeShardArtifact: typeof import('../../src/shards/artifact.js').writeShardArtifact
let fetchShardArtifacts: typeof import('../../src/shards/artifact.js').fetchShardArtifacts
const saved = { ...process.env }

beforeAll(async () => {
  server = await startFakeGitHub()
  const port = new URL(server.url).port
  // What the runner gives every job of run RUN; @actions/* read some of it when first imported.
  Object.assign(process.env, {
    NO_PROXY: '*',
    ACTIONS_RUNTIME_TOKEN: runtimeToken(RUN),
    ACTIONS_RESULTS_URL: `${server.url}/`,
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: `http://github.localhost:${port}`,
    GITHUB_REPOSITORY: 'acme/widget',
  })
  const { artifactStore } = await import('../../src/baseline/store.js')
  const { createApi } = await import('../../src/github/api.js')
  const { createClient } = await import('../../src/github/client.js')
  ;({ writeShardArtifact, fetchShardArtifacts } = await import('../../src/shards/artifact.js'))
  const retry = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
  store = artifactStore({
    token: 'ghs_faketoken',
    owner: 'acme',
    repo: 'widget',
    retry,
    sleep,
    log: () => {},
  })
  api = createApi(
    createClient({ apiUrl: server.url, token: 'ghs_faketoken', retry, sleep, log: () => {} }),
    'acme',
    'widget',
  )
})
afterAll(async () => {
  process.env = saved
  await server.close()
})

async function uploadShard(
  index: number,
  count: number,
  benches: string[],
  rerun: string[] = [],
): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-test-'))
  const results = makeResults({
    benches: benches.map((name) => ({ name, samples: [1, 2, 3] })),
    meta: { commit: 'c0ffee' },
  })
  const confirm =
    rerun.length > 0
      ? makeResults({ benches: rerun.map((name) => ({ name, samples: [4, 5, 6] })) })
      : undefined
  await writeShardArtifact(dir, {
    results,
    shard: { index, count },
    planned: benches,
    configDigest: 'sha256:whole-config',
    ...(confirm ? { confirm } : {}),
  })
  await store.upload(`perfgate-results-shard-${index}-of-${count}`, dir)
}

/** Uploads `dir` as artifact `name` of run `runId` (another run than RUN: through the fake's seed). */
async function uploadDir(runId: number, name: string, dir: string): Promise<void> {
  const files: Record<string, Buffer> = {}
  for (const file of await readdir(dir)) files[file] = await readFile(path.join(dir, file))
  server.seedArtifact(runId, name, makeZip(files))
}

const summary = (fetched: ShardFetch[]) =>
  fetched.map((f) =>
    f.status === 'ok'
      ? {
          shard: f.shard.index,
          status: f.status,
          benches: f.results.benches.map((b) => b.name),
          planned: f.planned,
          digest: f.configDigest,
          confirm: f.confirm?.benches.map((b) => b.name),
        }
      : { shard: f.shard.index, status: f.status, problem: f.problem },
  )

describe('shard artifacts of one run (real artifact client, fake GitHub)', () => {
  it('lists and downloads all four shard artifacts uploaded in the run', async () => {
    for (const [i, benches] of [['a', 'b'], ['c'], ['d', 'e'], ['f']].entries())
      await uploadShard(i + 1, 4, benches, i === 2 ? ['e'] : [])
    expect(server.artifacts.filter((a) => a.runId === RUN).map((a) => a.name)).toEqual(
      [1, 2, 3, 4].map((i) => `perfgate-results-shard-${i}-of-4`),
    )
    const fetched = await fetchShardArtifacts({
      api,
      store,
      runId: RUN,
      artifactName: 'perfgate-results',
      count: 4,
    })
    expect(summary(fetched)).toEqual([
      {
        shard: 1,
        status: 'ok',
        benches: ['a', 'b'],
        planned: ['a', 'b'],
        digest: 'sha256:whole-config',
        confirm: undefined,
      },
      {
        shard: 2,
        status: 'ok',
        benches: ['c'],
        planned: ['c'],
        digest: 'sha256:whole-config',
        confirm: undefined,
      },
      {
        shard: 3,
        status: 'ok',
        benches: ['d', 'e'],
        planned: ['d', 'e'],
        digest: 'sha256:whole-config',
        confirm: ['e'],
      },
      {
        shard: 4,
        status: 'ok',
        benches: ['f'],
        planned: ['f'],
        digest: 'sha256:whole-config',
        confirm: undefined,
      },
    ])
    const again = mergeConfirmRuns(fetched)
    expect(again?.benches.map((b) => [b.name, b.metrics[0].samples, b.machine?.cpuModel])).toEqual([
      ['e', [4, 5, 6], 'Test CPU @ 2.0GHz'],
    ])
  })

  it("carries an A/B shard's base side and its re-run, and refuses one that lost its base side", async () => {
    const run = 4444
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-test-'))
    const side = (commit: string, names: string[], samples: number[]) =>
      makeResults({ benches: names.map((name) => ({ name, samples })), meta: { commit } })
    await writeShardArtifact(dir, {
      results: side('head1', ['a', 'b'], [1, 2, 3]),
      confirm: side('head1', ['b'], [4, 5, 6]),
      shard: { index: 1, count: 2 },
      planned: ['a', 'b'],
      configDigest: 'sha256:whole-config',
      ab: {
        baseRef: 'main',
        baseSha: 'base1',
        base: side('base1', ['a', 'b'], [7, 8, 9]),
        confirmBase: side('base1', ['b'], [10, 11, 12]),
      },
    })
    const upload = (index: number, from: string) =>
      uploadDir(run, `perfgate-results-shard-${index}-of-2`, from)
    await upload(1, dir)
    // Shard 2 says it is A/B but its base side is gone: unreadable, never compared with nothing.
    const broken = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-test-'))
    await writeShardArtifact(broken, {
      results: side('head1', ['c'], [1, 2, 3]),
      shard: { index: 2, count: 2 },
      planned: ['c'],
      configDigest: 'sha256:whole-config',
      ab: { baseRef: 'main', baseSha: 'base1', base: side('base1', ['c'], [1, 2, 3]) },
    })
    await rm(path.join(broken, 'base-results.json'))
    await upload(2, broken)
    const [first, second] = await fetchShardArtifacts({
      api,
      store,
      runId: run,
      artifactName: 'perfgate-results',
      count: 2,
    })
    if (first.status !== 'ok') throw new Error(`shard 1: ${first.problem}`)
    expect(first.ab?.baseRef).toBe('main')
    expect(first.ab?.baseSha).toBe('base1')
    expect(first.ab?.base.benches.map((b) => [b.name, b.metrics[0].samples])).toEqual([
      ['a', [7, 8, 9]],
      ['b', [7, 8, 9]],
    ])
    expect(first.ab?.confirmBase?.benches.map((b) => b.name)).toEqual(['b'])
    expect(first.confirm?.benches.map((b) => b.name)).toEqual(['b'])
    expect(second).toEqual({
      shard: { index: 2, count: 2 },
      status: 'unreadable',
      problem: 'perfgate-results-shard-2-of-2 lacks base-results.json',
    })
  })

  it('reports a missing and a broken shard without throwing', async () => {
    const other = 4343
    server.seedArtifact(
      other,
      'perfgate-results-shard-1-of-3',
      makeZip({ 'results.json': 'not json', 'perfgate-shard.json': '{}' }),
    )
    server.seedArtifact(
      other,
      'perfgate-results-shard-3-of-3',
      makeZip({ 'report.md': 'no results here' }),
    )
    const fetched = await fetchShardArtifacts({
      api,
      store,
      runId: other,
      artifactName: 'perfgate-results',
      count: 3,
    })
    expect(summary(fetched)).toEqual([
      {
        shard: 1,
        status: 'unreadable',
        problem: expect.stringMatching(
          /^artifact perfgate-results-shard-1-of-3 of run 4343: is not valid JSON/,
        ),
      },
      {
        shard: 2,
        status: 'missing',
        problem:
          'run 4343 has no artifact perfgate-results-shard-2-of-3; did the job of shard 2/3 fail or not run?',
      },
      {
        shard: 3,
        status: 'unreadable',
        problem: 'perfgate-results-shard-3-of-3 lacks results.json',
      },
    ])
  })
})
