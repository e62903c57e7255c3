import { s as seededRandom } from './random-CRNsGjhb.js';
import { r as roundSummaries } from './units-C0yKQs3w.js';
import { e as emptyHistory, h as historySchema, H as HISTORY_VERSION, a as historySeriesSchema, b as historyEntrySchema, D as DEFAULT_HISTORY_SIZE } from './schema-Dqc1PyQi.js';

/** Enumerate every split when there are at most this many; otherwise sample at random. */
const MAX_EXACT_SPLITS = 5000;
/**
 * Fraction of each side's worst units left out of the test statistic. On the recorded runner
 * whole processes ran ~1.65x slow at random; keeping only the best 40% of rounds (2 of 5) keeps
 * such processes out of the centre (bench:detect: +20% caught 98% with one baseline run, against
 * 57% when keeping the best 60%, with no more false alarms).
 */
const WORST_TRIMMED = 0.6;
/** Random splits drawn when enumeration is too costly. */
const RANDOM_SPLITS = 2000;
function binomial(n, k) {
    let result = 1;
    for (let i = 1; i <= k; i++)
        result = (result * (n - k + i)) / i;
    return Math.round(result);
}
/**
 * Mean of the values after dropping the worst 40% (the largest: the direction noise pushes).
 * On shared runners a third of the processes can run at half speed, so a fifth is not enough.
 */
function worstTrimmedMean(values) {
    const sorted = Float64Array.from(values).sort();
    const keep = kept(sorted.length);
    let sum = 0;
    for (let i = 0; i < keep; i++)
        sum += sorted[i];
    return sum / keep;
}
/** Units kept by worstTrimmedMean out of `n`. */
function kept(n) {
    return n - Math.floor(n * WORST_TRIMMED);
}
/**
 * Distance of the trimmed means of `sorted[chosen]` and the rest. `sorted` is ascending, so each
 * side's best units come first and one pass finds both means without sorting.
 */
function splitDistance(sorted, chosen, size) {
    const keepIn = kept(size);
    const keepOut = kept(sorted.length - size);
    let sumIn = 0;
    let sumOut = 0;
    let countIn = 0;
    let countOut = 0;
    for (let i = 0; i < sorted.length && (countIn < keepIn || countOut < keepOut); i++) {
        if (chosen[i] && countIn < keepIn) {
            sumIn += sorted[i];
            countIn++;
        }
        else if (!chosen[i] && countOut < keepOut) {
            sumOut += sorted[i];
            countOut++;
        }
    }
    return Math.abs(sumIn / keepIn - sumOut / keepOut);
}
/**
 * The centre of run-level units that verdicts use: the geometric mean of the best 60% (the
 * arithmetic mean when a value is not positive). It is the quantity the permutation test
 * compares, so change, interval and p-value tell the same story.
 */
function robustCentre(units, better) {
    const useLog = units.every((v) => v > 0);
    const centre = worstTrimmedMean(oriented(units, better, useLog));
    const value = better === 'smaller' ? centre : -centre;
    return useLog ? Math.exp(value) : value;
}
/** Log values oriented so that larger is worse (log keeps the test scale-free). */
function oriented(values, better, useLog) {
    const sign = better === 'smaller' ? 1 : -1;
    return values.map((v) => sign * (useLog ? Math.log(v) : v));
}
/**
 * Two-sided permutation p-value for "x and y come from the same distribution"; the statistic is
 * the distance between the sides' means of log values without their worst fifth. Exact over all
 * splits when few, else from seeded random splits (p = (1 + hits) / (1 + draws), never 0).
 */
function trimmedPermutationTest(x, y, better, random) {
    const useLog = [...x, ...y].every((v) => v > 0);
    const xs = oriented(x, better, useLog);
    const ys = oriented(y, better, useLog);
    const pool = Float64Array.from([...xs, ...ys]).sort();
    const size = y.length;
    const observed = Math.abs(worstTrimmedMean(ys) - worstTrimmedMean(xs));
    // Relative tolerance, so splits equal to the observed value up to rounding count as ties.
    const bar = observed * (1 - 1e-9);
    if (!(observed > 0))
        return 1;
    const splits = binomial(pool.length, size);
    if (splits <= MAX_EXACT_SPLITS) {
        let hits = 0;
        const chosen = new Array(pool.length).fill(false);
        const visit = (start, left) => {
            if (left === 0) {
                if (splitDistance(pool, chosen, size) >= bar)
                    hits++;
                return;
            }
            for (let i = start; i <= pool.length - left; i++) {
                chosen[i] = true;
                visit(i + 1, left - 1);
                chosen[i] = false;
            }
        };
        visit(0, size);
        return hits / splits;
    }
    let hits = 0;
    const order = Array.from({ length: pool.length }, (_, i) => i);
    const chosen = new Array(pool.length).fill(false);
    for (let draw = 0; draw < RANDOM_SPLITS; draw++) {
        // Partial Fisher–Yates: the first `size` positions are a uniform random subset.
        for (let i = 0; i < size; i++) {
            const j = i + Math.floor(random() * (pool.length - i));
            [order[i], order[j]] = [order[j], order[i]];
        }
        chosen.fill(false);
        for (let i = 0; i < size; i++)
            chosen[order[i]] = true;
        if (splitDistance(pool, chosen, size) >= bar)
            hits++;
    }
    return (1 + hits) / (1 + RANDOM_SPLITS);
}
/** The smallest p-value the test could give with m and n units (all splits distinct). */
function smallestPermutationP(m, n) {
    if (m === 0 || n === 0)
        return 1;
    const splits = binomial(m + n, n);
    // A two-sided statistic: the observed split and its mirror (when sizes match) tie.
    return splits <= MAX_EXACT_SPLITS ? (m === n ? 2 : 1) / splits : 1 / (1 + RANDOM_SPLITS);
}

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

export { runValue as a, appendHistory as b, robustCentre as c, findSeries as f, previousHistory as p, readHistory as r, smallestPermutationP as s, trimmedPermutationTest as t, worstTrimmedMean as w };
