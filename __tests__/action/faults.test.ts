/**
 * Fault injection through the local GitHub fake, against the src/ functions that meet the faults:
 * the artifact source (find + download + read), the store's upload, the baseline window rebuild.
 * Every case asserts a clear outcome and a bounded wall time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runtimeToken } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { makeZip, readZip } from '../../__fixtures__/github/zip.js'
import { makeResults } from '../../__fixtures__/results.js'
import { artifactSource } from '../../src/baseline/artifact-source.js'
import { mergeWindows, writeWindow } from '../../src/baseline/history.js'
import { artifactStore, type DownloadLimits } from '../../src/baseline/store.js'
import { recentWindows, uploadBaseline } from '../../src/baseline/upload.js'
import { createApi } from '../../src/github/api.js'
import { createClient } from '../../src/github/client.js'
import type { GithubContext } from '../../src/github/context.js'
import type { RetryPolicy } from '../../src/github/retry.js'
import { serializeResults } from '../../src/results/schema.js'
import type { Results } from '../../src/results/types.js'

const NAME = 'perfgate-baseline'
const retry: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200 }
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const sha = (c: string) => c.repeat(40)
let server: FakeGitHub
let nextRun = 100

const ctx = (runId: number): GithubContext => ({
  owner: 'acme',
  repo: 'widget',
  eventName: 'push',
  sha: sha('f'),
  ref: 'refs/heads/main',
  runId,
  workflow: 'perf',
  workflowPath: '.github/workflows/perf.yml',
  serverUrl: 'https://github.com',
  apiUrl: server.url,
  defaultBranch: 'main',
  branch: 'main',
})

const api = (policy: RetryPolicy = retry) =>
  createApi(
    createClient({ apiUrl: server.url, token: 't', retry: policy, sleep }),
    'acme',
    'widget',
  )
const store = (limits?: Partial<DownloadLimits>) =>
  artifactStore({
    token: 't',
    owner: 'acme',
    repo: 'widget',
    retry,
    sleep,
    log: () => undefined,
    apiUrl: server.url,
    ...(limits ? { limits } : {}),
  })

const results = (commit: string, timestamp: string): Results =>
  makeResults({ benches: [{ name: 'b', samples: [1, 2, 3] }], meta: { commit, timestamp } })

/** A push run at `commit` whose baseline artifact is `zip`. */
function seedRun(commit: string, zip: Buffer): number {
  const id = nextRun++
  server.addRun({ id, head_sha: commit, created_at: new Date(Date.now() + id).toISOString() })
  server.seedArtifact(id, NAME, zip)
  return id
}

const goodZip = (commit: string) =>
  makeZip({ 'results.json': serializeResults(results(commit, new Date().toISOString())) })

/** Loads the baseline for `commit` and measures how long it took. */
async function load(commit: string, limits?: Partial<DownloadLimits>, policy?: RetryPolicy) {
  const started = performance.now()
  const outcome = await artifactSource({
    api: api(policy),
    store: store(limits),
    ctx: ctx(999),
    artifactName: NAME,
    branch: 'main',
    now: () => new Date(),
    maxAgeDays: 30,
    defaultBranch: 'main',
    commit,
  }).load()
  return { outcome, ms: performance.now() - started }
}

beforeAll(async () => {
  server = await startFakeGitHub()
  // sha6 first: every other commit is later, so no other run is an ancestor of it.
  server.mainCommits = ['6', '1', '2', '3', '4', '5', '7', '8', 'a', 'b'].map(sha)
})
afterEach(() => server.clearFaults())
afterAll(async () => {
  await server.close()
})

