/**
 * `--format csv`: results and comparisons as RFC 4180 CSV (CRLF line ends, fields quoted when
 * they hold a comma, quote or line break), one row per bench metric or comparison row, numbers
 * unformatted in the metric's unit, so a spreadsheet or pandas reads them as they are.
 */
import { metricCentre } from '../compare/centre.js'
import { quantileOf } from '../compare/units.js'
import type { Comparison } from '../compare/types.js'
import type { Results } from '../results/types.js'

/** One CSV field, quoted only when RFC 4180 requires it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csv(rows: (string | number | boolean | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** A run's results: one row per bench metric (a bench without metrics gets one row, its status). */
export function resultsCsv(results: Results): string {
  const header = [
    'bench',
    'metric',
    'unit',
    'status',
    'samples',
    'rounds',
    'centre',
    'median',
    'mean',
    'min',
    'max',
    'p95',
    'p99',
    'mad',
    'reason',
  ]
  const rows = results.benches.flatMap((bench) => {
    if (bench.metrics.length === 0) {
      return [
        [bench.name, '', '', bench.status, '', '', '', '', '', '', '', '', '', '', bench.reason],
      ]
    }
    return bench.metrics.map((metric) => {
      const s = metric.summary
      const p95 = metric.samples.length > 0 ? quantileOf(metric.samples, 0.95) : null
      return [
        bench.name,
        metric.name,
        metric.unit,
        bench.status,
        s.n,
        metric.rounds?.length ?? 1,
        metricCentre(metric),
        s.median,
        s.mean,
        s.min,
        s.max,
        p95,
        s.p99,
        s.mad,
        bench.reason,
      ]
    })
  })
  return csv([header, ...rows])
}

/** A comparison: one row per comparison row, as in the text table. */
export function comparisonCsv(comparison: Comparison): string {
  const header = [
    'bench',
    'metric',
    'unit',
    'baseline',
    'head',
    'change',
    'ci_low',
    'ci_high',
    'p',
    'verdict',
    'confirmed',
    'baseline_samples',
    'head_samples',
    'noise_threshold',
    'regression_threshold',
    'reason',
  ]
  const rows = comparison.comparisons.map((row) => [
    row.name,
    row.metric,
    row.unit,
    row.base,
    row.head,
    row.change,
    row.ci?.[0],
    row.ci?.[1],
    row.p,
    row.verdict,
    row.confirmed ?? false,
    row.baseSamples,
    row.headSamples,
    row.noiseThreshold,
    row.regressionThreshold,
    row.reason,
  ])
  return csv([header, ...rows])
}
