/**
 * `npm run bench:explain`: how well the profiles of a confirmed regression name its cause, and
 * what profiling costs. In a throwaway git repo, a js bench whose `entry` calls two helpers of
 * equal cost, `mix` and `fold`; for each seed the PR's commit makes `mix` do 50–150% more work
 * (seeded), and the same A/B session a base confirmation opens measures both sides interleaved
 * (the confirmation step) and then profiles both (session.profile, as for a confirmed
 * regression). All of it next to a CPU hog (`yes` pinned to core 1 with taskset when present).
 * Reports: how often `mix` is named first, how often the unchanged `fold` is named at all, and
 * profiling's wall clock as a share of the confirmation's measurement. Needs the bundle (the js
 * worker is dist/js-worker.js). EXPLAIN_SEEDS=N sets the seeds (default 20), EXPLAIN_SEED_FROM=K
 * the first (default 1: a rule tuned on some seeds is measured on others); EXPLAIN_KIND=command
 * times the same code as a Node command instead, EXPLAIN_KIND=server as a Node http server.
 * EXPLAIN_AA=1 leaves `mix` unchanged (the PR changes a comment): an A/A run, where any function
 * named is a false naming; every seed is profiled, whatever the timing's verdict.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { prepareAb } from '../src/ab/run-ab.js'
import { compareRuns } from '../src/compare/index.js'
import { causeTexts } from '../src/report/cause.js'

const SEEDS = Number(process.env.EXPLAIN_SEEDS ?? 20)
const FIRST_SEED = Number(process.env.EXPLAIN_SEED_FROM ?? 1)
const AA = process.env.EXPLAIN_AA === '1'
const WORK = 20_000
// EXPLAIN_KIND=command times the same code as a Node command (`node run.mjs`, calling entry
// CALLS_PER_RUN times per run), profiled through the preload and the node shim.
// EXPLAIN_KIND=server drives a Node http server (`serve:`) whose requests call entry
// CALLS_PER_REQUEST times and render an allocation-heavy page (the collector's bursts land in
// some rounds, as in a real server); `render` is unchanged, like `fold`.
const KIND = (['command', 'server'] as const).find((k) => k === process.env.EXPLAIN_KIND) ?? 'js'
const CALLS_PER_RUN = 200
const CALLS_PER_REQUEST = 20
// Below Linux's range for outgoing connections (32768–60999): a port in it was once held by a
// client socket, and the server could not start (EADDRINUSE).
const PORT = 20_000 + (process.pid % 10_000)
const RESULT = KIND === 'js' ? 'work/entry' : 'work'
// The js defaults (time 1 s, rounds 5: 10 rounds per side in A/B), as a bench without settings
// gets them. EXPLAIN_TIME / EXPLAIN_ROUNDS set others (shorter benches make profiling's share
// larger: its rounds take at least 30 ms whatever the bench's time).
const SETTINGS = [
  ...(process.env.EXPLAIN_TIME ? [`  time: ${process.env.EXPLAIN_TIME}`] : []),
  ...(process.env.EXPLAIN_ROUNDS ? [`  rounds: ${process.env.EXPLAIN_ROUNDS}`] : []),
]
const BENCH =
  KIND === 'server'
    ? `  - name: work
    kind: http
    url: http://127.0.0.1:${PORT}/work
    serve:
      command: node server.mjs
      env: {PORT: "${PORT}"}
      health: {url: "http://127.0.0.1:${PORT}/health", timeout: 20s, interval: 20ms}
`
    : KIND === 'command'
      ? `  - name: work
    kind: command
    command: node run.mjs
    memory: false
`
      : `  - name: work
    kind: js
    module: work.mjs
    functions: [entry]
`
const CONFIG = `${SETTINGS.length > 0 ? `defaults:\n${SETTINGS.join('\n')}\n` : ''}benches:\n${BENCH}`
const RUNNER = `import { entry } from './work.mjs'
let sink = 0
for (let i = 0; i < ${CALLS_PER_RUN}; i++) sink += entry()
if (sink === -1) console.log(sink)
`

const SERVER = `import http from 'node:http'
import { entry } from './work.mjs'

function render(n) {
  const rows = []
  for (let i = 0; i < n; i++) rows.push({ id: i, name: 'row ' + i, tags: ['a' + i, 'b' + i] })
  return JSON.stringify(rows)
}

http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('ok')
    let sink = 0
    for (let i = 0; i < ${CALLS_PER_REQUEST}; i++) sink += entry()
    res.end(String(sink) + render(3000))
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
`

function module(mixWork: number): string {
  return `function mix(n) {
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
  return mix(${mixWork}) + fold(${WORK})
}
`
}

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Outcome {
  seed: number
  slowdown: number
  verdict: string
  first: string
  foldNamed: boolean
  /** Any function but mix named (the runtime's included). */
  otherNamed: boolean
  lines: string[]
  measureMs: number
  openMs: number
  profileMs: number
}

