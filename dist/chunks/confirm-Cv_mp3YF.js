import { r as readScaling } from './scaling-bBRpMboh.js';
import { g as errorFunction } from './simple-statistics-Dw7N4kWf.js';
import { s as seededRandom } from './random-CRNsGjhb.js';

/** Notes on how a `sql` bench's query plan changed between baseline and head. Pure. */
/**
 * Sentences for a PR comment saying how the plan changed, e.g. `Index Scan on tasks → Seq Scan
 * on tasks`, `buffer hit ratio 99% → 62%`, `execution 0.4 ms → 3.1 ms`. Empty when either side
 * has no plan or nothing worth mentioning changed. Small wobbles (execution within 25%, hit
 * ratio within 5 points) are left out: one EXPLAIN run is a single sample, not a measurement.
 */
function planChangeNotes(baseDetails, headDetails) {
    const base = readPlan(baseDetails);
    const head = readPlan(headDetails);
    if (base === undefined || head === undefined)
        return [];
    return [
        ...nodeNotes(base.nodes, head.nodes),
        ...depthNote(base, head),
        ...ratioNote(base.hitRatio, head.hitRatio),
        ...timeNote('execution', base.executionMs, head.executionMs, 1.25, 0.05),
        ...timeNote('planning', base.planningMs, head.planningMs, 2, 0.1),
        ...buffersNote(base, head),
        ...rowsNote(base.rows, head.rows),
    ];
}
function readPlan(details) {
    const plan = details?.plan;
    if (plan === null || typeof plan !== 'object')
        return undefined;
    const value = plan;
    const num = (key) => typeof value[key] === 'number' && Number.isFinite(value[key]) ? value[key] : null;
    const str = (key) => (typeof value[key] === 'string' ? value[key] : null);
    const nodes = Array.isArray(value.nodes)
        ? value.nodes.filter((node) => typeof node === 'string')
        : [];
    return {
        nodes,
        hitRatio: num('hitRatio'),
        executionMs: num('executionMs'),
        planningMs: num('planningMs'),
        sharedHit: num('sharedHit'),
        sharedRead: num('sharedRead'),
        rows: num('rows'),
        depth: str('depth'),
        shallowReason: str('shallowReason'),
    };
}
/** Scan/access changes per relation ("Index Scan on tasks → Seq Scan on tasks"), then others. */
function nodeNotes(baseNodes, headNodes) {
    const byRelation = (nodes) => {
        const map = new Map();
        const loose = [];
        for (const node of nodes) {
            const at = node.indexOf(' on ');
            if (at < 0) {
                loose.push(node);
                continue;
            }
            const relation = node.slice(at + 4);
            map.set(relation, [...(map.get(relation) ?? []), node.slice(0, at)]);
        }
        return { map, loose };
    };
    const base = byRelation(baseNodes);
    const head = byRelation(headNodes);
    const notes = [];
    const relations = [...new Set([...base.map.keys(), ...head.map.keys()])];
    for (const relation of relations) {
        const before = [...new Set(base.map.get(relation) ?? [])].sort();
        const after = [...new Set(head.map.get(relation) ?? [])].sort();
        if (before.join('|') === after.join('|'))
            continue;
        const side = (types) => types.length === 0 ? `no scan of ${relation}` : `${types.join(' + ')} on ${relation}`;
        notes.push(`${side(before)} → ${side(after)}`);
    }
    const added = head.loose.filter((node) => !base.loose.includes(node));
    const removed = base.loose.filter((node) => !head.loose.includes(node));
    if (added.length > 0 || removed.length > 0) {
        const parts = [
            ...(added.length > 0 ? [`now uses ${[...new Set(added)].join(', ')}`] : []),
            ...(removed.length > 0 ? [`no longer uses ${[...new Set(removed)].join(', ')}`] : []),
        ];
        notes.push(`plan ${parts.join('; ')}`);
    }
    return notes;
}
function depthNote(base, head) {
    if (base.depth === null || head.depth === null || base.depth === head.depth)
        return [];
    const why = head.depth === 'shallow' && head.shallowReason ? ` (${head.shallowReason})` : '';
    return [`plan detail ${base.depth} → ${head.depth}${why}`];
}
function ratioNote(base, head) {
    if (base === null || head === null || Math.abs(head - base) < 0.05)
        return [];
    return [`buffer hit ratio ${percent$2(base)} → ${percent$2(head)}`];
}
function timeNote(what, base, head, factor, minimumMs) {
    if (base === null || head === null || Math.abs(head - base) < minimumMs)
        return [];
    const ratio = base === 0 ? Infinity : head / base;
    if (ratio < factor && ratio > 1 / factor)
        return [];
    return [`${what} ${ms(base)} → ${ms(head)}`];
}
function buffersNote(base, head) {
    if (base.sharedHit === null || head.sharedHit === null)
        return [];
    const before = base.sharedHit + (base.sharedRead ?? 0);
    const after = head.sharedHit + (head.sharedRead ?? 0);
    if (Math.abs(after - before) < 10)
        return [];
    const ratio = before === 0 ? Infinity : after / before;
    if (ratio < 2 && ratio > 0.5)
        return [];
    return [
        `shared buffers touched ${before.toLocaleString('en-US')} → ${after.toLocaleString('en-US')}`,
    ];
}
function rowsNote(base, head) {
    if (base === null || head === null || base === head)
        return [];
    return [`rows returned ${base} → ${head}`];
}
function percent$2(fraction) {
    const value = fraction * 100;
    return `${value >= 99.5 && value < 100 ? value.toFixed(1) : value.toFixed(0)}%`;
}
function ms(value) {
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 1 : value >= 0.1 ? 2 : 3;
    return `${+value.toFixed(digits)} ms`;
}

