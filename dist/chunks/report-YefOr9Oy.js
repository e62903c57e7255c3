import { s as splitRounds, q as quantileOf } from './units-C0yKQs3w.js';
import { s as seededRandom } from './random-CRNsGjhb.js';
import { f as fitGrowth, p as predict, a as growthLabel, l as logLogLine, b as budgetsMarkdown, c as growthMarkdown } from './render-CYu9eebb.js';

/** The statistic of a set of samples; `unit` tells ops/s of a time (1000 / mean ms) from a rate. */
function statisticOf(samples, statistic, unit) {
    const values = samples;
    switch (statistic.kind) {
        case 'mean':
            return mean(values);
        // Not Math.min(...values): a fast bench has more samples than the call stack holds.
        case 'min':
            return extreme(values, Math.min, Infinity);
        case 'max':
            return extreme(values, Math.max, -Infinity);
        case 'quantile':
            return sortedQuantile(Float64Array.from(values).sort(), statistic.q);
        case 'ops/s':
            return unit === 'ms' ? 1000 / mean(values) : mean(values);
    }
}
/**
 * The statistic with a percentile bootstrap interval. Samples from one process are more alike than
 * samples from separate runs, so with two or more rounds the bootstrap resamples rounds first and
 * samples within each drawn round second (two-stage): the interval then holds the run-to-run
 * variation a later run would see, not just the within-process spread.
 */
function estimate(metric, statistic, options = {}) {
    const confidence = options.confidence ?? 0.95;
    const resamples = options.resamples ?? 1000;
    const random = seededRandom(options.seed ?? 1);
    const value = statisticOf(metric.samples, statistic, metric.unit);
    const groups = splitRounds(metric);
    const draws = new Float64Array(resamples);
    for (let i = 0; i < resamples; i++) {
        const drawn = resample(groups, random);
        // The resample is ours to sort in place: no copy per draw.
        draws[i] =
            statistic.kind === 'quantile'
                ? sortedQuantile(drawn.sort(), statistic.q)
                : statisticOf(drawn, statistic, metric.unit);
    }
    draws.sort();
    const tail = (1 - confidence) / 2;
    return { value, interval: [sortedQuantile(draws, tail), sortedQuantile(draws, 1 - tail)] };
}
/** One two-stage bootstrap resample of the groups, as a flat array of the same total size. */
function resample(groups, random) {
    const total = groups.reduce((sum, group) => sum + group.length, 0);
    const out = new Float64Array(total);
    let at = 0;
    if (groups.length === 1) {
        const only = groups[0];
        for (let i = 0; i < total; i++)
            out[i] = only[Math.floor(random() * only.length)];
        return out;
    }
    while (at < total) {
        const group = groups[Math.floor(random() * groups.length)];
        const take = Math.min(group.length, total - at);
        for (let i = 0; i < take; i++)
            out[at++] = group[Math.floor(random() * group.length)];
    }
    return out;
}
/** Quantile q of sorted values, interpolated like quantileOf. */
function sortedQuantile(sorted, q) {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
function extreme(values, pick, start) {
    let result = start;
    for (let i = 0; i < values.length; i++)
        result = pick(result, values[i]);
    return result;
}
function mean(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++)
        sum += values[i];
    return sum / values.length;
}