describe('bad baselines degrade to "no baseline", fast', () => {
  it('a garbage zip', async () => {
    seedRun(sha('1'), Buffer.from('this is not a zip at all '.repeat(4000)))
    const { outcome, ms } = await load(sha('1'))
    expect(outcome).toMatchObject({
      found: false,
      reason: expect.stringMatching(/not a readable zip/),
    })
    expect(ms).toBeLessThan(5_000)
  })

  it('a truncated zip', async () => {
    const zip = goodZip(sha('2'))
    seedRun(sha('2'), zip.subarray(0, Math.floor(zip.length / 2)))
    const { outcome, ms } = await load(sha('2'))
    expect(outcome).toMatchObject({
      found: false,
      reason: expect.stringMatching(/truncated or corrupt/),
    })
    expect(ms).toBeLessThan(5_000)
  })

  it('a zip whose results do not match the schema', async () => {
    seedRun(sha('3'), makeZip({ 'results.json': '{"schemaVersion": 1, "meta": 7}' }))
    const { outcome } = await load(sha('3'))
    expect(outcome).toMatchObject({ found: false, reason: expect.stringMatching(/unusable/) })
  })

  it('a zip over the size limit is refused, packed or unpacked', async () => {
    seedRun(sha('4'), makeZip({ 'results.json': 'x'.repeat(50_000) }))
    const packed = await load(sha('4'), { maxZipBytes: 10_000 })
    expect(packed.outcome).toMatchObject({
      found: false,
      reason: expect.stringMatching(/larger than 10000 bytes/),
    })
    const unpacked = await load(sha('4'), { maxUnzippedBytes: 10_000 })
    expect(unpacked.outcome).toMatchObject({
      found: false,
      reason: expect.stringMatching(/unpacks to more than 10000/),
    })
  })

  it('an artifact deleted between the listing and the download', async () => {
    seedRun(sha('5'), goodZip(sha('5')))
    server.fail({
      match: (m, p) => m === 'GET' && /\/artifacts\/\d+\/zip$/.test(p),
      status: 410,
      times: 1,
      message: 'Artifact has expired',
    })
    const { outcome, ms } = await load(sha('5'))
    expect(outcome).toMatchObject({ found: false, reason: expect.stringMatching(/gone \(410/) })
    expect(ms).toBeLessThan(2_000)
  })

  it('an expired artifact', async () => {
    const id = nextRun++
    server.addRun({ id, head_sha: sha('6') })
    server.seedArtifact(id, NAME, goodZip(sha('6')), { expiresInDays: -1 })
    const { outcome } = await load(sha('6'))
    expect(outcome).toMatchObject({ found: false, reason: expect.stringMatching(/has expired/) })
  })

  it('a run listing rate-limited for good (403, x-ratelimit-remaining: 0) ends in no baseline', async () => {
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 403,
      times: 10,
      message: 'API rate limit exceeded for installation',
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
      },
    })
    const { outcome, ms } = await load(sha('7'))
    expect(outcome).toMatchObject({ found: false, reason: expect.stringMatching(/rate limit/) })
    expect(ms).toBeLessThan(10_000)
    server.clearFaults()
  })

  it('a missing permission still fails: the workflow must be fixed', async () => {
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 403,
      times: 1,
      message: 'Resource not accessible by integration',
    })
    await expect(load(sha('8'))).rejects.toThrow(/lacks the `actions: read` permission/)
  })
})

describe('transient faults lose nothing', () => {
  it('a connection reset on the download is retried', async () => {
    seedRun(sha('a'), goodZip(sha('a')))
    server.fail({
      match: (m, p) => m === 'GET' && p.startsWith('/blob/'),
      status: 0,
      times: 1,
      reset: true,
    })
    const { outcome } = await load(sha('a'))
    expect(outcome.found).toBe(true)
  })

  it('a 502 and a Retry-After 429 on the run listing are retried', async () => {
    seedRun(sha('b'), goodZip(sha('b')))
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 502,
      times: 1,
    })
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 429,
      times: 1,
      headers: { 'retry-after': '0' },
    })
    const { outcome } = await load(sha('b'))
    expect(outcome.found).toBe(true)
  })
})

describe('rate limits that lift are waited out', () => {
  it('a secondary rate limit with Retry-After is retried', async () => {
    seedRun(sha('b'), goodZip(sha('b')))
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 403,
      times: 1,
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      // Octokit's throttling reads Retry-After: 0 as "no header" (a 60 s wait): say 1 s.
      headers: { 'retry-after': '1' },
    })
    const before = server.requests.filter((r) => r.includes('/actions/runs?')).length
    const { outcome, ms } = await load(sha('b'), undefined, { ...retry, maxDelayMs: 2_000 })
    expect(outcome.found).toBe(true)
    expect(ms).toBeGreaterThanOrEqual(900)
    expect(
      server.requests.filter((r) => r.includes('/actions/runs?')).length - before,
    ).toBeGreaterThanOrEqual(2)
  })

  it('a primary rate limit with a reset too far off gives up at once', async () => {
    server.fail({
      match: (m, p) => m === 'GET' && p.endsWith('/actions/runs'),
      status: 403,
      times: 100,
      message: 'API rate limit exceeded',
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      },
    })
    const { outcome, ms } = await load(sha('b'))
    expect(outcome).toMatchObject({
      found: false,
      reason: expect.stringMatching(/403 API rate limit exceeded/),
    })
    expect(ms).toBeLessThan(2_000)
  })
})

