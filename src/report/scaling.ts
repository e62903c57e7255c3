/** The scaling curve of a throughput bench (ops/s per concurrency level) as markdown or text. */
import type { ScalingPoint } from '../results/scaling.js'
import { alignColumns, formatValue, trim } from '../format.js'

const BARS = '▁▂▃▄▅▆▇█'

/** A one-line sparkline of ops/s over the levels, scaled to the highest level (▁▃▇█). */
export function scalingSparkline(points: readonly ScalingPoint[]): string {
  const top = Math.max(...points.map((point) => point.opsPerSecond))
  return points
    .map((point) => {
      const step = top > 0 ? Math.round((point.opsPerSecond / top) * (BARS.length - 1)) : 0
      return BARS[Math.max(0, Math.min(BARS.length - 1, step))]
    })
    .join('')
}

/** Rows: concurrency, ops/s, its share of the best level as a bar, p50, p99. */
function rows(points: readonly ScalingPoint[]): string[][] {
  const top = Math.max(...points.map((point) => point.opsPerSecond))
  return points.map((point) => [
    String(point.concurrency),
    trim(point.opsPerSecond),
    bar(top > 0 ? point.opsPerSecond / top : 0),
    formatValue(point.p50, 'ms'),
    formatValue(point.p99, 'ms'),
  ])
}

/** The curve as a markdown table with a sparkline title line; empty string when there are no points. */
export function scalingMarkdown(points: readonly ScalingPoint[]): string {
  if (points.length === 0) return ''
  return [
    `Throughput by concurrency: ${scalingSparkline(points)}`,
    '',
    '| concurrency | ops/s | | p50 | p99 |',
    '| ---: | ---: | --- | ---: | ---: |',
    ...rows(points).map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

/** The curve as aligned text for a terminal or log; empty string when there are no points. */
export function scalingText(points: readonly ScalingPoint[]): string {
  if (points.length === 0) return ''
  const table = alignColumns([['concurrency', 'ops/s', '', 'p50', 'p99'], ...rows(points)])
  return `throughput by concurrency: ${scalingSparkline(points)}\n${table}`
}

/** A 10-cell bar for a fraction 0..1. */
function bar(fraction: number): string {
  const cells = Math.round(Math.max(0, Math.min(1, fraction)) * 10)
  return '█'.repeat(cells) + '░'.repeat(10 - cells)
}