async function main(): Promise<void> {
  if (!existsSync('dist/js-worker.js'))
    throw new Error('dist/js-worker.js is missing: npm run -s bundle')
  const repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-bench-explain-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim()
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'bench@example.com')
  git('config', 'user.name', 'bench')
  await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
  await writeFile(path.join(repo, 'work.mjs'), module(WORK))
  await writeFile(path.join(repo, 'run.mjs'), RUNNER)
  await writeFile(path.join(repo, 'server.mjs'), SERVER)
  git('add', '.')
  git('commit', '-qm', 'base')
  const pinned = spawnSync('taskset', ['--version']).status === 0
  const hog = pinned
    ? spawn('taskset', ['-c', '1', 'yes'], { stdio: ['ignore', 'ignore', 'ignore'] })
    : spawn('yes', [], { stdio: ['ignore', 'ignore', 'ignore'] })
  const outcomes: Outcome[] = []
  try {
    for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
      const slowdown = AA ? 0 : 0.5 + mulberry32(seed)()
      git('checkout', '-q', '-B', 'pr', 'main')
      // An A/A PR still needs a commit of its own: a comment changes.
      const changed =
        slowdown === 0
          ? `${module(WORK)}// seed ${seed}\n`
          : module(Math.round(WORK * (1 + slowdown)))
      await writeFile(path.join(repo, 'work.mjs'), changed)
      git('commit', '-qam', `mix +${Math.round(slowdown * 100)}%`)
      const t0 = performance.now()
      const session = await prepareAb({
        configFile: path.join(repo, 'perfgate.yml'),
        baseRef: 'main',
        names: [RESULT],
        env: process.env,
        now: () => new Date(),
      })
      try {
        const t1 = performance.now()
        const both = await session.measure([RESULT])
        const t2 = performance.now()
        const row = compareRuns([both.base], both.head).comparisons.find(
          (c) => c.name === RESULT && c.metric === 'time',
        )
        // EXPLAIN_DUMP=DIR keeps each seed's profile files (DIR/seed-N/profiles/…) to look into.
        const dump = process.env.EXPLAIN_DUMP
        const output = dump
          ? {
              dir: path.join(dump, `seed-${seed}`),
              mkdir: async (dir: string) => void (await mkdir(dir, { recursive: true })),
              writeFile: (file: string, text: string) => writeFile(file, text),
            }
          : undefined
        const causes = await session.profile(
          [{ result: RESULT, msPerCall: row?.head ?? 0.3 }],
          output,
        )
        const t3 = performance.now()
        const cause = causes.get(RESULT)
        const names = cause?.lines.map((l) => l.name) ?? []
        const outcome: Outcome = {
          seed,
          slowdown,
          verdict: row?.verdict ?? 'none',
          first: names[0] ?? '(none)',
          foldNamed: names.includes('fold') || names.includes('render'),
          otherNamed: names.some((name) => name !== 'mix'),
          lines: cause ? causeTexts(cause) : ['(no cause)'],
          openMs: t1 - t0,
          measureMs: t2 - t1,
          profileMs: t3 - t2,
        }
        outcomes.push(outcome)
        process.stderr.write(
          `seed ${seed}: mix +${Math.round(slowdown * 100)}%, ${outcome.verdict}; ${outcome.lines.join(' | ')}; measure ${(outcome.measureMs / 1000).toFixed(1)} s, profile ${(outcome.profileMs / 1000).toFixed(1)} s\n`,
        )
      } finally {
        await session.close()
      }
    }
  } finally {
    hog.kill()
    await rm(repo, { recursive: true, force: true })
  }
  report(outcomes, pinned)
}

