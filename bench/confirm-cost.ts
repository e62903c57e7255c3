/**
 * `npm run bench:confirm-cost`: what confirming against the base costs. In a throwaway git repo
 * with 10 `command` benches, a baseline is recorded on main; then for PRs that double the sleep
 * of k of them (k = 0, 1, 3, 10: k in doubt, unless the machine's load adds or hides some),
 * `perfgate run --baseline base.json --no-confirm` and `... --confirm-base main` are timed (wall
 * clock around the spawned CLI) back to back, a few times each; the factor is their paired
 * ratio, median over the repetitions. Then the same for examples/postgres with per-side
 * databases (embedded PostgreSQL unless DATABASE_URL is set; CONFIRM_COST_PG=0 skips it,
 * CONFIRM_COST_PG=only runs it alone). Needs the bundle (`npm run -s bundle`).
 * CONFIRM_COST_REPS=N sets the repetitions (default 3), CONFIRM_COST_PG_REPS=N those of the SQL
 * example (default: the same).
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startEmbeddedPostgres, type EmbeddedServer } from '../scripts/embedded-postgres.js'

const CLI = path.resolve('dist/cli.js')
const REPS = Number(process.env.CONFIRM_COST_REPS ?? 3)
// The SQL example's runs take minutes each on a loaded 2-core machine: fewer repetitions may do.
const PG_REPS = Number(process.env.CONFIRM_COST_PG_REPS ?? REPS)
const BENCHES = Array.from({ length: 10 }, (_, i) => `b${String(i + 1).padStart(2, '0')}`)
const BASE_MS = 100
const DOUBT = [0, 1, 3, 10]
// The slowed benches sleep twice as long. The sleep alone +50% was planned, but on this 2-core
// machine shared with other jobs (load average ~11) each run's shell and process start-up added
// ~70 ms with a wide spread: 100 → 150 ms measured +16%, inside the thresholds, so the slowed
// bench was not in doubt at all and the "1 of 10" run confirmed nothing.
const SLOW_FACTOR = 2

// The settings of examples/perfgate.yml's command benches (warm-up 1 run, 400 ms, 5 rounds), so
// a bench takes 1–2 s: the whole benchmark takes minutes, and the factor is that of a suite whose
// benches cost about the same. The thresholds are wider than the defaults because spawning a
// shell on a loaded 2-core machine adds tens of ms of its own: the slowed benches must stay well
// beyond them, and an unchanged bench drifting with the machine's load must not land in doubt,
// so that "k in doubt" really is k.
const CONFIG = `defaults:
  samples: 10
  time: 400ms
  warmup: 1
  rounds: 5
  noise-threshold: 15%
  regression-threshold: 25%
benches:
${BENCHES.map((b) => `  - name: ${b}\n    kind: command\n    command: read t < ${b}.s; sleep "$t"\n    memory: false`).join('\n')}
`

/** Seconds for `sleep`, from milliseconds. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}\n`
}

/** One timed CLI run: wall clock, exit code, output, and when each stderr line arrived (ms from start). */
interface Timed {
  ms: number
  code: number | null
  stdout: string
  stderr: string
  lines: { at: number; text: string }[]
}

function perfgate(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env })
    let stdout = ''
    let stderr = ''
    let partial = ''
    const lines: Timed['lines'] = []
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      stderr += text
      // Timestamps per line tell where a confirming run spends its time (the breakdown below).
      const parts = (partial + text).split('\n')
      partial = parts.pop() ?? ''
      const at = performance.now() - started
      for (const line of parts) lines.push({ at, text: line })
    })
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ ms: performance.now() - started, code, stdout, stderr, lines }),
    )
  })
}

function gitIn(repo: string) {
  return (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    }).trim()
}

/** The benches confirmed, from the run's "Confirming N bench(es)" line; 0 when none was. */
function confirmedCount(run: Timed): number {
  const match = /Confirming (\d+) bench\(es\)/.exec(run.stderr)
  return match ? Number(match[1]) : 0
}

