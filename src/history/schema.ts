/**
 * The history.json format: per bench and metric, one entry per baseline run, oldest first.
 * Documented in docs/history-format.md; `perfgate import-history` writes the same format.
 */
import { z } from 'zod'

/** The version of the history file format this build writes and reads. */
export const HISTORY_VERSION = 1

/** How many baseline runs a series keeps by default (`history-size`). */
export const DEFAULT_HISTORY_SIZE = 500

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

/** One baseline run's value of one bench metric. */
export const historyEntrySchema = z.object({
  /** The commit the baseline run measured (full sha); null when unknown. */
  commit: z.string().nullable(),
  /** ISO 8601 time the run started. */
  date: z.string().min(1),
  /** The GitHub Actions run id; null for local or imported runs. */
  runId: z.string().nullable(),
  /** The run's robust centre (the value verdicts compare), in the series' unit. */
  centre: finite,
  /** Low end of the run's 95% interval of the centre (bootstrap over rounds). */
  low: finite,
  /** High end of the same interval. */
  high: finite,
  /** Rounds (processes or passes) behind the centre; 1 for imported single values. */
  rounds: z.int().min(1),
  cpuModel: z.string(),
  perfgateVersion: z.string(),
})

/** Every run of one bench metric. */
export const historySeriesSchema = z.object({
  bench: z.string().min(1),
  /** `time` for the primary latency, or a secondary metric such as `peak-rss`. */
  metric: z.string().min(1),
  unit: z.string().min(1),
  better: z.enum(['smaller', 'bigger']),
  /** Oldest first; at most `history-size` entries. */
  entries: z.array(historyEntrySchema),
})

/** The whole history.json file. */
export const historySchema = z.object({
  perfgateHistory: z.literal(HISTORY_VERSION),
  series: z.array(historySeriesSchema),
})

/** One baseline run's value of one bench metric. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>
/** Every run of one bench metric, oldest first. */
export type HistorySeries = z.infer<typeof historySeriesSchema>
/** The history.json file. */
export type History = z.infer<typeof historySchema>

/** An empty history. */
export function emptyHistory(): History {
  return { perfgateHistory: HISTORY_VERSION, series: [] }
}

/** history.json text: stable key order, two-space indent, trailing newline. */
export function serializeHistory(history: History): string {
  return `${JSON.stringify(history, null, 2)}\n`
}
