/**
 * The table printed after a run: each bench's status, sample count, centre (the number `compare`
 * judges by, so the two commands show one number per bench), tail percentiles and spread. The spread
 * is robust (median absolute deviation over the median): a few stalled iterations make the
 * coefficient of variation read ±878% while the bench is steady.
 */
import type { BenchResult, Results } from '../results/types.js'
import { readScaling, type ScalingPoint } from '../results/scaling.js'
import { scalingMarkdown, scalingText } from './scaling.js'
import { escapeMarkdown } from './escape.js'
import { alignColumns, formatSpread, formatValue } from '../format.js'
import { CENTRE_LABEL, metricCentre } from '../compare/centre.js'
import { quantileOf } from '../compare/units.js'

interface Row {
  bench: string
  status: string
  samples: string
  centre: string
  p95: string
  p99: string
  spread: string
}

function rows(results: Results): Row[] {
  return results.benches.map((bench: BenchResult): Row => {
    const metric = bench.metrics[0]
    if (bench.status !== 'ok' || !metric) {
      return {
        bench: bench.name,
        status: `${bench.status}: ${bench.reason ?? ''}`.trim(),
        samples: '',
        centre: '',
        p95: '',
        p99: '',
        spread: '',
      }
    }
    const rounds = metric.rounds ? ` in ${metric.rounds.length} rounds` : ''
    return {
      bench: bench.name,
      status: 'ok',
      samples: `${metric.summary.n}${rounds}`,
      centre: formatValue(metricCentre(metric), metric.unit),
      p95:
        metric.samples.length > 0 ? formatValue(quantileOf(metric.samples, 0.95), metric.unit) : '',
      p99: formatValue(metric.summary.p99, metric.unit),
      spread: formatSpread(metric.summary.mad, metric.summary.median),
    }
  })
}

/** Each throughput bench's scaling curve, rendered by `render`, after its name. */
function curves(
  results: Results,
  render: (points: ScalingPoint[]) => string,
  title: (name: string) => string,
): string {
  const parts = results.benches.flatMap((bench) => {
    const points = readScaling(bench.details)
    return points ? [`${title(bench.name)}\n${render(points)}`] : []
  })
  return parts.length > 0 ? `\n\n${parts.join('\n\n')}` : ''
}

/** The run table as aligned text for a terminal or log, with throughput curves after it. */
export function runSummaryText(results: Results): string {
  const header = ['bench', 'samples', CENTRE_LABEL, 'p95', 'p99', 'spread (MAD)', 'status']
  const body = rows(results).map((r) => [
    r.bench,
    r.samples,
    r.centre,
    r.p95,
    r.p99,
    r.spread,
    firstLine(r.status),
  ])
  // Status is text: left-aligned, so one long error does not push every "ok" far to the right.
  return (
    alignColumns([header, ...body], [0, header.length - 1]) +
    curves(results, scalingText, (name) => `${name}:`)
  )
}

/** The run table as markdown (for the job summary). */
export function runSummaryMarkdown(results: Results): string {
  const lines = [
    `| bench | samples | ${CENTRE_LABEL} | p95 | p99 | spread (MAD) | status |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows(results).map(
      (r) =>
        `| ${escapeMarkdown(r.bench)} | ${r.samples} | ${escapeMarkdown(r.centre)} | ${escapeMarkdown(r.p95)} | ${escapeMarkdown(r.p99)} | ${r.spread} | ${escapeMarkdown(r.status)} |`,
    ),
  ]
  return (
    lines.join('\n') + curves(results, scalingMarkdown, (name) => `**${escapeMarkdown(name)}**`)
  )
}

function firstLine(text: string): string {
  const [first, ...rest] = text.split('\n')
  return rest.length > 0 ? `${first} …` : first
}
