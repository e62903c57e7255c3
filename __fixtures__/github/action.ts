/** Runs the bundled action (dist/index.js) as a runner does: INPUT_* env, event payload, files. */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FakeGitHub } from './server.js'

/** The bundle under test. */
export const ACTION = path.resolve('dist/index.js')

/** A tiny config: one steady bench, one whose duration the test controls through PERFGATE_TEST_DELAY. */
export const CONFIG = `defaults:
  samples: 5
  rounds: 1
  warmup: 1
  time: 1ms
  regression-threshold: 150%
  noise-threshold: 50%
benches:
  - name: steady
    kind: command
    command: sleep 0.03
  - name: tunable
    kind: command
    command: sleep \${PERFGATE_TEST_DELAY:-0.03}
`

/** A run of the action and what it left behind. */
export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
}

/** How to run it. */
export interface RunOptions {
  server: FakeGitHub
  event: 'push' | 'pull_request' | 'workflow_run'
  payload: Record<string, unknown>
  sha: string
  ref: string
  runId: number
  inputs?: Record<string, string>
  env?: Record<string, string>
  config?: string
  /** Extra files in the workspace (path → content). */
  files?: Record<string, string>
  /** An existing workspace (e.g. a git clone) to run in as it is; default: a fresh one with `config`. */
  workspace?: string
}

/** A JWT-shaped runtime token whose scp claim carries Actions.Results:<run>:<job> (what @actions/artifact reads). */
export function runtimeToken(runId: number): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:1 Actions.Results:${runId}:job-${runId}` })}.signature`
}

/** Spawns `node dist/index.js` in a fresh workspace and collects outputs and the job summary. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workspace = options.workspace ?? (await mkdtemp(path.join(os.tmpdir(), 'perfgate-action-')))
  // Beside a given workspace, not in it: a clone's status stays clean.
  const temp = options.workspace
    ? await mkdtemp(path.join(os.tmpdir(), 'perfgate-runner-temp-'))
    : path.join(workspace, '_temp')
  if (!options.workspace) {
    await mkdir(temp)
    await writeFile(path.join(workspace, 'perfgate.yml'), options.config ?? CONFIG)
  }
  for (const [file, content] of Object.entries(options.files ?? {})) {
    await mkdir(path.dirname(path.join(workspace, file)), { recursive: true })
    await writeFile(path.join(workspace, file), content)
  }
  const eventPath = path.join(temp, 'event.json')
  await writeFile(eventPath, JSON.stringify(options.payload))
  const outputPath = path.join(temp, 'output.txt')
  const summaryPath = path.join(temp, 'summary.md')
  await writeFile(outputPath, '')
  await writeFile(summaryPath, '')
  const port = new URL(options.server.url).port
  const inputs = { 'github-token': 'ghs_faketoken', ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    NO_PROXY: '*',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_RUN_ID: String(options.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'perf',
    GITHUB_WORKFLOW_REF: `acme/widget/.github/workflows/perf.yml@${options.ref}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: temp,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(options.runId),
    ACTIONS_RESULTS_URL: `${options.server.url}/`,
    GITHUB_API_URL: options.server.url,
    // @actions/artifact refuses other hosts; *.localhost is accepted and never resolved by it.
    GITHUB_SERVER_URL: `http://github.localhost:${port}`,
    PERFGATE_RETRY_DELAY_MS: '10',
    ...options.env,
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  // PERFGATE_TEST_NODE runs the bundle on another Node (CI: Node 24, the action's runtime).
  const node = process.env.PERFGATE_TEST_NODE || process.execPath
  const child = spawn(node, [ACTION], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    workspace,
  }
}

/** Parses the GITHUB_OUTPUT file (`name<<delimiter` blocks written by @actions/core). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

/** A real-shaped push payload. */
export function pushPayload(sha: string, before: string): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    before,
    after: sha,
    repository: { full_name: 'acme/widget', name: 'widget', owner: { login: 'acme' }, default_branch: 'main' },
    head_commit: { id: sha, message: 'change' },
    pusher: { name: 'octocat' },
  }
}

/** A real-shaped pull_request payload. */
export function prPayload(options: {
  number: number
  headSha: string
  baseSha: string
  labels?: string[]
  fork?: boolean
}): Record<string, unknown> {
  const headRepo = options.fork ? 'forker/widget' : 'acme/widget'
  return {
    action: 'synchronize',
    number: options.number,
    pull_request: {
      number: options.number,
      state: 'open',
      head: { ref: 'feature', sha: options.headSha, repo: { full_name: headRepo, fork: options.fork ?? false } },
      base: { ref: 'main', sha: options.baseSha, repo: { full_name: 'acme/widget' } },
      labels: (options.labels ?? []).map((name) => ({ name })),
    },
    repository: { full_name: 'acme/widget', name: 'widget', owner: { login: 'acme' }, default_branch: 'main' },
  }
}
