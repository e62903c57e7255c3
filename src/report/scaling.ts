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

/** Names of the latency parts any point records (e.g. `acquire`), each a column of its median. */
function partNames(points: readonly ScalingPoint[]): string[] {
  return [...new Set(points.flatMap((point) => Object.keys(point.parts ?? {})))]
}

/** Rows: concurrency, ops/s, its share of the best level as a bar, p50, p99, part medians. */
function rows(points: readonly ScalingPoint[]): string[][] {
  const top = Math.max(...points.map((point) => point.opsPerSecond))
  const parts = partNames(points)
  return points.map((point) => [
    String(point.concurrency),
    trim(point.opsPerSecond),
    bar(top > 0 ? point.opsPerSecond / top : 0),
    formatValue(point.p50, 'ms'),
    formatValue(point.p99, 'ms'),
    ...parts.map((name) => {
      const value = point.parts?.[name]
      return value === undefined ? '' : formatValue(value, 'ms')
    }),
  ])
}

/** The levels' notes in words (e.g. pool exhaustion), one line each. */
function notes(points: readonly ScalingPoint[]): string[] {
  return points.flatMap((point) =>
    point.note === undefined ? [] : [`concurrency ${point.concurrency}: ${point.note}`],
  )
}

/** The curve as a markdown table with a sparkline title line; empty string when there are no points. */
export function scalingMarkdown(points: readonly ScalingPoint[]): string {
  if (points.length === 0) return ''
  const parts = partNames(points)
  const remarks = notes(points)
  return [
    `Throughput by concurrency: ${scalingSparkline(points)}`,
    '',
    `| concurrency | ops/s | | p50 | p99 |${parts.map((name) => ` ${name} p50 |`).join('')}`,
    `| ---: | ---: | --- | ---: | ---: |${parts.map(() => ' ---: |').join('')}`,
    ...rows(points).map((row) => `| ${row.join(' | ')} |`),
    ...(remarks.length > 0 ? ['', ...remarks.map((note) => `- ${note}`)] : []),
  ].join('\n')
}

/** The curve as aligned text for a terminal or log; empty string when there are no points. */
export function scalingText(points: readonly ScalingPoint[]): string {
  if (points.length === 0) return ''
  const header = [
    'concurrency',
    'ops/s',
    '',
    'p50',
    'p99',
    ...partNames(points).map((n) => `${n} p50`),
  ]
  const table = alignColumns([header, ...rows(points)])
  const remarks = notes(points)
  return [`throughput by concurrency: ${scalingSparkline(points)}`, table, ...remarks].join('\n')
}

/** A 10-cell bar for a fraction 0..1. */
function bar(fraction: number): string {
  const cells = Math.round(Math.max(0, Math.min(1, fraction)) * 10)
  return '█'.repeat(cells) + '░'.repeat(10 - cells)
}
