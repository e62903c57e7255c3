import { c as formatPercentage } from './format-Czr1TBQt.js';

/**
 * How far past the other rounds' median a first round must be, in robust standard deviations
 * of those rounds (1.4826 × their median absolute deviation). Five is far outside what the
 * other rounds do among themselves, so a noisy bench whose first round happens to be its
 * slowest keeps that round (and its hint), while a cold start stands out.
 */
const ROBUST_SIGMAS = 5;
/**
 * The least relative gap (10%) a warm-up must have as well: when the other rounds agree almost
 * exactly (MAD near 0), any slightly slower first round would pass the sigma test; below 10% a
 * slower first round is ordinary drift on a shared runner, not a cold start.
 */
const MIN_GAP = 0.1;
/**
 * Whether the first of these per-round medians is a cold start: with at least 3 rounds (so at
 * least 2 others to judge it against), the first is worse than every other round and further
 * from their median than both ROBUST_SIGMAS robust deviations and MIN_GAP of that median. The
 * rule uses the median and MAD of the others because a mean and standard deviation would be
 * pulled by the very outlier they judge.
 */
function coldFirstRound(medians, better) {
    if (medians.length < 3)
        return false;
    const [first, ...rest] = medians;
    // Oriented so that larger is worse: a cold round is slower, or lower for ops/s.
    const sign = better === 'smaller' ? 1 : -1;
    const worse = (value) => sign * value;
    if (!rest.every((value) => worse(first) > worse(value)))
        return false;
    const centre = median$1(rest);
    const sigma = 1.4826 * median$1(rest.map((value) => Math.abs(value - centre)));
    const gap = worse(first) - worse(centre);
    return gap > ROBUST_SIGMAS * sigma && gap > MIN_GAP * Math.abs(centre);
}
function median$1(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** z(97.5%) + z(80%): a two-sided 5% test that catches a change of the threshold 4 times in 5. */
const Z = 1.96 + 0.84;
/** The noise of every ok bench of `head`; with `base` (A/B mode) also the base-vs-base change. */
function noiseReport(head, base) {
    return head.benches
        .filter((bench) => bench.status === 'ok' && bench.metrics.length > 0)
        .map((bench) => {
        const metric = bench.metrics[0];
        const measured = roundMedians(metric);
        const head = warmRounds(measured, metric);
        const roundSpread = head.medians.length >= 2 ? cv(head.medians) : null;
        const baseMetric = base?.benches
            .find((b) => b.name === bench.name && b.status === 'ok')
            ?.metrics.find((m) => m.name === metric.name);
        const baseRounds = baseMetric === undefined ? undefined : warmRounds(roundMedians(baseMetric), baseMetric);
        const threshold = metric.regressionThreshold ?? bench.regressionThreshold;
        const roundsNeeded = roundSpread === null ? null : roundsFor(roundSpread, threshold);
        const warmUp = head.warmUp || (baseRounds?.warmUp ?? false);
        const noise = {
            name: bench.name,
            metric: metric.name,
            rounds: measured.length,
            samples: metric.samples.length,
            roundSpread,
            baseVsBase: baseRounds === undefined ? null : halvesChange(baseRounds.medians),
            threshold,
            roundsNeeded,
            ...(warmUp ? { warmUp } : {}),
        };
        // The rounds that tell the spread: a warm-up round does not count towards what is needed.
        const counted = head.medians.length;
        if (roundsNeeded !== null && roundsNeeded > counted) {
            const rounds = head.warmUp
                ? `${counted} warm rounds (the first of ${measured.length} was warm-up)`
                : `${counted} rounds`;
            noise.hint = `too noisy for its ${percent(threshold)} threshold with ${rounds} (${metric.samples.length} samples): needs ≥ ${roundsNeeded} rounds to see ${percent(threshold)} (round-to-round spread ${percent(roundSpread ?? 0)})`;
        }
        return noise;
    });
}
/** Rounds per side for a two-sample test of the log medians to see `threshold` through `spread`. */
function roundsFor(spread, threshold) {
    const effect = Math.log1p(threshold);
    return Math.max(2, Math.ceil(2 * ((Z * spread) / effect) ** 2));
}
/** The per-round medians that measure noise: all but a cold first round. */
function warmRounds(medians, metric) {
    return coldFirstRound(medians, metric.better)
        ? { medians: medians.slice(1), warmUp: true }
        : { medians, warmUp: false };
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
