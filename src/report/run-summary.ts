/** The table printed after a run: each bench's status, sample count, median and spread. */
import type { BenchResult, Results } from '../results/types.js'
import { alignColumns, escapeMarkdown, formatValue } from './format.js'
import { formatPercentage } from '../config/units.js'

interface Row {
  bench: string
  status: string
  samples: string
  median: string
  p99: string
  cv: string
}

function rows(results: Results): Row[] {
  return results.benches.map((bench: BenchResult): Row => {
    const metric = bench.metrics[0]
    if (bench.status !== 'ok' || !metric) {
      return {
        bench: bench.name,
        status: `${bench.status}: ${bench.reason ?? ''}`.trim(),
        samples: '',
        median: '',
        p99: '',
        cv: '',
      }
    }
    const rounds = metric.rounds ? ` in ${metric.rounds.length} rounds` : ''
    return {
      bench: bench.name,
      status: 'ok',
      samples: `${metric.summary.n}${rounds}`,
      median: formatValue(metric.summary.median, metric.unit),
      p99: formatValue(metric.summary.p99, metric.unit),
      cv: `±${formatPercentage(metric.summary.cv)}`,
    }
  })
}

/** The run table as aligned text for a terminal or log. */
export function runSummaryText(results: Results): string {
  const header = ['bench', 'samples', 'median', 'p99', 'cv', 'status']
  const body = rows(results).map((r) => [
    r.bench,
    r.samples,
    r.median,
    r.p99,
    r.cv,
    firstLine(r.status),
  ])
  return alignColumns([header, ...body])
}

/** The run table as markdown (for the job summary). */
export function runSummaryMarkdown(results: Results): string {
  const lines = [
    '| bench | samples | median | p99 | cv | status |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows(results).map(
      (r) =>
        `| ${escapeMarkdown(r.bench)} | ${r.samples} | ${r.median} | ${r.p99} | ${r.cv} | ${escapeMarkdown(r.status)} |`,
    ),
  ]
  return lines.join('\n')
}

function firstLine(text: string): string {
  const [first, ...rest] = text.split('\n')
  return rest.length > 0 ? `${first} …` : first
}