/** Notes that put a throughput bench's scaling curve beside its verdict. */
/** "ops/s at concurrency 1/4/16: 80/300/310 → 87/341/389", or nothing for non-throughput benches. */
function scalingNotes(baseDetails, headDetails) {
    const head = readScaling(headDetails);
    if (!head)
        return [];
    const levels = head.map((point) => point.concurrency).join('/');
    const ops = (points) => points.map((point) => Math.round(point.opsPerSecond)).join('/');
    const base = readScaling(baseDetails);
    const sameLevels = base?.map((point) => point.concurrency).join('/') === levels;
    return [
        base && sameLevels
            ? `ops/s at concurrency ${levels}: ${ops(base)} → ${ops(head)}`
            : `ops/s at concurrency ${levels}: ${ops(head)}`,
    ];
}

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

/** Name of the built-in calibration bench in a results file. */
const CALIBRATION_BENCH = 'perfgate/calibration';
/** Median round centre of the calibration bench's time metric in one run, or null when absent. */
function calibrationCentre(run) {
    const bench = run.benches.find((b) => b.name === CALIBRATION_BENCH && b.status === 'ok');
    const metric = bench?.metrics.find((m) => m.name === 'time') ?? bench?.metrics[0];
    if (!metric || metric.samples.length === 0)
        return null;
    const centre = medianOf(roundSummaries(metric).centres);
    return Number.isFinite(centre) && centre > 0 ? centre : null;
}
/**
 * Head runner speed relative to the baselines: head calibration time / baseline calibration
 * time (1.1 = head runner 10% slower); null unless both sides ran the calibration bench.
 */
function calibrationRatio(baselines, heads) {
    const base = baselines.map(calibrationCentre).filter((c) => c !== null);
    const head = heads.map(calibrationCentre).filter((c) => c !== null);
    if (base.length === 0 || head.length === 0)
        return null;
    return medianOf(head) / medianOf(base);
}

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

