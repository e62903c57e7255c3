import { s as splitRounds } from './units-C0yKQs3w.js';
import { s as seededRandom } from './random-CRNsGjhb.js';
import { escapeMarkdown, codeSpan } from './escape-DUX7g4yH.js';
import { a as formatValue } from './format-D0xDIPJR.js';

/** The statistic of a set of samples; `unit` tells ops/s of a time (1000 / mean ms) from a rate. */
function statisticOf(samples, statistic, unit) {
    const values = samples;
    switch (statistic.kind) {
        case 'mean':
            return mean$1(values);
        // Not Math.min(...values): a fast bench has more samples than the call stack holds.
        case 'min':
            return extreme(values, Math.min, Infinity);
        case 'max':
            return extreme(values, Math.max, -Infinity);
        case 'quantile':
            return sortedQuantile(Float64Array.from(values).sort(), statistic.q);
        case 'ops/s':
            return unit === 'ms' ? 1000 / mean$1(values) : mean$1(values);
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
function mean$1(values) {
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
    const reason = status === 'within'
        ? `the whole interval is ${side} the limit`
        : status === 'broken'
            ? `the whole interval is past the limit`
            : `the interval straddles the limit: too close to call from this run`;
    return { bench: row.name, budget, status, value, interval, headroom, baseline: baseValue, reason };
}
/** The metric a budget reads: ops/s from a throughput metric when there is one, else time. */
function metricFor(row, budget) {
    if (budget.statistic.kind === 'ops/s' && budget.metric === 'time') {
        return (row.metrics.find((metric) => metric.unit === 'ops/s') ??
            row.metrics.find((m) => m.name === 'time'));
    }
    return row.metrics.find((metric) => metric.name === budget.metric);
}

/** Fitting how a statistic grows with data size: log–log slope and the best complexity class. Pure. */
/** The complexity classes a curve is matched against, simplest first. */
const GROWTH_CLASSES = ['1', 'log n', 'n', 'n log n', 'n²'];
const BASIS = {
    '1': () => 1,
    'log n': (n) => Math.log(n),
    n: (n) => n,
    'n log n': (n) => n * Math.log(n),
    'n²': (n) => n * n,
};
/** Log–log slope of each class between 1K and 100K (log n and n log n drift slowly with n). */
const IDEAL_SLOPE = {
    '1': 0,
    'log n': 0.2,
    n: 1,
    'n log n': 1.11,
    'n²': 2,
};
/**
 * Fits `points` (two or more distinct sizes). Each class is fitted as `c + a·f(n)` with c, a ≥ 0,
 * by least squares on relative error, so a fixed per-call overhead does not bend a linear curve
 * into "log n", and a curve growing faster than f cannot be bent into it by a negative constant.
 */
function fitGrowth(points, options = {}) {
    const noise = options.noise ?? 0.02;
    const fits = GROWTH_CLASSES.map((growth) => fitClass(points, growth));
    const { slope, r2 } = logLogLine(points);
    // Two sizes fit every `c + a·f(n)` exactly: only the slope tells the classes apart then.
    if (new Set(points.map((point) => point.size)).size < 3) {
        const nearest = GROWTH_CLASSES.reduce((best, growth) => Math.abs(IDEAL_SLOPE[growth] - slope) < Math.abs(IDEAL_SLOPE[best] - slope) ? growth : best);
        return { slope, r2, best: fits[GROWTH_CLASSES.indexOf(nearest)], fits };
    }
    const growing = fits.slice(1).reduce((best, fit) => (fit.residual < best.residual ? fit : best));
    const constant = fits[0];
    // Parsimony: the constant class is nested in every other, so it never fits best on its own.
    const best = constant.residual <= Math.max(1.5 * growing.residual, 1.5 * noise) ? constant : growing;
    return { slope, r2, best, fits };
}
/** The fitted value of a class fit at a size. */
function predict(fit, size) {
    return fit.constant + fit.factor * BASIS[fit.growth](size);
}
/** Least-squares line through (log size, log value): its slope and R². */
function logLogLine(points) {
    const xs = points.map((point) => Math.log(point.size));
    const ys = points.map((point) => Math.log(Math.max(point.value, Number.MIN_VALUE)));
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i] - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i] - my) ** 2;
    });
    const slope = sxx > 0 ? sxy / sxx : 0;
    return { slope, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 };
}
/** Weighted least squares of value ≈ c + a·f(size), weights 1/value², with c, a ≥ 0. */
function fitClass(points, growth) {
    const f = points.map((point) => BASIS[growth](point.size));
    const y = points.map((point) => point.value);
    const w = y.map((value) => 1 / Math.max(value * value, Number.MIN_VALUE));
    const candidates = [];
    if (growth !== '1') {
        // Both free: solve the 2×2 normal equations.
        let sw = 0, sf = 0, sff = 0, sy = 0, sfy = 0;
        f.forEach((fi, i) => {
            sw += w[i];
            sf += w[i] * fi;
            sff += w[i] * fi * fi;
            sy += w[i] * y[i];
            sfy += w[i] * fi * y[i];
        });
        const det = sw * sff - sf * sf;
        if (det > 0) {
            const factor = (sw * sfy - sf * sy) / det;
            const constant = (sy - factor * sf) / sw;
            if (factor >= 0 && constant >= 0)
                candidates.push({ constant, factor });
        }
        // No constant: a·f(n) alone.
        const num = f.reduce((sum, fi, i) => sum + w[i] * fi * y[i], 0);
        const den = f.reduce((sum, fi, i) => sum + w[i] * fi * fi, 0);
        if (den > 0)
            candidates.push({ constant: 0, factor: Math.max(0, num / den) });
    }
    // No growth: the weighted mean.
    const sw = w.reduce((a, b) => a + b, 0);
    candidates.push({ constant: w.reduce((sum, wi, i) => sum + wi * y[i], 0) / sw, factor: 0 });
    let best;
    for (const candidate of candidates) {
        const fit = { growth, ...candidate, residual: 0 };
        fit.residual = Math.sqrt(mean(points.map((point) => ((predict(fit, point.size) - point.value) / point.value) ** 2)));
        if (!best || fit.residual < best.residual)
            best = fit;
    }
    return best;
}
function mean(values) {
    return values.reduce((a, b) => a + b, 0) / values.length;
}

