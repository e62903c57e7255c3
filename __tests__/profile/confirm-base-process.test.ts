/**
 * `perfgate run --baseline … --confirm-base REF` names what grew in a Node `command` bench and
 * in an `http` bench whose `serve:` is a Node server (real git repository, real processes): the
 * head slows one helper of each, the profiles of both sides name it, with file and line, and
 * never the helper that did not change.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { COMMAND_ROUNDS } from '../../src/profile/capture-command.js'
import { SERVER_ROUNDS } from '../../src/profile/capture-server.js'
import { parseStoredProfile } from '../../src/profile/stored.js'
import { makeMetric } from '../../src/results/summary.js'
import type { Results } from '../../src/results/types.js'
import { gitIn } from '../helpers/git.js'
import { holdTimingLockForThisFile } from '../helpers/timing-lock.js'

let repo = ''
const git = gitIn(() => repo)

/**
 * A script whose time is in two helpers of about the same size on the base; `rounds` sets how much
 * work hashRows does. Its share moves far when it slows (two profiled runs a side are tested by
 * their shares), and the whole run must grow well beyond the 15% threshold although Node's start
 * is most of a base run: at 4x, with a three times larger parseRows, a loaded CI machine timed the
 * head only 9-13% slower, twice in four fresh-clone runs.
 */
const SCRIPT = (rounds: number) => `function hashRows(count) {
  let hash = 0
  for (let i = 0; i < count * ${rounds}; i++) hash = (hash * 31 + Math.floor(Math.sqrt(i) * 7)) % 1000003
  return hash
}

function parseRows(count) {
  let total = 0
  for (let i = 0; i < count; i++) total += Number(String(i * 3)) % 7
  return total
}

console.log(hashRows(4000000) + parseRows(500000))
`

/** A server whose requests spend their time in two helpers; `rounds` sets escapeHtml's work. */
const SERVER = (rounds: number) => `import http from 'node:http'

function escapeHtml(text) {
  let out = ''
  for (let r = 0; r < ${rounds}; r++) out = text.replace(/[<>&"]/g, (c) => '&#' + c.charCodeAt(0) + ';')
  return out
}

function listItems(count) {
  let html = ''
  for (let i = 0; i < count; i++) html += '<li>' + i + '</li>'
  return html
}

const page = '<p>"a" & <b>b</b></p>'.repeat(2000)
http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('ok')
    res.end(escapeHtml(page) + listItems(300))
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
`

const CONFIG = (port: number) => `defaults:
  samples: 4
  rounds: 2
  warmup: 1
  time: 1ms
  regression-threshold: 15%
benches:
  - {name: script, kind: command, command: node script.mjs, memory: false}
  - name: page
    kind: http
    url: http://127.0.0.1:${port}/page
    samples: 30
    warmup: 10
    serve:
      command: node server.mjs
      env: {PORT: "${port}"}
      health: {url: "http://127.0.0.1:${port}/health", timeout: 20s, interval: 20ms}
`

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function perfgate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env: { ...process.env, CI: 'true' },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
  })
  return { code, stdout, stderr }
}

holdTimingLockForThisFile()

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), 'perfgate-profile-confirm-'))
  git('init', '-q', '-b', 'main')
  writeFileSync(path.join(repo, 'perfgate.yml'), CONFIG(await freePort()))
  writeFileSync(path.join(repo, 'script.mjs'), SCRIPT(1))
  writeFileSync(path.join(repo, 'server.mjs'), SERVER(1))
  writeFileSync(path.join(repo, '.gitignore'), '*.json\nprofiles/\n')
  git('add', '.')
  git('commit', '-qm', 'base')
  const config = path.join(repo, 'perfgate.yml')
  const baseFile = path.join(repo, 'base.json')
  const base = await perfgate(['run', '--config', config, '--out', baseFile])
  if (base.code !== 0) throw new Error(`baseline run failed: ${base.stderr}`)
  // The stored baseline as if from a runner 4x faster: both benches are then in doubt whatever
  // this machine's load did between the two runs, and the confirmation here decides.
  const stored = JSON.parse(readFileSync(baseFile, 'utf8')) as Results
  for (const bench of stored.benches) {
    bench.metrics = bench.metrics.map((metric) =>
      metric.unit === 'ms'
        ? makeMetric({
            name: metric.name,
            unit: metric.unit,
            samples: metric.samples.map((ms) => ms / 4),
            rounds: metric.rounds ?? [metric.samples.length],
          })
        : metric,
    )
  }
  writeFileSync(baseFile, JSON.stringify(stored))
  git('checkout', '-qb', 'feature')
  // The head slows one helper of each: hashRows 8x, escapeHtml 5x.
  writeFileSync(path.join(repo, 'script.mjs'), SCRIPT(8))
  writeFileSync(path.join(repo, 'server.mjs'), SERVER(5))
  git('commit', '-qam', 'slower')
}, 120_000)

