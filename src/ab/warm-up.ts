/**
 * Telling a cold first round from noise: right after a build the first round pays for cold
 * caches, lazy compilation and page faults (42 ms against 17 ms for the rest), which says
 * nothing about how much the bench moves between warm rounds.
 */
import type { Better } from '../results/types.js'

/**
 * How far past the other rounds' median a first round must be, in robust standard deviations
 * of those rounds (1.4826 × their median absolute deviation). Five is far outside what the
 * other rounds do among themselves, so a noisy bench whose first round happens to be its
 * slowest keeps that round (and its hint), while a cold start stands out.
 */
const ROBUST_SIGMAS = 5

/**
 * The least relative gap (10%) a warm-up must have as well: when the other rounds agree almost
 * exactly (MAD near 0), any slightly slower first round would pass the sigma test; below 10% a
 * slower first round is ordinary drift on a shared runner, not a cold start.
 */
const MIN_GAP = 0.1

/**
 * Whether the first of these per-round medians is a cold start: with at least 3 rounds (so at
 * least 2 others to judge it against), the first is worse than every other round and further
 * from their median than both ROBUST_SIGMAS robust deviations and MIN_GAP of that median. The
 * rule uses the median and MAD of the others because a mean and standard deviation would be
 * pulled by the very outlier they judge.
 */
export function coldFirstRound(medians: readonly number[], better: Better): boolean {
  if (medians.length < 3) return false
  const [first, ...rest] = medians
  // Oriented so that larger is worse: a cold round is slower, or lower for ops/s.
  const sign = better === 'smaller' ? 1 : -1
  const worse = (value: number) => sign * value
  if (!rest.every((value) => worse(first) > worse(value))) return false
  const centre = median(rest)
  const sigma = 1.4826 * median(rest.map((value) => Math.abs(value - centre)))
  const gap = worse(first) - worse(centre)
  return gap > ROBUST_SIGMAS * sigma && gap > MIN_GAP * Math.abs(centre)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
