/** The scaling curve a throughput bench records in `details.scaling`, and reading it back. */
/** The scaling points in a bench's details, or undefined when it has none (or they are malformed). */
function readScaling(details) {
    const raw = details?.scaling;
    if (!Array.isArray(raw) || raw.length === 0)
        return undefined;
    const points = raw.filter((point) => point !== null &&
        typeof point === 'object' &&
        ['concurrency', 'opsPerSecond', 'p50', 'p99'].every((key) => Number.isFinite(point[key])));
    return points.length === raw.length ? points : undefined;
}

export { readScaling as r };
