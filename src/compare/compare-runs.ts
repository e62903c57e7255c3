/** compareRuns: the head run(s) against stored baseline run(s), bench by bench and metric by metric. */
import { planChangeNotes, planShapeChanged } from './plan-notes.js'
import { formatMagnitude, formatPercent } from '../format.js'
import { scalingNotes } from './scaling-notes.js'
import type { BenchResult, Metric, Results } from '../results/types.js'
import { CALIBRATION_BENCH, calibrationRatio } from './calibration.js'
import { CompareInputError } from './errors.js'
import { gatherEvidence, type Evidence } from './evidence.js'
import { benjaminiHochberg } from './multiple-testing.js'
import { seededRandom, type Random } from './random.js'
import type { Comparison, MetricComparison } from './types.js'
import { checkMetric, quantileOf, splitRounds } from './units.js'
import { metricCentre, ROUND_QUANTILE } from './centre.js'
import { decide } from './verdict.js'
import { discountShift, sharedShift } from './shared-shift.js'
import { runWarnings } from './warnings.js'
import { pairingProblems } from './pairing.js'

/** Options of compareRuns; every field has a sensible default. */
export interface CompareOptions {
  /** False-discovery rate for the Benjamini–Hochberg-corrected U tests (default 0.05). */
  alpha?: number
  /** Divide head times by the calibration bench's speed ratio. */
  normalize?: 'calibration'
  /** Random source for bootstrap intervals (default: seeded, so results are reproducible). */
  random?: Random
  /** Bootstrap resamples per metric (default 400). */
  resamples?: number
  /** Coverage of the change interval (default 0.95). */
  confidence?: number
  /**
   * Quantile of each round's samples taken as that round's centre (default 0.1). A low quantile is
   * the speed of the code when the machine lets it run: busy neighbours slow part of a process's
   * iterations, a code change slows all of them (see docs/statistics.md for the evaluation).
   */
  roundQuantile?: number
  /** Require the best rounds to move as well before a regression (default true). */
  crossCheck?: boolean
  /**
   * Downgrade changes shared by most benches to inconclusive unless evidence says otherwise
   * (default true). A confirming re-run passes false: the re-run is that evidence.
   */
  sharedShift?: boolean
  /**
   * A tail row beside each latency (`time`) metric: the per-round `quantile` (e.g. 0.9 for p90)
   * relative to the round's centre, compared with the same permutation test on round values,
   * under its own thresholds; its change is how much further the tail sits from the centre. It
   * catches a slowdown of some calls (a p95 latency change) that the centre does not move past
   * its threshold. Off unless given.
   */
  tail?: TailOptions
}

/** The tail metric's quantile and thresholds. */
export interface TailOptions {
  quantile: number
  noiseThreshold: number
  regressionThreshold: number
}

/**
 * The tail settings evaluated in bench/detect.ts: per-round p75 relative to the round's centre,
 * 15% noise and 30% regression thresholds (chosen on the tuned-on corpus, where p90 caught the
 * slow-calls change 30% of the time at 1–2% false alarms even with the re-run: its rounds' upper
 * tails swing too much between processes).
 */
export const DEFAULT_TAIL: TailOptions = {
  quantile: 0.75,
  noiseThreshold: 0.15,
  regressionThreshold: 0.3,
}

/** The name of the tail row of the time metric, e.g. `time p90`. */
export function tailMetricName(quantile: number): string {
  return `time p${Math.round(quantile * 100)}`
}

interface Pending {
  row: MetricComparison
  evidence?: Evidence
  resolution?: number
  headRuns: number
  /** False for the tail row: its change is in the slow calls, the best rounds need not move. */
  crossCheck?: boolean
  /** The bench's query plan changed shape: never explained away as the runner's speed. */
  planChanged?: boolean
}

/** The calibration bench moving less than this means the runner kept its speed. */
const STEADY_RUNNER = 0.03

const isTimeUnit = (unit: string) => unit === 'ms'

function emptyRow(
  bench: BenchResult,
  metric: Metric | undefined,
  verdict: MetricComparison['verdict'],
  reason: string,
): MetricComparison {
  return {
    name: bench.name,
    metric: metric?.name ?? 'time',
    unit: metric?.unit ?? 'ms',
    better: metric?.better ?? 'smaller',
    verdict,
    change: null,
    ci: null,
    p: null,
    reason,
    base: null,
    head: null,
    baseSamples: 0,
    headSamples: 0,
    baseRuns: 0,
    noiseThreshold: bench.noiseThreshold,
    regressionThreshold: metric?.regressionThreshold ?? bench.regressionThreshold,
  }
}

// A bench on one side only shows the centre a comparison would use, as `run` prints it.
function centreOf(metric: Metric | undefined): number | null {
  return metric ? metricCentre(metric) : null
}

/**
 * Compares head run(s) with baseline run(s). Several baselines pool their rounds, so the
 * verdict holds against run-to-run variation; several heads (a re-run) pool the same way.
 * Throws CompareInputError for malformed samples, naming the bench.
 */
