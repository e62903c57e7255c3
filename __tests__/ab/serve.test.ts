/**
 * `serve` with real parts: a tiny node HTTP server committed in a git repository built here,
 * whose head makes the handler slower. perfgate starts each side's server from its own checkout
 * (one at a time, on the same port), health-checks it, measures and stops it; a normal run
 * starts it once and stops it at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import { runConfig } from '../../src/run/run-config.js'
import { alive } from '../helpers/process.js'

let repo: string
let port: number
let pidsFile: string
/** Every server pid the tests saw start. */
const seen = new Set<number>()

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()

/** The server: GET /health answers 200 (or 503 forever with SICK=1), jobs for e2e, anything else after DELAY ms. */
const SERVER = (delayMs: number) => `import http from 'node:http'
import { appendFileSync } from 'node:fs'
if (process.env.PIDS) appendFileSync(process.env.PIDS, process.pid + ' ' + process.cwd() + '\\n')
const sick = process.env.SICK === '1'
const jobs = new Map()
http
  .createServer((req, res) => {
    if (req.url === '/health') {
      res.statusCode = sick ? 503 : 200
      res.end(sick ? 'starting' : 'ok')
      return
    }
    // e2e: POST /jobs creates a job that is done DELAY ms later; GET /jobs/:id polls it.
    if (req.url === '/jobs' && req.method === 'POST') {
      const id = jobs.size + 1
      jobs.set(id, Date.now() + ${delayMs})
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ job: { id } }))
      return
    }
    if (req.url.startsWith('/jobs/')) {
      const due = jobs.get(Number(req.url.slice('/jobs/'.length)))
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ state: due !== undefined && Date.now() >= due ? 'done' : 'running' }))
      return
    }
    setTimeout(() => res.end('done'), ${delayMs})
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
`

const CONFIG = (port: number) => `defaults:
  rounds: 4
  samples: 20
  time: 1ms
  warmup: 3
  regression-threshold: 25%
  serve:
    command: node server.mjs
    env: {PORT: "${port}"}
benches:
  - name: api
    kind: http
    base-urls: [http://127.0.0.1:${port}]
    url: /work
    health: {url: /health, timeout: 10s, interval: 20ms}
  - name: api-again
    kind: http
    base-urls: [http://127.0.0.1:${port}]
    url: /work?again=1
    health: {url: /health, timeout: 10s, interval: 20ms}
  - name: flow
    kind: e2e
    create: {url: http://127.0.0.1:${port}/jobs}
    id: $.job.id
    poll: {url: "http://127.0.0.1:${port}/jobs/{{id}}", field: $.state, success: done}
    poll-interval: 3ms
    samples: 8
    rounds: 2
    health: {url: http://127.0.0.1:${port}/health, timeout: 10s, interval: 20ms}
`

const EARLY = (port: number) => `benches:
  - name: early
    kind: http
    rounds: 2
    samples: 3
    time: 1ms
    url: http://127.0.0.1:${port}/work
    serve:
      command: node crash.mjs
      env: {PORT: "${port}"}
      health: {url: http://127.0.0.1:${port}/health, timeout: 10s, interval: 20ms}
  - name: early-head
    kind: http
    rounds: 2
    samples: 3
    time: 1ms
    url: http://127.0.0.1:${port}/work
    serve:
      command: node crash-head.mjs
      env: {PORT: "${port}"}
      health: {url: http://127.0.0.1:${port}/health, timeout: 10s, interval: 20ms}
`

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(repo, name), text)
}

beforeAll(async () => {
  port = await freePort()
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-serve-test-'))
  pidsFile = path.join(repo, '..', `${path.basename(repo)}-pids.log`)
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  await write({
    'perfgate.yml': CONFIG(port),
    'early.yml': EARLY(port),
    'server.mjs': SERVER(2),
    'crash.mjs': 'console.error("cannot read settings.json"); process.exit(4)\n',
    'crash-head.mjs': SERVER(2),
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  await write({
    'server.mjs': SERVER(15),
    'crash.mjs': SERVER(2),
    'crash-head.mjs': 'throw new Error("port setting missing")\n',
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'head: slower handler')
}, 60_000)

afterAll(async () => {
  // A server perfgate failed to stop must not outlive the test (nor keep jest waiting on it).
  for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL')
  if (repo) await rm(repo, { recursive: true, force: true })
  if (pidsFile) await rm(pidsFile, { force: true })
})

async function ab(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['ab', ...args, '--format', 'json'], {
    env: { ...process.env, PIDS: pidsFile },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
  })
  const comparisons = stdout
    ? (
        JSON.parse(stdout) as {
          comparisons: { name: string; verdict: string; reason: string }[]
        }
      ).comparisons
    : []
  return { code, stderr, comparisons }
}

/** The servers started since the pids file was last cleared: pid and folder. */
async function started(): Promise<{ pid: number; cwd: string }[]> {
  const text = await readFile(pidsFile, 'utf8').catch(() => '')
  const servers = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [pid, ...cwd] = line.split(' ')
      return { pid: Number(pid), cwd: cwd.join(' ') }
    })
  for (const server of servers) seen.add(server.pid)
  return servers
}

