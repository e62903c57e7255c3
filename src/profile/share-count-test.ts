/**
 * A test of "this function's share of the time grew" from a few rounds a side (a command's
 * profiled runs cost a whole run each, so a pass can afford two), where a rank test across rounds
 * cannot decide (two rounds a side: its smallest one-sided p is 1/6). Pure.
 *
 * Each round is counted in samples: a function's samples out of the round's, outside the
 * collector's. Pooled over a side's rounds, the two sides' shares are compared as binomial
 * proportions, the variance widened by the spread the rounds show beyond sampling (over-
 * dispersion, as in a quasi-binomial model): the larger of the family's pooled spread and the
 * function's own, so a function whose time jumps between runs (a compile, a file read) is held to
 * its own spread and a quiet round pair cannot make every function look certain.
 */
import { errorFunction } from 'simple-statistics'
import { isCollector, type FunctionId, type RoundTimes } from './self-time.js'

/** One function's sample counts on each side: per round, with the rounds' counts outside the collector. */
interface Counts {
  hits: number[]
  totals: number[]
}

/** Samples of the round outside the collector's (the denominator of every share but its own). */
function outsideCollector(times: RoundTimes): number {
  return times.samples - times.collectorSamples
}

function countsOf(times: readonly RoundTimes[], key: string, collector: boolean): Counts {
  return {
    hits: times.map((t) => t.samplesByFunction.get(key) ?? 0),
    totals: times.map((t) => (collector ? t.samples : outsideCollector(t))),
  }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

/** Pearson's χ² of a side's rounds about their pooled share, and its degrees of freedom. */
function spread({ hits, totals }: Counts): { chi2: number; df: number } {
  const share = sum(hits) / sum(totals)
  if (!(share > 0 && share < 1)) return { chi2: 0, df: 0 }
  let chi2 = 0
  let rounds = 0
  for (const [i, total] of totals.entries()) {
    // A round with none of the bench's samples says nothing of its spread (and would divide by 0).
    if (total === 0) continue
    const expected = total * share
    chi2 += (hits[i] - expected) ** 2 / (expected * (1 - share))
    rounds++
  }
  return { chi2, df: Math.max(0, rounds - 1) }
}

/**
 * One-sided p of "the head's share is above the base's" for each key in `family` (identified in
 * `functions`), from the rounds' sample counts, with the dispersion the rounds themselves show.
 */
export function shareGrowthPs(
  base: readonly RoundTimes[],
  head: readonly RoundTimes[],
  family: readonly string[],
  functions: ReadonlyMap<string, FunctionId>,
): Map<string, number> {
  const counts = new Map(
    family.map((key) => {
      const collector = isCollector(functions.get(key))
      return [
        key,
        { collector, sides: [countsOf(base, key, collector), countsOf(head, key, collector)] },
      ]
    }),
  )
  let chi2 = 0
  let df = 0
  const own = new Map<string, number>()
  for (const [key, { collector, sides }] of counts) {
    const spreads = sides.map(spread)
    const c = sum(spreads.map((s) => s.chi2))
    const d = sum(spreads.map((s) => s.df))
    if (d > 0) own.set(key, c / d)
    // The collector's bursts land on whichever round crosses its threshold: its spread is its
    // own, and pooled it widened every other function's (a round of 25 collector samples
    // beside one of none made a slowed helper's p 0.007, no longer significant).
    if (collector) continue
    chi2 += c
    df += d
  }
  const pooled = df > 0 ? chi2 / df : 1
  const ps = new Map<string, number>()
  for (const [key, { sides }] of counts) {
    const [b, h] = sides
    const [nb, nh] = [sum(b.totals), sum(h.totals)]
    const [cb, ch] = [sum(b.hits), sum(h.hits)]
    const share = (cb + ch) / (nb + nh)
    if (!(nb > 0 && nh > 0 && share > 0 && share < 1)) {
      ps.set(key, 1)
      continue
    }
    const dispersion = Math.max(1, pooled, own.get(key) ?? 1)
    const se = Math.sqrt(dispersion * share * (1 - share) * (1 / nb + 1 / nh))
    const z = (ch / nh - cb / nb) / se
    // The upper tail from erf (the table of cumulativeStdNormalProbability stops at z = 3.09).
    const p = 0.5 * (1 - errorFunction(z / Math.SQRT2))
    // Never a NaN, which Holm's `p > level` would keep.
    ps.set(key, Number.isFinite(p) ? Math.max(0, p) : 1)
  }
  return ps
}