function ratio(head, base) {
    return base > 0 && head >= 0 ? head / base - 1 : null;
}
/** Seeded bootstrap percentile interval of the centre ratio, resampling units on each side. */
function bootstrapInterval(base, head, better, settings) {
    if (base.length < 2 && head.length < 2)
        return null;
    const changes = [];
    if ([...base, ...head].every((v) => v > 0)) {
        // Fast path for the usual positive units: resample oriented logs in place, no allocation.
        const sign = better === 'smaller' ? 1 : -1;
        const baseLogs = base.map((v) => sign * Math.log(v));
        const headLogs = head.map((v) => sign * Math.log(v));
        const baseScratch = new Float64Array(base.length);
        const headScratch = new Float64Array(head.length);
        const centre = (logs, scratch) => {
            if (logs.length === 1)
                return logs[0];
            for (let i = 0; i < logs.length; i++) {
                scratch[i] = logs[Math.floor(settings.random() * logs.length)];
            }
            return worstTrimmedMean(scratch);
        };
        for (let r = 0; r < settings.resamples; r++) {
            const difference = centre(headLogs, headScratch) - centre(baseLogs, baseScratch);
            changes.push(Math.expm1(sign * difference));
        }
    }
    else {
        const pickCentre = (units, scratch) => {
            if (units.length === 1)
                return units[0];
            for (let i = 0; i < units.length; i++) {
                scratch[i] = units[Math.floor(settings.random() * units.length)];
            }
            return robustCentre(scratch, better);
        };
        const baseScratch = new Array(base.length);
        const headScratch = new Array(head.length);
        for (let r = 0; r < settings.resamples; r++) {
            const change = ratio(pickCentre(head, headScratch), pickCentre(base, baseScratch));
            if (change !== null)
                changes.push(change);
        }
    }
    if (changes.length === 0)
        return null;
    changes.sort((a, b) => a - b);
    const tail = (1 - settings.confidence) / 2;
    const at = (q) => changes[Math.min(changes.length - 1, Math.floor(q * changes.length))];
    return [at(tail), at(1 - tail)];
}
/** Evidence from the metric of each baseline run and each head run (head scaled by `headScale`). */
function gatherEvidence(baseMetrics, headMetrics, headScale, settings) {
    const baseRounds = baseMetrics.map((m) => roundSummaries(m, 1, settings.quantile));
    const headRounds = headMetrics.map((m) => roundSummaries(m, headScale, settings.quantile));
    const baseCentres = baseRounds.flatMap((r) => r.centres);
    const headCentres = headRounds.flatMap((r) => r.centres);
    const better = headMetrics[0].better;
    const base = robustCentre(baseCentres, better);
    const head = robustCentre(headCentres, better);
    const canTest = smallestPermutationP(baseCentres.length, headCentres.length) <= settings.alpha;
    // Too few rounds to test against run-to-run variation: the raw samples' own spread is the
    // only evidence left, and the verdict says so.
    const baseRaw = canTest ? [] : baseMetrics.flatMap((m) => m.samples);
    const headRaw = canTest ? [] : headMetrics.flatMap((m) => m.samples.map((v) => v * headScale));
    const within = baseRaw.length > 1 && headRaw.length > 1 ? mannWhitneyU(baseRaw, headRaw).p : null;
    return {
        better,
        base,
        head,
        change: ratio(head, base),
        ci: bootstrapInterval(baseCentres, headCentres, better, settings),
        bestChange: ratio(medianOf(headRounds.flatMap((r) => r.bests)), medianOf(baseRounds.flatMap((r) => r.bests))),
        fastestChange: ratio(bestOf(headCentres, better), bestOf(baseCentres, better)),
        p: canTest ? trimmedPermutationTest(baseCentres, headCentres, better, settings.random) : within,
        baseUnits: baseCentres.length,
        headUnits: headCentres.length,
        baseSamples: baseRounds.reduce((sum, r) => sum + r.samples, 0),
        headSamples: headRounds.reduce((sum, r) => sum + r.samples, 0),
        noSpread: [...baseMetrics, ...headMetrics].every((m) => m.samples.length === 1),
        withinRun: within !== null,
    };
}
function bestOf(values, better) {
    return better === 'smaller' ? Math.min(...values) : Math.max(...values);
}
/** Fewest rounds per run with which `baseRuns` and `headRuns` runs could reach `alpha`. */
function roundsNeeded(baseRuns, headRuns, alpha) {
    for (let rounds = 1; rounds <= 50; rounds++) {
        if (smallestPermutationP(baseRuns * rounds, headRuns * rounds) <= alpha)
            return rounds;
    }
    return 50;
}

/** Multiple-comparison correction, since a run tests many benches at once. */
/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the input order.
 * Null entries (no test) are passed through and do not count towards the number of tests.
 */
