import { s as seededRandom } from './random-CRNsGjhb.js';
import { m as medianOf } from './units-C0yKQs3w.js';
import { f as formatValue } from './format-Czr1TBQt.js';

/**
 * Student's t distribution, for the Welch test that short history segments fall back on.
 * The two-sided tail is the regularized incomplete beta function I_x(ν/2, 1/2) at
 * x = ν / (ν + t²), evaluated by its continued fraction (Numerical Recipes, 3rd ed., §6.4),
 * which converges in a few dozen terms for every x once the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
 * is used on the slow side. Accurate to ~1e-10, far finer than any alpha we compare with.
 */
/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error ~1e-15). */
function logGamma(x) {
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let sum = c[0];
    for (let i = 1; i < 9; i++)
        sum += c[i] / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
/** Continued fraction of the incomplete beta function (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaFraction(x, a, b) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const step = d * c;
        h *= step;
        if (Math.abs(step - 1) < 1e-14)
            break;
    }
    return h;
}
/** The regularized incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
function regularizedBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    // The fraction converges fast only below (a+1)/(a+b+2); above it, use the mirror image.
    if (x < (a + 1) / (a + b + 2))
        return (front * betaFraction(x, a, b)) / a;
    return 1 - (front * betaFraction(1 - x, b, a)) / b;
}
/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
function studentTwoSidedP(t, df) {
    if (!Number.isFinite(t))
        return Number.isNaN(t) ? 1 : 0;
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The test for history segments a permutation test cannot judge: too few runs for shuffles.
 *
 * A shuffle test of a split into a and b runs ties with a perfectly separated step only when the
 * shuffle puts the same a runs at either end, so its p-value can never fall below about
 * 2 / C(a + b, a). An 8-run history with a step 4 runs ago has C(8, 4) = 70 arrangements: p ≥ 1/35,
 * so at alpha 0.01 even a 20% step in 0.1% noise is "no change". For such segments the detector
 * uses t-tests on the log centres of the two sides instead, which can reach any alpha when the
 * step is large against the noise, with three guards:
 *
 * - Bonferroni over the candidate split points: the split tested is the best of them, and picking
 *   the best of k and testing it as if it were chosen beforehand would false-alarm up to k times
 *   as often.
 * - Welch's test as well as the pooled t-test (see `shiftP`): outliers on one side inflate that
 *   side's variance and cut its degrees of freedom, so a 1.5× run or two on a quiet side is not
 *   a step.
 * - The medians must differ by `minShift`: in a very quiet series a 0.5% step is significant,
 *   and an outlier pair drags the means but not the medians; neither is worth a split.
 */
/**
 * Whether a shuffle test of a split into `a` and `b` runs can reach `alpha` with room to spare.
 * Its smallest p is about 2 / C(a + b, a); we ask for that to be at most alpha / 2, so that a
 * clear step is found by 199 shuffles most of the time (at alpha 0.01: C ≥ 400). The detector
 * asks it of a segment's edge split (3 runs against the rest), so at alpha 0.01 segments of 15
 * runs or more (C(15, 3) = 455) keep the permutation test and shorter ones get the t-tests.
 */
function permutationCanReach(a, b, alpha) {
    return 2 / binomial(a + b, Math.min(a, b)) <= alpha / 2;
}
/** C(n, k), as a float (exact while it stays below 2^53, far beyond any use here). */
function binomial(n, k) {
    let c = 1;
    for (let i = 1; i <= k; i++)
        c = (c * (n - k + i)) / i;
    return c;
}
/** Mean and unbiased variance. */
function moments(x, from, to) {
    const n = to - from;
    let sum = 0;
    for (let i = from; i < to; i++)
        sum += x[i];
    const mean = sum / n;
    let squares = 0;
    for (let i = from; i < to; i++)
        squares += (x[i] - mean) ** 2;
    return { mean, variance: n > 1 ? squares / (n - 1) : 0 };
}
/**
 * Two-sided p of the shift between x[0, index) and x[index, n): the larger of Student's pooled
 * t-test and Welch's t-test, so the split must pass both.
 * - Pooled alone is exact for Gaussian noise but not robust: two 1.5× outliers among 3 runs on
 *   a quiet side give t ≈ 4 against the pooled spread of all runs (a false alarm).
 * - Welch alone is robust to that (the outliers inflate their own side's variance and cut its
 *   degrees of freedom) but its approximate degrees of freedom make it liberal for lopsided
 *   splits at small alpha: measured 2.2× the nominal rate at 3 + 11 runs and p ≤ 0.01, 4.6× at
 *   p ≤ 0.001, the levels a Bonferroni-corrected test works at.
 * Needing both keeps the exact level of the pooled test in Gaussian noise and Welch's robustness.
 */
function shiftP(x, index) {
    const a = index;
    const b = x.length - index;
    const left = moments(x, 0, index);
    const right = moments(x, index, x.length);
    const diff = right.mean - left.mean;
    const va = left.variance / a;
    const vb = right.variance / b;
    const welchSe2 = va + vb;
    // Both sides constant (e.g. a memory metric): any difference is a clean step.
    if (!(welchSe2 > 0))
        return diff === 0 ? 1 : 0;
    // Welch needs a variance on each side; with minSegment 1 a side can be a single run, and
    // then the pooled test (which spreads the other side's variance over it) decides alone.
    const welch = a > 1 && b > 1
        ? studentTwoSidedP(diff / Math.sqrt(welchSe2), (welchSe2 * welchSe2) / ((va * va) / (a - 1) + (vb * vb) / (b - 1)))
        : 0;
    const pooledVariance = ((a - 1) * left.variance + (b - 1) * right.variance) / (a + b - 2);
    const pooled = studentTwoSidedP(diff / Math.sqrt(pooledVariance * (1 / a + 1 / b)), a + b - 2);
    return Math.max(welch, pooled);
}
/**
 * The p-value of a short split of log values `x` at `index`, Bonferroni-corrected for the
 * `candidates` split points the best split was picked from (capped at 1), or 1 when the sides'
 * medians differ by less than `minShift` (relative, so 0.02 = 2%).
 */
function shortSplitP(x, index, candidates, minShift) {
    const values = Array.from(x);
    const shift = Math.exp(medianOf(values.slice(index)) - medianOf(values.slice(0, index))) - 1;
    if (Math.abs(shift) < minShift)
        return 1;
    return Math.min(1, shiftP(values, index) * candidates);
}

/**
 * Change points in a bench's history by E-divisive means (Matteson & James, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014), the method
 * MongoDB runs over its CI performance history (Daly et al., "The Use of Change Point Detection
 * to Identify Software Performance Regressions in a Continuous Integration System", ICPE 2020)
 * and Apache Otava (formerly DataStax Hunter; Fleming et al., ICPE 2023) is built on.
 *
 * The series is split where the energy distance between the two sides is largest; a seeded
 * permutation test says whether that split is better than chance; accepted splits are searched
 * again recursively (binary segmentation, as in the paper's hierarchical algorithm). A segment too
 * short for shuffles to reach alpha is judged by t-tests instead (short-split.ts). Values are
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
        // Shuffles cannot make a split with few runs on one side significant (see short-split.ts);
        // t-tests on the two sides can. The choice is made per segment, not per split: a segment
        // whose edge splits the shuffles cannot judge gets one Bonferroni-corrected t-test over all
        // its splits, so each segment still runs a single test at level alpha (choosing by where
        // the best split fell would add the two tests' false-alarm rates). Longer segments keep the
        // permutation test, which assumes no distribution.
        const { minSegment, alpha, minShift } = settings;
        const p = permutationCanReach(minSegment, x.length - minSegment, alpha)
            ? splitP(x, q, settings, random)
            : shortSplitP(x, index, x.length - 2 * minSegment + 1, minShift);
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

/**
 * The unit a chart's axis shows: a history of 0.001488 ms or 11320000 bytes reads as µs or MiB,
 * as the comment's tables print them. One unit for the whole chart, picked by its largest value.
 */
const TIME = [
    { unit: 's', ms: 1000 },
    { unit: 'ms', ms: 1 },
    { unit: 'µs', ms: 1e-3 },
    { unit: 'ns', ms: 1e-6 },
];
const BYTES = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
/** The scale for `values` stored in `unit` (ms and bytes are humanized; others kept as they are). */
function chartScale(values, unit) {
    const largest = Math.max(0, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));
    if (unit === 'ms') {
        if (largest === 0)
            return { unit: 'ms', factor: 1 };
        const step = TIME.find((t) => largest >= t.ms) ?? TIME[TIME.length - 1];
        return { unit: step.unit, factor: 1 / step.ms };
    }
    if (unit === 'bytes') {
        let index = 0;
        while (largest >= 1024 ** (index + 1) && index < BYTES.length - 1)
            index++;
        return { unit: BYTES[index], factor: 1 / 1024 ** index };
    }
    return { unit, factor: 1 };
}