export function compareRuns(
  baselines: readonly Results[],
  head: Results | readonly Results[],
  options: CompareOptions = {},
): Comparison {
  const heads: readonly Results[] = Array.isArray(head) ? head : [head as Results]
  if (baselines.length === 0) throw new CompareInputError('no baseline run to compare with')
  if (heads.length === 0) throw new CompareInputError('no head run to compare')
  const alpha = options.alpha ?? 0.05
  const settings = {
    alpha,
    confidence: options.confidence ?? 0.95,
    resamples: options.resamples ?? 400,
    random: options.random ?? seededRandom(20240611),
    quantile: options.roundQuantile ?? ROUND_QUANTILE,
  }
  const warnings = runWarnings(baselines, heads)
  const speed = calibrationRatio(baselines, heads)
  const normalizing = options.normalize === 'calibration' && speed !== null
  if (speed !== null) {
    const how =
      speed >= 1
        ? `${formatMagnitude(speed - 1)} slower`
        : `${formatMagnitude(1 / speed - 1)} faster`
    warnings.push(
      `Calibration: the head runner ran ${CALIBRATION_BENCH} ${how} than the baseline` +
        (normalizing ? '; time changes are divided by this ratio' : ''),
    )
  } else if (options.normalize === 'calibration') {
    warnings.push(
      `Normalisation was requested but ${CALIBRATION_BENCH} is missing from the baseline or head; times are not normalised`,
    )
  }

  const pending: Pending[] = []
  const primary = heads[0]
  const headNames = new Set(primary.benches.map((b) => b.name))
  for (const bench of primary.benches) {
    const pendingForBench = compareBench(
      bench,
      baselines,
      heads,
      normalizing ? speed : null,
      settings,
      options.tail,
    )
    pending.push(...pendingForBench)
  }
  const removedNames = new Set<string>()
  for (const run of baselines) {
    for (const bench of run.benches) {
      if (headNames.has(bench.name) || removedNames.has(bench.name)) continue
      removedNames.add(bench.name)
      pending.push({
        row: emptyRow(
          bench,
          bench.metrics[0],
          'removed',
          'in the baseline but not in the head run',
        ),
        headRuns: 0,
      })
    }
  }

  // A p-value drives a verdict only beyond the noise threshold (within it the verdict is
  // "unchanged" whatever the test says), so those are the tests the correction counts.
  const adjusted = benjaminiHochberg(
    pending.map((item) => (item.evidence && beyondNoise(item) ? item.evidence.p : null)),
  )
  const comparisons = pending.map((item, index): MetricComparison => {
    if (!item.evidence) return item.row
    const p = adjusted[index]
    const { verdict, reason } = decide({
      evidence: item.evidence,
      p,
      alpha,
      noiseThreshold: item.row.noiseThreshold,
      regressionThreshold: item.row.regressionThreshold,
      isTime: isTimeUnit(item.row.unit),
      baseRuns: item.row.baseRuns,
      headRuns: item.headRuns,
      resolution: item.resolution,
      unit: item.row.unit,
      crossCheck: item.crossCheck ?? options.crossCheck ?? true,
    })
    return { ...item.row, verdict, reason, p }
  })
  // Normalised runs already had the runner's speed divided out; a calibration bench that held
  // still says the runner did not change speed, so a shared move is the code's.
  const shift = normalizing || options.sharedShift === false ? null : sharedShift(comparisons)
  const runnerSteady = speed !== null && Math.abs(Math.log(speed)) <= Math.log1p(STEADY_RUNNER)
  const planChanged = new Set(pending.filter((p) => p.planChanged).map((p) => p.row.name))
  const judged =
    shift === null || runnerSteady ? comparisons : discountShift(comparisons, shift, planChanged)
  if (shift !== null) {
    warnings.push(
      runnerSteady
        ? `Most benches moved together (median ${formatPercent(shift)}) while ${CALIBRATION_BENCH} held still: a change shared by the benches, not the runner`
        : `Most benches moved together (median ${formatPercent(shift)}): the runner's speed may differ between baseline and head; those beyond their threshold stay inconclusive until a re-run or ${CALIBRATION_BENCH} settles it`,
    )
  }
  const problems = pairingProblems(baselines, primary)
  return {
    comparisons: judged,
    warnings,
    regressions: judged.filter((c) => c.verdict === 'regression').length,
    ...(problems.length > 0 ? { problems } : {}),
  }
}