describe('serve in A/B mode', () => {
  it("flags the head's slower handler, each side's server started from its own checkout and stopped", async () => {
    await rm(pidsFile, { force: true })
    const out = path.join(os.tmpdir(), `perfgate-serve-ab-${process.pid}`)
    const result = await ab([
      'main',
      '--config',
      path.join(repo, 'perfgate.yml'),
      '--out-dir',
      out,
      '--no-profile',
    ])
    expect(result.code).toBe(0)
    const regressions = result.comparisons.filter((c) => c.verdict === 'regression')
    expect(regressions.map((c) => c.name).sort()).toEqual(['api', 'api-again', 'flow'])
    const servers = await started()
    const headServers = servers.filter((s) => s.cwd === repo)
    const baseServers = servers.filter((s) => s.cwd !== repo)
    // ABBA over 4 rounds switches sides 4 times per bench (B | HH | BB | H), so each bench
    // starts 5 servers; the second bench reuses none, since the first ended on the head side
    // and the second starts on the base side. A confirmation re-run starts more.
    expect(servers.length).toBeGreaterThanOrEqual(10)
    expect(headServers.length).toBeGreaterThanOrEqual(4)
    expect(baseServers.length).toBeGreaterThanOrEqual(4)
    expect(baseServers.every((s) => s.cwd.includes('perfgate-base-'))).toBe(true)
    // Every server is gone again, and so is the base worktree.
    expect(servers.filter((s) => alive(s.pid))).toEqual([])
    expect(git('worktree', 'list')).not.toContain('perfgate-base-')
    await rm(out, { recursive: true, force: true })
  }, 300_000)

  it('flags nothing when the base is the head itself', async () => {
    const out = path.join(os.tmpdir(), `perfgate-serve-same-${process.pid}`)
    const result = await ab(['HEAD', '--config', path.join(repo, 'perfgate.yml'), '--out-dir', out])
    expect(result.code).toBe(0)
    const flagged = result.comparisons.map((c) => [c.name, c.verdict === 'regression'])
    expect(flagged.sort()).toEqual([
      ['api', false],
      ['api-again', false],
      ['flow', false],
    ])
    await rm(out, { recursive: true, force: true })
  }, 300_000)

  it('a server that exits before it is healthy is an error naming the bench and the side', async () => {
    const out = path.join(os.tmpdir(), `perfgate-serve-early-${process.pid}`)
    const result = await ab(['main', '--config', path.join(repo, 'early.yml'), '--out-dir', out])
    // The head side failed: the run failed. (crash.mjs fails only in the base, crash-head.mjs
    // only in the head; the other side's is a working server.)
    expect(result.code).toBe(1)
    const row = (name: string) => result.comparisons.find((c) => c.name === name)
    expect(row('early-head')?.verdict).toBe('error')
    expect(row('early-head')?.reason).toContain(
      `the head side's server \`node crash-head.mjs\` of bench "early-head" exited with code 1 before its health check passed`,
    )
    expect(row('early-head')?.reason).toContain('port setting missing')
    // A base that could not be measured leaves the bench inconclusive, saying why.
    expect(row('early')?.verdict).toBe('inconclusive')
    expect(row('early')?.reason).toContain(
      `the base side's server \`node crash.mjs\` of bench "early" exited with code 4 before its health check passed`,
    )
    expect(row('early')?.reason).toContain('cannot read settings.json')
    await rm(out, { recursive: true, force: true })
  }, 120_000)
})

describe('serve in a normal run', () => {
  const load = (text: string) => {
    const parsed = parseConfig(text, { file: path.join(repo, 'perfgate.yml') })
    if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
    return parsed.config
  }

  it('starts the server once for the benches that share it and stops it at the end', async () => {
    await rm(pidsFile, { force: true })
    const results = await runConfig(load(CONFIG(port)), {
      env: { ...process.env, PIDS: pidsFile },
      now: () => new Date(),
    })
    expect(results.benches.map((b) => [b.name, b.status, b.reason])).toEqual([
      ['api', 'ok', undefined],
      ['api-again', 'ok', undefined],
      ['flow', 'ok', undefined],
    ])
    // The head's handler waits 15 ms.
    expect(results.benches[0].metrics[0].summary.median).toBeGreaterThan(14)
    const servers = await started()
    expect(servers).toHaveLength(1)
    expect(alive(servers[0].pid)).toBe(false)
  }, 120_000)

  it('a server whose health check never passes is an error naming the bench', async () => {
    const config = load(CONFIG(port).replace('timeout: 10s', 'timeout: 600ms'))
    const results = await runConfig(
      { ...config, benches: config.benches.slice(0, 1) },
      { env: { ...process.env, SICK: '1' }, now: () => new Date() },
    )
    const [bench] = results.benches
    expect(bench.status).toBe('error')
    expect(bench.reason).toContain(
      `the server \`node server.mjs\` of bench "api" did not become healthy: health check /health on http://127.0.0.1:${port} was not 2xx within 600ms (last: status 503)`,
    )
  }, 60_000)

  it('names the bench and field of a serve perfgate cannot use', () => {
    const errors = (text: string) => {
      const parsed = parseConfig(text, { file: 'perfgate.yml' })
      return parsed.ok ? [] : parsed.errors.map(formatConfigError)
    }
    expect(
      errors('benches:\n  - {name: cli, kind: command, command: ls, serve: node server.mjs}\n'),
    ).toEqual([
      expect.stringMatching(
        /^perfgate\.yml:2 bench "cli": serve is not supported by command benches/,
      ),
    ])
    expect(
      errors(
        'benches:\n  - {name: api, kind: http, url: "http://127.0.0.1:1/x", serve: node server.mjs}\n',
      ),
    ).toEqual([expect.stringMatching(/^perfgate\.yml:2 bench "api": serve needs a health check/)])
    // In defaults it applies to http/e2e benches only: a command bench next to it is fine.
    expect(
      errors(
        'defaults: {serve: node s.mjs}\nbenches:\n  - {name: cli, kind: command, command: ls}\n',
      ),
    ).toEqual([])
  })
})