/**
 * A bench's history as a Mermaid `xychart-beta` block, which GitHub renders in markdown (job
 * summary and PR comments): the baseline runs as a line, the PR's value as a last bar-free point
 * on a second line so it stands out. Small on purpose: a comment has a size limit.
 */
/** Most points a chart shows (the newest runs). */
const CHART_POINTS = 50;
/** Fewest runs worth a chart: a line through one or two points shows no history. */
const MIN_CHART_RUNS = 3;
/**
 * The y-axis from `low` to `high` with a margin, its minimum always below its maximum: from 0 for
 * positive values (a time or a size reads against zero), below the lowest value otherwise (a
 * negative metric must not get the axis `0 --> -28580` that Mermaid draws upside down).
 */
function axisRange(low, high) {
    const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1;
    const floor = low >= 0 ? Math.max(0, low - pad) : low - pad;
    return { floor: short(floor), top: short(high + pad) };
}
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
 * value (same unit) as a marked last point when given; '' for a series of fewer than
 * `MIN_CHART_RUNS` runs. Values are shown in a readable unit (µs, MiB), not the stored one.
 */
function historyChart(series, options = {}) {
    const entries = series.entries.slice(-(options.points ?? CHART_POINTS));
    if (entries.length < MIN_CHART_RUNS)
        return '';
    const labels = entries.map((e) => (e.commit ? e.commit.slice(0, 7) : e.date.slice(5, 10)));
    const stored = entries.map((e) => e.centre);
    const scale = chartScale(options.prValue === undefined ? stored : [...stored, options.prValue], series.unit);
    const values = stored.map((v) => v * scale.factor);
    const pr = options.prValue === undefined ? undefined : options.prValue * scale.factor;
    if (pr !== undefined)
        labels.push('PR');
    const all = pr === undefined ? values : [...values, pr];
    const { floor, top } = axisRange(Math.min(...all), Math.max(...all));
    const title = options.title ??
        `${series.bench} ${series.metric} (${scale.unit}), last ${entries.length} baseline runs`;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${safe(title)}"`,
        `  x-axis [${labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
        `  y-axis "${safe(scale.unit)}" ${floor} --> ${top}`,
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
// µs, MiB: as the comment's tables print values, not the stored 0.001488 ms or 11320000 bytes.
const value = (v, unit) => (v === null ? '-' : formatValue(v, unit));
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
 * series with enough runs to draw (at most `charts`, those with shifts first) so the page stays
 * light: ten charts of one point each show nothing.
 */
function historyMarkdown(reports, options = {}) {
    if (reports.length === 0)
        return 'No bench in the history.\n';
    const rows = reports.map((r) => `| ${cell(nameOf(r.series))} | ${r.series.entries.length} | ${cell(value(r.latest, r.series.unit))} | ${r.changePoints.length === 0
        ? 'none'
        : r.changePoints.map((p) => cell(describeChangePoint(p))).join('<br>')} |`);
    const charted = [...reports]
        .filter((r) => r.series.entries.length >= MIN_CHART_RUNS)
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

export { analyseHistory as a, historyMarkdown as b, historyText as c, describeChangePoint as d, driftNote as e, chartScale as f, historyJson as h };
