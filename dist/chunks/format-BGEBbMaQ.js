/** Human-readable numbers for reports. */
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
/** A byte count in B, KiB, MiB or GiB. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let index = 0;
    while (Math.abs(value) >= 1024 && index < units.length - 1) {
        value /= 1024;
        index++;
    }
    return `${significant(value)} ${units[index]}`;
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
/** A relative change as a signed percentage; "—" when absent. */
function formatPercent(change) {
    if (change === null || !Number.isFinite(change))
        return '—';
    const text = (change * 100).toFixed(1);
    return `${change >= 0 ? '+' : ''}${text === '-0.0' ? '0.0' : text}%`;
}
/** The change with its interval, e.g. "+12.0% (+8.1% … +15.2%)". */
function formatChange(change, ci) {
    if (change === null)
        return '—';
    if (!ci)
        return formatPercent(change);
    return `${formatPercent(change)} (${formatPercent(ci[0])} … ${formatPercent(ci[1])})`;
}
/** Three significant digits, without trailing zeros or exponent notation. */
function trim(value) {
    if (!Number.isFinite(value))
        return String(value);
    const abs = Math.abs(value);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    return String(Number(value.toFixed(digits)));
}
/** Pads cells into aligned columns (left-aligned first column, right-aligned others). */
function alignColumns(rows) {
    const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => [...(row[col] ?? '')].length)));
    return rows
        .map((row) => row
        .map((cell, col) => {
        const pad = ' '.repeat(widths[col] - [...cell].length);
        return col === 0 ? cell + pad : pad + cell;
    })
        .join('  ')
        .trimEnd())
        .join('\n');
}

export { formatChange as a, alignColumns as b, formatValue as f, trim as t };
