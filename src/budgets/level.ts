/**
 * The time level of one size of a scaled bench: the fastest round's fast end (its 10th
 * percentile), the best-round reading the compare engine cross-checks its verdicts with. Pure.
 *
 * Why not the median of all samples: on a shared runner whole processes run ~1.5× slow at random
 * (recorded: round medians split into a fast and a slow cluster, about half each). One slow round
 * of five moves a pooled median by ~10%, and since each size is measured by its own processes, a
 * curve's sizes get different shares of slow rounds: noise that bent n into n log n and back in a
 * third of the recorded runs. The fastest round is slow only when every round was, and within a
 * round the 10th percentile skips the iterations a neighbour slowed. Every size of a curve runs
 * the same number of rounds, so taking the best of them biases every size alike (the slope keeps).
 * Tuned on __fixtures__/recorded/ (bench:scaling): the best 40% of rounds (the verdicts' centre)
 * left n right in 96.8% of runs, the fastest round in 100%.
 */
import { seededRandom } from '../compare/random.js'
import { quantileOf, splitRounds } from '../compare/units.js'
import type { Metric } from '../results/types.js'

/** The quantile of each round that stands for it: its fast end, as the compare engine reads rounds. */
export const ROUND_QUANTILE = 0.1

/** A size's level and its 95% interval, in the metric's unit. */
export interface Level {
  value: number
  interval: [number, number]
}

/** Options of the level's bootstrap. */
export interface LevelOptions {
  /** Bootstrap resamples of the interval (default 400). */
  resamples?: number
  /** Seed of the resampling (default 1). */
  seed?: number
}

/** Draws per round of its fast-end quantile, reused by every two-stage resample. */
const ROUND_DRAWS = 64

/**
 * The level of a time metric: the smallest of its rounds' 10th percentiles. The interval is a
 * two-stage bootstrap (rounds with replacement, then samples within each drawn round), so a level
 * that rests on a single fast round among slow ones gets the wide interval it deserves.
 */
export function sizeLevel(metric: Metric, options: LevelOptions = {}): Level {
  const groups = splitRounds(metric).filter((group) => group.length > 0)
  const value = Math.min(...groups.map((group) => quantileOf(group, ROUND_QUANTILE)))
  const random = seededRandom(options.seed ?? 1)
  // Each round's quantile redrawn from its own samples, once: a resample then picks among them.
  const roundDraws = groups.map((group) =>
    Array.from({ length: ROUND_DRAWS }, () =>
      quantileOf(
        Array.from({ length: group.length }, () => group[Math.floor(random() * group.length)]),
        ROUND_QUANTILE,
      ),
    ),
  )
  const resamples = options.resamples ?? 400
  const draws = new Float64Array(resamples)
  for (let i = 0; i < resamples; i++) {
    let best = Infinity
    for (let r = 0; r < groups.length; r++) {
      // One round: only its samples vary. Several: which rounds ran varies too.
      const round = groups.length === 1 ? 0 : Math.floor(random() * groups.length)
      best = Math.min(best, roundDraws[round][Math.floor(random() * ROUND_DRAWS)])
    }
    draws[i] = best
  }
  draws.sort()
  const at = (q: number) => draws[Math.min(resamples - 1, Math.floor(q * resamples))]
  return { value, interval: [Math.min(at(0.025), value), Math.max(at(0.975), value)] }
}
