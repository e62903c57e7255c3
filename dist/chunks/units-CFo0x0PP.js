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
const SIZE_UNITS_BYTES = {
    B: 1,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    KiB: 1024,
    MiB: 1024 ** 2,
    GiB: 1024 ** 3,
};
/** Bytes for a size like `200MiB`, `1.5GB`, `512KiB`; undefined when it is not one. */
function parseSize(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) * SIZE_UNITS_BYTES[match[2]];
}

export { parseSize as a, parsePercentage as b, parseDuration as p };
