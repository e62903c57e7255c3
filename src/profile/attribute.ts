/**
 * Which functions made the head slower: each function's self time per bench call, round by
 * round on each side, tested for growth beyond the spread between rounds. Pure.
 *
 * - Times per call are taken from each side's faster half of rounds (by total): a CPU hog only
 *   ever adds time, to whole rounds, so the faster rounds are the undisturbed ones.
 * - The family tested is fixed before looking at any change: the functions holding at least
 *   MIN_TIME of either side's time (at most 1 / MIN_TIME of them), so the multiple-testing
 *   correction is not spent on the hundreds that hold a sample or two. Of those, only the ones
 *   whose time grew by at least MIN_SHARE of the whole change are tested (the others count as
 *   not significant): a function that did not grow is never named.
 * - The test is on each function's share of its round's time (outside the collector's, whose
 *   bursts land on whichever round crosses its threshold), which a disturbed round leaves as
 *   it was (the hog's pauses land on functions in proportion to their time), one-sided (head
 *   above base) with the Mann–Whitney U test across all rounds, which assumes no shape for the
 *   spread; the family is held to ALPHA by Holm's step-down correction. A function that only
 *   grew with everything else (its share did not) is not named: the one that took over is.
 * - With fewer than RANK_ROUNDS rounds a side (a command's pass, where each round is a whole
 *   run), the rank test cannot decide; the shares are then compared by their sample counts
 *   (share-count-test.ts), the variance widened by the spread the rounds show.
 * - Ranked by growth (ms per call, head − base); the top MAX_LINES are named, each with its
 *   share of the whole change (the total per call, head − base).
 * - One exception to "its share must grow": a function that holds nearly all the time on both
 *   sides (DOMINANT_SHARE) cannot grow its share. It is named when the rounds' totals per call
 *   grew (the same one-sided rank test, at DOMINANT_ALPHA), ranked with the others by growth.
 * - Sides profiled in turn (a server's: all the base's rounds in one process, then the head's
 *   in another) must first show the growth in their own rounds' totals (rank test, ALPHA): the
 *   shares' spread is within one process, and two processes of the same code can differ beyond
 *   it (their JIT's and collector's choices, the sampler's gaps under load), which named
 *   unchanged code in A/A runs (bench:explain's server).
 */
import { mannWhitneyU } from '../compare/mann-whitney.js'
import { isCollector, roundTimes, type FunctionId, type RoundTimes } from './self-time.js'
import { shareGrowthPs } from './share-count-test.js'
import type { CauseLine, ProfileRound } from './types.js'

/** The family-wise false-naming rate: a function that did not change is named at most this often. */
export const ALPHA = 0.01
/** A function is tested only when it grew by at least this share of the whole change. */
export const MIN_SHARE = 0.05
/** A function is in the tested family when it holds at least this share of a side's time. */
export const MIN_TIME = 0.01
/** At most this many functions are named. */
export const MAX_LINES = 3
/**
 * A function holding at least this share of both sides' time is the bench's time: when it
 * grew, its share cannot (a bench spending it all in `JSON.stringify` called from one function).
 */
export const DOMINANT_SHARE = 0.8
/**
 * The rounds' totals must have grown at this one-sided level for it: stricter than ALPHA, since
 * totals, unlike shares, move with a CPU hog (seeded: 9 of 400 unchanged runs passed at 1%).
 */
export const DOMINANT_ALPHA = ALPHA / 10
/**
 * Rounds a side from which the rank test decides; fewer are tested by sample counts. With 4 a
 * side its smallest one-sided p is 1/70, above ALPHA before any correction. The count test's
 * spread is between rounds, so it holds only where each round is its own process (a command's
 * runs): a server's rounds are cut from one process a side, which cannot show how two processes
 * differ (bench:explain's server, 15 A/A seeds: 4 rounds of 10 requests by counts named
 * unchanged code in one, as did every count-test size tried; 20 rounds of 3 by rank in none).
 */
