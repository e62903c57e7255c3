/**
 * Cross-runner evaluation, simulated: artifact-baseline mode (baseline and head on different
 * machines) against A/B mode (both sides on one machine, rounds interleaved). Seeded and
 * deterministic. Usage: `npm run bench:ab` (AB_TRIALS=N for more or fewer trials).
 *
 * Noise model (fractions are log-normal standard deviations):
 * - machine factor, shared by every bench of a run: 2.7% (the average run-to-run coefficient of
 *   variation across GitHub-hosted runners in published measurements over 100 runs);
 * - per-bench machine factor (a CPU model favours some code over other): 3%, an assumption;
 * - drift within the job, per round, shared by both sides of that round: 2%;
 * - round (process) noise 1.5% and sample noise 2%, as in bench/detect.ts's simulated runs.
 * Artifact mode draws a new machine (shared + per-bench factors) for the head; A/B mode keeps
 * one machine for both sides and gives the two sides of a round the same drift (ABBA order).
 * The first verdict only (no confirmation re-run) is counted.
 */
import { compareRuns, seededRandom, type Random } from '../src/compare/index.js'
import { CALIBRATION_BENCH } from '../src/compare/calibration.js'
import { makeResults } from '../__fixtures__/results.js'
import type { Results } from '../src/results/types.js'

const ROUNDS = 5
const PER_ROUND = 10
const BENCHES = 8
const TRIALS = Number(process.env.AB_TRIALS ?? 150)
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

/** One side's run: bench i (the last is the calibration bench) at `slowdown[i]` on `machine`. */
function run(
  random: Random,
  machine: Machine,
  drift: number[],
  slowdown: (bench: number) => number,
): Results {
  const benches = Array.from({ length: BENCHES + 1 }, (_, bench) => {
    const samples: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const level =
        10 *
        machine.shared *
        machine.perBench[bench] *
        drift[round] *
        factor(random, SD.round) *
        slowdown(bench)
      for (let i = 0; i < PER_ROUND; i++) samples.push(level * factor(random, SD.sample))
    }
    return {
      name: bench === BENCHES ? CALIBRATION_BENCH : `bench-${bench}`,
      samples,
      rounds: Array(ROUNDS).fill(PER_ROUND) as number[],
    }
  })
  return makeResults({ benches })
}

type Mode = 'artifact' | 'artifact+calibration' | 'ab'

/** Fraction of unchanged benches flagged, and of slowed benches (bench 0) caught. */
function evaluate(mode: Mode, change: number, gate: number, seed: number): number {
  const random = seededRandom(seed)
  let hits = 0
  let total = 0
  for (let trial = 0; trial < TRIALS; trial++) {
    const machine = newMachine(random)
    const driftOf = () => Array.from({ length: ROUNDS }, () => factor(random, SD.drift))
    const baseDrift = driftOf()
    const headMachine = mode === 'ab' ? machine : newMachine(random)
    const headDrift = mode === 'ab' ? baseDrift : driftOf()
    const base = run(random, machine, baseDrift, () => 1)
    const head = run(random, headMachine, headDrift, (b) => (b === 0 ? 1 + change : 1))
    for (const results of [base, head])
      for (const bench of results.benches) bench.regressionThreshold = gate
    const comparison = compareRuns([base], head, {
      ...OPTS,
      ...(mode === 'artifact+calibration' ? { normalize: 'calibration' as const } : {}),
    })
    for (const row of comparison.comparisons) {
      if (row.name === CALIBRATION_BENCH) continue
      const slowed = row.name === 'bench-0'
      if (change > 0 ? !slowed : false) continue
      total++
      if (row.verdict === 'regression') hits++
    }
  }
  return hits / total
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
console.log(
  `cross-runner simulation: ${TRIALS} trials × ${BENCHES} benches, ${ROUNDS} rounds × ${PER_ROUND} samples; sd ${JSON.stringify(SD)}`,
)
console.log(
  '| mode | false alarms (10% gate) | caught +12% (10% gate) | false alarms (5% gate) | caught +8% (5% gate) |',
)
console.log('|---|---|---|---|---|')
for (const [index, mode] of (['artifact', 'artifact+calibration', 'ab'] as const).entries()) {
  const seed = 1000 + index
  console.log(
    `| ${mode} | ${pct(evaluate(mode, 0, 0.1, seed))} | ${pct(evaluate(mode, 0.12, 0.1, seed + 10))} | ${pct(evaluate(mode, 0, 0.05, seed + 20))} | ${pct(evaluate(mode, 0.08, 0.05, seed + 30))} |`,
  )
}
