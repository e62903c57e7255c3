/**
 * Cross-runner evaluation, SIMULATED: artifact-baseline mode (baseline runs and head on different
 * machines) against A/B mode (both sides on one machine, rounds interleaved), each the way the
 * action applies it. Seeded and deterministic.
 *
 * Noise model (fractions are log-normal standard deviations):
 * - machine factor, shared by every bench of a run: 2.7% (the average run-to-run coefficient of
 *   variation across GitHub-hosted runners in published measurements over 100 runs);
 * - per-bench machine factor (a CPU model favours some code over other): 3%, an assumption;
 * - drift within the job, per round, shared by both sides of that round: 2%;
 * - round (process) noise 1.5% and sample noise 2%, as in bench/detect.ts's simulated runs.
 * Artifact mode: the baseline is the window of `baseline-runs: 5` push runs, each on its own
 * machine, pooled; the head runs on another machine, and a flagged bench is re-run on the head's
 * machine (the confirmation; default `inconclusive: rerun`). With `normalize: calibration` every
 * run also has perfgate/calibration (with its own per-bench factor) and head times are divided
 * by its ratio. A/B mode: one machine, both sides of a round share its drift (ABBA), the
 * confirmation another interleaved measurement on the same machine; "ab, 5 rounds" is A/B as it
 * was, "ab, 10 rounds" as it is now (each configured round split in two, half the samples each).
 */
import {
  benchesToConfirm,
  compareRuns,
  confirmRegressions,
  seededRandom,
  type Random,
} from '../src/compare/index.js'
import { CALIBRATION_BENCH } from '../src/compare/calibration.js'
import { makeResults } from '../__fixtures__/results.js'
import type { Results } from '../src/results/types.js'

const BENCHES = 8
const BASELINE_RUNS = 5
/** Samples of one bench in a single-side run: 5 rounds × 10. */
const SAMPLES = 50
const SD = { machine: 0.027, perBench: 0.03, drift: 0.02, round: 0.015, sample: 0.02 }
const OPTS = { resamples: 50 }