/** Regressions in the `--format json` comparison on stdout; NaN when it cannot be read. */
function regressions(run: Timed): number {
  try {
    return (JSON.parse(run.stdout) as { regressions: number }).regressions
  } catch {
    return Number.NaN
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Plain and confirming runs of one head, paired: each repetition runs both, back to back. */
interface Pair {
  label: string
  slowed: string
  plain: Timed[]
  confirm: Timed[]
}

async function measurePair(
  label: string,
  slowed: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  reps: number,
): Promise<Pair> {
  const pair: Pair = { label, slowed, plain: [], confirm: [] }
  const common = ['run', '--baseline', 'base.json', '--format', 'json']
  for (let rep = 0; rep < reps; rep++) {
    // Alternating which goes first, so a load that builds up or fades hits both alike.
    const order = rep % 2 === 0 ? ['plain', 'confirm'] : ['confirm', 'plain']
    for (const which of order) {
      const args =
        which === 'plain'
          ? [...common, '--no-confirm', '--out', 'head-plain.json']
          : [...common, '--confirm-base', 'main', '--out', 'head-confirm.json']
      const run = await perfgate(args, cwd, env)
      if (run.code !== 0) {
        throw new Error(`perfgate ${args.join(' ')} exited with ${run.code}:\n${run.stderr}`)
      }
      ;(which === 'plain' ? pair.plain : pair.confirm).push(run)
    }
    process.stderr.write(
      `  ${label} rep ${rep + 1}: plain ${(pair.plain[rep].ms / 1000).toFixed(1)} s, confirm ${(pair.confirm[rep].ms / 1000).toFixed(1)} s (${confirmedCount(pair.confirm[rep])} confirmed)\n`,
    )
  }
  return pair
}

/**
 * A table row. "per confirmed bench" is what confirming one bench adds, in plain runs of one
 * bench (the plain run / 10 for the synthetic suite): ((confirm − plain) / confirmed) / (plain /
 * benches). It does not depend on how many benches a loaded machine happened to leave in doubt,
 * and gives the factor for 1 of n in doubt as 1 + it / n.
 */
function row(pair: Pair, benches: number | undefined): string {
  const factors = pair.plain.map((p, i) => pair.confirm[i].ms / p.ms)
  const perBench = pair.plain.flatMap((p, i) => {
    const n = confirmedCount(pair.confirm[i])
    return n === 0 || benches === undefined
      ? []
      : [(pair.confirm[i].ms - p.ms) / n / (p.ms / benches)]
  })
  const confirmed = pair.confirm.map(confirmedCount).join(', ')
  const regressed = pair.confirm.map(regressions).join(', ')
  const secs = (runs: Timed[]) => `${(median(runs.map((r) => r.ms)) / 1000).toFixed(1)} s`
  const each = perBench.length === 0 ? '–' : `${median(perBench).toFixed(1)}×`
  return `| ${pair.label} | ${pair.slowed} | ${confirmed} | ${regressed} | ${secs(pair.plain)} | ${secs(pair.confirm)} | ${median(factors).toFixed(2)}× (${Math.min(...factors).toFixed(2)}–${Math.max(...factors).toFixed(2)}) | ${each} |`
}

/**
 * Where a confirming run's time goes, from the arrival times of its stderr lines: the head's run
 * and compare, the A/B setup (import, worktree, builds, databases), the interleaved measurement,
 * and the rest (report, worktree removal, exit).
 */
function breakdown(run: Timed): string {
  const at = (pattern: RegExp): number | undefined =>
    run.lines.find((l) => pattern.test(l.text))?.at
  const confirming = at(/^Confirming \d+ bench/)
  const abStart = at(/^A\/B: base /)
  if (confirming === undefined || abStart === undefined) return 'no confirmation in this run'
  const firstBench = run.lines.find((l) => l.at >= abStart && /^\[1\/\d+\]/.test(l.text))?.at
  const lastDone = [...run.lines].reverse().find((l) => /^[✓✗-] /.test(l.text))?.at
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  return [
    `run + compare ${s(confirming)}`,
    `to the A/B log line (loading the A/B code, resolving commits) ${s(abStart - confirming)}`,
    firstBench === undefined ? '' : `worktree + builds + databases ${s(firstBench - abStart)}`,
    firstBench === undefined || lastDone === undefined
      ? ''
      : `interleaved measurement ${s(lastDone - firstBench)}`,
    lastDone === undefined ? '' : `report, worktree removal, exit ${s(run.ms - lastDone)}`,
  ]
    .filter((part) => part !== '')
    .join('; ')
}

async function synthetic(): Promise<Pair[]> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-confirm-cost-'))
  const git = gitIn(repo)
  const env = { ...process.env, NO_COLOR: '1' }
  try {
    git('init', '-q', '-b', 'main')
    await writeFile(path.join(repo, 'perfgate.yml'), CONFIG)
    for (const b of BENCHES) await writeFile(path.join(repo, `${b}.s`), seconds(BASE_MS))
    // The results files are written into the repo folder; keep them out of the commits.
    await writeFile(path.join(repo, '.gitignore'), '*.json\n')
    git('add', '.')
    git('commit', '-qm', 'base')
    process.stderr.write('synthetic: recording the baseline on main\n')
    const base = await perfgate(['run', '--out', 'base.json'], repo, env)
    if (base.code !== 0) throw new Error(`baseline run failed:\n${base.stderr}`)
    const pairs: Pair[] = []
    for (const k of DOUBT) {
      git('checkout', '-q', 'main')
      git('checkout', '-qb', `slow-${k}`)
      for (const b of BENCHES.slice(0, k))
        await writeFile(path.join(repo, `${b}.s`), seconds(BASE_MS * SLOW_FACTOR))
      git('commit', '-qam', `slow ${k}`, '--allow-empty')
      pairs.push(await measurePair(`command ×10`, `${k} of 10`, repo, env, REPS))
    }
    const one = pairs.find((p) => p.slowed === '1 of 10')
    if (one) {
      console.log('\nWhere the time of a confirming run goes, 1 of 10 in doubt, per repetition:')
      for (const run of one.confirm) console.log(`- ${breakdown(run)}`)
    }
    return pairs
  } finally {
    git('worktree', 'prune')
    await rm(repo, { recursive: true, force: true })
  }
}

/**
 * examples/postgres in a throwaway repo: the head makes get_step_transitive_dependencies unable
 * to use step_edges' primary key (`e.to_step_id + 0 = p_step_id`, a classic accidental rewrite),
 * so sql/transitive-deps slows down and nothing else changes. The confirming run creates per-side
 * databases on the same server (prepareAb) and sets each up from schema.sql.
 */
async function postgres(): Promise<Pair | string> {
  let server: EmbeddedServer | undefined
  let url = process.env.DATABASE_URL
  if (url === undefined || url === '') {
    process.stderr.write('postgres: starting an embedded PostgreSQL\n')
    try {
      server = await startEmbeddedPostgres({ label: 'confirm-cost' })
    } catch (error) {
      return `embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`
    }
    url = server.url
  }
  const repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-confirm-cost-pg-'))
  const git = gitIn(repo)
  const env = { ...process.env, NO_COLOR: '1', DATABASE_URL: url }
  try {
    git('init', '-q', '-b', 'main')
    await cp(path.resolve('examples/postgres'), repo, { recursive: true })
    await writeFile(path.join(repo, '.gitignore'), '*.json\n')
    git('add', '.')
    git('commit', '-qm', 'base')
    process.stderr.write('postgres: recording the baseline on main\n')
    const base = await perfgate(['run', '--out', 'base.json'], repo, env)
    if (base.code !== 0) throw new Error(`baseline run failed:\n${base.stderr}`)
    git('checkout', '-qb', 'slow-deps')
    const schema = path.join(repo, 'schema.sql')
    const before = await readFile(schema, 'utf8')
    const anchor = 'FROM tasker.step_edges AS e WHERE e.to_step_id = p_step_id'
    if (!before.includes(anchor)) return `schema.sql no longer has \`${anchor}\` to slow down`
    await writeFile(
      schema,
      before.replace(anchor, anchor.replace('e.to_step_id', 'e.to_step_id + 0')),
    )
    git('commit', '-qam', 'transitive deps without the index')
    const pair = await measurePair(
      'examples/postgres',
      '1 bench (sql/transitive-deps)',
      repo,
      env,
      PG_REPS,
    )
    console.log('\nWhere the time of a confirming run goes, examples/postgres, per repetition:')
    for (const run of pair.confirm) console.log(`- ${breakdown(run)}`)
    return pair
  } finally {
    git('worktree', 'prune')
    await rm(repo, { recursive: true, force: true })
    await server?.stop()
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: run \`npm run -s bundle\` first`)
    process.exitCode = 2
    return
  }
  const started = performance.now()
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the start, ${REPS} repetitions`,
  )
  const pairs = process.env.CONFIRM_COST_PG === 'only' ? [] : await synthetic()
  const pg = process.env.CONFIRM_COST_PG === '0' ? 'skipped (CONFIRM_COST_PG=0)' : await postgres()
  if (typeof pg !== 'string') pairs.push(pg)
  console.log(
    '\n| suite | slowed | confirmed, per repetition | regressions after | plain run | with --confirm-base | factor (min–max) | per confirmed bench |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
  // The SQL example's benches differ too much in cost for a per-bench figure to mean anything.
  for (const pair of pairs)
    console.log(row(pair, pair.label.startsWith('command') ? BENCHES.length : undefined))
  if (typeof pg === 'string') console.log(`\nexamples/postgres: ${pg}`)
  console.log(
    `\nplain: --no-confirm; times are medians of the repetitions (${REPS}, SQL example ${PG_REPS}); factor: median of the paired ratios. Load average ${os.loadavg()[0].toFixed(1)} at the end; finished in ${((performance.now() - started) / 60_000).toFixed(1)} min`,
  )
}

await main()
