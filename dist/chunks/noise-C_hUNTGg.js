import { c as formatPercentage } from './format-Cn2Guq1L.js';

/** z(97.5%) + z(80%): a two-sided 5% test that catches a change of the threshold 4 times in 5. */
const Z = 1.96 + 0.84;
/** The noise of every ok bench of `head`; with `base` (A/B mode) also the base-vs-base change. */
function noiseReport(head, base) {
    return head.benches
        .filter((bench) => bench.status === 'ok' && bench.metrics.length > 0)
        .map((bench) => {
        const metric = bench.metrics[0];
        const medians = roundMedians(metric);
        const roundSpread = medians.length >= 2 ? cv(medians) : null;
        const baseMetric = base?.benches
            .find((b) => b.name === bench.name && b.status === 'ok')
            ?.metrics.find((m) => m.name === metric.name);
        const threshold = metric.regressionThreshold ?? bench.regressionThreshold;
        const roundsNeeded = roundSpread === null ? null : roundsFor(roundSpread, threshold);
        const noise = {
            name: bench.name,
            metric: metric.name,
            rounds: medians.length,
            samples: metric.samples.length,
            roundSpread,
            baseVsBase: baseMetric === undefined ? null : halvesChange(roundMedians(baseMetric)),
            threshold,
            roundsNeeded,
        };
        if (roundsNeeded !== null && roundsNeeded > medians.length) {
            noise.hint = `too noisy for its ${percent(threshold)} threshold with ${medians.length} rounds (${metric.samples.length} samples): needs ≥ ${roundsNeeded} rounds to see ${percent(threshold)} (round-to-round spread ${percent(roundSpread ?? 0)})`;
        }
        return noise;
    });
}
/** Rounds per side for a two-sample test of the log medians to see `threshold` through `spread`. */
function roundsFor(spread, threshold) {
    const effect = Math.log1p(threshold);
    return Math.max(2, Math.ceil(2 * ((Z * spread) / effect) ** 2));
}
function roundMedians(metric) {
    const counts = metric.rounds ?? [metric.samples.length];
    const medians = [];
    let start = 0;
    for (const count of counts) {
        if (count > 0)
            medians.push(median(metric.samples.slice(start, start + count)));
        start += count;
    }
    return medians;
}
function halvesChange(medians) {
    if (medians.length < 2)
        return null;
    const even = medians.filter((_, i) => i % 2 === 0);
    const odd = medians.filter((_, i) => i % 2 === 1);
    const a = median(even);
    return a === 0 ? null : median(odd) / a - 1;
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function cv(values) {
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    if (mean === 0)
        return 0;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
    return Math.sqrt(variance) / Math.abs(mean);
}
/** One decimal under 10% ("2.5%"), none above ("25%"). */
function percent(fraction) {
    return formatPercentage(fraction, fraction < 0.1 ? 1 : 0);
}

export { noiseReport as n };
