import { r as robustCentre } from './permutation-CwRxd2mz.js';
import { r as roundSummaries } from './units-C0yKQs3w.js';

/** Quantile of each round taken as its centre (compareRuns' default roundQuantile). */
const ROUND_QUANTILE = 0.1;
/** The label of the centre in table headers and CSV columns. */
const CENTRE_LABEL = 'centre (p10 of rounds)';
/** One run's centre of `metric`, as compareRuns computes a side's centre. */
function metricCentre(metric) {
    // A document without samples (hand-written, or an old format) has only its summary left.
    if (metric.samples.length === 0)
        return metric.summary.median;
    const quantile = metric.roundQuantile ?? ROUND_QUANTILE;
    return robustCentre(roundSummaries(metric, 1, quantile).centres, metric.better);
}

export { CENTRE_LABEL as C, ROUND_QUANTILE as R, metricCentre as m };