describe('perfgate run --confirm-base profiles Node commands and servers', () => {
  it('names the slowed helper of each confirmed regression, with file and line', async () => {
    const run = await perfgate([
      'run',
      '--config',
      path.join(repo, 'perfgate.yml'),
      '--out',
      path.join(repo, 'head.json'),
      '--baseline',
      path.join(repo, 'base.json'),
      '--confirm-base',
      'main',
    ])
    const section = (bench: string): string => {
      const lines = run.stdout.split('\n')
      const start = lines.findLastIndex((line) => line.startsWith(`${bench} `))
      const end = lines.findIndex((line, i) => i > start && /^\S/.test(line))
      return lines.slice(start, end === -1 ? undefined : end).join('\n')
    }
    const script = section('script')
    // The stderr tells what happened when the row is not what it should be.
    if (!script.includes('regression (confirmed against the base)'))
      throw new Error(run.stdout + run.stderr)
    expect(script).toContain('why slower (CPU profiles of base and head on this runner):')
    expect(script).toMatch(
      /^ {6}hashRows \(script\.mjs:1\): .* per call \(\+[\d.]+%\), \d+% of the change$/m,
    )
    expect(script).not.toContain('parseRows')
    const page = section('page')
    expect(page).toContain('regression (confirmed against the base)')
    expect(page).toMatch(
      /^ {6}escapeHtml \(server\.mjs:3\): .* per call \(\+[\d.]+%\), \d+% of the change$/m,
    )
    expect(page).not.toContain('listItems')
    // The files a profiler opens, beside the results.
    expect(existsSync(path.join(repo, 'profiles', 'page.head.cpuprofile'))).toBe(true)
    // The server's sides one after the other (they share a port), SERVER_ROUNDS each: every
    // base round ends before the first head round starts (V8 stamps both on the system's
    // monotonic clock).
    const storedOf = (bench: string, side: string) =>
      parseStoredProfile(
        readFileSync(path.join(repo, 'profiles', `${bench}.${side}.cpuprofile`), 'utf8'),
        side,
      ).perfgate.rounds
    const [base, head] = [storedOf('page', 'base'), storedOf('page', 'head')]
    expect([base.length, head.length]).toEqual([SERVER_ROUNDS, SERVER_ROUNDS])
    expect(Math.max(...base.map((r) => r.endTime))).toBeLessThan(
      Math.min(...head.map((r) => r.startTime)),
    )
    // The command's COMMAND_ROUNDS runs a side, the first taken while opening, in ABBA order:
    // base, head, head, base.
    const [runs, again] = [storedOf('script', 'base'), storedOf('script', 'head')]
    expect([runs.length, again.length]).toEqual([COMMAND_ROUNDS, COMMAND_ROUNDS])
    expect(runs[0].endTime).toBeLessThan(again[0].startTime)
    expect(again[1].endTime).toBeLessThan(runs[1].startTime)
    const folded = readFileSync(path.join(repo, 'profiles', 'script.diff.folded'), 'utf8')
    expect(folded).toMatch(/hashRows \(script\.mjs:1\) \S+ \S+$/m)
  }, 300_000)
})
