/**
 * Confirmation against the base, on recorded real noise: the default path of a PR against a
 * stored baseline (`confirm: base`), as compareAndConfirmRuns runs it in the action.
 *
 * A trial is one PR of the 5 recorded workloads. The stored baseline is `baseline-runs: 5` runs
 * of 5 processes (rounds) each, drawn from one recorded condition; the head run is 5 processes
 * of another condition (cross-runner) or of the same one (same runner). Cross-runner, every head
 * sample is multiplied by a runner-speed factor drawn uniformly in [1.1, 1.5]: the PR's runner
 * is slower and loaded. The benches the screening leaves in doubt are measured again the way
 * the action's A/B session does it (src/ab/interleave.ts): each configured round split in two,
 * so 10 rounds per side of half a process's samples, taken from 20 consecutive processes of the
 * head's condition in ABBA order (round r: processes 2r and 2r + 1, base first when r is even).
 * Both sides of that pair carry the same runner factor (they ran on the head's runner); the head
 * side also carries the injected change. The pair alone gives those benches' verdicts.
 *
 * Changes: one bench of five slowed by +5% … +50% (each workload in turn), and the whole suite
 * slowed together by +20% and +50% (a change to shared code, which a runner-speed guess would
 * explain away). Rates are per bench; failing PRs of 10 benches come from the share of unchanged
 * trials (5 benches) whose step failed, as detect.ts computes them.
 *
 * Processes: a trial's head run never shares a process with its confirmation, nor (same
 * condition) with its stored baseline; with 40 processes a condition, the baseline may share
 * processes with the confirmation window, which only ever compares its own two sides.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { makeResults } from '../__fixtures__/results.js'
import { compareAndConfirmRuns } from '../src/compare/confirmation.js'
import { headline, seededRandom, type Comparison, type Random } from '../src/compare/index.js'
import type { Results } from '../src/results/types.js'

/** Rounds (processes) of a run and stored baseline runs, as perfgate's defaults. */
const ROUNDS = 5
const BASELINE_RUNS = 5
/** A/B splits each configured round in two (AB_ROUND_SPLIT): 10 rounds per side, half the samples. */
const PAIR_ROUNDS = 2 * ROUNDS
const PAIR_FRACTION = ROUNDS / PAIR_ROUNDS
/** The runner-speed factor of the head's runner, cross-runner: uniform in [1.1, 1.5]. */
const RUNNER = { from: 1.1, to: 1.5 }
// Intervals do not affect verdicts; fewer resamples keep the evaluation fast.
const OPTS = { resamples: 50 }

/** The processes of one recorded condition, in time order: processes[i][w] = samples of workload w. */
export interface Pool {
  label: string
  workloads: string[]
  processes: number[][][]
}

/**
 * The processes of `set` recorded under `condition` (every process when omitted), in recording
 * order, keeping those in [from, to) of that order (the held-out half of a corpus).
 */
export function loadPool(
  set: string,
  label: string,
  options: { condition?: 'quiet' | 'noisy'; from?: number; to?: number } = {},
): Pool {
  const dir = fileURLToPath(new URL(`../__fixtures__/${set}/`, import.meta.url))
  const bodies = readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map(
      (file) =>
        JSON.parse(gunzipSync(readFileSync(dir + file)).toString('utf8')) as {
          workload: string
          rounds: { round: number; condition: string; samples: number[] }[]
        },
    )
  const count = Math.min(...bodies.map((b) => b.rounds.length))
  const kept = Array.from({ length: count }, (_, i) => i)
    .filter(
      (i) => options.condition === undefined || bodies[0].rounds[i].condition === options.condition,
    )
    .slice(options.from ?? 0, options.to)
  return {
    label,
    workloads: bodies.map((b) => b.workload),
    processes: kept.map((i) => bodies.map((b) => b.rounds[i].samples)),
  }
}

