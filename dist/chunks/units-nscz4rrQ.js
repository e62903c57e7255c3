/** Parsing of the human units config files use: durations (`10s`, `500ms`) and percentages (`15%`). */
const DURATION_UNITS_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    min: 60_000,
    h: 3_600_000,
};
/** Milliseconds for a duration like `10s`, `500ms`, `1.5m`; undefined when it is not one. */
function parseDuration(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|min|m|h)\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) * DURATION_UNITS_MS[match[2]];
}
/** A fraction (0.15) for a percentage like `15%`; undefined when it is not one. */
function parsePercentage(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) / 100;
}
/** A duration in milliseconds written back the way people write it. */
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
/** A fraction written as a percentage (0.153 → `15.3%`). */
function formatPercentage(fraction, digits = 1) {
    return `${+(fraction * 100).toFixed(digits)}%`;
}

export { formatPercentage as a, parseDuration as b, formatDuration as f, parsePercentage as p };