const MEDIAN = { kind: 'quantile', q: 0.5 };
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
            const { value, interval } = estimate(time, MEDIAN, { resamples: 400 });
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
    const fit = fitGrowth(points, { noise: pointNoise(points) });
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
    const words = `slope ${base.fit.slope.toFixed(2)} → ${head.fit.slope.toFixed(2)} (${base.fit.best.growth} → ${head.fit.best.growth})`;
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
/** Typical relative noise of the points: a 95% half-width is about two standard deviations. */
function pointNoise(points) {
    const noises = points
        .map((p) => (p.interval[1] - p.interval[0]) / 4 / p.value)
        .sort((a, b) => a - b);
    return Math.max(0.01, noises[Math.floor(noises.length / 2)]);
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

/** Budgets and growth curves as markdown (comment, job summary) and as SVG (HTML report). Pure. */
/** A code span inside a table cell: GFM splits cells at `|` even inside code, unless escaped. */
function cellCode(text) {
    return codeSpan(text).replace(/\|/g, '\\|');
}
const STATUS = {
    within: '✅ within',
    broken: '❌ broken',
    'too-close': '⚠️ too close to call',
    'no-data': '➖ no data',
};
/** The budgets table with headroom; empty string when there are no checks. */
function budgetsMarkdown(checks) {
    if (checks.length === 0)
        return '';
    const hasBaseline = checks.some((check) => check.baseline !== null);
    const header = hasBaseline
        ? ['bench', 'budget', 'measured (95% interval)', 'headroom', 'baseline', 'status']
        : ['bench', 'budget', 'measured (95% interval)', 'headroom', 'status'];
    const rows = checks.map((check) => {
        const unit = check.budget.unit;
        const measured = check.value === null || check.interval === null
            ? '—'
            : `${formatValue(check.value, unit)} (${formatValue(check.interval[0], unit)} … ${formatValue(check.interval[1], unit)})`;
        const headroom = check.headroom === null ? '—' : `${(check.headroom * 100).toFixed(1)}%`;
        const status = check.status === 'no-data'
            ? `${STATUS[check.status]}: ${escapeMarkdown(check.reason)}`
            : STATUS[check.status];
        const cells = [cellCode(check.bench), cellCode(check.budget.text), measured, headroom];
        if (hasBaseline)
            cells.push(formatValue(check.baseline, unit));
        return [...cells, status];
    });
    const broken = checks.filter((check) => check.status === 'broken').length;
    const close = checks.filter((check) => check.status === 'too-close').length;
    const summary = broken > 0
        ? `**${broken} budget${broken > 1 ? 's' : ''} broken.**`
        : close > 0
            ? `No budget clearly broken; ${close} too close to call.`
            : 'Every budget holds.';
    return [
        '### Budgets',
        '',
        summary,
        '',
        `| ${header.join(' | ')} |`,
        `| ${header.map((_, i) => (i >= 2 && i < header.length - 1 ? '---:' : '---')).join(' | ')} |`,
        ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ].join('\n');
}
/** The growth section: per bench, a table of sizes, the fit, crossings and a log–log chart. */
function growthMarkdown(entries) {
    if (entries.length === 0)
        return '';
    const parts = ['### Growth with data size'];
    for (const entry of entries) {
        const { head, base, change } = entry;
        const verdict = change?.regression
            ? '❌ growth regression'
            : change?.improvement
                ? '✅ grows slower'
                : '';
        const fit = `${head.fit.best.growth} (log–log slope ${head.fit.slope.toFixed(2)}, R² ${head.fit.r2.toFixed(3)}, fit off by ${(head.fit.best.residual * 100).toFixed(1)}%)`;
        parts.push('', `**${codeSpan(head.bench)}** grows as ${escapeMarkdown(fit)}${verdict ? ` — ${verdict}` : ''}`);
        if (change)
            parts.push('', escapeMarkdown(change.reason));
        for (const crossing of entry.crossings ?? []) {
            const where = crossing.measured.length > 0
                ? `broken at ${crossing.measured.map((size) => `${head.param}=${size}`).join(', ')}`
                : crossing.extrapolated !== undefined
                    ? `the fitted curve reaches it at about ${head.param}=${crossing.extrapolated} (extrapolated)`
                    : '';
            if (where)
                parts.push('', `Budget ${codeSpan(crossing.budget.text)}: ${escapeMarkdown(where)}`);
        }
        const baseAt = (size) => base?.points.find((point) => point.size === size);
        const header = base ? [head.param, 'baseline median', 'head median'] : [head.param, 'median'];
        parts.push('', `| ${header.map(escapeMarkdown).join(' | ')} |`, `| ${header.map(() => '---:').join(' | ')} |`, ...head.points.map((point) => {
            const cells = [String(point.size)];
            if (base)
                cells.push(formatValue(baseAt(point.size)?.value ?? null, 'ms'));
            cells.push(formatValue(point.value, 'ms'));
            return `| ${cells.join(' | ')} |`;
        }), '', growthMermaid(head, base));
    }
    return parts.join('\n');
}
/**
 * A Mermaid xychart-beta of log10(median ms) by size, which GitHub renders in comments and
 * summaries. Mermaid has no log axis: the sizes are categories (evenly spaced, so log-spaced for
 * sizes like 1K/10K/100K) and the values are plotted as log10 ms. Line 1 is the baseline when given.
 */
function growthMermaid(head, base) {
    const sizes = head.points.map((point) => point.size);
    const log = (value) => Number(Math.log10(value).toFixed(3));
    const headLine = head.points.map((point) => log(point.value));
    const baseLine = base && sizes.every((size) => base.points.some((p) => p.size === size))
        ? sizes.map((size) => log(base.points.find((p) => p.size === size).value))
        : undefined;
    const all = [...headLine, ...(baseLine ?? [])];
    const low = Math.floor(Math.min(...all));
    const high = Math.ceil(Math.max(...all)) +
        (Math.ceil(Math.max(...all)) === Math.floor(Math.min(...all)) ? 1 : 0);
    const safe = (text) => text.replace(/[^\w/.\-[\]= ]/g, '_');
    const legend = baseLine ? ' (line 1 baseline, line 2 head)' : '';
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${safe(head.bench)}: log10 median ms by ${safe(head.param)}${legend}"`,
        `    x-axis "${safe(head.param)}" [${sizes.map((size) => `"${shortSize(size)}"`).join(', ')}]`,
        `    y-axis "log10 ms" ${low} --> ${high}`,
        ...(baseLine ? [`    line [${baseLine.join(', ')}]`] : []),
        `    line [${headLine.join(', ')}]`,
        '```',
    ].join('\n');
}
/** 1000 → 1K, 100000 → 100K, 2500000 → 2.5M. */
function shortSize(size) {
    if (size >= 1e6)
        return `${+(size / 1e6).toFixed(1)}M`;
    if (size >= 1e3)
        return `${+(size / 1e3).toFixed(1)}K`;
    return String(size);
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

/** Stage 6: the step's verdict, from the comparison, the benches that failed and the PR's labels. */
/** Decides the verdict; reads the PR's current labels only when there is a regression to accept. */
async function decide(setup, results, compared, remote, deps, config) {
    const { pr, inputs } = setup;
    const errors = results.benches
        .filter((b) => b.status === 'error')
        .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }));
    const regressions = compared.comparison?.regressions ?? 0;
    const beyondThreshold = compared.headline?.beyondThreshold ?? [];
    const newest = compared.outcome?.found ? compared.outcome.baselines[0] : undefined;
    const growth = growthReport(config.benches, results.benches, newest?.benches ?? []);
    // A broken budget or a steeper growth fails the PR even without a baseline.
    const failing = (compared.headline?.fail ?? false) || growth.failed;
    const label = inputs.acknowledgeLabel;
    const acknowledged = pr &&
        (regressions > 0 || failing) &&
        (await currentLabels(remote, pr.number, pr.labels, deps)).includes(label);
    const outcome = compared.outcome;
    const gate = !setup.baselinePush;
    const verdict = (regressions > 0 || failing) && !acknowledged
        ? 'regression'
        : errors.length > 0
            ? 'error'
            : compared.comparison && outcome?.found
                ? 'pass'
                : 'no-baseline';
    return {
        verdict,
        regressions,
        errors,
        ...(acknowledged ? { acknowledged: { label } } : {}),
        gate,
        fails: failing && !acknowledged && gate,
        beyondThreshold,
        growth,
    };
}
/** The PR's labels now (a label may have been added since the event); the event's if that fails. */
async function currentLabels(remote, pr, fromEvent, deps) {
    try {
        const api = await remote.api();
        return (await api.getPull(pr)).labels;
    }
    catch (error) {
        deps.step.info(`Could not read the PR's current labels (${error.message}); using the event's`);
        return fromEvent;
    }
}

export { decide };
