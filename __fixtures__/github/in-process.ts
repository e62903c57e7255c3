/**
 * Deps for running the action in-process (`run(deps)` from src/): the real GitHub API client
 * against the local fake GitHub, an artifact store kept in that fake, a bench runner that
 * produces the samples a test asks for, real files in a temp workspace, and a step that records.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { hasCommit } from '../../src/ab/git.js'
import { prepareAb } from '../../src/ab/run-ab.js'
import { benchIdentity } from '../../src/config/identity.js'
import { createApi } from '../../src/github/api.js'
import { createClient } from '../../src/github/client.js'
import { DEFAULT_RETRY } from '../../src/github/retry.js'
import type { ArtifactStore, BenchRunner, Deps, Step } from '../../src/ports.js'
import { makeResults } from '../results.js'
import { CONFIG } from './action.js'
import type { FakeGitHub } from './server.js'
import { makeZip, readZip } from './zip.js'

/** What the step was told. */
export interface StepLog {
  outputs: Record<string, string>
  summary: string
  failed?: string
  annotations: { level: 'notice' | 'warning' | 'error'; message: string; title?: string }[]
  info: string[]
}

/** A Step that records everything. */
export function recordingStep(): { step: Step; log: StepLog } {
  const log: StepLog = { outputs: {}, summary: '', annotations: [], info: [] }
  const note = (level: 'notice' | 'warning' | 'error') => (message: string, props?: { title?: string }) =>
    log.annotations.push({ level, message, ...(props?.title ? { title: props.title } : {}) })
  const step: Step = {
    info: (m) => log.info.push(m),
    notice: note('notice'),
    warning: note('warning'),
    error: note('error'),
    startGroup: () => {},
    endGroup: () => {},
    setOutput: (name, value) => (log.outputs[name] = String(value)),
    setFailed: (message) => (log.failed = message),
    setSecret: () => {},
    summary: (markdown) => {
      log.summary += `${markdown}\n`
      return Promise.resolve()
    },
  }
  return { step, log }
}

/** An artifact store that keeps artifacts in the fake GitHub, where its REST listing finds them. */
export function fakeStore(server: FakeGitHub, runId: number): ArtifactStore {
  return {
    async upload(name, dir) {
      if (server.artifacts.some((a) => a.runId === runId && a.name === name)) {
        throw new Error(`uploading the artifact ${name} failed: (409) an artifact with this name already exists`)
      }
      const files: Record<string, Buffer> = {}
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue
        const file = path.join(entry.parentPath, entry.name)
        files[path.relative(dir, file)] = await readFile(file)
      }
      return { id: server.seedArtifact(runId, name, makeZip(files)).id }
    },
    async download(artifactId, _runId, dir) {
      const artifact = server.artifacts.find((a) => a.id === artifactId)
      if (!artifact) throw new Error(`artifact ${artifactId} not found`)
      for (const [name, content] of Object.entries(readZip(artifact.zip))) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
        await writeFile(path.join(dir, name), content)
      }
    },
  }
}

/**
 * A bench runner whose benches take `ms(name, call)` ms per sample (five rounds of five samples,
 * a little spread in each); thresholds and identity come from the real parsed config. It records
 * the benches of every call.
 */
export function fakeRunner(
  ms: (name: string, call: number) => number,
  calls: string[][] = [],
): BenchRunner {
  return (config, select) => {
    const benches = select.names
      ? config.benches.filter((b) => select.names?.includes(b.name))
      : config.benches
    calls.push(benches.map((b) => b.name))
    const results = makeResults({
      meta: { timestamp: new Date(Date.now() + calls.length).toISOString() },
      benches: benches.map((bench) => ({
        name: bench.name,
        samples: [0.99, 1, 1.01, 1.02, 0.98].flatMap((f) =>
          // Each call a hair different: a re-run that returned the very same samples would be a re-read.
          [1, 1.002, 0.998, 1.004, 0.996].map((g) => ms(bench.name, calls.length) * f * g * (1 + calls.length / 1e4)),
        ),
        rounds: [5, 5, 5, 5, 5],
        noiseThreshold: bench.settings.noiseThreshold,
        regressionThreshold: bench.settings.regressionThreshold,
        identity: benchIdentity(bench, config.dir),
      })),
    })
    return Promise.resolve(results)
  }
}

/** Options of one in-process run. */
export interface InProcessRun {
  server: FakeGitHub
  event: 'push' | 'pull_request' | 'workflow_run'
  payload: Record<string, unknown>
  sha: string
  ref: string
  runId: number
  runBenches: BenchRunner
  inputs?: Record<string, string>
  config?: string
  store?: ArtifactStore
  /** A workspace the test prepared (a git repository, say) holding perfgate.yml; else a fresh one. */
  workspace?: string
}

/** Deps for one run, with a fresh workspace holding the config. */
export async function inProcessDeps(options: InProcessRun): Promise<{ deps: Deps; log: StepLog; workspace: string }> {
  const workspace =
    options.workspace ?? (await mkdtemp(path.join(os.tmpdir(), 'perfgate-stages-')))
  if (!options.workspace) {
    await writeFile(path.join(workspace, 'perfgate.yml'), options.config ?? CONFIG)
  }
  const { step, log } = recordingStep()
  const inputs: Record<string, string> = {
    'github-token': 'ghs_faketoken',
    'working-directory': workspace,
    ...options.inputs,
  }
  const env = {
    GITHUB_EVENT_NAME: options.event,
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_RUN_ID: String(options.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'perf',
    GITHUB_WORKFLOW_REF: `acme/widget/.github/workflows/perf.yml@${options.ref}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: options.server.url,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: workspace,
  }
  const retry = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 8 }
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
  const deps: Deps = {
    env,
    input: (name) => inputs[name] ?? '',
    readEvent: () => Promise.resolve(JSON.stringify(options.payload)),
    now: () => new Date(),
    sleep,
    retry,
    runBenches: options.runBenches,
    abSession: (ab) => prepareAb({ ...ab, log: (line) => log.info.push(line) }),
    hasCommit: (dir, ref) => hasCommit(dir, ref),
    github: (token, ctx) =>
      Promise.resolve(
      createApi(createClient({ apiUrl: ctx.apiUrl, token, retry, sleep, log: () => {} }), ctx.owner, ctx.repo),
      ),
    artifacts: () => Promise.resolve(options.store ?? fakeStore(options.server, options.runId)),
    files: {
      mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
      writeFile: (file, text) => writeFile(file, text),
      readFile: (file) => readFile(file, 'utf8'),
    },
    step,
  }
  return { deps, log, workspace }
}
