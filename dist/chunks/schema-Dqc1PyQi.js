import { n as number, o as object, i as int, s as string, _ as _enum, c as literal, a as array } from './schemas-CtpLbXv5.js';

/**
 * The history.json format: per bench and metric, one entry per baseline run, oldest first.
 * Documented in docs/history-format.md; `perfgate import-history` writes the same format.
 */
/** The version of the history file format this build writes and reads. */
const HISTORY_VERSION = 1;
/** How many baseline runs a series keeps by default (`history-size`). */
const DEFAULT_HISTORY_SIZE = 500;
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** One baseline run's value of one bench metric. */
const historyEntrySchema = object({
    /** The commit the baseline run measured (full sha); null when unknown. */
    commit: string().nullable(),
    /** ISO 8601 time the run started. */
    date: string().min(1),
    /** The GitHub Actions run id; null for local or imported runs. */
    runId: string().nullable(),
    /** The run's robust centre (the value verdicts compare), in the series' unit. */
    centre: finite,
    /** Low end of the run's 95% interval of the centre (bootstrap over rounds). */
    low: finite,
    /** High end of the same interval. */
    high: finite,
    /** Rounds (processes or passes) behind the centre; 1 for imported single values. */
    rounds: int().min(1),
    cpuModel: string(),
    perfgateVersion: string(),
});
/** Every run of one bench metric. */
const historySeriesSchema = object({
    bench: string().min(1),
    /** `time` for the primary latency, or a secondary metric such as `peak-rss`. */
    metric: string().min(1),
    unit: string().min(1),
    better: _enum(['smaller', 'bigger']),
    /** Oldest first; at most `history-size` entries. */
    entries: array(historyEntrySchema),
});
/** The whole history.json file. */
const historySchema = object({
    perfgateHistory: literal(HISTORY_VERSION),
    series: array(historySeriesSchema),
});
/** An empty history. */
function emptyHistory() {
    return { perfgateHistory: HISTORY_VERSION, series: [] };
}
/** history.json text: stable key order, two-space indent, trailing newline. */
function serializeHistory(history) {
    return `${JSON.stringify(history, null, 2)}\n`;
}

export { DEFAULT_HISTORY_SIZE as D, HISTORY_VERSION as H, historySeriesSchema as a, historyEntrySchema as b, emptyHistory as e, historySchema as h, serializeHistory as s };
