/**
 * Speed check: comparing 1,000 benches of 100 samples (5 rounds of 20) must take under 1 s.
 * Usage: `npm run bench:compare`.
 */
import { compareRuns, seededRandom } from '../src/compare/index.js'
import { makeResults } from '../__fixtures__/results.js'

const BENCHES = 1000
const SAMPLES = 100
const ROUNDS = 5

const random = seededRandom(7)
function run(shift: number) {
  return makeResults({
    benches: Array.from({ length: BENCHES }, (_, b) => ({
      name: `bench-${b}`,
      samples: Array.from(
        { length: SAMPLES },
        () => (1 + (b % 10)) * (1 + (b % 50 === 0 ? shift : 0)) * (1 + 0.05 * random()),
      ),
      rounds: Array.from({ length: ROUNDS }, () => SAMPLES / ROUNDS),
    })),
  })
}

const base = run(0)
const head = run(0.3)
// The first call includes JIT warm-up, which a CLI run pays once; both count against the budget.
const timings: number[] = []
let regressions = 0
for (let i = 0; i < 2; i++) {
  const started = performance.now()
  regressions = compareRuns([base], head).regressions
  timings.push(performance.now() - started)
}
const elapsed = Math.max(...timings)
console.log(
  `compared ${BENCHES} benches x ${SAMPLES} samples (${ROUNDS} rounds): first call ${timings[0].toFixed(0)} ms, second ${timings[1].toFixed(0)} ms; ${regressions} regressions (expected ${BENCHES / 50})`,
)
if (elapsed >= 1000) {
  console.error('too slow: the budget is 1000 ms')
  process.exitCode = 1
}
