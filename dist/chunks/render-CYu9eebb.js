import { escapeMarkdown, codeSpan } from './escape-DUX7g4yH.js';
import { f as formatValue } from './format-Czr1TBQt.js';

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
 * A neighbour class whose χ² is within this much of the best one's is "as good" given the noise
 * (1: the two differ by less than one standard deviation): the answer names both. Tuned on
 * __fixtures__/recorded/ noise (1000 seeded curves each): at 1, 1.3% of linear curves say "n or
 * n log n", none is wrong; at 0 none is ambiguous and 0.1% of n log n ones are wrong; at 2, 8.7%
 * are ambiguous.
 */
const AMBIGUOUS_CHI2 = 1;
/**
 * Fits `points` (two or more distinct sizes). Each class is fitted as `c + a·f(n)` with c, a ≥ 0,
 * by least squares on relative error weighted by each point's spread, so a fixed per-call
 * overhead does not bend a linear curve into "log n", and a curve growing faster than f cannot be
 * bent into it by a negative constant. The best class has the smallest χ²; a neighbour class
 * within AMBIGUOUS_CHI2 of it is named too ("n or n log n") rather than guessed between.
 */
function fitGrowth(points, options = {}) {
    const noise = options.noise ?? 0.02;
    const floor = options.floor ?? noise;
    const spreads = points.map((point) => Math.max(point.spread ?? noise, floor));
    const fits = GROWTH_CLASSES.map((growth) => fitClass(points, spreads, growth));
    const { slope, r2 } = logLogLine(points);
    // Two sizes fit every `c + a·f(n)` exactly: only the slope tells the classes apart then.
    if (new Set(points.map((point) => point.size)).size < 3) {
        const nearest = GROWTH_CLASSES.reduce((best, growth) => Math.abs(IDEAL_SLOPE[growth] - slope) < Math.abs(IDEAL_SLOPE[best] - slope) ? growth : best);
        return { slope, r2, best: fits[GROWTH_CLASSES.indexOf(nearest)], classes: [nearest], fits };
    }
    const growing = fits.slice(1).reduce((best, fit) => (fit.chi2 < best.chi2 ? fit : best));
    const constant = fits[0];
    // Parsimony: the constant class is nested in every other, so it never fits best on its own.
    const best = constant.residual <= Math.max(1.5 * growing.residual, 1.5 * noise) ? constant : growing;
    const at = GROWTH_CLASSES.indexOf(best.growth);
    // A constant curve is already the answer "no growth within the noise": no rival to name.
    const neighbours = best.growth === '1' ? [] : [fits[at - 1], fits[at + 1]];
    const rivals = neighbours.filter((fit) => fit !== undefined &&
        fit.growth !== '1' &&
        fit.chi2 <= best.chi2 + (options.ambiguous ?? AMBIGUOUS_CHI2));
    const rival = rivals.sort((a, b) => a.chi2 - b.chi2)[0];
    const classes = GROWTH_CLASSES.filter((growth) => growth === best.growth || growth === rival?.growth);
    return { slope, r2, best, classes, fits };
}
/** The class of a fit in words: `n`, or `n or n log n` when the curve cannot tell them apart. */
function growthLabel(fit) {
    return fit.classes.join(' or ');
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
/**
 * Weighted least squares of value ≈ c + a·f(size), weights 1/(spread·value)², with c, a ≥ 0:
 * the unconstrained optimum when it is feasible, else the best of the boundary fits.
 */
function fitClass(points, spreads, growth) {
    const f = points.map((point) => BASIS[growth](point.size));
    const y = points.map((point) => point.value);
    const w = y.map((value, i) => 1 / Math.max((spreads[i] * value) ** 2, Number.MIN_VALUE));
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
        const fit = { growth, ...candidate, residual: 0, chi2: 0 };
        const relative = points.map((point) => (predict(fit, point.size) - point.value) / point.value);
        fit.residual = Math.sqrt(mean(relative.map((r) => r * r)));
        fit.chi2 = relative.reduce((sum, r, i) => sum + (r / spreads[i]) ** 2, 0);
        if (!best || fit.chi2 < best.chi2)
            best = fit;
    }
    return best;
}
function mean(values) {
    return values.reduce((a, b) => a + b, 0) / values.length;
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
/**
 * Headroom as a percentage of the limit; once the value is 10× past a `<` limit (headroom -900%), as
 * that factor instead: `-254323700.0%` says less than `2.5M× the limit`.
 */
function formatHeadroom(headroom) {
    if (headroom > -9)
        return `${(headroom * 100).toFixed(1)}%`;
    const factor = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 2 });
    return `${factor.format(1 - headroom)}× the limit`;
}
/** `headroom 49.2%`, or `2.5M× the limit` far past it, for a line of text. */
function headroomPhrase(headroom) {
    const text = formatHeadroom(headroom);
    return text.endsWith('%') ? `headroom ${text}` : text;
}
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
        const headroom = check.headroom === null ? '—' : formatHeadroom(check.headroom);
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
/** What a size's "level" is, said once under the growth section. */
const LEVEL_NOTE = "Level of a size: its fastest round's 10th percentile (a slow process does not decide a size). An ambiguous class (`n or n log n`) means this run's noise cannot tell the two apart.";
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
        const fit = `${growthLabel(head.fit)} (log–log slope ${head.fit.slope.toFixed(2)}, R² ${head.fit.r2.toFixed(3)}, fit off by ${(head.fit.best.residual * 100).toFixed(1)}%)`;
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
        const header = base ? [head.param, 'baseline level', 'head level'] : [head.param, 'level'];
        parts.push('', `| ${header.map(escapeMarkdown).join(' | ')} |`, `| ${header.map(() => '---:').join(' | ')} |`, ...head.points.map((point) => {
            const cells = [String(point.size)];
            if (base)
                cells.push(formatValue(baseAt(point.size)?.value ?? null, 'ms'));
            cells.push(formatValue(point.value, 'ms'));
            return `| ${cells.join(' | ')} |`;
        }), '', growthMermaid(head, base));
    }
    parts.push('', LEVEL_NOTE);
    return parts.join('\n');
}
/**
 * A Mermaid xychart-beta of log10(level ms) by size, which GitHub renders in comments and
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
        `    title "${safe(head.bench)}: log10 ms (level) by ${safe(head.param)}${legend}"`,
        `    x-axis "${safe(head.param)}" [${sizes.map((size) => `"${shortSize(size)}"`).join(', ')}]`,
        `    y-axis "log10 ms" ${low} --> ${high}`,
        ...(baseLine ? [`    line [${baseLine.join(', ')}]`] : []),
        `    line [${headLine.join(', ')}]`,
        '```',
    ].join('\n');
}
/** The series an HTML report can draw: one per side, points in (size, level ms). */
function growthSeries(head, base) {
    const series = [
        { label: 'head', points: head.points.map((p) => [p.size, p.value]) },
    ];
    if (base)
        series.unshift({
            label: 'baseline',
            points: base.points.map((p) => [p.size, p.value]),
        });
    return series;
}
/**
 * A self-contained log–log SVG of baseline (grey, dashed) and head (blue): a line and a marked
 * point per size (its title gives the value), decade ticks on both axes and a legend. No script,
 * so it draws wherever SVG does (HTML pages, artifacts opened from disk).
 */
