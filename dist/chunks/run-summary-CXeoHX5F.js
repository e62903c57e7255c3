import { r as readScaling } from './scaling-bBRpMboh.js';
import { t as trim, f as formatValue, d as alignColumns, e as formatSpread } from './format-Czr1TBQt.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';
import { C as CENTRE_LABEL, m as metricCentre } from './centre-C0y8xcZQ.js';
import { q as quantileOf } from './units-C0yKQs3w.js';

const BARS = '▁▂▃▄▅▆▇█';
/** A one-line sparkline of ops/s over the levels, scaled to the highest level (▁▃▇█). */
function scalingSparkline(points) {
    const top = Math.max(...points.map((point) => point.opsPerSecond));
    return points
        .map((point) => {
        const step = top > 0 ? Math.round((point.opsPerSecond / top) * (BARS.length - 1)) : 0;
        return BARS[Math.max(0, Math.min(BARS.length - 1, step))];
    })
        .join('');
}
/** Names of the latency parts any point records (e.g. `acquire`), each a column of its median. */
function partNames(points) {
    return [...new Set(points.flatMap((point) => Object.keys(point.parts ?? {})))];
}
/** Rows: concurrency, ops/s, its share of the best level as a bar, p50, p99, part medians. */
function rows$1(points) {
    const top = Math.max(...points.map((point) => point.opsPerSecond));
    const parts = partNames(points);
    return points.map((point) => [
        String(point.concurrency),
        trim(point.opsPerSecond),
        bar(top > 0 ? point.opsPerSecond / top : 0),
        formatValue(point.p50, 'ms'),
        formatValue(point.p99, 'ms'),
        ...parts.map((name) => {
            const value = point.parts?.[name];
            return value === undefined ? '' : formatValue(value, 'ms');
        }),
    ]);
}
/** The levels' notes in words (e.g. pool exhaustion), one line each. */
function notes(points) {
    return points.flatMap((point) => point.note === undefined ? [] : [`concurrency ${point.concurrency}: ${point.note}`]);
}
/** The curve as a markdown table with a sparkline title line; empty string when there are no points. */
function scalingMarkdown(points) {
    if (points.length === 0)
        return '';
    const parts = partNames(points);
    const remarks = notes(points);
    return [
        `Throughput by concurrency: ${scalingSparkline(points)}`,
        '',
        `| concurrency | ops/s | | p50 | p99 |${parts.map((name) => ` ${name} p50 |`).join('')}`,
        `| ---: | ---: | --- | ---: | ---: |${parts.map(() => ' ---: |').join('')}`,
        ...rows$1(points).map((row) => `| ${row.join(' | ')} |`),
        ...(remarks.length > 0 ? ['', ...remarks.map((note) => `- ${note}`)] : []),
    ].join('\n');
}
/** The curve as aligned text for a terminal or log; empty string when there are no points. */
function scalingText(points) {
    if (points.length === 0)
        return '';
    const header = [
        'concurrency',
        'ops/s',
        '',
        'p50',
        'p99',
        ...partNames(points).map((n) => `${n} p50`),
    ];
    const table = alignColumns([header, ...rows$1(points)]);
    const remarks = notes(points);
    return [`throughput by concurrency: ${scalingSparkline(points)}`, table, ...remarks].join('\n');
}
/** A 10-cell bar for a fraction 0..1. */
function bar(fraction) {
    const cells = Math.round(Math.max(0, Math.min(1, fraction)) * 10);
    return '█'.repeat(cells) + '░'.repeat(10 - cells);
}

function rows(results) {
    return results.benches.map((bench) => {
        const metric = bench.metrics[0];
        if (bench.status !== 'ok' || !metric) {
            return {
                bench: bench.name,
                status: `${bench.status}: ${bench.reason ?? ''}`.trim(),
                samples: '',
                centre: '',
                p95: '',
                p99: '',
                spread: '',
            };
        }
        const rounds = metric.rounds ? ` in ${metric.rounds.length} rounds` : '';
        return {
            bench: bench.name,
            status: 'ok',
            samples: `${metric.summary.n}${rounds}`,
            centre: formatValue(metricCentre(metric), metric.unit),
            p95: metric.samples.length > 0 ? formatValue(quantileOf(metric.samples, 0.95), metric.unit) : '',
            p99: formatValue(metric.summary.p99, metric.unit),
            spread: formatSpread(metric.summary.mad, metric.summary.median),
        };
    });
}
/** Each throughput bench's scaling curve, rendered by `render`, after its name. */
function curves(results, render, title) {
    const parts = results.benches.flatMap((bench) => {
        const points = readScaling(bench.details);
        return points ? [`${title(bench.name)}\n${render(points)}`] : [];
    });
    return parts.length > 0 ? `\n\n${parts.join('\n\n')}` : '';
}
/** The run table as aligned text for a terminal or log, with throughput curves after it. */
function runSummaryText(results) {
    const header = ['bench', 'samples', CENTRE_LABEL, 'p95', 'p99', 'spread (MAD)', 'status'];
    const body = rows(results).map((r) => [
        r.bench,
        r.samples,
        r.centre,
        r.p95,
        r.p99,
        r.spread,
        firstLine(r.status),
    ]);
    // Status is text: left-aligned, so one long error does not push every "ok" far to the right.
    return (alignColumns([header, ...body], [0, header.length - 1]) +
        curves(results, scalingText, (name) => `${name}:`));
}
/** The run table as markdown (for the job summary). */
function runSummaryMarkdown(results) {
    const lines = [
        `| bench | samples | ${CENTRE_LABEL} | p95 | p99 | spread (MAD) | status |`,
        '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
        ...rows(results).map((r) => `| ${escapeMarkdown(r.bench)} | ${r.samples} | ${escapeMarkdown(r.centre)} | ${escapeMarkdown(r.p95)} | ${escapeMarkdown(r.p99)} | ${r.spread} | ${escapeMarkdown(r.status)} |`),
    ];
    return (lines.join('\n') + curves(results, scalingMarkdown, (name) => `**${escapeMarkdown(name)}**`));
}
function firstLine(text) {
    const [first, ...rest] = text.split('\n');
    return rest.length > 0 ? `${first} …` : first;
}

export { runSummaryMarkdown as a, runSummaryText as r };