function report(outcomes: Outcome[], pinned: boolean): void {
  const n = outcomes.length
  const named = outcomes.filter((o) => o.first === 'mix').length
  const fold = outcomes.filter((o) => o.foldNamed).length
  const other = outcomes.filter((o) => o.otherNamed).length
  const shares = outcomes.map((o) => o.profileMs / o.measureMs).sort((a, b) => a - b)
  const withOpen = outcomes.map((o) => o.profileMs / (o.openMs + o.measureMs)).sort((a, b) => a - b)
  const median = (v: number[]) => v[Math.floor((v.length - 1) / 2)]
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`
  const regressions = outcomes.filter((o) => o.verdict === 'regression').length
  if (AA) {
    const named = outcomes.filter((o) => o.first !== '(none)')
    console.log(
      `\nEXPLAIN (A/A): ${n} seeds (${outcomes[0]?.seed}–${outcomes[n - 1]?.seed}), a ${KIND} bench, settings ${SETTINGS.map((l) => l.trim()).join(', ') || 'the defaults'}, nothing changed, next to a CPU hog (${pinned ? '`yes` pinned to core 1' : '`yes`'}); the timing judged ${regressions} of ${n} a regression\n`,
    )
    console.log(`| measure | result | target |\n| --- | ---: | ---: |`)
    console.log(`| any function named as grown | ${named.length}/${n} | 0 |`)
    console.log(
      `| profiling / confirmation measurement, median (max) | ${pct(median(shares))} (${pct(shares[n - 1])}) | ≤ 30% |`,
    )
    for (const o of named) console.log(`- seed ${o.seed}: ${o.lines.join(' | ')}`)
    return
  }
  console.log(
    `\nEXPLAIN: ${n} seeds, a ${KIND} bench, settings ${SETTINGS.map((l) => l.trim()).join(', ') || 'the defaults'}, mix slowed 50–150% (seeded), next to a CPU hog (${pinned ? '`yes` pinned to core 1' : '`yes`'}); the timing judged ${regressions} of ${n} a regression\n`,
  )
  console.log('| measure | result | target |')
  console.log('| --- | ---: | ---: |')
  console.log(`| slowed helper (\`mix\`) named first | ${named}/${n} (${pct(named / n)}) | ≥ 95% |`)
  console.log(
    `| unchanged helper (\`fold\`${KIND === 'server' ? ' or `render`' : ''}) named as grown | ${fold}/${n} | 0 |`,
  )
  console.log(`| any function but \`mix\` named | ${other}/${n} | — |`)
  console.log(
    `| profiling / confirmation measurement, median (max) | ${pct(median(shares))} (${pct(shares[n - 1])}) | ≤ 30% |`,
  )
  console.log(
    `| profiling / confirmation with checkout, median (max) | ${pct(median(withOpen))} (${pct(withOpen[n - 1])}) | ≤ 30% |`,
  )
  const profile = outcomes.map((o) => o.profileMs / 1000).sort((a, b) => a - b)
  const measure = outcomes.map((o) => o.measureMs / 1000).sort((a, b) => a - b)
  console.log(
    `\nWall clock per seed, median: confirmation measurement ${median(measure).toFixed(1)} s, profiling ${median(profile).toFixed(1)} s.`,
  )
  const misses = outcomes.filter((o) => o.first !== 'mix' || o.otherNamed)
  for (const o of misses)
    console.log(`- seed ${o.seed} (mix +${Math.round(o.slowdown * 100)}%): ${o.lines.join(' | ')}`)
}

await main()
