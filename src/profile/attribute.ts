/**
 * Which functions made the head slower: each function's self time per bench call, round by
 * round on each side, tested for growth beyond the spread between rounds. Pure.
 *
 * - Only functions whose median grew by at least MIN_SHARE of the whole change are tested: a
 *   function that did not grow is never named, and the multiple-testing correction is not spent
 *   on the hundreds of functions that hold a sample or two.
 * - Each is tested one-sided (head above base) with the Mann–Whitney U test across rounds, which
 *   assumes no shape for the round-to-round spread (a CPU hog makes it long-tailed), and the
 *   family is held to ALPHA by Holm's step-down correction.
 * - Ranked by growth (median head − median base, ms per call); the top MAX_LINES are named, each
 *   with its share of the whole change (the median total per call, head − base).
 */
import { mannWhitneyU } from '../compare/mann-whitney.js'
import { roundTimes, type FunctionId, type RoundTimes } from './self-time.js'
import type { CauseLine, ProfileRound } from './types.js'

/** The family-wise false-naming rate: a function that did not change is named at most this often. */
export const ALPHA = 0.01
/** A function is tested only when it grew by at least this share of the whole change. */
export const MIN_SHARE = 0.05
/** At most this many functions are named. */
export const MAX_LINES = 3

/** What the attribution found: the lines by growth, or why none, and the totals it judged by. */
export interface Attribution {
  lines: CauseLine[]
  note?: string
  /** Median total time per call on each side, ms. */
  baseTotalMs: number
  headTotalMs: number
}

interface Candidate {
  fn: FunctionId
  base: number[]
  head: number[]
  growth: number
  p: number
}

/** Attributes the change between the sides' profile rounds to functions, or says it cannot. */
export function attribute(
  base: readonly ProfileRound[],
  head: readonly ProfileRound[],
): Attribution {
  const baseTimes = base.map(roundTimes)
  const headTimes = head.map(roundTimes)
  const baseTotalMs = median(baseTimes.map((t) => t.totalMs))
  const headTotalMs = median(headTimes.map((t) => t.totalMs))
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
  const functions = new Map<string, FunctionId>()
  // The head last: a function on both sides is located where the head has it now.
  for (const times of [...baseTimes, ...headTimes])
    for (const [key, fn] of times.functions) functions.set(key, fn)
  const candidates: Candidate[] = []
  for (const [key, fn] of functions) {
    const b = perRound(baseTimes, key)
    const h = perRound(headTimes, key)
    const growth = median(h) - median(b)
    if (!(growth >= MIN_SHARE * change)) continue
    candidates.push({ fn, base: b, head: h, growth, p: oneSidedP(b, h) })
  }
  const grown = holm(candidates).sort((a, b) => b.growth - a.growth)
  if (grown.length === 0) {
    return {
      lines: [],
      note: `the profiles cannot separate the change from noise (${rounds} rounds per side)`,
      ...totals,
    }
  }
  const lines = grown.slice(0, MAX_LINES).map((c): CauseLine => ({
    name: c.fn.name,
    ...(c.fn.location === undefined ? {} : { location: c.fn.location }),
    baseMs: median(c.base),
    headMs: median(c.head),
    share: Math.min(1, c.growth / change),
  }))
  return { lines, ...totals }
}

/** The candidates Holm's step-down procedure keeps at family-wise level ALPHA. */
function holm(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.p - b.p)
  const kept: Candidate[] = []
  for (const [i, candidate] of sorted.entries()) {
    if (candidate.p > ALPHA / (sorted.length - i)) break
    kept.push(candidate)
  }
  return kept
}

/** One-sided p of "head above base" from the two-sided Mann–Whitney U test. */
function oneSidedP(base: number[], head: number[]): number {
  const { u, p } = mannWhitneyU(base, head)
  return u > (base.length * head.length) / 2 ? p / 2 : 1 - p / 2
}

function perRound(times: readonly RoundTimes[], key: string): number[] {
  return times.map((t) => t.byFunction.get(key) ?? 0)
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
