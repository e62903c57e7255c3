/** Enumerate every split when there are at most this many; otherwise sample at random. */
const MAX_EXACT_SPLITS = 5000;
/**
 * Fraction of each side's worst units left out of the test statistic. On the recorded runner
 * whole processes ran ~1.65x slow at random; keeping only the best 40% of rounds (2 of 5) keeps
 * such processes out of the centre (bench:detect: +20% caught 98% with one baseline run, against
 * 57% when keeping the best 60%, with no more false alarms).
 */
const WORST_TRIMMED = 0.6;
/** Random splits drawn when enumeration is too costly. */
const RANDOM_SPLITS = 2000;
function binomial(n, k) {
    let result = 1;
    for (let i = 1; i <= k; i++)
        result = (result * (n - k + i)) / i;
    return Math.round(result);
}
/**
 * Mean of the values after dropping the worst 40% (the largest: the direction noise pushes).
 * On shared runners a third of the processes can run at half speed, so a fifth is not enough.
 */
function worstTrimmedMean(values) {
    const sorted = Float64Array.from(values).sort();
    const keep = kept(sorted.length);
    let sum = 0;
    for (let i = 0; i < keep; i++)
        sum += sorted[i];
    return sum / keep;
}
/** Units kept by worstTrimmedMean out of `n`. */
function kept(n) {
    return n - Math.floor(n * WORST_TRIMMED);
}
/**
 * Distance of the trimmed means of `sorted[chosen]` and the rest. `sorted` is ascending, so each
 * side's best units come first and one pass finds both means without sorting.
 */
function splitDistance(sorted, chosen, size) {
    const keepIn = kept(size);
    const keepOut = kept(sorted.length - size);
    let sumIn = 0;
    let sumOut = 0;
    let countIn = 0;
    let countOut = 0;
    for (let i = 0; i < sorted.length && (countIn < keepIn || countOut < keepOut); i++) {
        if (chosen[i] && countIn < keepIn) {
            sumIn += sorted[i];
            countIn++;
        }
        else if (!chosen[i] && countOut < keepOut) {
            sumOut += sorted[i];
            countOut++;
        }
    }
    return Math.abs(sumIn / keepIn - sumOut / keepOut);
}
/**
 * The centre of run-level units that verdicts use: the geometric mean of the best 60% (the
 * arithmetic mean when a value is not positive). It is the quantity the permutation test
 * compares, so change, interval and p-value tell the same story.
 */
function robustCentre(units, better) {
    const useLog = units.every((v) => v > 0);
    const centre = worstTrimmedMean(oriented(units, better, useLog));
    const value = better === 'smaller' ? centre : -centre;
    return useLog ? Math.exp(value) : value;
}
/** Log values oriented so that larger is worse (log keeps the test scale-free). */
function oriented(values, better, useLog) {
    const sign = better === 'smaller' ? 1 : -1;
    return values.map((v) => sign * (useLog ? Math.log(v) : v));
}
/**
 * Two-sided permutation p-value for "x and y come from the same distribution"; the statistic is
 * the distance between the sides' means of log values without their worst fifth. Exact over all
 * splits when few, else from seeded random splits (p = (1 + hits) / (1 + draws), never 0).
 */
function trimmedPermutationTest(x, y, better, random) {
    const useLog = [...x, ...y].every((v) => v > 0);
    const xs = oriented(x, better, useLog);
    const ys = oriented(y, better, useLog);
    const pool = Float64Array.from([...xs, ...ys]).sort();
    const size = y.length;
    const observed = Math.abs(worstTrimmedMean(ys) - worstTrimmedMean(xs));
    // Relative tolerance, so splits equal to the observed value up to rounding count as ties.
    const bar = observed * (1 - 1e-9);
    if (!(observed > 0))
        return 1;
    const splits = binomial(pool.length, size);
    if (splits <= MAX_EXACT_SPLITS) {
        let hits = 0;
        const chosen = new Array(pool.length).fill(false);
        const visit = (start, left) => {
            if (left === 0) {
                if (splitDistance(pool, chosen, size) >= bar)
                    hits++;
                return;
            }
            for (let i = start; i <= pool.length - left; i++) {
                chosen[i] = true;
                visit(i + 1, left - 1);
                chosen[i] = false;
            }
        };
        visit(0, size);
        return hits / splits;
    }
    let hits = 0;
    const order = Array.from({ length: pool.length }, (_, i) => i);
    const chosen = new Array(pool.length).fill(false);
    for (let draw = 0; draw < RANDOM_SPLITS; draw++) {
        // Partial Fisher–Yates: the first `size` positions are a uniform random subset.
        for (let i = 0; i < size; i++) {
            const j = i + Math.floor(random() * (pool.length - i));
            [order[i], order[j]] = [order[j], order[i]];
        }
        chosen.fill(false);
        for (let i = 0; i < size; i++)
            chosen[order[i]] = true;
        if (splitDistance(pool, chosen, size) >= bar)
            hits++;
    }
    return (1 + hits) / (1 + RANDOM_SPLITS);
}
/** The smallest p-value the test could give with m and n units (all splits distinct). */
function smallestPermutationP(m, n) {
    if (m === 0 || n === 0)
        return 1;
    const splits = binomial(m + n, n);
    // A two-sided statistic: the observed split and its mirror (when sizes match) tie.
    return splits <= MAX_EXACT_SPLITS ? (m === n ? 2 : 1) / splits : 1 / (1 + RANDOM_SPLITS);
}

export { robustCentre as r, smallestPermutationP as s, trimmedPermutationTest as t, worstTrimmedMean as w };
