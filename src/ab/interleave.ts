/**
 * Interleaving, pure: which side runs first in each round (ABBA…), a bench cut down to one
 * round, and the per-round results merged back into one result per bench, as a normal run has.
 */
import type { BenchConfig } from '../config/types.js'
import type { JsSpec } from '../config/kinds/js.js'
import { makeMetric } from '../results/summary.js'
import type { BenchResult, Metric } from '../results/types.js'

/** The two checkouts A/B mode measures. */
export type Side = 'base' | 'head'

/**
 * The order of sides in each of `rounds` rounds: base-head, head-base, base-head, … (ABBA), so a
 * machine that speeds up or slows down during the job moves both sides alike.
 */
export function roundOrder(rounds: number): Side[][] {
  return Array.from({ length: rounds }, (_, round) =>
    round % 2 === 0 ? ['base', 'head'] : ['head', 'base'],
  )
}

/**
 * By default A/B splits each configured round in two (`ab-split: 2`): a side runs 2 × `rounds`
 * rounds, each with half a round's samples and time, so a side measures as many samples as a
 * normal run. Next to a CPU hog whole processes run ~1.45× slow at random (3 to 5 in 10 on the
 * replay's tuning half); the comparison keeps each side's fastest rounds, and with 10 rounds more
 * undisturbed ones are left to keep: +12% confirmed 87% of the time there against 68% with 5
 * rounds (docs/ab.md). The price is twice the processes, so twice their start-up and warm-up.
 */
export const AB_ROUND_SPLIT = 2

/** Rounds per side in A/B mode for a bench configured with `settings.rounds` (and `ab-split`). */
export function abRounds(settings: { rounds: number; abSplit?: number }): number {
  return settings.rounds * (settings.abSplit ?? AB_ROUND_SPLIT)
}

/**
 * `bench` as one of its A/B rounds (abRounds of them): a share of the samples and time, and
 * (for `js`) the leak check only in the first round, where a normal run does it too.
 */
export function oneRound(bench: BenchConfig, round: number): BenchConfig {
  const { settings } = bench
  const rounds = abRounds(settings)
  const spec =
    bench.spec.kind === 'js' && round > 0
      ? ({ ...bench.spec, leakCheck: false } satisfies JsSpec)
      : bench.spec
  return {
    ...bench,
    spec,
    settings: {
      ...settings,
      rounds: 1,
      samples: Math.ceil(settings.samples / rounds),
      time: settings.time / rounds,
      ...(settings.duration === undefined ? {} : { duration: settings.duration / rounds }),
    },
  }
}

/**
 * Merges the results of one side's rounds (`perRound[r]` = what round r produced) into one result
 * per name: samples concatenated in round order, `rounds` the per-round counts, summaries redone.
 * A name that errored or was skipped in any round takes that round's status and reason.
 */
export function mergeRounds(perRound: readonly (readonly BenchResult[])[]): BenchResult[] {
  const byName = new Map<string, BenchResult[]>()
  for (const results of perRound)
    for (const result of results) {
      const list = byName.get(result.name) ?? []
      list.push(result)
      byName.set(result.name, list)
    }
  return [...byName.values()].map(mergeOne)
}

function mergeOne(results: BenchResult[]): BenchResult {
  const [first] = results
  const failed = results.find((r) => r.status === 'error') ?? results.find((r) => r.status !== 'ok')
  if (failed) return failed
  if (first.status !== 'ok') return first
  const metrics = first.metrics
    .map((metric) => mergeMetric(results.map((r) => r.metrics.find((m) => m.name === metric.name))))
    .filter((metric): metric is Metric => metric !== undefined)
  const details = results.find((r) => r.details !== undefined)?.details
  // Shard balancing plans by durationMs: the bench took all its rounds, not just the first.
  const timed = results.filter((r) => r.durationMs !== undefined)
  const durationMs = timed.length
    ? timed.reduce((sum, r) => sum + (r.durationMs ?? 0), 0)
    : undefined
  return {
    ...first,
    metrics,
    ...(details === undefined ? {} : { details }),
    ...(durationMs === undefined ? {} : { durationMs }),
  }
}

function mergeMetric(parts: (Metric | undefined)[]): Metric | undefined {
  // A metric missing from some round (e.g. memory unavailable once) is dropped: uneven evidence.
  if (parts.some((part) => part === undefined)) return undefined
  const metrics = parts as Metric[]
  const [first] = metrics
  const samples: number[] = []
  const rounds: number[] = []
  for (const metric of metrics) {
    for (const sample of metric.samples) samples.push(sample)
    rounds.push(...(metric.rounds ?? [metric.samples.length]))
  }
  return makeMetric({
    name: first.name,
    unit: first.unit,
    better: first.better,
    samples,
    rounds,
    ...(first.regressionThreshold === undefined
      ? {}
      : { regressionThreshold: first.regressionThreshold }),
    ...(first.resolution === undefined ? {} : { resolution: first.resolution }),
  })
}