/** Checks every budget of every row of `head`, beside its baseline row when given. */
function checkBudgets(benches, head, baseline = [], options = {}) {
    const checks = [];
    for (const row of head) {
        const budgets = budgetsOf(benches, row.name);
        const baseRow = baseline.find((candidate) => candidate.name === row.name);
        for (const budget of budgets)
            checks.push(checkOne(row, baseRow, budget, options));
    }
    return checks;
}
/** The budgets that apply to a result row: its config entry's (`json` covers `json/parse`). */
function budgetsOf(benches, rowName) {
    const entry = benches.find((bench) => bench.name === rowName || rowName.startsWith(`${bench.name}/`));
    return entry?.budgets ?? [];
}
/** True when any check is a broken budget: the run fails whatever the baseline says. */
function anyBudgetBroken(checks) {
    return checks.some((check) => check.status === 'broken');
}
function checkOne(row, baseRow, budget, options) {
    const noData = (reason) => ({
        bench: row.name,
        budget,
        status: 'no-data',
        value: null,
        interval: null,
        headroom: null,
        baseline: null,
        reason,
    });
    if (row.status !== 'ok')
        return noData(`the bench ${row.status === 'error' ? 'failed' : 'was skipped'}`);
    const metric = metricFor(row, budget);
    if (!metric)
        return noData(`the bench recorded no ${budget.metric} metric`);
    const { value, interval } = estimate(metric, budget.statistic, options);
    const baseMetric = baseRow?.status === 'ok' ? metricFor(baseRow, budget) : undefined;
    const baseValue = baseMetric
        ? statisticOf(baseMetric.samples, budget.statistic, baseMetric.unit)
        : null;
    const below = budget.direction === 'below';
    const headroom = below
        ? (budget.limit - value) / budget.limit
        : (value - budget.limit) / budget.limit;
    const [low, high] = interval;
    const clearlyWithin = below ? high < budget.limit : low > budget.limit;
    const clearlyBroken = below ? low > budget.limit : high < budget.limit;
    const status = clearlyWithin ? 'within' : clearlyBroken ? 'broken' : 'too-close';
    const side = below ? 'under' : 'over';
    const check = { bench: row.name, budget, status, value, interval, headroom, baseline: baseValue };
    if (status === 'within')
        return { ...check, reason: `the whole interval is ${side} the limit` };
    if (status === 'broken')
        return { ...check, reason: `the whole interval is past the limit` };
    const rounds = metric.rounds?.length ?? 1;
    const roundsToSettle = rounds < 2 ? null : settleRounds(value, interval, budget.limit, rounds);
    return {
        ...check,
        roundsToSettle,
        reason: `the interval straddles the limit: too close to call from this run${settleNote(rounds, roundsToSettle)}`,
    };
}
/** Past this many rounds a run is not the way to settle a budget: its statistic is too unsteady. */
const MAX_SETTLE_ROUNDS = 100;
/**
 * The rounds after which the interval's side facing the limit would clear it. With two or more
 * rounds the interval is set by round-to-round variation, so its half-width shrinks as
 * 1/√rounds: clearing a distance d with half-width w takes rounds × (w/d)². Twice that leaves
 * room for the value itself to move (80% power at 95% confidence: (1.96 + 0.84)² / 1.96² ≈ 2);
 * how often a later run with that many rounds settled it, per corpus, is in docs/budgets.md.
 */
function settleRounds(value, [low, high], limit, rounds) {
    const distance = Math.abs(value - limit);
    if (distance === 0)
        return null;
    // The interval's half facing the limit: the one that must shrink past it.
    const halfWidth = value > limit ? value - low : high - value;
    return Math.max(rounds + 1, Math.ceil(2 * rounds * (halfWidth / distance) ** 2));
}
function settleNote(rounds, needed) {
    if (rounds < 2)
        return ' (one round: with `rounds: 5` or more the interval also holds run-to-run variation)';
    if (needed === null)
        return ' (the value is on the limit: no number of rounds settles it)';
    if (needed > MAX_SETTLE_ROUNDS)
        return ` (more than ${MAX_SETTLE_ROUNDS} rounds would be needed: this statistic moves too much from process to process here; a steadier one, such as the median or a lower percentile, can be checked)`;
    return ` (with about ${needed} rounds the interval would clear the limit, if the value stays where it is; this run had ${rounds})`;
}
/** The metric a budget reads: ops/s from a throughput metric when there is one, else time. */
function metricFor(row, budget) {
    if (budget.statistic.kind === 'ops/s' && budget.metric === 'time') {
        return (row.metrics.find((metric) => metric.unit === 'ops/s') ??
            row.metrics.find((m) => m.name === 'time'));
    }
    return row.metrics.find((metric) => metric.name === budget.metric);
}

/**
 * The time level of one size of a scaled bench: the fastest round's fast end (its 10th
 * percentile), the best-round reading the compare engine cross-checks its verdicts with. Pure.
 *
 * Why not the median of all samples: on a shared runner whole processes run ~1.5× slow at random
 * (recorded: round medians split into a fast and a slow cluster, about half each). One slow round
 * of five moves a pooled median by ~10%, and since each size is measured by its own processes, a
 * curve's sizes get different shares of slow rounds: noise that bent n into n log n and back in a
 * third of the recorded runs. The fastest round is slow only when every round was, and within a
 * round the 10th percentile skips the iterations a neighbour slowed. Every size of a curve runs
 * the same number of rounds, so taking the best of them biases every size alike (the slope keeps).
 * Tuned on __fixtures__/recorded/ (bench:scaling): the best 40% of rounds (the verdicts' centre)
 * left n right in 96.8% of runs, the fastest round in 100%.
 */
/** The quantile of each round that stands for it: its fast end, as the compare engine reads rounds. */
const ROUND_QUANTILE = 0.1;
/** Draws per round of its fast-end quantile, reused by every two-stage resample. */
const ROUND_DRAWS = 64;
/**
 * The level of a time metric: the smallest of its rounds' 10th percentiles. The interval is a
 * two-stage bootstrap (rounds with replacement, then samples within each drawn round), so a level
 * that rests on a single fast round among slow ones gets the wide interval it deserves.
 */