function compareBench(
  bench: BenchResult,
  baselines: readonly Results[],
  heads: readonly Results[],
  speed: number | null,
  settings: Parameters<typeof gatherEvidence>[3],
  tail?: TailOptions,
): Pending[] {
  if (bench.status !== 'ok') {
    return [{ row: emptyRow(bench, undefined, bench.status, bench.reason), headRuns: 1 }]
  }
  const inBase = baselines
    .map((run) => run.benches.find((b) => b.name === bench.name))
    .filter((b): b is BenchResult => b !== undefined)
  if (inBase.length === 0) {
    return bench.metrics.map((metric) => ({
      row: {
        ...emptyRow(bench, metric, 'new', 'not in the baseline'),
        head: centreOf(metric),
        headSamples: metric.samples.length,
      },
      headRuns: 1,
    }))
  }
  const okBase = inBase.filter((b) => b.status === 'ok')
  if (okBase.length === 0) {
    const why = inBase[0].reason ? `: ${inBase[0].reason}` : ''
    return bench.metrics.map((metric) => ({
      row: emptyRow(
        bench,
        metric,
        'inconclusive',
        `no successful baseline run (baseline ${inBase[0].status}${why})`,
      ),
      headRuns: 1,
    }))
  }
  const headBenches = heads
    .map((run) => run.benches.find((b) => b.name === bench.name && b.status === 'ok'))
    .filter((b): b is BenchResult => b !== undefined)

  // What changed besides the timing (a query plan, a scaling curve), beside the primary metric.
  const lastBase = okBase[okBase.length - 1].details
  const notes = [
    ...planChangeNotes(lastBase, bench.details),
    ...scalingNotes(lastBase, bench.details),
  ]
  const out: Pending[] = []
  for (const metric of bench.metrics) {
    const headMetrics = headBenches
      .map((b) => b.metrics.find((m) => m.name === metric.name))
      .filter((m): m is Metric => m !== undefined)
    const baseMetrics = okBase
      .map((b) => b.metrics.find((m) => m.name === metric.name))
      .filter((m): m is Metric => m !== undefined)
    headMetrics.forEach((m) => checkMetric(bench.name, m, 'head'))
    const row = emptyRow(bench, metric, 'new', 'metric not in the baseline')
    if (baseMetrics.length === 0) {
      out.push({
        row: { ...row, head: centreOf(metric), headSamples: metric.samples.length },
        headRuns: 1,
      })
      continue
    }
    baseMetrics.forEach((m) => checkMetric(bench.name, m, 'baseline'))
    const normalise = speed !== null && isTimeUnit(metric.unit) && bench.name !== CALIBRATION_BENCH
    // A metric may say which quantile of a round is its centre (a wait's median); it then has
    // no undisturbed fast end for the best-rounds cross-check to read.
    const own = metric.roundQuantile
    const evidence = gatherEvidence(
      baseMetrics,
      headMetrics,
      normalise ? 1 / speed : 1,
      own === undefined ? settings : { ...settings, quantile: own },
    )
    out.push({
      row: {
        ...row,
        change: evidence.change,
        ci: evidence.ci,
        base: evidence.base,
        head: evidence.head,
        baseSamples: evidence.baseSamples,
        headSamples: evidence.headSamples,
        baseRuns: baseMetrics.length,
        baseRounds: evidence.baseUnits,
        headRounds: evidence.headUnits,
        ...(metric === bench.metrics[0] && notes.length > 0 ? { notes } : {}),
      },
      evidence,
      resolution: metric.resolution,
      headRuns: headMetrics.length,
      planChanged: planShapeChanged(lastBase, bench.details),
      ...(own === undefined ? {} : { crossCheck: false }),
    })
    if (tail && metric.name === 'time' && evidence.baseUnits > 1 && evidence.headUnits > 1) {
      // Each round's quantile relative to its own centre: a slower process moves both and
      // cancels out, slower calls move only the tail. That is the tail's own noise model.
      const upper = gatherEvidence(baseMetrics.map(tailShape), headMetrics.map(tailShape), 1, {
        ...settings,
        quantile: tail.quantile,
      })
      out.push({
        row: {
          ...row,
          metric: tailMetricName(tail.quantile),
          // The tail's values are ratios to the round's centre, not times.
          unit: 'x centre',
          noiseThreshold: tail.noiseThreshold,
          regressionThreshold: tail.regressionThreshold,
          change: upper.change,
          ci: upper.ci,
          base: upper.base,
          head: upper.head,
          baseSamples: upper.baseSamples,
          headSamples: upper.headSamples,
          baseRuns: baseMetrics.length,
          baseRounds: upper.baseUnits,
          headRounds: upper.headUnits,
        },
        evidence: upper,
        headRuns: headMetrics.length,
        crossCheck: false,
      })
    }
  }
  for (const metric of okBase[0].metrics) {
    if (bench.metrics.some((m) => m.name === metric.name)) continue
    out.push({ row: emptyRow(bench, metric, 'removed', 'metric not in the head run'), headRuns: 1 })
  }
  return out
}

/** The metric with each round's samples divided by that round's centre (its 10th percentile). */
function tailShape(metric: Metric): Metric {
  const samples = splitRounds(metric).flatMap((round) => {
    const centre = quantileOf(round, 0.1)
    return round.map((v) => (centre > 0 ? v / centre : v))
  })
  return { ...metric, samples }
}

function beyondNoise(item: Pending): boolean {
  const change = item.evidence?.change
  return (
    change !== null &&
    change !== undefined &&
    Math.abs(Math.log1p(change)) > Math.log1p(item.row.noiseThreshold)
  )
}
