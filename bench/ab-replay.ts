/**
 * A/B mode on real noise: __fixtures__/ab-hog/ holds consecutive child processes recorded on
 * this machine, every one next to `yes` pinned to core 1 and with no pause between them (as the
 * processes of one A/B job follow each other). The noise is real; the slowdown is injected.
 *
 * A job is 2R consecutive processes, assigned ABBA to base and head (round r: processes 2r and
 * 2r+1, base first when r is even), each process one round of each bench (each recorded process
 * ran all five workloads); the head side of the target bench is multiplied by 1 + change. A
 * flagged bench is confirmed on the next 2R processes, interleaved again, as the action does.
 * The time budget is that of a single-side run, 5 processes of the configured samples: A/B with
 * R rounds per side uses 2R processes of samples·5/R each (a seeded random subsample of each
 * recorded process), so both sides together measure 2× a single-side run's samples.
 *
 * The corpus is split in time: the first half of the processes was used to choose R and to
 * reject a paired test (held-in, bench/ab-tune.ts), the second half was not (held-out); both are
 * printed. The comparison is perfgate's (compareRuns and confirmRegressions, as the action runs
 * them in A/B mode).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import {
  benchesToConfirm,
  compareRuns,
  confirmRegressions,
  seededRandom,
  type Comparison,
  type Random,
} from '../src/compare/index.js'
import type { Results } from '../src/results/types.js'
import { makeResults } from '../__fixtures__/results.js'

/** Processes of a single-side run (the default `rounds: 5`). */
const SINGLE_SIDE_PROCESSES = 5
// Intervals do not affect verdicts; fewer resamples keep the evaluation fast.
const OPTS = { resamples: 50 }

/** One recorded process: its samples of every workload, in workload order. */
export interface Corpus {
  workloads: string[]
  /** processes[i][w]: the samples of workload w in process i. */
  processes: number[][][]
  /** Seconds between the first and the last process start, and the number of processes. */
  span: number
}

/** Loads a recorded corpus (gzip JSON per workload, rounds = consecutive processes). */
export function loadCorpus(set: string): Corpus {
  const dir = fileURLToPath(new URL(`../__fixtures__/${set}/`, import.meta.url))
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
  const bodies = files.map(
    (file) =>
      JSON.parse(gunzipSync(readFileSync(dir + file)).toString('utf8')) as {
        workload: string
        rounds: { round: number; startedAt: string; samples: number[] }[]
      },
  )
  const count = Math.min(...bodies.map((b) => b.rounds.length))
  const starts = bodies[0].rounds.map((r) => Date.parse(r.startedAt))
  return {
    workloads: bodies.map((b) => b.workload),
    processes: Array.from({ length: count }, (_, i) => bodies.map((b) => b.rounds[i].samples)),
    span: (starts[count - 1] - starts[0]) / 1000,
  }
}

/** A/B as evaluated: rounds per side (each process subsampled to keep 2× a single side's samples). */
export interface Setup {
  label: string
  rounds: number
}

/** A random `fraction` of `samples` (without replacement; recorded samples are sorted, so keep order). */
function subsample(samples: number[], fraction: number, random: Random): number[] {
  if (fraction >= 1) return samples
  const keep = Math.max(1, Math.round(samples.length * fraction))
  const index = samples.map((_, i) => i)
  for (let i = 0; i < keep; i++) {
    const j = i + Math.floor(random() * (index.length - i))
    ;[index[i], index[j]] = [index[j], index[i]]
  }
  return index
    .slice(0, keep)
    .sort((a, b) => a - b)
    .map((i) => samples[i])
}

/** Both sides of one interleaved measurement from processes[start, start + 2R). */
function job(
  corpus: Corpus,
  start: number,
  rounds: number,
  change: { target: number; factor: number } | null,
  gate: number,
  random: Random,
): { base: Results; head: Results } {
  const fraction = SINGLE_SIDE_PROCESSES / rounds
  const side = (which: 'base' | 'head'): Results =>
    makeResults({
      benches: corpus.workloads.map((name, w) => {
        const perRound: number[][] = []
        for (let r = 0; r < rounds; r++) {
          const baseFirst = r % 2 === 0
          const offset = (which === 'base') === baseFirst ? 0 : 1
          const samples = subsample(corpus.processes[start + 2 * r + offset][w], fraction, random)
          const factor = which === 'head' && change?.target === w ? change.factor : 1
          perRound.push(factor === 1 ? samples : samples.map((v) => v * factor))
        }
        return {
          name,
          samples: perRound.flat(),
          rounds: perRound.map((r) => r.length),
          regressionThreshold: gate,
        }
      }),
    })
  return { base: side('base'), head: side('head') }
}

interface Outcome {
  first: string[]
  confirmed: string[]
}

/** The verdicts of one job, first and after the confirming re-run on the next 2R processes. */
function judge(
  corpus: Corpus,
  setup: Setup,
  start: number,
  change: { target: number; factor: number } | null,
  gate: number,
  random: Random,
): Outcome {
  const first = job(corpus, start, setup.rounds, change, gate, random)
  const comparison: Comparison = compareRuns([first.base], first.head, OPTS)
  const verdicts = (c: Comparison) => c.comparisons.map((row) => row.verdict)
  // The default `inconclusive: rerun` policy re-runs regressions and inconclusive benches
  // beyond their threshold alike.
  if (benchesToConfirm(comparison, true).length === 0) {
    return { first: verdicts(comparison), confirmed: verdicts(comparison) }
  }
  const again = job(corpus, start + 2 * setup.rounds, setup.rounds, change, gate, random)
  const confirmed = confirmRegressions(
    [first.base, again.base],
    first.head,
    again.head,
    comparison,
    OPTS,
  )
  return { first: verdicts(comparison), confirmed: verdicts(confirmed) }
}