function gauss(random: Random): number {
  const u = Math.max(random(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}
const factor = (random: Random, sd: number): number => Math.exp(sd * gauss(random))

interface Machine {
  shared: number
  perBench: number[]
}
const newMachine = (random: Random): Machine => ({
  shared: factor(random, SD.machine),
  perBench: Array.from({ length: BENCHES + 1 }, () => factor(random, SD.perBench)),
})

/** One side's run on `machine` with per-round `drift`: bench i (the last is calibration) × slowdown. */
function run(
  random: Random,
  machine: Machine,
  drift: number[],
  slowdown: (bench: number) => number,
  gate: number,
  calibration: boolean,
): Results {
  const perRound = SAMPLES / drift.length
  const benches = Array.from({ length: calibration ? BENCHES + 1 : BENCHES }, (_, bench) => {
    const samples: number[] = []
    for (const roundDrift of drift) {
      const level =
        10 *
        machine.shared *
        machine.perBench[bench] *
        roundDrift *
        factor(random, SD.round) *
        slowdown(bench)
      for (let i = 0; i < perRound; i++) samples.push(level * factor(random, SD.sample))
    }
    return {
      name: bench === BENCHES ? CALIBRATION_BENCH : `bench-${bench}`,
      samples,
      rounds: drift.map(() => perRound),
      regressionThreshold: gate,
    }
  })
  return makeResults({ benches })
}

/** The modes compared. */
export type Mode = 'artifact' | 'artifact+calibration' | 'ab, 5 rounds' | 'ab, 10 rounds'

/** Verdicts of the benches of one PR, first and after confirmation. */
function trial(
  mode: Mode,
  random: Random,
  change: number,
  gate: number,
): { first: string[]; confirmed: string[] } {
  const slow = (b: number) => (b === 0 ? 1 + change : 1)
  const drift = (rounds: number) => Array.from({ length: rounds }, () => factor(random, SD.drift))
  const verdicts = (rows: { name: string; verdict: string }[]) =>
    rows.filter((r) => r.name !== CALIBRATION_BENCH).map((r) => r.verdict)
  if (mode === 'artifact' || mode === 'artifact+calibration') {
    const calibration = mode === 'artifact+calibration'
    const options = calibration ? { ...OPTS, normalize: 'calibration' as const } : OPTS
    const baselines = Array.from({ length: BASELINE_RUNS }, () =>
      run(random, newMachine(random), drift(5), () => 1, gate, calibration),
    )
    const machine = newMachine(random)
    const head = run(random, machine, drift(5), slow, gate, calibration)
    const first = compareRuns(baselines, head, options)
    if (benchesToConfirm(first, true).length === 0) {
      return { first: verdicts(first.comparisons), confirmed: verdicts(first.comparisons) }
    }
    const rerun = run(random, machine, drift(5), slow, gate, calibration)
    const confirmed = confirmRegressions(baselines, head, rerun, first, options)
    return { first: verdicts(first.comparisons), confirmed: verdicts(confirmed.comparisons) }
  }
  const rounds = mode === 'ab, 10 rounds' ? 10 : 5
  const machine = newMachine(random)
  const both = () => {
    // ABBA: both sides of a round share that round's drift.
    const shared = drift(rounds)
    return {
      base: run(random, machine, shared, () => 1, gate, false),
      head: run(random, machine, shared, slow, gate, false),
    }
  }
  const one = both()
  const first = compareRuns([one.base], one.head, OPTS)
  if (benchesToConfirm(first, true).length === 0) {
    return { first: verdicts(first.comparisons), confirmed: verdicts(first.comparisons) }
  }
  const again = both()
  const confirmed = confirmRegressions([one.base, again.base], one.head, again.head, first, OPTS)
  return { first: verdicts(first.comparisons), confirmed: verdicts(confirmed.comparisons) }
}

/** Flag rates: per unchanged bench when `change` is 0, else of the slowed bench (bench 0). */
export function crossRunner(
  mode: Mode,
  change: number,
  gate: number,
  trials: number,
  seed: number,
): { first: number; confirmed: number } {
  const random = seededRandom(seed)
  let first = 0
  let confirmed = 0
  let cases = 0
  for (let t = 0; t < trials; t++) {
    const result = trial(mode, random, change, gate)
    const picked = change > 0 ? [0] : result.first.map((_, i) => i)
    for (const i of picked) {
      cases++
      if (result.first[i] === 'regression') first++
      if (result.confirmed[i] === 'regression') confirmed++
    }
  }
  return { first: first / cases, confirmed: confirmed / cases }
}

/** Prints the cross-runner table (first verdict / after the confirming re-run). */
export function printCrossRunner(trials: number): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  const cell = (r: { first: number; confirmed: number }) => `${pct(r.first)} / ${pct(r.confirmed)}`
  console.log(
    `\nCROSS-RUNNER (SIMULATED): ${trials} PRs × ${BENCHES} benches per cell, ${SAMPLES} samples per bench and side; sd ${JSON.stringify(SD)}`,
  )
  console.log('Each cell: first verdict / after the confirming re-run.')
  console.log(
    '| mode | false alarms (10% gate) | caught +12% (10% gate) | false alarms (5% gate) | caught +8% (5% gate) |',
  )
  console.log('|---|---|---|---|---|')
  const modes: Mode[] = ['artifact', 'artifact+calibration', 'ab, 5 rounds', 'ab, 10 rounds']
  for (const [index, mode] of modes.entries()) {
    const seed = 1000 + index
    console.log(
      `| ${mode} | ${cell(crossRunner(mode, 0, 0.1, trials, seed))} | ${cell(crossRunner(mode, 0.12, 0.1, trials, seed + 10))} | ${cell(crossRunner(mode, 0, 0.05, trials, seed + 20))} | ${cell(crossRunner(mode, 0.08, 0.05, trials, seed + 30))} |`,
    )
  }
}
