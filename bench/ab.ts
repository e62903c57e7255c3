/**
 * `npm run bench:ab`: A/B mode evaluated twice. First on REAL noise, replaying consecutive
 * processes recorded next to a CPU hog (__fixtures__/ab-hog/, bench/ab-replay.ts; the slowdown
 * is injected); then the SIMULATED cross-runner scenario, artifact baseline against A/B
 * (bench/cross-runner.ts). Seeded and deterministic. AB_DRAWS=N sets the subsample draws per
 * replayed job (default 5), AB_TRIALS=N the simulated PRs per cell (default 150).
 */
import { printReplay } from './ab-replay.js'
import { printCrossRunner } from './cross-runner.js'

const started = performance.now()
printReplay('ab-hog', Number(process.env.AB_DRAWS ?? 5))
printCrossRunner(Number(process.env.AB_TRIALS ?? 150))
console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(1)} s`)