/** A change injected into the head (its run and its side of the pair). */
export interface Change {
  label: string
  factor: number
  /** Every bench slows (shared code), not one bench per trial. */
  suite: boolean
}

/** The changes evaluated, unchanged first. */
export const CHANGES: Change[] = [
  { label: 'unchanged', factor: 1, suite: false },
  ...[0.05, 0.1, 0.15, 0.2, 0.5].map((s) => ({
    label: `+${Math.round(s * 100)}%`,
    factor: 1 + s,
    suite: false,
  })),
  { label: 'suite +20%', factor: 1.2, suite: true },
  { label: 'suite +50%', factor: 1.5, suite: true },
]

/** One evaluated configuration: where the baseline and the head (with its pair) come from. */
export interface Scenario {
  label: string
  base: Pool
  head: Pool
  /** The head ran on another, slower runner (factor in RUNNER), else factor 1. */
  crossRunner: boolean
}

/** A random `fraction` of `samples` without replacement, in their original order. */
function subsample(samples: number[], fraction: number, random: Random): number[] {
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

/** `count` distinct picks from `candidates` (a partial shuffle). */
function pick(candidates: number[], count: number, random: Random): number[] {
  const order = [...candidates]
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order.length - i))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order.slice(0, count)
}

/** A Results file of `names`, bench w built from its per-round samples `rounds(w)`. */
function results(workloads: string[], names: Set<string>, rounds: (w: number) => number[][]) {
  return makeResults({
    benches: workloads.flatMap((name, w) => {
      if (!names.has(name)) return []
      const perRound = rounds(w)
      return [{ name, samples: perRound.flat(), rounds: perRound.map((r) => r.length) }]
    }),
  })
}

const scale = (samples: number[], factor: number) =>
  factor === 1 ? samples : samples.map((v) => v * factor)

/** What one trial (one PR of the pool's workloads) came to. */
interface Outcome {
  verdicts: string[]
  fail: boolean
  /** Inconclusive benches beyond their threshold the bad way: the headline's ⚠️, no failure. */
  warned: number
  inDoubt: number
}

/** One PR: the stored baseline, the head run and, through `remeasure`, the interleaved pair. */
async function trial(
  scenario: Scenario,
  change: Change,
  target: number,
  random: Random,
): Promise<Outcome> {
  const { base: basePool, head: headPool } = scenario
  const workloads = headPool.workloads
  const all = new Set(workloads)
  const runner = scenario.crossRunner ? RUNNER.from + (RUNNER.to - RUNNER.from) * random() : 1
  const slowed = (w: number) => (change.suite || w === target ? change.factor : 1)

  // The pair's 2R consecutive processes, then the head's 5 from outside that window.
  const span = 2 * PAIR_ROUNDS
  const start = Math.floor(random() * (headPool.processes.length - span + 1))
  const outside = headPool.processes.map((_, i) => i).filter((i) => i < start || i >= start + span)
  const headProcesses = pick(outside, ROUNDS, random)
  const sameCondition = basePool === headPool
  const baseCandidates = basePool.processes
    .map((_, i) => i)
    .filter((i) => !sameCondition || !headProcesses.includes(i))
  const baseProcesses = pick(baseCandidates, BASELINE_RUNS * ROUNDS, random)

  const baselines = Array.from({ length: BASELINE_RUNS }, (_, run) =>
    results(workloads, all, (w) =>
      baseProcesses.slice(run * ROUNDS, (run + 1) * ROUNDS).map((p) => basePool.processes[p][w]),
    ),
  )
  const head = results(workloads, all, (w) =>
    headProcesses.map((p) => scale(headPool.processes[p][w], runner * slowed(w))),
  )

  const remeasure = (names: string[]) => {
    const wanted = new Set(names)
    // ABBA over the window; each half-round keeps half a process's samples, as A/B's split does.
    const side = (which: 'base' | 'head'): Results =>
      results(workloads, wanted, (w) =>
        Array.from({ length: PAIR_ROUNDS }, (_, r) => {
          const baseFirst = r % 2 === 0
          const offset = (which === 'base') === baseFirst ? 0 : 1
          const samples = subsample(
            headPool.processes[start + 2 * r + offset][w],
            PAIR_FRACTION,
            random,
          )
          return scale(samples, runner * (which === 'head' ? slowed(w) : 1))
        }),
      )
    return Promise.resolve({ base: side('base'), head: side('head') })
  }

  const confirmed = await compareAndConfirmRuns({
    baselines,
    head,
    options: OPTS,
    mode: 'base',
    sameRunner: false,
    includeInconclusive: true,
    remeasure,
  })
  const outcome = headline(confirmed.comparison)
  return {
    verdicts: verdictsOf(confirmed.comparison, workloads),
    fail: outcome.fail,
    warned: outcome.beyondThreshold.length,
    inDoubt: confirmed.remeasured.length,
  }
}

