import { r as robustCentre } from './permutation-CwRxd2mz.js';
import { s as seededRandom } from './random-CRNsGjhb.js';
import { r as roundSummaries } from './units-C0yKQs3w.js';
import { e as emptyHistory, h as historySchema, H as HISTORY_VERSION, a as historySeriesSchema, b as historyEntrySchema, D as DEFAULT_HISTORY_SIZE } from './schema-Dqc1PyQi.js';

/**
 * The long history carried from baseline artifact to baseline artifact: append this run, trim to
 * `history-size`, read a previous file leniently, rebuild from the baseline window. Pure.
 */
/** Resamples for a run's centre interval: enough for a 95% interval of 5-20 rounds. */
const RESAMPLES = 400;
/**
 * One run's centre and 95% interval for a metric: the robust centre comparisons use (over the
 * rounds' fast-end quantiles), and a seeded bootstrap of it over rounds, so the same run always
 * gives the same numbers.
 */
function runValue(metric) {
    const { centres } = roundSummaries(metric);
    const centre = robustCentre(centres, metric.better);
    if (centres.length < 2)
        return { centre, low: centre, high: centre, rounds: centres.length };
    const random = seededRandom(20261202);
    const scratch = new Array(centres.length);
    const draws = [];
    for (let r = 0; r < RESAMPLES; r++) {
        for (let i = 0; i < centres.length; i++) {
            scratch[i] = centres[Math.floor(random() * centres.length)];
        }
        draws.push(robustCentre(scratch, metric.better));
    }
    draws.sort((a, b) => a - b);
    const at = (q) => draws[Math.min(draws.length - 1, Math.floor(q * draws.length))];
    return {
        centre,
        low: Math.min(centre, at(0.025)),
        high: Math.max(centre, at(0.975)),
        rounds: centres.length,
    };
}
/** The entries one run contributes, keyed by series; benches that did not run ok add nothing. */
function entriesOf(results) {
    const { meta } = results;
    return results.benches
        .filter((bench) => bench.status === 'ok')
        .flatMap((bench) => bench.metrics
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
    })));
}
const keyOf = (s) => `${s.bench}\u0000${s.metric}`;
const sameRun = (a, b) => a.date === b.date && a.commit === b.commit && a.runId === b.runId;
/**
 * The history after this baseline run: its entries appended to their series (a re-run of the
 * same run replaces its earlier entry), new series added, then trimmed to `size` entries each.
 * Series of benches that no longer run are kept, so a bench's history survives a pause.
 */
function appendHistory(previous, results, options = {}) {
    const byKey = new Map();
    for (const series of previous?.series ?? []) {
        byKey.set(keyOf(series), { ...series, entries: [...series.entries] });
    }
    for (const { series, entry } of entriesOf(results)) {
        const key = keyOf(series);
        const existing = byKey.get(key);
        if (!existing) {
            byKey.set(key, { ...series, entries: [entry] });
            continue;
        }
        // A unit or direction change makes old values incomparable: start the series afresh.
        const entries = existing.unit === series.unit && existing.better === series.better
            ? existing.entries.filter((e) => !sameRun(e, entry))
            : [];
        byKey.set(key, { ...series, entries: sortByDate([...entries, entry]) });
    }
    return trimHistory({ series: [...byKey.values()] }, options.size);
}
function sortByDate(entries) {
    // Stable: entries with equal dates keep their order.
    return entries
        .map((entry, i) => ({ entry, i, t: Date.parse(entry.date) }))
        .sort((a, b) => (a.t === b.t || Number.isNaN(a.t - b.t) ? a.i - b.i : a.t - b.t))
        .map(({ entry }) => entry);
}
/** Keeps the newest `size` entries of every series (default 500), dropping emptied series. */
function trimHistory(history, size = DEFAULT_HISTORY_SIZE) {
    const keep = Math.max(1, Math.floor(size));
    return {
        perfgateHistory: HISTORY_VERSION,
        series: history.series
            .map((series) => ({ ...series, entries: series.entries.slice(-keep) }))
            .filter((series) => series.entries.length > 0),
    };
}
/**
 * Reads history.json text leniently; never throws. Valid files come back as they are; from an
 * invalid one every series and entry that validates is kept and the notice says what was lost.
 */
function readHistory(text, label = 'history.json') {
    if (text === undefined) {
        return { history: emptyHistory(), notice: `${label}: none found; history starts afresh` };
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        return {
            history: emptyHistory(),
            notice: `${label} is not valid JSON (${error.message}); history starts afresh`,
        };
    }
    const whole = historySchema.safeParse(raw);
    if (whole.success)
        return { history: whole.data };
    const version = raw?.perfgateHistory;
    if (version !== HISTORY_VERSION) {
        return {
            history: emptyHistory(),
            notice: `${label} is not a version ${HISTORY_VERSION} perfgate history (perfgateHistory: ${JSON.stringify(version)}); history starts afresh`,
        };
    }
    return salvage(raw.series, label);
}
function salvage(rawSeries, label) {
    const series = [];
    let droppedSeries = 0;
    let droppedEntries = 0;
    const seen = new Set();
    for (const item of Array.isArray(rawSeries) ? rawSeries : []) {
        const head = historySeriesSchema.omit({ entries: true }).safeParse(item);
        if (!head.success || seen.has(keyOf(head.data))) {
            droppedSeries++;
            continue;
        }
        seen.add(keyOf(head.data));
        const rawEntries = item.entries;
        const entries = [];
        for (const entry of Array.isArray(rawEntries) ? rawEntries : []) {
            const parsed = historyEntrySchema.safeParse(entry);
            if (parsed.success)
                entries.push(parsed.data);
            else
                droppedEntries++;
        }
        series.push({ ...head.data, entries });
    }
    const lost = [
        ...(Array.isArray(rawSeries) ? [] : ['its series list']),
        ...(droppedSeries > 0 ? [`${droppedSeries} unreadable series`] : []),
        ...(droppedEntries > 0 ? [`${droppedEntries} unreadable entries`] : []),
    ];
    return {
        history: { perfgateHistory: HISTORY_VERSION, series },
        notice: `${label} was partly corrupt: dropped ${lost.join(' and ') || 'nothing readable'}; kept ${series.length} series`,
    };
}
/**
 * The previous history for the next baseline: the file when readable, else rebuilt from the
 * window; runs of the window missing from a partly readable file are merged back in.
 */
function previousHistory(text, window, size) {
    const read = readHistory(text);
    if (read.notice === undefined)
        return read;
    let history = read.history;
    const before = countEntries(history);
    const oldestFirst = [...window].sort((a, b) => Date.parse(a.meta.timestamp) - Date.parse(b.meta.timestamp));
    for (const run of oldestFirst)
        history = appendHistory(history, run, { size });
    const added = countEntries(history) - before;
    return {
        history,
        notice: added > 0
            ? `${read.notice}; rebuilt ${added} entries from the ${window.length} baseline runs in the artifact`
            : read.notice,
    };
}
function countEntries(history) {
    return history.series.reduce((sum, s) => sum + s.entries.length, 0);
}
/** The series of `bench` and `metric` (default `time`), if the history has one. */
function findSeries(history, bench, metric = 'time') {
    return history.series.find((s) => s.bench === bench && s.metric === metric);
}

export { runValue as a, appendHistory as b, findSeries as f, previousHistory as p, readHistory as r };
