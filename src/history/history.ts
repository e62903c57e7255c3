/**
 * The long history carried from baseline artifact to baseline artifact: append this run, trim to
 * `history-size`, read a previous file leniently, rebuild from the baseline window. Pure.
 */
import { robustCentre } from '../compare/permutation.js'
import { seededRandom } from '../compare/random.js'
import { roundSummaries } from '../compare/units.js'
import type { Metric, Results } from '../results/types.js'
import {
  DEFAULT_HISTORY_SIZE,
  emptyHistory,
  historyEntrySchema,
  historySchema,
  historySeriesSchema,
  HISTORY_VERSION,
  type History,
  type HistoryEntry,
  type HistorySeries,
} from './schema.js'

/** A history read from disk, with a notice when part (or all) of it had to be dropped. */
export interface ReadHistory {
  history: History
  notice?: string
}

/** Resamples for a run's centre interval: enough for a 95% interval of 5-20 rounds. */
const RESAMPLES = 400

/**
 * One run's centre and 95% interval for a metric: the robust centre comparisons use (over the
 * rounds' fast-end quantiles), and a seeded bootstrap of it over rounds, so the same run always
 * gives the same numbers.
 */
export function runValue(metric: Metric): Pick<HistoryEntry, 'centre' | 'low' | 'high' | 'rounds'> {
  const { centres } = roundSummaries(metric)
  const centre = robustCentre(centres, metric.better)
  if (centres.length < 2) return { centre, low: centre, high: centre, rounds: centres.length }
  const random = seededRandom(20261202)
  const scratch = new Array<number>(centres.length)
  const draws: number[] = []
  for (let r = 0; r < RESAMPLES; r++) {
    for (let i = 0; i < centres.length; i++) {
      scratch[i] = centres[Math.floor(random() * centres.length)]
    }
    draws.push(robustCentre(scratch, metric.better))
  }
  draws.sort((a, b) => a - b)
  const at = (q: number) => draws[Math.min(draws.length - 1, Math.floor(q * draws.length))]
  return {
    centre,
    low: Math.min(centre, at(0.025)),
    high: Math.max(centre, at(0.975)),
    rounds: centres.length,
  }
}

/** The entries one run contributes, keyed by series; benches that did not run ok add nothing. */
function entriesOf(
  results: Results,
): { series: Omit<HistorySeries, 'entries'>; entry: HistoryEntry }[] {
  const { meta } = results
  return results.benches
    .filter((bench) => bench.status === 'ok')
    .flatMap((bench) =>
      bench.metrics
        .filter((metric) => metric.samples.length > 0 && metric.samples.every(Number.isFinite))
        .map((metric) => ({
          series: {
            bench: bench.name,
            metric: metric.name,
            unit: metric.unit,
            better: metric.better,
          },
          entry: {
            commit: meta.commit,
            date: meta.timestamp,
            runId: meta.runId,
            ...runValue(metric),
            cpuModel: meta.cpuModel,
            perfgateVersion: meta.perfgateVersion,
          },
        })),
    )
}

const keyOf = (s: { bench: string; metric: string }) => `${s.bench}\u0000${s.metric}`
const sameRun = (a: HistoryEntry, b: HistoryEntry) =>
  a.date === b.date && a.commit === b.commit && a.runId === b.runId

/**
 * The history after this baseline run: its entries appended to their series (a re-run of the
 * same run replaces its earlier entry), new series added, then trimmed to `size` entries each.
 * Series of benches that no longer run are kept, so a bench's history survives a pause.
 */
export function appendHistory(
  previous: History | undefined,
  results: Results,
  options: { size?: number } = {},
): History {
  const byKey = new Map<string, HistorySeries>()
  for (const series of previous?.series ?? []) {
    byKey.set(keyOf(series), { ...series, entries: [...series.entries] })
  }
  for (const { series, entry } of entriesOf(results)) {
    const key = keyOf(series)
    const existing = byKey.get(key)
    if (!existing) {
      byKey.set(key, { ...series, entries: [entry] })
      continue
    }
    // A unit or direction change makes old values incomparable: start the series afresh.
    const entries =
      existing.unit === series.unit && existing.better === series.better
        ? existing.entries.filter((e) => !sameRun(e, entry))
        : []
    byKey.set(key, { ...series, entries: sortByDate([...entries, entry]) })
  }
  return trimHistory(
    { perfgateHistory: HISTORY_VERSION, series: [...byKey.values()] },
    options.size,
  )
}