/** The time verdict of each workload, in workload order. */
function verdictsOf(comparison: Comparison, workloads: string[]): string[] {
  return workloads.map(
    (name) =>
      comparison.comparisons.find((row) => row.name === name && row.metric === 'time')?.verdict ??
      'missing',
  )
}

/** The measured rates of one scenario (percentages, except `inDoubt`: benches of 5). */
export interface Rates {
  falseAlarms: number
  inconclusive: number
  /** Of `inconclusive`, those beyond the threshold the bad way (a ⚠️ headline under `rerun`). */
  warned: number
  /** Unchanged PRs of 10 benches that fail. */
  failedPrs: number
  /** Per change label (not `unchanged`): share of slowed benches flagged as regressions. */
  caught: Record<string, number>
  /** Benches in doubt (measured again) per unchanged trial of 5 benches. */
  inDoubt: number
  /** The same with the whole suite slowed by 20% (every bench should be). */
  inDoubtSuite: number
}

/**
 * Share (%) of unchanged-code PRs of `benches` benches that fail, from the share of trials (PRs
 * of `per` benches) whose step failed, groups taken as independent (as detect.ts does).
 */
function prFailure(trialFailShare: number, per: number, benches: number): number {
  return 100 * (1 - (1 - trialFailShare) ** (benches / per))
}

/** Runs `trials` unchanged trials and a third as many (at least 50) per change, seeded. */
export async function evaluateScenario(
  scenario: Scenario,
  trials: number,
  seed: number,
): Promise<Rates> {
  const benches = scenario.head.workloads.length
  const caught: Record<string, number> = {}
  let falseAlarms = 0
  let inconclusive = 0
  let warned = 0
  let failed = 0
  let inDoubt = 0
  let inDoubtSuite = 0
  for (const [index, change] of CHANGES.entries()) {
    const unchanged = change.factor === 1
    const n = unchanged ? trials : Math.max(50, Math.round(trials / 3))
    const random = seededRandom(seed * 100 + index)
    let hits = 0
    let cases = 0
    for (let i = 0; i < n; i++) {
      const target = i % benches
      const outcome = await trial(scenario, change, target, random)
      if (unchanged) {
        falseAlarms += outcome.verdicts.filter((v) => v === 'regression').length
        inconclusive += outcome.verdicts.filter((v) => v === 'inconclusive').length
        warned += outcome.warned
        if (outcome.fail) failed++
        inDoubt += outcome.inDoubt
        continue
      }
      if (change.label === 'suite +20%') inDoubtSuite += outcome.inDoubt
      const targets = change.suite ? outcome.verdicts : [outcome.verdicts[target]]
      hits += targets.filter((v) => v === 'regression').length
      cases += targets.length
    }
    if (!unchanged) caught[change.label] = (100 * hits) / cases
  }
  const suiteTrials = Math.max(50, Math.round(trials / 3))
  return {
    falseAlarms: (100 * falseAlarms) / (trials * benches),
    inconclusive: (100 * inconclusive) / (trials * benches),
    warned: (100 * warned) / (trials * benches),
    failedPrs: prFailure(failed / trials, benches, 10),
    caught,
    inDoubt: inDoubt / trials,
    inDoubtSuite: inDoubtSuite / suiteTrials,
  }
}

