/**
 * TEMPORARY STAND-IN for the statistics engine (another helper is building `src/compare/`).
 * A median-of-baselines ratio against each bench's thresholds: no confidence intervals, no
 * p-values. Only `src/main.ts` imports this file: point that one import at the real engine.
 */
import type { BenchResult, Metric, Results } from '../results/types.js'
import type { Comparison, MetricComparison, Verdict } from './types.js'

/** Options of the stand-in (none yet; kept for the real engine's signature). */
export type CompareOptions = Record<string, never>

/** Compares `head` with the pooled `baselines` (newest first) bench by bench, primary metric only. */
export function compareRuns(
  baselines: Results[],
  head: Results,
  _options: CompareOptions = {},
): Comparison {
  const comparisons: MetricComparison[] = []
  const seen = new Set<string>()
  for (const bench of head.benches) {
    seen.add(bench.name)
    const bases = baselines
      .map((run) => run.benches.find((b) => b.name === bench.name))
      .filter((b): b is BenchResult => b !== undefined)
    comparisons.push(compareBench(bench, bases))
  }
  for (const run of baselines) {
    for (const bench of run.benches) {
      if (seen.has(bench.name)) continue
      seen.add(bench.name)
      const metric = bench.metrics[0]
      comparisons.push(
        row(bench, metric, 'removed', 'not in this run', {
          base: metric?.summary.median ?? null,
        }),
      )
    }
  }
  const warnings: string[] = []
  const base = baselines[0]
  if (base && base.meta.cpuModel !== head.meta.cpuModel) {
    warnings.push(
      `runner mismatch: the baseline ran on ${base.meta.cpuModel}, this run on ${head.meta.cpuModel}; timings may differ for that reason alone`,
    )
  }
  return {
    comparisons,
    warnings,
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
  }
}

/** Keeps a regression only when the re-run comparison also says regression (and marks it confirmed). */
export function confirmRuns(first: Comparison, rerunComparison: Comparison): Comparison {
  const comparisons = first.comparisons.map((c): MetricComparison => {
    if (c.verdict !== 'regression') return c
    const again = rerunComparison.comparisons.find(
      (r) => r.name === c.name && r.metric === c.metric,
    )
    if (again?.verdict === 'regression') return { ...c, confirmed: true }
    return {
      ...c,
      verdict: 'inconclusive',
      reason: `${c.reason}; not confirmed on re-run (${again ? again.reason : 'the re-run has no result'})`,
    }
  })
  return {
    ...first,
    comparisons,
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
  }
}

function compareBench(bench: BenchResult, bases: BenchResult[]): MetricComparison {
  const metric = bench.metrics[0]
  if (bench.status === 'error') return row(bench, metric, 'error', bench.reason ?? 'errored')
  if (bench.status === 'skipped') return row(bench, metric, 'skipped', bench.reason ?? 'skipped')
  const baseMetrics = bases
    .filter((b) => b.status === 'ok')
    .map((b) => b.metrics.find((m) => m.name === metric?.name))
    .filter((m): m is Metric => m !== undefined)
  if (!metric || baseMetrics.length === 0)
    return row(bench, metric, 'new', 'no baseline for this bench')
  const base = median(baseMetrics.map((m) => m.summary.median))
  const head = metric.summary.median
  const change = base === 0 ? 0 : head / base - 1
  const worse = metric.better === 'smaller' ? change : -change
  const threshold = metric.regressionThreshold ?? bench.regressionThreshold
  const pct = (x: number) => `${(Math.abs(x) * 100).toFixed(1)}%`
  let verdict: Verdict
  let reason: string
  if (worse > threshold) {
    verdict = 'regression'
    reason = `${pct(change)} worse, over the ${pct(threshold)} regression threshold`
  } else if (worse < -threshold) {
    verdict = 'improvement'
    reason = `${pct(change)} better, over the ${pct(threshold)} threshold`
  } else if (worse > bench.noiseThreshold) {
    verdict = 'slower'
    reason = `${pct(change)} worse: above noise (${pct(bench.noiseThreshold)}), under the threshold`
  } else if (worse < -bench.noiseThreshold) {
    verdict = 'faster'
    reason = `${pct(change)} better: above noise (${pct(bench.noiseThreshold)})`
  } else {
    verdict = 'unchanged'
    reason = `within noise (${pct(bench.noiseThreshold)})`
  }
  return {
    ...row(bench, metric, verdict, reason, { base, head }),
    change,
    baseSamples: baseMetrics.reduce((n, m) => n + m.summary.n, 0),
    baseRuns: baseMetrics.length,
  }
}

function row(
  bench: BenchResult,
  metric: Metric | undefined,
  verdict: Verdict,
  reason: string,
  values: { base?: number | null; head?: number | null } = {},
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
    base: values.base ?? null,
    head: values.head ?? (verdict === 'removed' ? null : (metric?.summary.median ?? null)),
    baseSamples: 0,
    headSamples: verdict === 'removed' ? 0 : (metric?.summary.n ?? 0),
    baseRuns: 0,
    noiseThreshold: bench.noiseThreshold,
    regressionThreshold: metric?.regressionThreshold ?? bench.regressionThreshold,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