function sortByDate(entries: HistoryEntry[]): HistoryEntry[] {
  // Stable: entries with equal dates keep their order.
  return entries
    .map((entry, i) => ({ entry, i, t: Date.parse(entry.date) }))
    .sort((a, b) => (a.t === b.t || Number.isNaN(a.t - b.t) ? a.i - b.i : a.t - b.t))
    .map(({ entry }) => entry)
}

/** Keeps the newest `size` entries of every series (default 500), dropping emptied series. */
export function trimHistory(history: History, size = DEFAULT_HISTORY_SIZE): History {
  const keep = Math.max(1, Math.floor(size))
  return {
    perfgateHistory: HISTORY_VERSION,
    series: history.series
      .map((series) => ({ ...series, entries: series.entries.slice(-keep) }))
      .filter((series) => series.entries.length > 0),
  }
}

/**
 * Reads history.json text leniently; never throws. Valid files come back as they are; from an
 * invalid one every series and entry that validates is kept and the notice says what was lost.
 */
export function readHistory(text: string | undefined, label = 'history.json'): ReadHistory {
  if (text === undefined) {
    return { history: emptyHistory(), notice: `${label}: none found; history starts afresh` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return {
      history: emptyHistory(),
      notice: `${label} is not valid JSON (${(error as Error).message}); history starts afresh`,
    }
  }
  const whole = historySchema.safeParse(raw)
  if (whole.success) return { history: whole.data }
  const version = (raw as { perfgateHistory?: unknown } | null)?.perfgateHistory
  if (version !== HISTORY_VERSION) {
    return {
      history: emptyHistory(),
      notice: `${label} is not a version ${HISTORY_VERSION} perfgate history (perfgateHistory: ${JSON.stringify(version)}); history starts afresh`,
    }
  }
  return salvage((raw as { series?: unknown }).series, label)
}

function salvage(rawSeries: unknown, label: string): ReadHistory {
  const series: HistorySeries[] = []
  let droppedSeries = 0
  let droppedEntries = 0
  const seen = new Set<string>()
  for (const item of Array.isArray(rawSeries) ? rawSeries : []) {
    const head = historySeriesSchema.omit({ entries: true }).safeParse(item)
    if (!head.success || seen.has(keyOf(head.data))) {
      droppedSeries++
      continue
    }
    seen.add(keyOf(head.data))
    const rawEntries = (item as { entries?: unknown }).entries
    const entries: HistoryEntry[] = []
    for (const entry of Array.isArray(rawEntries) ? rawEntries : []) {
      const parsed = historyEntrySchema.safeParse(entry)
      if (parsed.success) entries.push(parsed.data)
      else droppedEntries++
    }
    series.push({ ...head.data, entries })
  }
  const lost = [
    ...(Array.isArray(rawSeries) ? [] : ['its series list']),
    ...(droppedSeries > 0 ? [`${droppedSeries} unreadable series`] : []),
    ...(droppedEntries > 0 ? [`${droppedEntries} unreadable entries`] : []),
  ]
  return {
    history: { perfgateHistory: HISTORY_VERSION, series },
    notice: `${label} was partly corrupt: dropped ${lost.join(' and ') || 'nothing readable'}; kept ${series.length} series`,
  }
}

/** A history rebuilt from the baseline window (runs in any order), for a lost history.json. */
export function historyFromWindow(baselines: readonly Results[], size?: number): History {
  const oldestFirst = [...baselines].sort(
    (a, b) => Date.parse(a.meta.timestamp) - Date.parse(b.meta.timestamp),
  )
  let history = emptyHistory()
  for (const run of oldestFirst) history = appendHistory(history, run, { size })
  return history
}

/**
 * The previous history for the next baseline: the file when readable, else rebuilt from the
 * window; runs of the window missing from a partly readable file are merged back in.
 */
export function previousHistory(
  text: string | undefined,
  window: readonly Results[],
  size?: number,
): ReadHistory {
  const read = readHistory(text)
  if (read.notice === undefined) return read
  let history = read.history
  const before = countEntries(history)
  const oldestFirst = [...window].sort(
    (a, b) => Date.parse(a.meta.timestamp) - Date.parse(b.meta.timestamp),
  )
  for (const run of oldestFirst) history = appendHistory(history, run, { size })
  const added = countEntries(history) - before
  return {
    history,
    notice:
      added > 0
        ? `${read.notice}; rebuilt ${added} entries from the ${window.length} baseline runs in the artifact`
        : read.notice,
  }
}

function countEntries(history: History): number {
  return history.series.reduce((sum, s) => sum + s.entries.length, 0)
}

/** The series of `bench` and `metric` (default `time`), if the history has one. */
export function findSeries(
  history: History,
  bench: string,
  metric = 'time',
): HistorySeries | undefined {
  return history.series.find((s) => s.bench === bench && s.metric === metric)
}