export const RANK_ROUNDS = 5

/** How the rounds were taken: sides alternating (ABBA), or one side's rounds after the other's. */
export interface RoundOrder {
  /** All of the base's rounds, from one process, then the head's (a server's sides). */
  sidesInTurn?: boolean
}

/** What the attribution found: the lines by growth, or why none, and the totals it judged by. */
export interface Attribution {
  lines: CauseLine[]
  note?: string
  /** Median total time per call on each side, ms. */
  baseTotalMs: number
  headTotalMs: number
}

/** A function found grown: its self time per call on each side, ms (the faster half of rounds). */
interface Grown {
  fn: FunctionId
  baseMs: number
  headMs: number
  growth: number
}

/** A function tested by its share, with its one-sided p. */
interface Candidate extends Grown {
  p: number
}

/** Attributes the change between the sides' profile rounds to functions, or says it cannot. */
export function attribute(
  base: readonly ProfileRound[],
  head: readonly ProfileRound[],
  order: RoundOrder = {},
): Attribution {
  const baseTimes = base.map(roundTimes)
  const headTimes = head.map(roundTimes)
  const [baseFast, headFast] = [fasterHalf(baseTimes), fasterHalf(headTimes)]
  const baseTotalMs = median(baseFast.map((t) => t.totalMs))
  const headTotalMs = median(headFast.map((t) => t.totalMs))
  const change = headTotalMs - baseTotalMs
  const totals = { baseTotalMs, headTotalMs }
  const rounds = Math.min(base.length, head.length)
  if (rounds < 2) {
    return { lines: [], note: 'too few profile rounds to tell a change from noise', ...totals }
  }
  if (!(change > 0)) {
    return {
      lines: [],
      note: `the profiles cannot separate the change from noise: their total time per call did not grow (${rounds} rounds per side)`,
      ...totals,
    }
  }
  if (order.sidesInTurn && !(oneSidedP(totalsOf(baseTimes), totalsOf(headTimes)) <= ALPHA)) {
    return {
      lines: [],
      note: `the profiles cannot separate the change from noise: the sides were profiled one after the other, and their rounds' total time per call did not grow beyond the rounds' spread (${rounds} rounds per side)`,
      ...totals,
    }
  }
  const functions = new Map<string, FunctionId>()
  // The head last: a function on both sides is located where the head has it now.
  for (const times of [...baseTimes, ...headTimes])
    for (const [key, fn] of times.functions) functions.set(key, fn)
  const shares = new Map(
    [...functions.keys()].map((key) => [key, [shareOf(baseTimes, key), shareOf(headTimes, key)]]),
  )
  const family = [...functions.keys()].filter((key) => {
    const [b, h] = shares.get(key) as number[][]
    return Math.max(median(b), median(h)) >= MIN_TIME
  })
  const countPs =
    rounds < RANK_ROUNDS ? shareGrowthPs(baseTimes, headTimes, family, functions) : undefined
  const candidates: Candidate[] = []
  for (const key of family) {
    const [b, h] = shares.get(key) as number[][]
    const baseMs = median(perRound(baseFast, key))
    const headMs = median(perRound(headFast, key))
    const growth = headMs - baseMs
    if (!(growth >= MIN_SHARE * change)) continue
    if (!(median(h) > median(b))) continue
    const p = countPs ? (countPs.get(key) ?? 1) : oneSidedP(b, h)
    candidates.push({ fn: functions.get(key) as FunctionId, baseMs, headMs, growth, p })
  }
  const grown = holm(candidates, family.length)
  const dominant = dominantGrowth(baseTimes, headTimes, baseFast, headFast, functions, change)
  // Beside whatever else grew: the collector's share grows with the allocations of a slower
  // JSON.stringify, and naming only the collector's 6% of the change hid the other 94% (seen).
  if (dominant && !grown.some((c) => c.fn.key === dominant.fn.key)) grown.push(dominant)
  if (grown.length === 0) {
    return {
      lines: [],
      note: `the profiles cannot separate the change from noise (${rounds} rounds per side)`,
      ...totals,
    }
  }
  const lines = grown
    .sort((a, b) => b.growth - a.growth)
    .slice(0, MAX_LINES)
    .map((c) => causeLine(c, change))
  return { lines, ...totals }
}

