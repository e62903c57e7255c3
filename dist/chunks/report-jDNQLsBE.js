import { s as seededRandom } from './random-CRNsGjhb.js';
import { m as medianOf } from './units-C0yKQs3w.js';

/**
 * Change points in a bench's history by E-divisive means (Matteson & James, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014), the method
 * MongoDB runs over its CI performance history (Daly et al., "The Use of Change Point Detection
 * to Identify Software Performance Regressions in a Continuous Integration System", ICPE 2020)
 * and Apache Otava (formerly DataStax Hunter; Fleming et al., ICPE 2023) is built on.
 *
 * The series is split where the energy distance between the two sides is largest; a seeded
 * permutation test says whether that split is better than chance; accepted splits are searched
 * again recursively (binary segmentation, as in the paper's hierarchical algorithm). Values are
 * log centres, so a step's size is relative and slow and fast benches are treated alike.
 * Pure and deterministic: the same series always gives the same change points.
 */
/** Sum over i of |x_i - x_j| for each j, split into the parts before and after j. */
function rowSums(x, rowLeft, rowRight) {
    const n = x.length;
    rowLeft.fill(0);
    rowRight.fill(0);
    for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
            const d = Math.abs(x[i] - x[j]);
            rowRight[i] += d;
            rowLeft[j] += d;
        }
    }
}
/**
 * The best split of `x` by the E-divisive statistic (alpha = 1):
 * Q(τ) = τ(n−τ)/n · (2·mean|L−R| − mean|L−L'| − mean|R−R'|), sides at least `minSegment` long.
 * Running sums make each evaluation O(n²) for all τ together.
 */
function bestSplit(x, minSegment, scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) }) {
    const n = x.length;
    if (n < 2 * minSegment)
        return { index: -1, q: 0 };
    const { left, right } = scratch;
    rowSums(x, left, right);
    let within = 0; // pairs inside [0, τ)
    let total = 0;
    for (let j = 0; j < n; j++)
        total += left[j];
    let between = 0; // pairs across τ
    let withinRight = total; // pairs inside [τ, n)
    let best = { index: -1, q: -Infinity };
    for (let tau = 1; tau < n; tau++) {
        // Move point tau−1 from the right side to the left.
        const moved = tau - 1;
        within += left[moved];
        between += right[moved] - left[moved];
        withinRight -= right[moved];
        const a = tau;
        const b = n - tau;
        if (a < minSegment || b < minSegment)
            continue;
        const meanBetween = between / (a * b);
        const meanLeft = a > 1 ? within / ((a * (a - 1)) / 2) : 0;
        const meanRight = b > 1 ? withinRight / ((b * (b - 1)) / 2) : 0;
        const q = ((a * b) / n) * (2 * meanBetween - meanLeft - meanRight);
        if (q > best.q)
            best = { index: tau, q };
    }
    return best;
}
/** The permutation p-value of the best split of `x`: how often shuffled data split as well. */
function splitP(x, observed, options, random) {
    const shuffled = Float64Array.from(x);
    const scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) };
    let hits = 0;
    for (let r = 0; r < options.permutations; r++) {
        for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            const t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        if (bestSplit(shuffled, options.minSegment, scratch).q >= observed)
            hits++;
    }
    return (hits + 1) / (options.permutations + 1);
}
function withDefaults(options) {
    return {
        alpha: options.alpha ?? 0.01,
        permutations: options.permutations ?? 199,
        minSegment: options.minSegment ?? 3,
        minShift: options.minShift ?? 0.02,
        seed: options.seed ?? 20140101,
    };
}
/** Significant splits of a numeric series (indices of the first value at each new level), sorted. */
function eDivisive(values, options = {}) {
    const settings = withDefaults(options);
    const random = seededRandom(settings.seed);
    const splits = [];
    // Binary segmentation: test the best split of each segment, recurse into accepted ones.
    const pending = [[0, values.length]];
    while (pending.length > 0) {
        const [start, end] = pending.shift();
        const x = Float64Array.from(values.slice(start, end));
        const { index, q } = bestSplit(x, settings.minSegment);
        if (index < 0 || !(q > 0))
            continue;
        const p = splitP(x, q, settings, random);
        if (p > settings.alpha)
            continue;
        splits.push({ index: start + index, p });
        pending.push([start, start + index], [start + index, end]);
    }
    return splits.sort((a, b) => a.index - b.index);
}
/** Lasting shifts in one series, oldest first, at least `minShift` in size. */
function changePoints(series, options = {}) {
    const settings = withDefaults(options);
    const centres = series.entries.map((e) => e.centre);
    if (centres.some((c) => !(c > 0)))
        return []; // relative shifts need positive values
    const splits = eDivisive(centres.map((c) => Math.log(c)), settings);
    const bounds = [0, ...splits.map((s) => s.index), centres.length];
    const points = [];
    splits.forEach((split, k) => {
        const before = medianOf(centres.slice(bounds[k], bounds[k + 1]));
        const after = medianOf(centres.slice(bounds[k + 1], bounds[k + 2]));
        const change = after / before - 1;
        if (Math.abs(change) < settings.minShift)
            return;
        const entry = series.entries[split.index];
        points.push({
            bench: series.bench,
            metric: series.metric,
            unit: series.unit,
            index: split.index,
            commit: entry.commit,
            date: entry.date,
            change,
            worse: series.better === 'smaller' ? change > 0 : change < 0,
            runsAgo: centres.length - split.index,
            p: split.p,
        });
    });
    return points;
}
/** One line for a shift, e.g. "json/parse 18% slower since abc1234, 6 runs ago". */
function describeChangePoint(point) {
    const size = Math.abs(point.change);
    const percent = size >= 0.1 ? Math.round(size * 100) : +(size * 100).toFixed(1);
    const word = point.metric === 'time'
        ? point.change > 0
            ? 'slower'
            : 'faster'
        : point.change > 0
            ? 'higher'
            : 'lower';
    const name = point.metric === 'time' ? point.bench : `${point.bench} ${point.metric}`;
    const since = point.commit ? point.commit.slice(0, 7) : point.date.slice(0, 10);
    const ago = point.runsAgo === 1 ? 'in the latest run' : `${point.runsAgo} runs ago`;
    return `${name} ${percent}% ${word} since ${since}, ${ago}`;
}