function sizeLevel(metric, options = {}) {
    const groups = splitRounds(metric).filter((group) => group.length > 0);
    const value = Math.min(...groups.map((group) => quantileOf(group, ROUND_QUANTILE)));
    const random = seededRandom(options.seed ?? 1);
    // Each round's quantile redrawn from its own samples, once: a resample then picks among them.
    const roundDraws = groups.map((group) => Array.from({ length: ROUND_DRAWS }, () => quantileOf(Array.from({ length: group.length }, () => group[Math.floor(random() * group.length)]), ROUND_QUANTILE)));
    const resamples = options.resamples ?? 400;
    const draws = new Float64Array(resamples);
    for (let i = 0; i < resamples; i++) {
        let best = Infinity;
        for (let r = 0; r < groups.length; r++) {
            // One round: only its samples vary. Several: which rounds ran varies too.
            const round = groups.length === 1 ? 0 : Math.floor(random() * groups.length);
            best = Math.min(best, roundDraws[round][Math.floor(random() * ROUND_DRAWS)]);
        }
        draws[i] = best;
    }
    draws.sort();
    const at = (q) => draws[Math.min(resamples - 1, Math.floor(q * resamples))];
    return { value, interval: [Math.min(at(0.025), value), Math.max(at(0.975), value)] };
}

/**
 * Least relative spread a size's level is given in the fit, however tight its own interval: five
 * rounds cannot show every way a machine drifts between processes. Tuned on recorded noise.
 */
const SPREAD_FLOOR = 0.01;
/** The curves in a run's rows: rows with `scale` and a time metric, grouped by bench and param. */
function growthCurves(rows) {
    const groups = new Map();
    for (const row of rows) {
        if (!row.scale || row.status !== 'ok')
            continue;
        const key = `${row.scale.bench}\u0000${row.scale.param}`;
        const group = groups.get(key) ?? { bench: row.scale.bench, param: row.scale.param, rows: [] };
        group.rows.push(row);
        groups.set(key, group);
    }
    const curves = [];
    for (const group of groups.values()) {
        const points = group.rows
            .map((row) => {
            const time = row.metrics.find((metric) => metric.name === 'time');
            if (!time || !row.scale)
                return undefined;
            const { value, interval } = sizeLevel(time);
            return { size: row.scale.value, value, interval };
        })
            .filter((point) => point !== undefined && point.value > 0)
            .sort((a, b) => a.size - b.size);
        if (points.length < 2)
            continue;
        curves.push(curveOf(group.bench, group.param, points));
    }
    return curves;
}
/** A curve from its points: the fit, with the noise the points' intervals show. */
function curveOf(bench, param, points) {
    const fit = fitGrowth(points.map((point) => ({ ...point, spread: spreadOf(point) })), { noise: pointNoise(points), floor: SPREAD_FLOOR });
    return { bench, param, points, fit, slopeInterval: interval(slopeDraws(points, 1)) };
}
/** A slope change smaller than this is no change of complexity class (n → n log n is ~0.1). */
const SLOPE_CHANGE = 0.3;
/**
 * Compares growth: a regression when the head's log–log slope is clearly steeper. A constant
 * slowdown multiplies every size alike and leaves the slope, so it is never a growth change.
 */
function compareGrowth(base, head) {
    const baseDraws = slopeDraws(base.points, 2);
    const headDraws = slopeDraws(head.points, 3);
    const deltas = headDraws.map((draw, i) => draw - baseDraws[i]);
    const deltaInterval = interval(deltas);
    const delta = head.fit.slope - base.fit.slope;
    const regression = deltaInterval[0] > 0 && delta >= SLOPE_CHANGE;
    const improvement = deltaInterval[1] < 0 && delta <= -SLOPE_CHANGE;
    const words = `slope ${base.fit.slope.toFixed(2)} → ${head.fit.slope.toFixed(2)} (${growthLabel(base.fit)} → ${growthLabel(head.fit)})`;
    const reason = regression
        ? `grows faster with ${head.param}: ${words}`
        : improvement
            ? `grows slower with ${head.param}: ${words}`
            : `same growth: ${words}, change ${deltaInterval[0].toFixed(2)} … ${deltaInterval[1].toFixed(2)}`;
    return {
        bench: head.bench,
        param: head.param,
        regression,
        improvement,
        baseClass: base.fit.best.growth,
        headClass: head.fit.best.growth,
        baseSlope: base.fit.slope,
        headSlope: head.fit.slope,
        deltaInterval,
        reason,
    };
}
/**
 * The sizes at which a curve's rows break a budget: measured ones, and, when none does, the size
 * at which the fitted growth of that statistic reaches the limit, up to 10× the largest size.
 */