function benjaminiHochberg(pValues) {
    const tested = pValues
        .map((p, index) => ({ p, index }))
        .filter((entry) => entry.p !== null)
        .sort((a, b) => a.p - b.p);
    const m = tested.length;
    const adjusted = [...pValues];
    let running = 1;
    // From the largest p down, so each adjusted value is the minimum over all larger ranks.
    for (let rank = m; rank >= 1; rank--) {
        const { p, index } = tested[rank - 1];
        running = Math.min(running, (p * m) / rank);
        adjusted[index] = running;
    }
    return adjusted;
}

/** A percentage with sign and one decimal, e.g. "+12.3%". */
function percent$1(fraction) {
    const value = (fraction * 100).toFixed(1);
    return `${fraction >= 0 ? '+' : ''}${value === '-0.0' ? '0.0' : value}%`;
}
/** A p-value in words that stay readable for tiny values. */
function formatP(p) {
    return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}
function describe(change, isTime) {
    const size = `${Math.abs(change * 100).toFixed(1)}%`;
    if (isTime)
        return `${size} ${change > 0 ? 'slower' : 'faster'}`;
    return `${size} ${change > 0 ? 'more' : 'less'}`;
}
/** The verdict on one metric and why, by the rule documented in docs/statistics.md. */
function decide(input) {
    const { evidence: e, isTime } = input;
    // A difference below what the metric can resolve is no change, whatever its ratio (heap
    // growth hovers around zero; a poll interval hides smaller differences).
    if (input.resolution !== undefined && Math.abs(e.head - e.base) < input.resolution) {
        const what = e.change === null ? 'no relative change' : describe(e.change, isTime);
        return {
            verdict: 'unchanged',
            reason: `${what}, below the metric's resolution of ${input.resolution}`,
        };
    }
    if (e.change === null) {
        if (e.base === 0 && e.head === 0)
            return { verdict: 'unchanged', reason: 'both centres are 0' };
        return {
            verdict: 'inconclusive',
            reason: `the centres go from ${+e.base.toPrecision(4)} to ${+e.head.toPrecision(4)}: from zero or across it, a relative change is undefined`,
        };
    }
    const logChange = Math.log1p(e.change);
    // Positive when the change is in the bad direction for this metric.
    const badness = e.better === 'smaller' ? logChange : -logChange;
    const noise = Math.log1p(input.noiseThreshold);
    const limit = Math.log1p(input.regressionThreshold);
    const what = describe(e.change, isTime);
    const units = e.withinRun
        ? `${e.baseSamples} vs ${e.headSamples} samples; ${e.baseUnits} vs ${e.headUnits} rounds are too few to measure run-to-run variation`
        : `${e.baseUnits} vs ${e.headUnits} rounds`;
    const pText = input.p === null ? '' : formatP(input.p);
    const regressionPct = `${(input.regressionThreshold * 100).toFixed(0)}%`;
    if (Math.abs(logChange) <= noise) {
        return {
            verdict: 'unchanged',
            reason: `${what}, within the ${(input.noiseThreshold * 100).toFixed(0)}% noise threshold`,
        };
    }
    // Whole processes run slow at random on shared runners, rarely all of them: when even the best
    // head round is beyond the threshold from the best baseline round (same direction as the
    // centre), the shift is not a slow-process accident.
    const fastestLog = e.fastestChange === null ? 0 : Math.log1p(e.fastestChange);
    const fastestBadness = e.better === 'smaller' ? fastestLog : -fastestLog;
    const fastestBeyond = e.baseUnits >= 3 &&
        e.headUnits >= 3 &&
        Math.sign(fastestBadness) === Math.sign(badness) &&
        Math.abs(fastestBadness) > limit;
    const beyondLimit = Math.abs(badness) > limit || fastestBeyond;
    if (e.noSpread) {
        const verdict = beyondLimit
            ? badness > 0
                ? 'regression'
                : 'improvement'
            : badness > 0
                ? 'slower'
                : 'faster';
        const side = beyondLimit ? 'beyond' : 'within';
        return {
            verdict,
            reason: `${what}, ${side} the ${regressionPct} regression threshold; no sample spread, so this rests on the thresholds alone`,
        };
    }
    if (input.p === null) {
        const needed = roundsNeeded(input.baseRuns, input.headRuns, input.alpha);
        const advice = `needs at least ${needed} rounds per run (or more baseline runs) to test`;
        if (!beyondLimit) {
            return {
                verdict: 'unchanged',
                reason: `${what}, within the ${regressionPct} regression threshold and untestable with ${units}; ${advice}`,
            };
        }
        return {
            verdict: 'inconclusive',
            reason: `${what}, but ${units} cannot separate that from run-to-run variation; ${advice}`,
        };
    }
    if (input.p > input.alpha) {
        if (!beyondLimit) {
            return {
                verdict: 'unchanged',
                reason: `${what}, not significant against run-to-run variation (${pText}, ${units})`,
            };
        }
        if (fastestBeyond) {
            return {
                verdict: badness > 0 ? 'regression' : 'improvement',
                reason: `${what}, beyond the ${regressionPct} regression threshold; the rounds' spread leaves ${pText} (${units}), but even the best round moved ${percent$1(e.fastestChange)}`,
            };
        }
        return {
            verdict: 'inconclusive',
            reason: `${what}, but too noisy to tell (${pText}, ${units}); more rounds or baseline runs needed`,
        };
    }
    if (!beyondLimit) {
        return {
            verdict: badness > 0 ? 'slower' : 'faster',
            reason: `${what} (${pText}, ${units}), within the ${regressionPct} regression threshold`,
        };
    }
    if (input.crossCheck && e.bestChange !== null) {
        const bestLog = Math.log1p(e.bestChange);
        const bestBadness = e.better === 'smaller' ? bestLog : -bestLog;
        // A code change moves the undisturbed best rounds too; machine noise mostly does not.
        if (Math.sign(bestBadness) !== Math.sign(badness) || Math.abs(bestBadness) <= noise) {
            return {
                verdict: 'inconclusive',
                reason: `${what} at the median (${pText}, ${units}), but the best rounds moved only ${percent$1(e.bestChange)}; likely machine noise, re-run to confirm`,
            };
        }
    }
    return {
        verdict: badness > 0 ? 'regression' : 'improvement',
        reason: `${what}, beyond the ${regressionPct} regression threshold and significant ${e.withinRun ? 'within the runs' : 'against run-to-run variation'} (${pText}, ${units})`,
    };
}

