import { e as errorFunction } from './simple-statistics-OhbKzjWx.js';

/** The Mann–Whitney U (Wilcoxon rank-sum) test, which assumes no distribution shape. */
/** Above this many pairs the normal approximation is accurate and the exact table too large. */
const EXACT_MAX_PAIRS = 400;
// Counts of arrangements giving each U, cached by (m, n): the table is reused across benches.
const exactCache = new Map();
/** Number of orderings of m x's and n y's giving each value of U (index = U), summing to C(m+n, m). */
function exactUCounts(m, n) {
    const key = `${m},${n}`;
    const cached = exactCache.get(key);
    if (cached)
        return cached;
    // table[i][j] is the distribution for sizes (i, j); the largest y either exceeds all i x's or not.
    let previous = [];
    for (let i = 0; i <= m; i++) {
        const row = [];
        for (let j = 0; j <= n; j++) {
            if (i === 0 || j === 0) {
                row.push([1]);
                continue;
            }
            const counts = new Array(i * j + 1).fill(0);
            const withoutX = previous[j]; // x largest: no extra pairs
            const withoutY = row[j - 1]; // y largest: beats all i x's
            withoutX.forEach((c, u) => (counts[u] += c));
            withoutY.forEach((c, u) => (counts[u + i] += c));
            row.push(counts);
        }
        previous = row;
    }
    const result = previous[n];
    exactCache.set(key, result);
    return result;
}
/**
 * U (pairs with y > x, ties half) and the tie term sum(t^3 - t) over tie groups of the pooled
 * values, by merging the two sorted samples: native typed-array sorts keep this fast for
 * thousands of samples.
 */
function countPairs(x, y) {
    const xs = Float64Array.from(x).sort();
    const ys = Float64Array.from(y).sort();
    let i = 0;
    let j = 0;
    let u = 0;
    let tieTerm = 0;
    while (i < xs.length || j < ys.length) {
        const value = j >= ys.length || (i < xs.length && xs[i] < ys[j]) ? xs[i] : ys[j];
        let inX = 0;
        let inY = 0;
        while (i < xs.length && xs[i] === value) {
            i++;
            inX++;
        }
        while (j < ys.length && ys[j] === value) {
            j++;
            inY++;
        }
        // Each y in this group beats every x below it (i - inX of them) and ties with inX.
        u += inY * (i - inX + inX / 2);
        const t = inX + inY;
        tieTerm += t * t * t - t;
    }
    return { u, tieTerm };
}
/** Two-sided normal tail probability for |z|, accurate well below 1e-6. */
function twoSidedNormal(z) {
    return Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2));
}
/**
 * Two-sided Mann–Whitney U test; exact for small samples without ties, otherwise the normal
 * approximation with tie and continuity corrections. Both arrays must be non-empty.
 */
function mannWhitneyU(x, y) {
    const m = x.length;
    const n = y.length;
    const { u, tieTerm } = countPairs(x, y);
    const mean = (m * n) / 2;
    if (tieTerm === 0 && m * n <= EXACT_MAX_PAIRS) {
        const counts = exactUCounts(m, n);
        const total = counts.reduce((a, b) => a + b, 0);
        // U is an integer without ties; take the smaller tail and double it.
        const k = Math.round(u);
        let lower = 0;
        for (let v = 0; v <= k; v++)
            lower += counts[v];
        let upper = 0;
        for (let v = k; v < counts.length; v++)
            upper += counts[v];
        return { u, p: Math.min(1, (2 * Math.min(lower, upper)) / total), exact: true };
    }
    const size = m + n;
    const variance = ((m * n) / 12) * (size + 1 - tieTerm / (size * (size - 1)));
    if (!(variance > 0))
        return { u, p: 1, exact: false };
    const distance = Math.max(0, Math.abs(u - mean) - 0.5);
    return { u, p: twoSidedNormal(distance / Math.sqrt(variance)), exact: false };
}

export { mannWhitneyU as m };