function budgetCrossing(rows, curve, budget) {
    const points = rows
        .filter((row) => row.status === 'ok' && row.scale?.bench === curve.bench && row.scale.param === curve.param)
        .map((row) => {
        const metric = budget.statistic.kind === 'ops/s' && budget.metric === 'time'
            ? (row.metrics.find((m) => m.unit === 'ops/s') ??
                row.metrics.find((m) => m.name === 'time'))
            : row.metrics.find((m) => m.name === budget.metric);
        return metric && row.scale
            ? {
                size: row.scale.value,
                value: statisticOf(metric.samples, budget.statistic, metric.unit),
            }
            : undefined;
    })
        .filter((point) => point !== undefined)
        .sort((a, b) => a.size - b.size);
    const past = (value) => budget.direction === 'below' ? value > budget.limit : value < budget.limit;
    const measured = points.filter((point) => past(point.value)).map((point) => point.size);
    if (measured.length > 0 || points.length < 2)
        return { budget, measured };
    const fit = fitGrowth(points).best;
    const largest = points[points.length - 1].size;
    if (!past(predict(fit, largest * 10)))
        return { budget, measured };
    // The fitted classes are monotone, so bisect on log size between the largest size and 10×.
    let low = Math.log(largest);
    let high = Math.log(largest * 10);
    for (let i = 0; i < 40; i++) {
        const mid = (low + high) / 2;
        if (past(predict(fit, Math.exp(mid))))
            high = mid;
        else
            low = mid;
    }
    return { budget, measured, extrapolated: roundSize(Math.exp(high)) };
}
/** A size rounded to two significant digits (340000, not 339517.2). */
function roundSize(size) {
    const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(size)) - 1);
    return Math.ceil(size / magnitude) * magnitude;
}
/** Relative standard deviation of a point: a 95% interval is about four of them wide (in log). */
function spreadOf(point) {
    return (Math.log(point.interval[1]) - Math.log(Math.max(point.interval[0], Number.MIN_VALUE))) / 4;
}
/** Typical relative noise of the points: the median spread, at least SPREAD_FLOOR. */
function pointNoise(points) {
    const noises = points.map(spreadOf).sort((a, b) => a - b);
    return Math.max(SPREAD_FLOOR, noises[Math.floor(noises.length / 2)]);
}
/** Log–log slopes of the points redrawn within their intervals (log-normal), seeded. */
function slopeDraws(points, seed, draws = 1000) {
    const random = seededRandom(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const spreads = points.map((p) => Math.max(1e-6, (Math.log(p.interval[1]) - Math.log(Math.max(p.interval[0], Number.MIN_VALUE))) / 4));
    return Array.from({ length: draws }, () => logLogLine(points.map((p, i) => ({ size: p.size, value: p.value * Math.exp(spreads[i] * gauss()) }))).slope);
}
function interval(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.floor(sorted.length * 0.025)], sorted[Math.ceil(sorted.length * 0.975) - 1]];
}

/** Checks budgets on `head`, fits every scaled bench's curve and compares it with `baseline`. */
function growthReport(benches, head, baseline = []) {
    const checks = checkBudgets(benches, head, baseline);
    const baseCurves = growthCurves(baseline);
    const growth = growthCurves(head).map((curve) => {
        const base = baseCurves.find((c) => c.bench === curve.bench && c.param === curve.param);
        // Budgets of the scaled entry (by a row of the curve's name): where along the sizes they break.
        const row = head.find((r) => r.scale?.bench === curve.bench && r.scale.param === curve.param);
        const budgets = row ? budgetsOf(benches, row.name) : [];
        return {
            head: curve,
            ...(base ? { base, change: compareGrowth(base, curve) } : {}),
            crossings: budgets.map((budget) => budgetCrossing(head, curve, budget)),
        };
    });
    const growthRegressions = growth.flatMap((entry) => entry.change?.regression ? [entry.change] : []);
    const brokenBudgets = checks.filter((check) => check.status === 'broken').length;
    const markdown = [budgetsMarkdown(checks), growthMarkdown(growth)]
        .filter((s) => s !== '')
        .join('\n\n');
    return {
        checks,
        growth,
        brokenBudgets,
        growthRegressions,
        failed: anyBudgetBroken(checks) || growthRegressions.length > 0,
        markdown,
    };
}

export { growthReport as g };
