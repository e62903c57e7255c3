/** Errors raised by the comparison engine for input it cannot compare. */
/** Malformed comparison input (empty, NaN or inconsistent samples); the message names the bench. */
class CompareInputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CompareInputError';
    }
}

/** Quantile q (0..1, linear interpolation) of a non-empty array (not modified). */
function quantileOf(values, q) {
    const sorted = Float64Array.from(values).sort();
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
/** Median of a non-empty array (not modified). */
function medianOf(values) {
    return quantileOf(values, 0.5);
}
/** Throws CompareInputError when a metric's samples or rounds cannot be compared. */
function checkMetric(bench, metric, side) {
    const where = `bench "${bench}" metric "${metric.name}" (${side})`;
    if (!Array.isArray(metric.samples) || metric.samples.length === 0) {
        throw new CompareInputError(`${where} has no samples`);
    }
    const bad = metric.samples.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) {
        throw new CompareInputError(`${where} has a non-finite sample at index ${bad}`);
    }
    if (metric.unit === 'ms' && metric.samples.some((v) => v < 0)) {
        throw new CompareInputError(`${where} has a negative time sample`);
    }
    if (metric.rounds) {
        const total = metric.rounds.reduce((a, b) => a + b, 0);
        const valid = metric.rounds.every((r) => Number.isInteger(r) && r >= 1);
        if (!valid || total !== metric.samples.length) {
            throw new CompareInputError(`${where} has rounds [${metric.rounds.join(', ')}] that do not add up to its ${metric.samples.length} samples`);
        }
    }
}
/** The samples of each round, or one group of all samples when the metric has no rounds. */
function splitRounds(metric) {
    if (!metric.rounds || metric.rounds.length < 2)
        return [metric.samples];
    const groups = [];
    let start = 0;
    for (const size of metric.rounds) {
        groups.push(metric.samples.slice(start, start + size));
        start += size;
    }
    return groups;
}
/** Round summaries of a metric, each multiplied by `scale` (for calibration normalisation). */
function roundSummaries(metric, scale = 1, quantile = 0.1) {
    const groups = splitRounds(metric);
    const pick = metric.better === 'bigger' ? Math.max : Math.min;
    return {
        // Noise lowers a bigger-is-better metric, so its undisturbed end is the top.
        centres: groups.map((group) => quantileOf(group, metric.better === 'bigger' ? 1 - quantile : quantile) * scale),
        bests: groups.map((group) => pick(...group) * scale),
        samples: metric.samples.length,
    };
}

export { CompareInputError as C, checkMetric as c, medianOf as m, quantileOf as q, roundSummaries as r, splitRounds as s };