/** A named function's line: where it is, both times, and its share of the whole change. */
function causeLine(c: Grown, change: number): CauseLine {
  return {
    name: c.fn.name,
    ...(c.fn.location === undefined ? {} : { location: c.fn.location }),
    baseMs: c.baseMs,
    headMs: c.headMs,
    share: Math.min(1, c.growth / change),
  }
}

/**
 * The one function that holds nearly all of both sides' time (DOMINANT_SHARE), when the time per
 * call of the whole grew across rounds (one-sided rank test of the rounds' totals at
 * DOMINANT_ALPHA): then its growth is the change, though its share could not grow.
 */
function dominantGrowth(
  baseTimes: readonly RoundTimes[],
  headTimes: readonly RoundTimes[],
  baseFast: readonly RoundTimes[],
  headFast: readonly RoundTimes[],
  functions: ReadonlyMap<string, FunctionId>,
  change: number,
): Grown | undefined {
  const holders = [...functions.keys()].filter(
    (key) =>
      median(shareOf(baseTimes, key)) >= DOMINANT_SHARE &&
      median(shareOf(headTimes, key)) >= DOMINANT_SHARE,
  )
  if (holders.length !== 1) return undefined
  const [key] = holders
  if (!(oneSidedP(totalsOf(baseTimes), totalsOf(headTimes)) <= DOMINANT_ALPHA)) return undefined
  const baseMs = median(perRound(baseFast, key))
  const headMs = median(perRound(headFast, key))
  const growth = headMs - baseMs
  if (!(growth >= MIN_SHARE * change)) return undefined
  return { fn: functions.get(key) as FunctionId, baseMs, headMs, growth }
}

/**
 * The candidates Holm's step-down procedure keeps at family-wise level ALPHA, in a family of
 * `family` hypotheses (the untested ones rank last, as if their p were 1).
 */
function holm(candidates: Candidate[], family: number): Grown[] {
  const sorted = [...candidates].sort((a, b) => a.p - b.p)
  const kept: Grown[] = []
  for (const [i, candidate] of sorted.entries()) {
    if (candidate.p > ALPHA / (family - i)) break
    kept.push(candidate)
  }
  return kept
}

/** One-sided p of "head above base" from the two-sided Mann–Whitney U test. */
function oneSidedP(base: number[], head: number[]): number {
  const { u, p } = mannWhitneyU(base, head)
  return u > (base.length * head.length) / 2 ? p / 2 : 1 - p / 2
}

function totalsOf(times: readonly RoundTimes[]): number[] {
  return times.map((t) => t.totalMs)
}

function perRound(times: readonly RoundTimes[], key: string): number[] {
  return times.map((t) => t.byFunction.get(key) ?? 0)
}

/**
 * The function's share of each round's time; a function's other than the collector's, of the
 * round's time outside the collector. A collection runs in whichever round crosses its threshold,
 * so one round holds a burst (a third of a server's round, seen) that shrank every share there.
 */
function shareOf(times: readonly RoundTimes[], key: string): number[] {
  return times.map((t) => {
    const own = t.byFunction.get(key) ?? 0
    const collector = isCollector(t.functions.get(key))
    const whole = collector ? t.totalMs : t.totalMs - t.collectorMs
    return whole > 0 ? own / whole : 0
  })
}

/** The rounds with the smaller totals, half of them (at least one). */
function fasterHalf(times: readonly RoundTimes[]): RoundTimes[] {
  const sorted = [...times].sort((a, b) => a.totalMs - b.totalMs)
  return sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)))
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
