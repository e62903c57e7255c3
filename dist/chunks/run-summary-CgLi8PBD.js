import { r as readScaling } from './scaling-bBRpMboh.js';
import { t as trim, f as formatValue, d as alignColumns, e as formatSpread } from './format-Cn2Guq1L.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';

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
/** Rows: concurrency, ops/s, its share of the best level as a bar, p50, p99. */
function rows$1(points) {
    const top = Math.max(...points.map((point) => point.opsPerSecond));
    return points.map((point) => [
        String(point.concurrency),
        trim(point.opsPerSecond),
        bar(top > 0 ? point.opsPerSecond / top : 0),
        formatValue(point.p50, 'ms'),
        formatValue(point.p99, 'ms'),
    ]);
}
/** The curve as a markdown table with a sparkline title line; empty string when there are no points. */
function scalingMarkdown(points) {
    if (points.length === 0)
        return '';
    return [
        `Throughput by concurrency: ${scalingSparkline(points)}`,
        '',
        '| concurrency | ops/s | | p50 | p99 |',
        '| ---: | ---: | --- | ---: | ---: |',
        ...rows$1(points).map((row) => `| ${row.join(' | ')} |`),
    ].join('\n');
}
/** The curve as aligned text for a terminal or log; empty string when there are no points. */
function scalingText(points) {
    if (points.length === 0)
        return '';
    const table = alignColumns([['concurrency', 'ops/s', '', 'p50', 'p99'], ...rows$1(points)]);
    return `throughput by concurrency: ${scalingSparkline(points)}\n${table}`;
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
                median: '',
                p99: '',
                spread: '',
            };
        }
        const rounds = metric.rounds ? ` in ${metric.rounds.length} rounds` : '';
        return {
            bench: bench.name,
            status: 'ok',
            samples: `${metric.summary.n}${rounds}`,
            median: formatValue(metric.summary.median, metric.unit),
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
    const header = ['bench', 'samples', 'median', 'p99', 'spread', 'status'];
    const body = rows(results).map((r) => [
        r.bench,
        r.samples,
        r.median,
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
        '| bench | samples | median | p99 | spread (MAD) | status |',
        '| --- | ---: | ---: | ---: | ---: | --- |',
        ...rows(results).map((r) => `| ${escapeMarkdown(r.bench)} | ${r.samples} | ${escapeMarkdown(r.median)} | ${escapeMarkdown(r.p99)} | ${r.spread} | ${escapeMarkdown(r.status)} |`),
    ];
    return (lines.join('\n') + curves(results, scalingMarkdown, (name) => `**${escapeMarkdown(name)}**`));
}
function firstLine(text) {
    const [first, ...rest] = text.split('\n');
    return rest.length > 0 ? `${first} …` : first;
}

export { runSummaryMarkdown as a, runSummaryText as r };