describe('the baseline upload on a push', () => {
  const saved = { ...process.env }
  let dir: string
  beforeAll(async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken(500)
    process.env.ACTIONS_RESULTS_URL = `${server.url}/`
    dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-upload-'))
    await writeWindow(dir, [results(sha('c'), '2026-02-01T00:00:00.000Z')])
  })
  afterAll(() => {
    process.env = saved
  })
  const twirp = (method: string) => (m: string, p: string) =>
    m === 'POST' && p.endsWith(`ArtifactService/${method}`)

  it('survives a connection reset on CreateArtifact', async () => {
    server.fail({ match: twirp('CreateArtifact'), status: 0, times: 1, reset: true })
    const started = performance.now()
    const upload = await uploadBaseline(store(), {
      name: 'one-reset',
      dir,
      commit: sha('c'),
      branch: 'main',
    })
    expect(upload.kind).toBe('uploaded')
    expect(performance.now() - started).toBeLessThan(60_000)
    const stored = server.artifacts.find((a) => a.name === 'one-reset' && a.finalized)
    expect(Object.keys(readZip(stored!.zip))).toEqual([
      `history/${(await readdir(path.join(dir, 'history')))[0]}`,
    ])
  }, 90_000)

  it('gives up on a lasting 502 after the retries of @actions/artifact, in bounded time', async () => {
    server.fail({ match: twirp('CreateArtifact'), status: 502, times: 1000 })
    const before = server.requests.filter((r) => r.includes('CreateArtifact')).length
    // The library waits 3 s × 1.5ⁿ between its attempts (about 25 s in all); its waits are cut
    // short here, and the attempts counted instead: a bounded number, so a bounded time.
    const realSetTimeout = globalThis.setTimeout
    const shortWaits = ((handler: () => void, ms?: number) =>
      realSetTimeout(handler, ms !== undefined && ms >= 2000 ? 10 : ms)) as typeof setTimeout
    globalThis.setTimeout = shortWaits
    let upload
    try {
      upload = await uploadBaseline(store(), {
        name: 'bad-gateway',
        dir,
        commit: sha('c'),
        branch: 'main',
      })
    } finally {
      globalThis.setTimeout = realSetTimeout
    }
    expect(upload).toMatchObject({
      kind: 'failed',
      warning: expect.stringMatching(/502|after 5 attempts/),
    })
    // @actions/artifact tries 5 times; perfgate does not multiply that with retries of its own.
    expect(server.requests.filter((r) => r.includes('CreateArtifact')).length - before).toBe(5)
  }, 60_000)

  it('reports a lasting failure as a warning naming the commit, without throwing', async () => {
    server.fail({ match: twirp('CreateArtifact'), status: 0, times: 1000, reset: true })
    const started = performance.now()
    const upload = await uploadBaseline(store(), {
      name: 'never',
      dir,
      commit: sha('c'),
      branch: 'main',
    })
    server.clearFaults()
    expect(upload).toMatchObject({
      kind: 'failed',
      commit: sha('c'),
      warning: expect.stringContaining(`No baseline was recorded for ${sha('c').slice(0, 7)}`),
    })
    expect(performance.now() - started).toBeLessThan(110_000)
  }, 120_000)
})

describe('concurrent pushes', () => {
  it('the window is rebuilt from every recent run, so two racing pushes both stay in it', async () => {
    const fake = await startFakeGitHub()
    const previous = server
    server = fake
    try {
      const base = results(sha('0'), '2026-03-01T00:00:00.000Z')
      const a = results(sha('1'), '2026-03-02T00:00:00.000Z')
      const b = results(sha('2'), '2026-03-02T00:00:01.000Z')
      const zipOf = (runs: Results[]) =>
        makeZip(
          Object.fromEntries(
            runs.map((r) => [
              `history/${r.meta.timestamp}-${r.meta.commit}.json`,
              serializeResults(r),
            ]),
          ),
        )
      seedRun(sha('0'), zipOf([base]))
      // Both pushes started from the same predecessor and each uploaded [itself, base].
      seedRun(sha('1'), zipOf([a, base]))
      seedRun(sha('2'), zipOf([b, base]))
      const { windows } = await recentWindows(api(), store(), ctx(999), {
        branch: 'main',
        artifactName: NAME,
      })
      const next = mergeWindows(windows, results(sha('3'), '2026-03-03T00:00:00.000Z'), 10)
      expect(next.map((r) => r.meta.commit)).toEqual([sha('3'), sha('2'), sha('1'), sha('0')])
    } finally {
      server = previous
      await fake.close()
    }
  })
})