/**
 * Run-wide shifts: when most benches move by about the same factor, the runner's speed changed
 * (a slower VM, a busy neighbour for the whole job) far more often than the code did. Such
 * changes are downgraded to inconclusive unless a bench moved well beyond the shared factor.
 */
/**
 * Fewest benches for a shared shift to be told apart from a change to a few benches: with fewer,
 * all of them moving together is as likely a change to code they share as the runner.
 */
const MIN_BENCHES = 5;
/** Share of benches that must move the same way beyond their noise threshold. */
const MIN_SHARE = 0.75;
/** The median relative change of the time metrics when most benches moved together, else null. */
function sharedShift(rows) {
    const moved = rows.filter((r) => r.metric === 'time' && r.name !== CALIBRATION_BENCH && r.change !== null);
    if (moved.length < MIN_BENCHES)
        return null;
    const logs = moved.map((r) => Math.log1p(r.change));
    const up = moved.filter((r, i) => logs[i] > Math.log1p(r.noiseThreshold)).length;
    const down = moved.filter((r, i) => logs[i] < -Math.log1p(r.noiseThreshold)).length;
    if (Math.max(up, down) < MIN_SHARE * moved.length)
        return null;
    return Math.expm1(medianOf(logs));
}
/** Rows with regressions and improvements explained by `shift` downgraded to inconclusive. */
function discountShift(rows, shift) {
    return rows.map((row) => {
        if (row.verdict !== 'regression' && row.verdict !== 'improvement')
            return row;
        if (row.metric !== 'time' || row.change === null)
            return row;
        const beyondShift = Math.abs(Math.log1p(row.change) - Math.log1p(shift));
        if (beyondShift > Math.log1p(row.regressionThreshold))
            return row;
        return {
            ...row,
            verdict: 'inconclusive',
            reason: `${percent$1(row.change)}, but most benches moved together (median ${percent$1(shift)}), which points at the runner's speed rather than this bench; re-run, or add the calibration bench`,
        };
    });
}

