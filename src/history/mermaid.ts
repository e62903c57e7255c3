/**
 * A bench's history as a Mermaid `xychart-beta` block, which GitHub renders in markdown (job
 * summary and PR comments): the baseline runs as a line, the PR's value as a last bar-free point
 * on a second line so it stands out. Small on purpose: a comment has a size limit.
 */
import { chartScale } from './chart-scale.js'
import type { HistorySeries } from './schema.js'

/** Most points a chart shows (the newest runs). */
export const CHART_POINTS = 50

/** Fewest runs worth a chart: a line through one or two points shows no history. */
export const MIN_CHART_RUNS = 3

/**
 * The y-axis from `low` to `high` with a margin, its minimum always below its maximum: from 0 for
 * positive values (a time or a size reads against zero), below the lowest value otherwise (a
 * negative metric must not get the axis `0 --> -28580` that Mermaid draws upside down).
 */
export function axisRange(low: number, high: number): { floor: string; top: string } {
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1
  const floor = low >= 0 ? Math.max(0, low - pad) : low - pad
  return { floor: short(floor), top: short(high + pad) }
}

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
 * value (same unit) as a marked last point when given; '' for a series of fewer than
 * `MIN_CHART_RUNS` runs. Values are shown in a readable unit (µs, MiB), not the stored one.
 */
export function historyChart(
  series: HistorySeries,
  options: { prValue?: number; points?: number; title?: string } = {},
): string {
  const entries = series.entries.slice(-(options.points ?? CHART_POINTS))
  if (entries.length < MIN_CHART_RUNS) return ''
  const labels = entries.map((e) => (e.commit ? e.commit.slice(0, 7) : e.date.slice(5, 10)))
  const stored = entries.map((e) => e.centre)
  const scale = chartScale(
    options.prValue === undefined ? stored : [...stored, options.prValue],
    series.unit,
  )
  const values = stored.map((v) => v * scale.factor)
  const pr = options.prValue === undefined ? undefined : options.prValue * scale.factor
  if (pr !== undefined) labels.push('PR')
  const all = pr === undefined ? values : [...values, pr]
  const { floor, top } = axisRange(Math.min(...all), Math.max(...all))
  const title =
    options.title ??
    `${series.bench} ${series.metric} (${scale.unit}), last ${entries.length} baseline runs`
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${safe(title)}"`,
    `  x-axis [${labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
    `  y-axis "${safe(scale.unit)}" ${floor} --> ${top}`,
    `  line [${[...values.map(short), ...(pr === undefined ? [] : [short(values.at(-1) ?? pr)])].join(', ')}]`,
  ]
  // The PR as a bar: flat on the axis everywhere but its own slot, so it reads as "this is you".
  if (pr !== undefined) lines.push(`  bar [${[...values.map(() => floor), short(pr)].join(', ')}]`)
  lines.push('```')
  return `${lines.join('\n')}\n`
}
