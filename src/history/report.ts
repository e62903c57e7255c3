/** The history as text, markdown or JSON for the CLI, the job summary and the PR comment. Pure. */
import { changePoints, describeChangePoint, type ChangePoint } from './change-points.js'
import { formatValue } from '../format.js'
import { historyChart, MIN_CHART_RUNS } from './mermaid.js'
import type { History, HistorySeries } from './schema.js'

/** One series' summary: its latest value and lasting shifts. */
export interface SeriesReport {
  series: HistorySeries
  latest: number | null
  changePoints: ChangePoint[]
}

/** Change points of every series (the shared first step of every format). */
export function analyseHistory(history: History): SeriesReport[] {
  return history.series.map((series) => ({
    series,
    latest: series.entries.at(-1)?.centre ?? null,
    changePoints: changePoints(series),
  }))
}

/** Lasting shifts still in force: the newest change point of each series, worse ones first. */
export function currentShifts(reports: readonly SeriesReport[]): ChangePoint[] {
  return reports
    .flatMap((r) => r.changePoints.slice(-1))
    .sort((a, b) => Number(b.worse) - Number(a.worse) || a.runsAgo - b.runsAgo)
}

// µs, MiB: as the comment's tables print values, not the stored 0.001488 ms or 11320000 bytes.
const value = (v: number | null, unit: string) => (v === null ? '-' : formatValue(v, unit))
const nameOf = (s: HistorySeries) => (s.metric === 'time' ? s.bench : `${s.bench} (${s.metric})`)

/** Plain text: one line per series, then its shifts indented. */
export function historyText(reports: readonly SeriesReport[]): string {
  if (reports.length === 0) return 'no bench in the history\n'
  const lines: string[] = []
  for (const r of reports) {
    lines.push(
      `${nameOf(r.series)}: ${r.series.entries.length} runs, latest ${value(r.latest, r.series.unit)}`,
    )
    if (r.changePoints.length === 0) lines.push('    no lasting shift')
    for (const p of r.changePoints) lines.push(`    ${describeChangePoint(p)}`)
  }
  return `${lines.join('\n')}\n`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[<>&`*_[\]]/g, (c) => `\\${c}`)
}

/**
 * Markdown for the job summary: a table of every series with its shifts, then a chart per
 * series with enough runs to draw (at most `charts`, those with shifts first) so the page stays
 * light: ten charts of one point each show nothing.
 */
export function historyMarkdown(
  reports: readonly SeriesReport[],
  options: { charts?: number } = {},
): string {
  if (reports.length === 0) return 'No bench in the history.\n'
  const rows = reports.map(
    (r) =>
      `| ${cell(nameOf(r.series))} | ${r.series.entries.length} | ${cell(value(r.latest, r.series.unit))} | ${
        r.changePoints.length === 0
          ? 'none'
          : r.changePoints.map((p) => cell(describeChangePoint(p))).join('<br>')
      } |`,
  )
  const charted = [...reports]
    .filter((r) => r.series.entries.length >= MIN_CHART_RUNS)
    .sort((a, b) => b.changePoints.length - a.changePoints.length)
    .slice(0, options.charts ?? 10)
  return [
    '### Benchmark history',
    '',
    '| bench | runs | latest | lasting shifts |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    '',
    ...charted.flatMap((r) => [historyChart(r.series)]),
  ].join('\n')
}

/** Machine-readable: each series' latest value and change points (not the whole history). */
export function historyJson(reports: readonly SeriesReport[]): string {
  return `${JSON.stringify(
    reports.map((r) => ({
      bench: r.series.bench,
      metric: r.series.metric,
      unit: r.series.unit,
      runs: r.series.entries.length,
      latest: r.latest,
      changePoints: r.changePoints.map((p) => ({ ...p, text: describeChangePoint(p) })),
    })),
    null,
    2,
  )}\n`
}

/**
 * For a PR comment: a note and a chart for a flagged bench whose history already drifted, with
 * the PR's value marked; empty when the bench has no history.
 */
export function driftNote(series: HistorySeries | undefined, prValue?: number): string {
  if (!series || series.entries.length === 0) return ''
  const last = changePoints(series).at(-1)
  const note = last ? `History: ${describeChangePoint(last)}.\n\n` : ''
  return `${note}${historyChart(series, prValue === undefined ? {} : { prValue })}`
}