function distinct(values) {
    return [...new Set(values)];
}
/** Warnings about runner hardware, Node version or config differences between baselines and head. */
function runWarnings(baselines, heads) {
    const warnings = [];
    const baseCpus = distinct(baselines.map((r) => r.meta.cpuModel));
    const headCpus = distinct(heads.map((r) => r.meta.cpuModel));
    if (baseCpus.some((cpu) => !headCpus.includes(cpu)) ||
        headCpus.some((cpu) => !baseCpus.includes(cpu))) {
        warnings.push(`RUNNER MISMATCH: baseline ran on ${baseCpus.join(' / ')} but head on ${headCpus.join(' / ')}; timing changes may come from the hardware, not the code`);
    }
    const baseNode = distinct(baselines.map((r) => r.meta.nodeVersion));
    const headNode = distinct(heads.map((r) => r.meta.nodeVersion));
    if (baseNode.join() !== headNode.join()) {
        warnings.push(`Node version differs: baseline ${baseNode.join(' / ')}, head ${headNode.join(' / ')}`);
    }
    const baseConfig = distinct(baselines.map((r) => r.meta.configDigest));
    const headConfig = distinct(heads.map((r) => r.meta.configDigest));
    if (baseConfig.join() !== headConfig.join()) {
        warnings.push('The perfgate config differs between baseline and head runs');
    }
    return warnings;
}

/** compareRuns: the head run(s) against stored baseline run(s), bench by bench and metric by metric. */
const isTimeUnit = (unit) => unit === 'ms';
function emptyRow(bench, metric, verdict, reason) {
    return {
        name: bench.name,
        metric: metric?.name ?? 'time',
        unit: metric?.unit ?? 'ms',
        better: metric?.better ?? 'smaller',
        verdict,
        change: null,
        ci: null,
        p: null,
        reason,
        base: null,
        head: null,
        baseSamples: 0,
        headSamples: 0,
        baseRuns: 0,
        noiseThreshold: bench.noiseThreshold,
        regressionThreshold: metric?.regressionThreshold ?? bench.regressionThreshold,
    };
}
function centreOf(metric) {
    return metric ? metric.summary.median : null;
}
/**
 * Compares head run(s) with baseline run(s). Several baselines pool their rounds, so the
 * verdict holds against run-to-run variation; several heads (a re-run) pool the same way.
 * Throws CompareInputError for malformed samples, naming the bench.
 */
