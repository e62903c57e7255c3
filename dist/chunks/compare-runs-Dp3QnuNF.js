import { k as formatShare, j as formatMilliseconds, l as formatCount, f as formatValue, a as formatP, c as formatPercentage, h as formatPercent, m as formatMagnitude } from './format-Czr1TBQt.js';
import { r as readScaling } from './scaling-bBRpMboh.js';
import { m as medianOf, r as roundSummaries, C as CompareInputError, c as checkMetric, s as splitRounds, q as quantileOf } from './units-C0yKQs3w.js';
import { r as robustCentre, s as smallestPermutationP, t as trimmedPermutationTest, w as worstTrimmedMean } from './permutation-CwRxd2mz.js';
import { m as mannWhitneyU } from './mann-whitney-CizR9A4a.js';
import { s as seededRandom } from './random-CRNsGjhb.js';
import { R as ROUND_QUANTILE, m as metricCentre } from './centre-C0y8xcZQ.js';

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
/**
 * True when the plan's shape changed (a scan or join node replaced), not only its timings: the
 * code's doing, so a suite-wide move cannot explain this bench away.
 */
function planShapeChanged(baseDetails, headDetails) {
    const base = readPlan(baseDetails);
    const head = readPlan(headDetails);
    return base !== undefined && head !== undefined && nodeNotes(base.nodes, head.nodes).length > 0;
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
    return [`buffer hit ratio ${formatShare(base)} → ${formatShare(head)}`];
}
function timeNote(what, base, head, factor, minimumMs) {
    if (base === null || head === null || Math.abs(head - base) < minimumMs)
        return [];
    const ratio = base === 0 ? Infinity : head / base;
    if (ratio < factor && ratio > 1 / factor)
        return [];
    return [`${what} ${formatMilliseconds(base)} → ${formatMilliseconds(head)}`];
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
    return [`shared buffers touched ${formatCount(before)} → ${formatCount(after)}`];
}
function rowsNote(base, head) {
    if (base === null || head === null || base === head)
        return [];
    return [`rows returned ${base} → ${head}`];
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
        // What a level shows in words (a connection pool exhausted), from the head run.
        ...head.flatMap((point) => point.note === undefined ? [] : [`concurrency ${point.concurrency}: ${point.note}`]),
    ];
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
        // One round a side measures no run-to-run spread: an interval would claim a certainty nobody measured.
        ci: baseCentres.length < 2 || headCentres.length < 2
            ? null
            : bootstrapInterval(baseCentres, headCentres, better, settings),
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

