/**
 * The one place numbers become text: percentages, p-values, durations, bytes and counts, for
 * reports, verdict reasons, notes and CLI output alike (so "−0%" or a raw byte count cannot recur).
 */
function significant(value, digits = 3) {
    if (value === 0)
        return '0';
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    const decimals = Math.max(0, digits - 1 - magnitude);
    return value.toFixed(Math.min(decimals, 6));
}
/** A time given in milliseconds, in the unit that keeps it readable (ns, µs, ms, s). */
function formatTime(ms) {
    const abs = Math.abs(ms);
    if (abs === 0)
        return '0 s';
    if (abs < 1e-3)
        return `${significant(ms * 1e6)} ns`;
    if (abs < 1)
        return `${significant(ms * 1e3)} µs`;
    if (abs < 1000)
        return `${significant(ms)} ms`;
    return `${significant(ms / 1000)} s`;
}
/** Two times in the larger's unit, the unit after the second: `0.41 → 0.98 ms`, `41 → 98 µs`. */
function formatTimePair(aMs, bMs) {
    const [scale, unit] = Math.max(Math.abs(aMs), Math.abs(bMs)) >= 0.1 ? [1, 'ms'] : [1000, 'µs'];
    const digits = (ms) => {
        const value = ms * scale;
        return String(+value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2));
    };
    return [digits(aMs), `${digits(bMs)} ${unit}`];
}
/** Milliseconds kept in ms with the digits that matter ("0.4 ms", "12.5 ms"), as EXPLAIN reports them. */
function formatMilliseconds(value) {
    const digits = value >= 100 ? 0 : value >= 1 ? 1 : value >= 0.1 ? 2 : 3;
    return `${+value.toFixed(digits)} ms`;
}
/** A byte count in B, KiB, MiB or GiB, three significant digits without trailing zeros ("1 MiB", "1.5 KiB"). */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let index = 0;
    while (Math.abs(value) >= 1024 && index < units.length - 1) {
        value /= 1024;
        index++;
    }
    return `${+significant(value)} ${units[index]}`;
}
/** A value in its metric's unit, readable; "—" when absent. */
function formatValue(value, unit) {
    if (value === null || !Number.isFinite(value))
        return '—';
    if (unit === 'ms')
        return formatTime(value);
    if (unit === 'bytes')
        return formatBytes(value);
    return `${significant(value)} ${unit}`;
}
/** A relative change as a signed percentage with one decimal ("+12.3%"); a change that rounds to zero is "+0.0%". "—" when absent. */
function formatPercent(change) {
    if (change === null || !Number.isFinite(change))
        return '—';
    const text = (change * 100).toFixed(1);
    return /^-0\.0$/.test(text) || text === '0.0' ? '+0.0%' : `${change > 0 ? '+' : ''}${text}%`;
}
/** A fraction as an unsigned percentage without trailing zeros (0.153 → "15.3%", 0.1 → "10%"). */
function formatPercentage(fraction, digits = 1) {
    const text = String(+(fraction * 100).toFixed(digits));
    return `${text === '-0' ? '0' : text}%`;
}
/** The size of a change without its sign ("12.3%"), for "12.3% slower". */
function formatMagnitude(change) {
    return `${Math.abs(change * 100).toFixed(1)}%`;
}
/** A robust spread: the median absolute deviation relative to the median, as "±x%" ("—" at a zero median). */
function formatSpread(mad, median) {
    if (!Number.isFinite(mad) || !Number.isFinite(median) || median === 0)
        return '—';
    return `±${formatPercentage(Math.abs(mad / median))}`;
}
/** A count with thousands separators ("12,345"). */
function formatCount(n) {
    return n.toLocaleString('en-US');
}
/** A ratio as a share in percent that never rounds a non-total share up to 100% ("99.6%", "87%"). */
function formatShare(fraction) {
    const value = fraction * 100;
    return `${value >= 99.5 && value < 100 ? value.toFixed(1) : value.toFixed(0)}%`;
}
/** The change with its interval, e.g. "+12.0% (+8.1% … +15.2%)". */
function formatChange(change, ci) {
    if (change === null)
        return '—';
    if (!ci)
        return formatPercent(change);
    return `${formatPercent(change)} (${formatPercent(ci[0])} … ${formatPercent(ci[1])})`;
}
/** A p-value in words that stay readable for tiny values ("p<0.001", "p=0.042"); "" when absent. */
function formatP(p) {
    if (p === null || !Number.isFinite(p))
        return '';
    return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}
/** Milliseconds the way config files write them (`10s`, `500ms`, `1.5m`): exact, no rounding to 3 digits. */
function formatDuration(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms >= 1000)
        return `${+(ms / 1000).toFixed(3)}s`;
    if (ms >= 1)
        return `${+ms.toFixed(3)}ms`;
    if (ms >= 1e-3)
        return `${+(ms * 1e3).toFixed(3)}µs`;
    return `${+(ms * 1e6).toFixed(1)}ns`;
}
/** Three significant digits, without trailing zeros or exponent notation. */
function trim(value) {
    if (!Number.isFinite(value))
        return String(value);
    const abs = Math.abs(value);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    return String(Number(value.toFixed(digits)));
}
/** Pads cells into aligned columns: `textColumns` (default the first) left-aligned, the others right-aligned. */
function alignColumns(rows, textColumns = [0]) {
    const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => [...(row[col] ?? '')].length)));
    return rows
        .map((row) => row
        .map((cell, col) => {
        const pad = ' '.repeat(widths[col] - [...cell].length);
        return textColumns.includes(col) ? cell + pad : pad + cell;
    })
        .join('  ')
        .trimEnd())
        .join('\n');
}

export { formatP as a, formatChange as b, formatPercentage as c, alignColumns as d, formatSpread as e, formatValue as f, formatTime as g, formatPercent as h, formatDuration as i, formatMilliseconds as j, formatShare as k, formatCount as l, formatMagnitude as m, formatTimePair as n, trim as t };