/** One markdown table of scenarios (rows) and their rates. */
async function printTable(title: string, scenarios: Scenario[], trials: number, seed: number) {
  const changed = CHANGES.filter((c) => c.factor !== 1).map((c) => c.label)
  const pct = (x: number) => `${x.toFixed(1)}%`
  console.log(`\n${title}`)
  console.log(
    `| scenario | false alarms / bench | unchanged PRs failing (10 benches) | inconclusive, unchanged (of which slower beyond the threshold) | ${changed.map((c) => `caught ${c}`).join(' | ')} | in doubt, unchanged (of 5) | in doubt, suite +20% |`,
  )
  console.log(`|---|---|---|---|${changed.map(() => '---|').join('')}---|---|`)
  for (const [index, scenario] of scenarios.entries()) {
    const rates = await evaluateScenario(scenario, trials, seed + index)
    console.log(
      `| ${scenario.label} | ${pct(rates.falseAlarms)} | ${pct(rates.failedPrs)} | ${pct(rates.inconclusive)} (${pct(rates.warned)}) | ${changed.map((c) => pct(rates.caught[c])).join(' | ')} | ${rates.inDoubt.toFixed(2)} | ${rates.inDoubtSuite.toFixed(2)} |`,
    )
  }
}

/**
 * Prints the cross-runner and load tables: tuned on (__fixtures__/recorded/) and held out
 * (heldout-2 idle as the baseline; the hog corpus's second half and the loaded heldout corpus as
 * the PR's runner). `trials` unchanged PRs per row.
 */
export async function printConfirmBase(trials: number): Promise<void> {
  const recordedQuiet = loadPool('recorded', 'recorded, quiet', { condition: 'quiet' })
  const recordedNoisy = loadPool('recorded', 'recorded, next to the hog', { condition: 'noisy' })
  const idle = loadPool('heldout-2', 'heldout-2 idle', { condition: 'quiet' })
  const loaded = loadPool('heldout', 'heldout loaded', { condition: 'noisy' })
  // The hog corpus's first half chose A/B's round split (bench/ab-tune.ts): only the second half.
  const hog = loadPool('ab-hog', 'ab-hog 2nd half', { from: 60 })
  const cross = (base: Pool, head: Pool): Scenario => ({
    label: `cross-runner: ${base.label} → ${head.label}, runner ×1.1–1.5`,
    base,
    head,
    crossRunner: true,
  })
  const same = (pool: Pool): Scenario => ({
    label: `same runner: ${pool.label}`,
    base: pool,
    head: pool,
    crossRunner: false,
  })
  console.log(
    `\nCONFIRMATION AGAINST THE BASE (confirm: base), cross-runner and load: ${BASELINE_RUNS} stored runs × ${ROUNDS} processes; head ${ROUNDS} processes; benches in doubt re-measured as A/B does, ${PAIR_ROUNDS} rounds per side of half a process each, ABBA on consecutive processes of the head's condition; ${trials} unchanged PRs of 5 benches and ${Math.max(50, Math.round(trials / 3))} per change; per-bench rates.`,
  )
  await printTable(
    'TUNED ON (__fixtures__/recorded/)',
    [same(recordedQuiet), same(recordedNoisy), cross(recordedQuiet, recordedNoisy)],
    trials,
    70,
  )
  await printTable(
    'HELD OUT (never tuned on: heldout-2 idle, heldout loaded, ab-hog second half)',
    [same(idle), same(loaded), same(hog), cross(idle, hog), cross(idle, loaded)],
    trials,
    80,
  )
}