function describe(change, isTime) {
    // Below what one decimal shows, "0.0% slower" would name a direction nobody measured.
    if (Math.abs(change) < 0.0005)
        return 'no change';
    const size = formatMagnitude(change);
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
            reason: `${what}, below the metric's resolution of ${formatValue(input.resolution, input.unit ?? '')}`,
        };
    }
    if (e.change === null) {
        if (e.base === 0 && e.head === 0)
            return { verdict: 'unchanged', reason: 'both centres are 0' };
        return {
            verdict: 'inconclusive',
            reason: `the centres go from ${formatValue(e.base, input.unit ?? '')} to ${formatValue(e.head, input.unit ?? '')}: from zero or across it, a relative change is undefined`,
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
    const regressionPct = formatPercentage(input.regressionThreshold);
    if (Math.abs(logChange) <= noise) {
        return {
            verdict: 'unchanged',
            reason: `${what}, within the ${formatPercentage(input.noiseThreshold)} noise threshold`,
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
                reason: `${what}, beyond the ${regressionPct} regression threshold; the rounds' spread leaves ${pText} (${units}), but even the best round moved ${formatPercent(e.fastestChange)}`,
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
                reason: `${what} at the median (${pText}, ${units}), but the best rounds moved only ${formatPercent(e.bestChange)}; likely machine noise, re-run to confirm`,
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
/**
 * Rows with regressions and improvements explained by `shift` downgraded to inconclusive; the
 * benches in `planChanged` keep their verdicts (their query plan changed: the code moved them).
 */
function discountShift(rows, shift, planChanged = new Set()) {
    return rows.map((row) => {
        if (row.verdict !== 'regression' && row.verdict !== 'improvement')
            return row;
        if (planChanged.has(row.name))
            return row;
        if (row.metric !== 'time' || row.change === null)
            return row;
        const beyondShift = Math.abs(Math.log1p(row.change) - Math.log1p(shift));
        if (beyondShift > Math.log1p(row.regressionThreshold))
            return row;
        return {
            ...row,
            verdict: 'inconclusive',
            reason: `${formatPercent(row.change)}, but most benches moved together (median ${formatPercent(shift)}), which points at the runner's speed rather than this bench; re-run, or add the calibration bench`,
        };
    });
}

function distinct(values) {
    return [...new Set(values)];
}
/** Warnings about runner hardware or Node version differences between baselines and head. */
function runWarnings(baselines, heads) {
    const warnings = [];
    const perBench = [...baselines, ...heads].some((r) => r.benches.some((b) => b.machine));
    if (perBench)
        warnings.push(...benchCpuWarnings(baselines, heads));
    else {
        const baseCpus = distinct(baselines.map((r) => r.meta.cpuModel));
        const headCpus = distinct(heads.map((r) => r.meta.cpuModel));
        if (differ(baseCpus, headCpus)) {
            warnings.push(`RUNNER MISMATCH: baseline ran on ${baseCpus.join(' / ')} but head on ${headCpus.join(' / ')}; timing changes may come from the hardware, not the code`);
        }
    }
    const baseNode = distinct(baselines.map((r) => r.meta.nodeVersion));
    const headNode = distinct(heads.map((r) => r.meta.nodeVersion));
    if (baseNode.join() !== headNode.join()) {
        warnings.push(`Node version differs: baseline ${baseNode.join(' / ')}, head ${headNode.join(' / ')}`);
    }
    // Config differences are judged bench by bench (baseline/source.ts matchBenches), not here.
    return warnings;
}
function differ(a, b) {
    return a.some((x) => !b.includes(x)) || b.some((x) => !a.includes(x));
}
const cpuOf = (run, bench) => bench.machine?.cpuModel ?? run.meta.cpuModel;
/**
 * Runner mismatch per bench, for merged shard runs whose benches ran on different machines: one
 * warning per (baseline CPUs, head CPUs) pair, naming the benches it affects.
 */
function benchCpuWarnings(baselines, heads) {
    const cpusByBench = (runs) => {
        const map = new Map();
        for (const run of runs) {
            for (const bench of run.benches) {
                map.set(bench.name, distinct([...(map.get(bench.name) ?? []), cpuOf(run, bench)]));
            }
        }
        return map;
    };
    const base = cpusByBench(baselines);
    const head = cpusByBench(heads);
    const groups = new Map();
    for (const [name, headCpus] of head) {
        const baseCpus = base.get(name);
        if (!baseCpus || !differ(baseCpus, headCpus))
            continue;
        const key = `${baseCpus.join(' / ')}\u0000${headCpus.join(' / ')}`;
        const group = groups.get(key) ?? { base: baseCpus, head: headCpus, benches: [] };
        group.benches.push(name);
        groups.set(key, group);
    }
    return [...groups.values()].map((g) => {
        const shown = g.benches.slice(0, 10).join(', ');
        const more = g.benches.length > 10 ? ` and ${g.benches.length - 10} more` : '';
        return `RUNNER MISMATCH: ${g.benches.length === 1 ? 'bench' : `${g.benches.length} benches`} ${shown}${more} ran on ${g.base.join(' / ')} in the baseline but on ${g.head.join(' / ')} in head; their timing changes may come from the hardware, not the code`;
    });
}

/**
 * The config bench a result belongs to: a drawn or listed case (`<bench>/<label>` or
 * `<bench>/<key>`) its bench's name.
 */
function caseGroup(bench) {
    for (const suffix of [bench.details?.label, bench.details?.key]) {
        if (typeof suffix === 'string' && bench.name.endsWith(`/${suffix}`)) {
            return bench.name.slice(0, bench.name.length - suffix.length - 1);
        }
    }
    return bench.name;
}
/**
 * Problems that make the comparison of `head` with `baselines` say nothing, in words that name
 * the mismatch and the fix; empty when the names pair. Judged on the baseline's names:
 * - a bench whose cases the head also has, but with none of the baseline's case names;
 * - under half of the baseline's names found in the head, among the benches the head has;
 * - no bench of the baseline in the head at all, though both ran the same config (a PR whose
 *   config replaces every bench compares nothing too, but says so with its new benches).
 * A bench the head lacks altogether is a removed bench (a PR may remove some, and a filtered run
 * measures fewer): it counts only when none are left. New benches in the head never count, nor
 * do benches that errored or were skipped on either side (their status is the verdict).
 */
function pairingProblems(baselines, head) {
    // Only measured benches: a bench that errored is reported as such, under its bench's name.
    const measured = (benches) => benches.filter((b) => b.status === 'ok');
    const headNames = new Set(measured(head.benches).map((b) => b.name));
    const headGroups = groupNames(measured(head.benches));
    const baseGroups = groupNames(measured(baselines.flatMap((run) => run.benches)));
    if (baseGroups.size === 0 || headGroups.size === 0)
        return [];
    const problems = [];
    const common = [...baseGroups.keys()].filter((group) => headGroups.has(group));
    // A PR may replace its benches; only the same config with no name in common is a mismatch.
    const sameConfig = baselines.every((run) => run.meta.configDigest === head.meta.configDigest);
    if (common.length === 0 && !sameConfig)
        return [];
    if (common.length === 0) {
        const base = [...baseGroups.keys()];
        const heads = [...headGroups.keys()];
        return [
            `none of the ${count(base.length, 'baseline bench', 'baseline benches')} is in the head run (the names differ: ${quoted(base[0])} vs ${quoted(heads[0])}): the runs measured different benches; compare runs of the same config`,
        ];
    }
    let shared = 0;
    let total = 0;
    for (const group of common) {
        const names = baseGroups.get(group) ?? [];
        const found = names.filter((name) => headNames.has(name));
        if (found.length > 0) {
            shared += found.length;
            total += names.length;
            continue;
        }
        const other = (headGroups.get(group) ?? []).find((name) => !names.includes(name)) ?? '';
        problems.push(`only 0 of ${count(names.length, 'baseline case', 'baseline cases')} of ${group} ${names.length === 1 ? 'appears' : 'appear'} in the head run (the case names differ: ${quoted(names[0])} vs ${quoted(other)}): ${CASE_FIX}`);
    }
    if (total > 0 && shared * 2 < total) {
        problems.push(`only ${shared} of ${count(total, 'baseline bench or case', 'baseline benches and cases')} appear in the head run: most names differ between the runs, so most rows could not be compared; ${CASE_FIX}`);
    }
    return problems;
}
/** The fix for cases that do not pair, as docs/postgres.md explains it. */
const CASE_FIX = 'cases keyed on random values cannot pair; key them on a stable column with key:, or name them with label: (see docs/postgres.md)';
/** Result names by their config bench, each name once, in first-seen order. */
function groupNames(benches) {
    const groups = new Map();
    for (const bench of benches) {
        const group = caseGroup(bench);
        const names = groups.get(group) ?? [];
        if (!names.includes(bench.name))
            names.push(bench.name);
        groups.set(group, names);
    }
    return groups;
}
function quoted(name) {
    return JSON.stringify(name);
}
function count(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}

/** compareRuns: the head run(s) against stored baseline run(s), bench by bench and metric by metric. */
/**
 * The tail settings evaluated in bench/detect.ts: per-round p75 relative to the round's centre,
 * 15% noise and 30% regression thresholds (chosen on the tuned-on corpus, where p90 caught the
 * slow-calls change 30% of the time at 1–2% false alarms even with the re-run: its rounds' upper
 * tails swing too much between processes).
 */
const DEFAULT_TAIL = {
    quantile: 0.75,
    noiseThreshold: 0.15,
    regressionThreshold: 0.3,
};
/** The name of the tail row of the time metric, e.g. `time p90`. */
function tailMetricName(quantile) {
    return `time p${Math.round(quantile * 100)}`;
}
/** The calibration bench moving less than this means the runner kept its speed. */
const STEADY_RUNNER = 0.03;
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
// A bench on one side only shows the centre a comparison would use, as `run` prints it.
function centreOf(metric) {
    return metric ? metricCentre(metric) : null;
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
        quantile: options.roundQuantile ?? ROUND_QUANTILE,
    };
    const warnings = runWarnings(baselines, heads);
    const speed = calibrationRatio(baselines, heads);
    const normalizing = options.normalize === 'calibration' && speed !== null;
    if (speed !== null) {
        const how = speed >= 1
            ? `${formatMagnitude(speed - 1)} slower`
            : `${formatMagnitude(1 / speed - 1)} faster`;
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
        const pendingForBench = compareBench(bench, baselines, heads, normalizing ? speed : null, settings, options.tail);
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
            unit: item.row.unit,
            crossCheck: item.crossCheck ?? options.crossCheck ?? true,
        });
        return { ...item.row, verdict, reason, p };
    });
    // Normalised runs already had the runner's speed divided out; a calibration bench that held
    // still says the runner did not change speed, so a shared move is the code's.
    const shift = normalizing || options.sharedShift === false ? null : sharedShift(comparisons);
    const runnerSteady = speed !== null && Math.abs(Math.log(speed)) <= Math.log1p(STEADY_RUNNER);
    const planChanged = new Set(pending.filter((p) => p.planChanged).map((p) => p.row.name));
    const judged = shift === null || runnerSteady ? comparisons : discountShift(comparisons, shift, planChanged);
    if (shift !== null) {
        warnings.push(runnerSteady
            ? `Most benches moved together (median ${formatPercent(shift)}) while ${CALIBRATION_BENCH} held still: a change shared by the benches, not the runner`
            : `Most benches moved together (median ${formatPercent(shift)}): the runner's speed may differ between baseline and head; those beyond their threshold stay inconclusive until a re-run or ${CALIBRATION_BENCH} settles it`);
    }
    const problems = pairingProblems(baselines, primary);
    return {
        comparisons: judged,
        warnings,
        regressions: judged.filter((c) => c.verdict === 'regression').length,
        ...(problems.length > 0 ? { problems } : {}),
    };
}
function compareBench(bench, baselines, heads, speed, settings, tail) {
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
        // A metric may say which quantile of a round is its centre (a wait's median); it then has
        // no undisturbed fast end for the best-rounds cross-check to read.
        const own = metric.roundQuantile;
        const evidence = gatherEvidence(baseMetrics, headMetrics, normalise ? 1 / speed : 1, own === undefined ? settings : { ...settings, quantile: own });
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
            planChanged: planShapeChanged(lastBase, bench.details),
            ...(own === undefined ? {} : { crossCheck: false }),
        });
        if (tail && metric.name === 'time' && evidence.baseUnits > 1 && evidence.headUnits > 1) {
            // Each round's quantile relative to its own centre: a slower process moves both and
            // cancels out, slower calls move only the tail. That is the tail's own noise model.
            const upper = gatherEvidence(baseMetrics.map(tailShape), headMetrics.map(tailShape), 1, {
                ...settings,
                quantile: tail.quantile,
            });
            out.push({
                row: {
                    ...row,
                    metric: tailMetricName(tail.quantile),
                    // The tail's values are ratios to the round's centre, not times.
                    unit: 'x centre',
                    noiseThreshold: tail.noiseThreshold,
                    regressionThreshold: tail.regressionThreshold,
                    change: upper.change,
                    ci: upper.ci,
                    base: upper.base,
                    head: upper.head,
                    baseSamples: upper.baseSamples,
                    headSamples: upper.headSamples,
                    baseRuns: baseMetrics.length,
                    baseRounds: upper.baseUnits,
                    headRounds: upper.headUnits,
                },
                evidence: upper,
                headRuns: headMetrics.length,
                crossCheck: false,
            });
        }
    }
    for (const metric of okBase[0].metrics) {
        if (bench.metrics.some((m) => m.name === metric.name))
            continue;
        out.push({ row: emptyRow(bench, metric, 'removed', 'metric not in the head run'), headRuns: 1 });
    }
    return out;
}
/** The metric with each round's samples divided by that round's centre (its 10th percentile). */
function tailShape(metric) {
    const samples = splitRounds(metric).flatMap((round) => {
        const centre = quantileOf(round, 0.1);
        return round.map((v) => (centre > 0 ? v / centre : v));
    });
    return { ...metric, samples };
}
function beyondNoise(item) {
    const change = item.evidence?.change;
    return (change !== null &&
        change !== undefined &&
        Math.abs(Math.log1p(change)) > Math.log1p(item.row.noiseThreshold));
}

export { DEFAULT_TAIL as D, compareRuns as c };
