/**
 * A bench's history as a Mermaid `xychart-beta` block, which GitHub renders in markdown (job
 * summary and PR comments): the baseline runs as a line, the PR's value as a last bar-free point
 * on a second line so it stands out. Small on purpose: a comment has a size limit.
 */
import type { HistorySeries } from './schema.js'

/** Most points a chart shows (the newest runs). */
export const CHART_POINTS = 50

/** Four significant digits, so the chart text stays short. */
function short(value: number): string {
  return String(+value.toPrecision(4))
}

/** Mermaid-safe text: no quotes or brackets that end a title or label early. */
function safe(text: string): string {
  return text.replace(/["[\]`\n\r]/g, ' ')
}

/**
 * The markdown of a fenced mermaid chart of `series` (newest `points` runs), with the PR's
 * value (same unit) as a marked last point when given.
 */
export function historyChart(
  series: HistorySeries,
  options: { prValue?: number; points?: number; title?: string } = {},
): string {
  const entries = series.entries.slice(-(options.points ?? CHART_POINTS))
  const labels = entries.map((e) => (e.commit ? e.commit.slice(0, 7) : e.date.slice(5, 10)))
  const values = entries.map((e) => e.centre)
  const pr = options.prValue
  if (pr !== undefined) labels.push('PR')
  const all = pr === undefined ? values : [...values, pr]
  const low = Math.min(...all)
  const high = Math.max(...all)
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1
  const floor = short(Math.max(0, low - pad))
  const title =
    options.title ??
    `${series.bench} ${series.metric} (${series.unit}), last ${entries.length} baseline runs`
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${safe(title)}"`,
    `  x-axis [${labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
    `  y-axis "${safe(series.unit)}" ${floor} --> ${short(high + pad)}`,
    `  line [${[...values.map(short), ...(pr === undefined ? [] : [short(values.at(-1) ?? pr)])].join(', ')}]`,
  ]
  // The PR as a bar: flat on the axis everywhere but its own slot, so it reads as "this is you".
  if (pr !== undefined) lines.push(`  bar [${[...values.map(() => floor), short(pr)].join(', ')}]`)
  lines.push('```')
  return `${lines.join('\n')}\n`
}