function compareRuns(baselines, head, options = {}) {
    const heads = Array.isArray(head) ? head : [head];
    if (baselines.length === 0)
        throw new CompareInputError('no baseline run to compare with');
    if (heads.length === 0)
        throw new CompareInputError('no head run to compare');
    const alpha = options.alpha ?? 0.05;
    const settings = {
        alpha,
        confidence: options.confidence ?? 0.95,
        resamples: options.resamples ?? 400,
        random: options.random ?? seededRandom(20240611),
        quantile: options.roundQuantile ?? 0.1,
    };
    const warnings = runWarnings(baselines, heads);
    const speed = calibrationRatio(baselines, heads);
    const normalizing = options.normalize === 'calibration' && speed !== null;
    if (speed !== null) {
        const how = speed >= 1 ? `${percent(speed - 1)} slower` : `${percent(1 / speed - 1)} faster`;
        warnings.push(`Calibration: the head runner ran ${CALIBRATION_BENCH} ${how} than the baseline` +
            (normalizing ? '; time changes are divided by this ratio' : ''));
    }
    else if (options.normalize === 'calibration') {
        warnings.push(`Normalisation was requested but ${CALIBRATION_BENCH} is missing from the baseline or head; times are not normalised`);
    }
    const pending = [];
    const primary = heads[0];
    const headNames = new Set(primary.benches.map((b) => b.name));
    for (const bench of primary.benches) {
        const pendingForBench = compareBench(bench, baselines, heads, normalizing ? speed : null, settings);
        pending.push(...pendingForBench);
    }
    const removedNames = new Set();
    for (const run of baselines) {
        for (const bench of run.benches) {
            if (headNames.has(bench.name) || removedNames.has(bench.name))
                continue;
            removedNames.add(bench.name);
            pending.push({
                row: emptyRow(bench, bench.metrics[0], 'removed', 'in the baseline but not in the head run'),
                headRuns: 0,
            });
        }
    }
    // A p-value drives a verdict only beyond the noise threshold (within it the verdict is
    // "unchanged" whatever the test says), so those are the tests the correction counts.
    const adjusted = benjaminiHochberg(pending.map((item) => (item.evidence && beyondNoise(item) ? item.evidence.p : null)));
    const comparisons = pending.map((item, index) => {
        if (!item.evidence)
            return item.row;
        const p = adjusted[index];
        const { verdict, reason } = decide({
            evidence: item.evidence,
            p,
            alpha,
            noiseThreshold: item.row.noiseThreshold,
            regressionThreshold: item.row.regressionThreshold,
            isTime: isTimeUnit(item.row.unit),
            baseRuns: item.row.baseRuns,
            headRuns: item.headRuns,
            resolution: item.resolution,
            crossCheck: options.crossCheck ?? true,
        });
        return { ...item.row, verdict, reason, p };
    });
    // Normalised runs already had the runner's speed divided out.
    const shift = normalizing ? null : sharedShift(comparisons);
    const judged = shift === null ? comparisons : discountShift(comparisons, shift);
    if (shift !== null) {
        warnings.push(`Most benches moved together (median ${percent$1(shift)}): the runner's speed probably differs between baseline and head`);
    }
    return {
        comparisons: judged,
        warnings,
        regressions: judged.filter((c) => c.verdict === 'regression').length,
    };
}
function compareBench(bench, baselines, heads, speed, settings) {
    if (bench.status !== 'ok') {
        return [{ row: emptyRow(bench, undefined, bench.status, bench.reason), headRuns: 1 }];
    }
    const inBase = baselines
        .map((run) => run.benches.find((b) => b.name === bench.name))
        .filter((b) => b !== undefined);
    if (inBase.length === 0) {
        return bench.metrics.map((metric) => ({
            row: {
                ...emptyRow(bench, metric, 'new', 'not in the baseline'),
                head: centreOf(metric),
                headSamples: metric.samples.length,
            },
            headRuns: 1,
        }));
    }
    const okBase = inBase.filter((b) => b.status === 'ok');
    if (okBase.length === 0) {
        const why = inBase[0].reason ? `: ${inBase[0].reason}` : '';
        return bench.metrics.map((metric) => ({
            row: emptyRow(bench, metric, 'inconclusive', `no successful baseline run (baseline ${inBase[0].status}${why})`),
            headRuns: 1,
        }));
    }
    const headBenches = heads
        .map((run) => run.benches.find((b) => b.name === bench.name && b.status === 'ok'))
        .filter((b) => b !== undefined);
    // What changed besides the timing (a query plan, a scaling curve), beside the primary metric.
    const lastBase = okBase[okBase.length - 1].details;
    const notes = [
        ...planChangeNotes(lastBase, bench.details),
        ...scalingNotes(lastBase, bench.details),
    ];
    const out = [];
    for (const metric of bench.metrics) {
        const headMetrics = headBenches
            .map((b) => b.metrics.find((m) => m.name === metric.name))
            .filter((m) => m !== undefined);
        const baseMetrics = okBase
            .map((b) => b.metrics.find((m) => m.name === metric.name))
            .filter((m) => m !== undefined);
        headMetrics.forEach((m) => checkMetric(bench.name, m, 'head'));
        const row = emptyRow(bench, metric, 'new', 'metric not in the baseline');
        if (baseMetrics.length === 0) {
            out.push({
                row: { ...row, head: centreOf(metric), headSamples: metric.samples.length },
                headRuns: 1,
            });
            continue;
        }
        baseMetrics.forEach((m) => checkMetric(bench.name, m, 'baseline'));
        const normalise = speed !== null && isTimeUnit(metric.unit) && bench.name !== CALIBRATION_BENCH;
        const evidence = gatherEvidence(baseMetrics, headMetrics, normalise ? 1 / speed : 1, settings);
        out.push({
            row: {
                ...row,
                change: evidence.change,
                ci: evidence.ci,
                base: evidence.base,
                head: evidence.head,
                baseSamples: evidence.baseSamples,
                headSamples: evidence.headSamples,
                baseRuns: baseMetrics.length,
                baseRounds: evidence.baseUnits,
                headRounds: evidence.headUnits,
                ...(metric === bench.metrics[0] && notes.length > 0 ? { notes } : {}),
            },
            evidence,
            resolution: metric.resolution,
            headRuns: headMetrics.length,
        });
    }
    for (const metric of okBase[0].metrics) {
        if (bench.metrics.some((m) => m.name === metric.name))
            continue;
        out.push({ row: emptyRow(bench, metric, 'removed', 'metric not in the head run'), headRuns: 1 });
    }
    return out;
}
function beyondNoise(item) {
    const change = item.evidence?.change;
    return (change !== null &&
        change !== undefined &&
        Math.abs(Math.log1p(change)) > Math.log1p(item.row.noiseThreshold));
}
function percent(fraction) {
    return `${(fraction * 100).toFixed(1)}%`;
}