/** Most points a chart shows (the newest runs). */
const CHART_POINTS = 50;
/** Four significant digits, so the chart text stays short. */
function short(value) {
    return String(+value.toPrecision(4));
}
/** Mermaid-safe text: no quotes or brackets that end a title or label early. */
function safe(text) {
    return text.replace(/["[\]`\n\r]/g, ' ');
}
/**
 * The markdown of a fenced mermaid chart of `series` (newest `points` runs), with the PR's
 * value (same unit) as a marked last point when given.
 */
function historyChart(series, options = {}) {
    const entries = series.entries.slice(-(options.points ?? CHART_POINTS));
    const labels = entries.map((e) => (e.commit ? e.commit.slice(0, 7) : e.date.slice(5, 10)));
    const values = entries.map((e) => e.centre);
    const pr = options.prValue;
    if (pr !== undefined)
        labels.push('PR');
    const all = pr === undefined ? values : [...values, pr];
    const low = Math.min(...all);
    const high = Math.max(...all);
    const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1;
    const floor = short(Math.max(0, low - pad));
    const title = options.title ??
        `${series.bench} ${series.metric} (${series.unit}), last ${entries.length} baseline runs`;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${safe(title)}"`,
        `  x-axis [${labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
        `  y-axis "${safe(series.unit)}" ${floor} --> ${short(high + pad)}`,
        `  line [${[...values.map(short), ...(pr === undefined ? [] : [short(values.at(-1) ?? pr)])].join(', ')}]`,
    ];
    // The PR as a bar: flat on the axis everywhere but its own slot, so it reads as "this is you".
    if (pr !== undefined)
        lines.push(`  bar [${[...values.map(() => floor), short(pr)].join(', ')}]`);
    lines.push('```');
    return `${lines.join('\n')}\n`;
}

/** The history as text, markdown or JSON for the CLI, the job summary and the PR comment. Pure. */
/** Change points of every series (the shared first step of every format). */
function analyseHistory(history) {
    return history.series.map((series) => ({
        series,
        latest: series.entries.at(-1)?.centre ?? null,
        changePoints: changePoints(series),
    }));
}
const value = (v, unit) => v === null ? '-' : `${+v.toPrecision(4)} ${unit}`;
const nameOf = (s) => (s.metric === 'time' ? s.bench : `${s.bench} (${s.metric})`);
/** Plain text: one line per series, then its shifts indented. */
function historyText(reports) {
    if (reports.length === 0)
        return 'no bench in the history\n';
    const lines = [];
    for (const r of reports) {
        lines.push(`${nameOf(r.series)}: ${r.series.entries.length} runs, latest ${value(r.latest, r.series.unit)}`);
        if (r.changePoints.length === 0)
            lines.push('    no lasting shift');
        for (const p of r.changePoints)
            lines.push(`    ${describeChangePoint(p)}`);
    }
    return `${lines.join('\n')}\n`;
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/[<>&`*_[\]]/g, (c) => `\\${c}`);
}
/**
 * Markdown for the job summary: a table of every series with its shifts, then a chart per
 * series (at most `charts`, those with shifts first) so the page stays light.
 */
function historyMarkdown(reports, options = {}) {
    if (reports.length === 0)
        return 'No bench in the history.\n';
    const rows = reports.map((r) => `| ${cell(nameOf(r.series))} | ${r.series.entries.length} | ${cell(value(r.latest, r.series.unit))} | ${r.changePoints.length === 0
        ? 'none'
        : r.changePoints.map((p) => cell(describeChangePoint(p))).join('<br>')} |`);
    const charted = [...reports]
        .sort((a, b) => b.changePoints.length - a.changePoints.length)
        .slice(0, options.charts ?? 10);
    return [
        '### Benchmark history',
        '',
        '| bench | runs | latest | lasting shifts |',
        '| --- | ---: | ---: | --- |',
        ...rows,
        '',
        ...charted.flatMap((r) => [historyChart(r.series)]),
    ].join('\n');
}
/** Machine-readable: each series' latest value and change points (not the whole history). */
function historyJson(reports) {
    return `${JSON.stringify(reports.map((r) => ({
        bench: r.series.bench,
        metric: r.series.metric,
        unit: r.series.unit,
        runs: r.series.entries.length,
        latest: r.latest,
        changePoints: r.changePoints.map((p) => ({ ...p, text: describeChangePoint(p) })),
    })), null, 2)}\n`;
}
/**
 * For a PR comment: a note and a chart for a flagged bench whose history already drifted, with
 * the PR's value marked; empty when the bench has no history.
 */
function driftNote(series, prValue) {
    if (!series || series.entries.length === 0)
        return '';
    const last = changePoints(series).at(-1);
    const note = last ? `History: ${describeChangePoint(last)}.\n\n` : '';
    return `${note}${historyChart(series, prValue === undefined ? {} : { prValue })}`;
}

export { analyseHistory as a, historyMarkdown as b, historyText as c, describeChangePoint as d, driftNote as e, historyJson as h };