function growthSvg(head, base, width = 420, height = 260) {
    const series = growthSeries(head, base);
    const param = head.param;
    const all = series.flatMap((s) => s.points);
    const lx = all.map(([x]) => Math.log10(x));
    const ly = all.map(([, y]) => Math.log10(y));
    const [x0, x1raw] = [Math.floor(Math.min(...lx)), Math.ceil(Math.max(...lx))];
    const x1 = x1raw === x0 ? x0 + 1 : x1raw;
    const [y0, y1raw] = [Math.floor(Math.min(...ly)), Math.ceil(Math.max(...ly))];
    const y1 = y1raw === y0 ? y0 + 1 : y1raw;
    const [left, right, top, bottom] = [56, 16, 28, 40];
    const px = (x) => left + ((Math.log10(x) - x0) / (x1 - x0)) * (width - left - right);
    const py = (y) => height - bottom - ((Math.log10(y) - y0) / (y1 - y0)) * (height - top - bottom);
    const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const parts = [];
    for (let e = x0; e <= x1; e++) {
        const x = px(10 ** e).toFixed(1);
        parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${height - bottom}" stroke="#eaeef2"/>`, `<text x="${x}" y="${height - bottom + 14}" text-anchor="middle" font-size="10">${esc(shortSize(10 ** e))}</text>`);
    }
    for (let e = y0; e <= y1; e++) {
        const y = py(10 ** e).toFixed(1);
        parts.push(`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#eaeef2"/>`, `<text x="${left - 4}" y="${(Number(y) + 3).toFixed(1)}" text-anchor="end" font-size="10">${esc(formatValue(10 ** e, 'ms'))}</text>`);
    }
    series.forEach((s, i) => {
        const head = s.label === 'head';
        const colour = head ? '#0969da' : '#888';
        const dash = head ? '' : ' stroke-dasharray="4 3"';
        const d = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
        parts.push(`<polyline class="growth-${s.label}" fill="none" stroke-width="2" stroke="${colour}"${dash} points="${d}"><title>${esc(s.label)}</title></polyline>`, ...s.points.map(([x, y]) => `<circle class="growth-point" cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${colour}"><title>${esc(`${s.label}: ${formatValue(y, 'ms')} at ${param}=${x}`)}</title></circle>`), `<line x1="${left + 8 + i * 90}" x2="${left + 28 + i * 90}" y1="12" y2="12" stroke="${colour}" stroke-width="2"${dash}/>`, `<text x="${left + 32 + i * 90}" y="15" font-size="10">${esc(s.label)}</text>`);
    });
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`${head.bench}: time level by ${head.param}, log–log`)}">`,
        `<rect x="${left}" y="${top}" width="${width - left - right}" height="${height - top - bottom}" fill="none" stroke="#ccc"/>`,
        ...parts,
        `<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle" font-size="11">${esc(head.param)} (log)</text>`,
        '</svg>',
    ].join('');
}
/** 1000 → 1K, 100000 → 100K, 2500000 → 2.5M. */
function shortSize(size) {
    if (size >= 1e6)
        return `${+(size / 1e6).toFixed(1)}M`;
    if (size >= 1e3)
        return `${+(size / 1e3).toFixed(1)}K`;
    return String(size);
}
/** HTML text escaped for element content and attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/**
 * The growth section of an HTML page: per scaled bench, the fitted class, the change against the
 * baseline, a log–log SVG of both curves and their levels as a table; '' without entries.
 */