/** Names of benches whose verdict asks for a re-run (regressions; optionally large inconclusive changes too). */
function benchesToConfirm(comparison, includeInconclusive = false) {
    const flagged = comparison.comparisons.filter((c) => c.verdict === 'regression' ||
        (includeInconclusive && c.verdict === 'inconclusive' && c.change !== null));
    return [...new Set(flagged.map((c) => c.name))];
}
const key = (c) => `${c.name}\u0000${c.metric}`;
/**
 * Re-judges the regressions of `first` (baselines vs `head`) with a re-run of the flagged benches
 * (`rerun` may hold only those). A regression stays, with `confirmed: true`, when the re-run on its
 * own also shows a change beyond the regression threshold in the same direction and the pooled
 * head runs are still a regression; otherwise it takes the pooled verdict, marked
 * `confirmed: false` with the reason saying the re-run did not reproduce it.
 */
function confirmRegressions(baselines, head, rerun, first, options = {}) {
    const rerunNames = new Set(rerun.benches.map((b) => b.name));
    const pooledHead = {
        ...head,
        benches: head.benches.filter((b) => rerunNames.has(b.name)),
    };
    const pooled = compareRuns(baselines, [pooledHead, rerun], options);
    const alone = compareRuns(baselines, rerun, options);
    const pooledRows = new Map(pooled.comparisons.map((c) => [key(c), c]));
    const aloneRows = new Map(alone.comparisons.map((c) => [key(c), c]));
    const comparisons = first.comparisons.map((row) => {
        if (row.verdict !== 'regression')
            return row;
        const again = aloneRows.get(key(row));
        const both = pooledRows.get(key(row));
        if (!again || !both)
            return { ...row, confirmed: false };
        const limit = Math.log1p(row.regressionThreshold);
        const sameWay = (c) => c.change !== null &&
            (row.better === 'smaller' ? Math.log1p(c.change) : -Math.log1p(c.change)) > limit;
        if (sameWay(again) && both.verdict === 'regression') {
            return { ...both, confirmed: true, reason: `${both.reason}; confirmed by a re-run` };
        }
        const rerunChange = again.change === null ? 'no change' : `${(again.change * 100).toFixed(1)}%`;
        const verdict = both.verdict === 'regression' ? 'inconclusive' : both.verdict;
        return {
            ...both,
            verdict,
            confirmed: false,
            reason: `not confirmed: the re-run measured ${rerunChange} (${again.verdict}); pooled: ${both.reason}`,
        };
    });
    return {
        comparisons,
        warnings: [...new Set([...first.warnings, ...pooled.warnings])],
        regressions: comparisons.filter((c) => c.verdict === 'regression').length,
    };
}

export { CompareInputError as C, confirmRegressions as a, benchesToConfirm as b, compareRuns as c };