/** Flag rates in one window of processes: false alarms per unchanged bench, caught per target. */
export interface Rates {
  jobs: number
  falseFirst: number
  falseConfirmed: number
  /** Share of unchanged jobs in which some bench is a confirmed regression (a failed PR). */
  failedJobs: number
  caughtFirst: number
  caughtConfirmed: number
}

/**
 * Every job whose processes (and its re-run's) lie in [from, to), `draws` subsamples each, the
 * unchanged code and each workload in turn slowed by `change` under a `gate` regression threshold.
 */
export function replay(
  corpus: Corpus,
  setup: Setup,
  window: { from: number; to: number },
  gate: number,
  change: number,
  draws: number,
  seed: number,
): Rates {
  const random = seededRandom(seed)
  const span = 4 * setup.rounds
  let jobs = 0
  let falseFirst = 0
  let falseConfirmed = 0
  let failedJobs = 0
  let caughtFirst = 0
  let caughtConfirmed = 0
  const benches = corpus.workloads.length
  // Whole samples (one fifth per process at R=5) need no subsample draws.
  const n = setup.rounds === SINGLE_SIDE_PROCESSES ? 1 : draws
  for (let start = window.from; start + span <= window.to; start++) {
    for (let draw = 0; draw < n; draw++) {
      jobs++
      const same = judge(corpus, setup, start, null, gate, random)
      falseFirst += same.first.filter((v) => v === 'regression').length
      const confirmedFlags = same.confirmed.filter((v) => v === 'regression').length
      falseConfirmed += confirmedFlags
      if (confirmedFlags > 0) failedJobs++
      for (let target = 0; target < benches; target++) {
        const slowed = judge(corpus, setup, start, { target, factor: 1 + change }, gate, random)
        if (slowed.first[target] === 'regression') caughtFirst++
        if (slowed.confirmed[target] === 'regression') caughtConfirmed++
      }
    }
  }
  const cases = jobs * benches
  return {
    jobs,
    falseFirst: falseFirst / cases,
    falseConfirmed: falseConfirmed / cases,
    failedJobs: failedJobs / jobs,
    caughtFirst: caughtFirst / cases,
    caughtConfirmed: caughtConfirmed / cases,
  }
}

/** The rules compared on the replay. */
export const SETUPS: Setup[] = [
  { label: 'A/B before: 5 rounds per side', rounds: 5 },
  { label: 'A/B now: 10 rounds of half the samples', rounds: 10 },
]

/** Prints the replay tables for both halves of the corpus (first verdict / after confirmation). */
export function printReplay(set: string, draws: number): void {
  const corpus = loadCorpus(set)
  const count = corpus.processes.length
  const perProcess = corpus.span / (count - 1)
  console.log(
    `\nA/B REPLAY ON REAL NOISE (__fixtures__/${set}/): ${corpus.workloads.length} workloads × ${count} consecutive processes next to a pinned CPU hog, ${perProcess.toFixed(2)} s per process (all ${corpus.workloads.length} workloads); slowdowns injected on the head side of the target bench.`,
  )
  console.log(
    'Each cell: first verdict / after the confirming re-run (on the next 2R processes). False alarms per unchanged bench; caught per slowed bench; failed PRs: unchanged jobs with a confirmed regression in any bench.',
  )
  // Each recorded process warmed up 100 ms and measured 400 ms per workload (bench/record.ts);
  // the rest of its time is start-up, which every extra process pays again.
  const startup = Math.max(0, perProcess - corpus.workloads.length * 0.5)
  const single = SINGLE_SIDE_PROCESSES * (startup + 0.5)
  for (const rounds of [5, 10]) {
    const ab = 2 * rounds * (startup + 0.1 + (0.4 * SINGLE_SIDE_PROCESSES) / rounds)
    console.log(
      `Time per bench, R=${rounds} rounds per side: ${ab.toFixed(1)} s against ${single.toFixed(1)} s for a single-side run (${(ab / single).toFixed(2)}×; samples 2×, the rest is ${startup.toFixed(2)} s start-up and 0.1 s warm-up per process)`,
    )
  }
  const halves = [
    {
      title: 'first half (held-in: the rounds and the rule were chosen here)',
      from: 0,
      to: count >> 1,
    },
    { title: 'second half (held-out)', from: count >> 1, to: count },
  ]
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  for (const half of halves) {
    console.log(`\nprocesses ${half.from}–${half.to - 1}, ${half.title}`)
    console.log(
      '| rule | jobs | false alarms (10% gate) | caught +12% (10% gate) | false alarms (5% gate) | caught +8% (5% gate) | failed PRs (10% / 5% gate) |',
    )
    console.log('|---|---|---|---|---|---|---|')
    for (const [index, setup] of SETUPS.entries()) {
      const ten = replay(corpus, setup, half, 0.1, 0.12, draws, 500 + index)
      const five = replay(corpus, setup, half, 0.05, 0.08, draws, 600 + index)
      const cell = (first: number, confirmed: number) => `${pct(first)} / ${pct(confirmed)}`
      console.log(
        `| ${setup.label} | ${ten.jobs} | ${cell(ten.falseFirst, ten.falseConfirmed)} | ${cell(ten.caughtFirst, ten.caughtConfirmed)} | ${cell(five.falseFirst, five.falseConfirmed)} | ${cell(five.caughtFirst, five.caughtConfirmed)} | ${pct(ten.failedJobs)} / ${pct(five.failedJobs)} |`,
      )
    }
  }
}