function growthHtml(entries) {
    if (entries.length === 0)
        return '';
    const sections = entries.map(({ head, base, change }) => {
        const verdict = change?.regression
            ? ' <strong class="shift">growth regression</strong>'
            : change?.improvement
                ? ' <strong class="shift better">grows slower</strong>'
                : '';
        const fit = `grows as ${growthLabel(head.fit)} (log–log slope ${head.fit.slope.toFixed(2)}, R² ${head.fit.r2.toFixed(3)})`;
        const baseAt = (size) => base?.points.find((point) => point.size === size);
        const header = base ? [head.param, 'baseline level', 'head level'] : [head.param, 'level'];
        const rows = head.points.map((point) => {
            const cells = [String(point.size)];
            if (base)
                cells.push(formatValue(baseAt(point.size)?.value ?? null, 'ms'));
            cells.push(formatValue(point.value, 'ms'));
            return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
        });
        return [
            `<section class="growth"><h3>${escapeHtml(head.bench)}</h3>`,
            `<p>${escapeHtml(fit)}${verdict}${change ? `<br>${escapeHtml(change.reason)}` : ''}</p>`,
            growthSvg(head, base),
            `<table><thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
            '</section>',
        ].join('\n');
    });
    return [
        '<h2>Growth with data size</h2>',
        `<p>${escapeHtml(LEVEL_NOTE.replace(/`/g, ''))} Log–log axes: a straight line of slope 1 is linear, 2 quadratic; the baseline is dashed.</p>`,
        ...sections,
    ].join('\n');
}
/**
 * Budgets and growth as plain text for a terminal (`perfgate run`): one line per budget check and
 * per curve, the sizes' levels on it; '' when there is neither.
 */
function growthText(checks, entries) {
    const lines = [];
    if (checks.length > 0)
        lines.push('Budgets:');
    for (const check of checks) {
        const unit = check.budget.unit;
        const measured = check.value === null || check.interval === null
            ? check.reason
            : `${formatValue(check.value, unit)} (${formatValue(check.interval[0], unit)} … ${formatValue(check.interval[1], unit)}), ${headroomPhrase(check.headroom ?? 0)}`;
        lines.push(`  ${check.bench}: ${check.budget.text}: ${STATUS[check.status]}, ${measured}`);
    }
    if (entries.length > 0)
        lines.push('Growth with data size (level = fastest round, 10th percentile):');
    for (const { head, change, crossings } of entries) {
        const levels = head.points
            .map((point) => `${head.param}=${point.size} ${formatValue(point.value, 'ms')}`)
            .join(', ');
        lines.push(`  ${head.bench}: grows as ${growthLabel(head.fit)} (log–log slope ${head.fit.slope.toFixed(2)}, R² ${head.fit.r2.toFixed(3)}): ${levels}`);
        if (change)
            lines.push(`    ${change.regression ? 'GROWTH REGRESSION: ' : ''}${change.reason}`);
        for (const crossing of crossings ?? []) {
            if (crossing.measured.length > 0)
                lines.push(`    budget ${crossing.budget.text} broken at ${crossing.measured.map((size) => `${head.param}=${size}`).join(', ')}`);
            else if (crossing.extrapolated !== undefined)
                lines.push(`    budget ${crossing.budget.text}: the fitted curve reaches it at about ${head.param}=${crossing.extrapolated}`);
        }
    }
    return lines.join('\n');
}

export { growthLabel as a, budgetsMarkdown as b, growthMarkdown as c, growthHtml as d, fitGrowth as f, growthText as g, logLogLine as l, predict as p };
