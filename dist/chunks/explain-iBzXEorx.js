import { createHash } from 'node:crypto';
import path from 'node:path';
import { m as mannWhitneyU } from './mann-whitney-CizR9A4a.js';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { e as errorFunction } from './simple-statistics-OhbKzjWx.js';
import { mkdtemp, rm, stat, writeFile, mkdir, access, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { r as runShell, l as lastLines, w as workerPath, d as killGroup, R as RUNNERS, e as describeError, h as mainThreadCpuUs, p as procStat } from './run-benches-BAqpNPXt.js';
import { execFile, fork } from 'node:child_process';
import { promisify } from 'node:util';
import { constants, existsSync, readFileSync } from 'node:fs';
import { o as object, a as array, n as number, s as string, u as union, i as int, b as boolean } from './schemas-CtpLbXv5.js';
import './pg-notify-C_yFIpMD.js';
import { C as CALIBRATION_MODULE } from './calibration-module-CtkTGxWt.js';

/**
 * One profile round read two ways, both per bench call: the self time of each function (the
 * attribution) and the time of each stack (the folded flame graph). Pure.
 */
/**
 * Whether a (relativized) script URL is the bench's own code: a path inside its checkout. The
 * runtime's (`node:…`), perfgate's worker and the profiler's own calls are none of the bench's.
 */
function isBenchCode(url) {
    return url !== '' && !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}
/** The collector's time is the bench's (its allocations) though it has no stack above it. */
const GC = '(garbage collector)';
/** Whether a function is the garbage collector. */
function isCollector(fn) {
    return fn?.name === GC && fn.location === undefined;
}
/**
 * The samples of a round that belong to the bench: those with its code on the stack (what it
 * calls in the runtime included), and the collector's. Each with its stack, root first, cut to
 * start at the outermost frame of bench code (the worker's loop above it is perfgate's).
 */
function benchSamples(round) {
    const { profile } = round;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes)
        for (const child of node.children ?? [])
            parents.set(child, node.id);
    const stacks = new Map();
    const stackOf = (id) => {
        const known = stacks.get(id);
        if (known !== undefined)
            return known;
        const path = [];
        for (let at = id; at !== undefined; at = parents.get(at)) {
            const node = nodes.get(at);
            if (node)
                path.unshift(node);
        }
        const first = path.findIndex((node) => isBenchCode(node.callFrame.url));
        const leaf = path[path.length - 1];
        const stack = first >= 0 ? path.slice(first) : leaf?.callFrame.functionName === GC ? [leaf] : null;
        stacks.set(id, stack);
        return stack;
    };
    const durations = sampleDurations(profile);
    // With the calls' CPU time known, every sample but the idle ones holds an equal part of it.
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    const busy = profile.samples.filter((id) => !idle.has(id)).length;
    const weight = (i) => round.cpuMs === undefined ? durations[i] : busy > 0 ? (round.cpuMs * 1000) / busy : 0;
    const out = [];
    profile.samples.forEach((id, i) => {
        const stack = stackOf(id);
        if (stack && stack.length > 0)
            out.push({ node: stack[stack.length - 1], stack, us: weight(i) });
    });
    return out;
}
/** `profile` with every script URL under `root` turned into a path relative to it (`src/hash.js`). */
function relativizeProfile(profile, root) {
    const prefix = `${pathToFileURL(root).href.replace(/\/$/, '')}/`;
    const plain = `${root.replace(/\/$/, '')}/`;
    const relative = (url) => {
        if (url.startsWith(prefix))
            return fileURLToPath(url).slice(plain.length);
        if (url.startsWith(plain))
            return url.slice(plain.length);
        return url;
    };
    return {
        ...profile,
        nodes: profile.nodes.map((node) => ({
            ...node,
            callFrame: { ...node.callFrame, url: relative(node.callFrame.url) },
        })),
    };
}
/** The identity of a node's function: named ones by name and file, anonymous ones by their line. */
function functionId(node) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName === '' ? '(anonymous)' : functionName;
    // Native frames (perf) have no line: the binary alone says where.
    const location = url === '' ? undefined : lineNumber < 0 ? url : `${url}:${lineNumber + 1}`;
    const key = functionName === '' ? `${name} ${location ?? ''}` : `${name} ${url}`;
    return { key, name, ...(location === undefined ? {} : { location }) };
}
/**
 * How long each sample stood for, µs: until the next sample, the last one until the profile's
 * end (as Chrome DevTools counts). Negative gaps (clock steps) count as nothing.
 */
function sampleDurations(profile) {
    const { samples, timeDeltas } = profile;
    let at = profile.startTime;
    const stamps = timeDeltas.map((delta) => (at += delta));
    return samples.map((_, i) => Math.max(0, (i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i]));
}
/** Self time per bench call of each function in one round (the bench's samples only), ms. */
function roundTimes(round) {
    const byFunction = new Map();
    const functions = new Map();
    const samplesByFunction = new Map();
    let total = 0;
    let collector = 0;
    let samples = 0;
    let collectorSamples = 0;
    for (const { node, us } of benchSamples(round)) {
        const ms = us / 1000 / round.calls;
        total += ms;
        samples++;
        const fn = functionId(node);
        if (isCollector(fn)) {
            collector += ms;
            collectorSamples++;
        }
        functions.set(fn.key, fn);
        byFunction.set(fn.key, (byFunction.get(fn.key) ?? 0) + ms);
        samplesByFunction.set(fn.key, (samplesByFunction.get(fn.key) ?? 0) + 1);
    }
    return {
        byFunction,
        functions,
        totalMs: total,
        collectorMs: collector,
        samplesByFunction,
        samples,
        collectorSamples,
    };
}
/** Time per bench call of each stack in one round (from the bench's outermost frame), ms. */
function roundStacks(round) {
    const stacks = new Map();
    for (const { stack, us } of benchSamples(round)) {
        const key = stack.map(frameText).join(';');
        stacks.set(key, (stacks.get(key) ?? 0) + us / 1000 / round.calls);
    }
    return stacks;
}
/** A frame of a folded stack: `name (file:line)`, without the `;` that separates frames. */
function frameText(node) {
    const { name, location } = functionId(node);
    const text = location === undefined ? name : `${name} (${location})`;
    return text.replace(/;/g, ',').replace(/\s+/g, ' ');
}

/**
 * A test of "this function's share of the time grew" from a few rounds a side (a command's
 * profiled runs cost a whole run each, so a pass can afford two), where a rank test across rounds
 * cannot decide (two rounds a side: its smallest one-sided p is 1/6). Pure.
 *
 * Each round is counted in samples: a function's samples out of the round's, outside the
 * collector's. Pooled over a side's rounds, the two sides' shares are compared as binomial
 * proportions, the variance widened by the spread the rounds show beyond sampling (over-
 * dispersion, as in a quasi-binomial model): the larger of the family's pooled spread and the
 * function's own, so a function whose time jumps between runs (a compile, a file read) is held to
 * its own spread and a quiet round pair cannot make every function look certain.
 */
/** Samples of the round outside the collector's (the denominator of every share but its own). */
function outsideCollector(times) {
    return times.samples - times.collectorSamples;
}
function countsOf(times, key, collector) {
    return {
        hits: times.map((t) => t.samplesByFunction.get(key) ?? 0),
        totals: times.map((t) => (collector ? t.samples : outsideCollector(t))),
    };
}
const sum = (values) => values.reduce((a, b) => a + b, 0);
/** Pearson's χ² of a side's rounds about their pooled share, and its degrees of freedom. */
function spread({ hits, totals }) {
    const share = sum(hits) / sum(totals);
    if (!(share > 0 && share < 1))
        return { chi2: 0, df: 0 };
    let chi2 = 0;
    let rounds = 0;
    for (const [i, total] of totals.entries()) {
        // A round with none of the bench's samples says nothing of its spread (and would divide by 0).
        if (total === 0)
            continue;
        const expected = total * share;
        chi2 += (hits[i] - expected) ** 2 / (expected * (1 - share));
        rounds++;
    }
    return { chi2, df: Math.max(0, rounds - 1) };
}
/**
 * One-sided p of "the head's share is above the base's" for each key in `family` (identified in
 * `functions`), from the rounds' sample counts, with the dispersion the rounds themselves show.
 */
function shareGrowthPs(base, head, family, functions) {
    const counts = new Map(family.map((key) => {
        const collector = isCollector(functions.get(key));
        return [
            key,
            { collector, sides: [countsOf(base, key, collector), countsOf(head, key, collector)] },
        ];
    }));
    let chi2 = 0;
    let df = 0;
    const own = new Map();
    for (const [key, { collector, sides }] of counts) {
        const spreads = sides.map(spread);
        const c = sum(spreads.map((s) => s.chi2));
        const d = sum(spreads.map((s) => s.df));
        if (d > 0)
            own.set(key, c / d);
        // The collector's bursts land on whichever round crosses its threshold: its spread is its
        // own, and pooled it widened every other function's (a round of 25 collector samples
        // beside one of none made a slowed helper's p 0.007, no longer significant).
        if (collector)
            continue;
        chi2 += c;
        df += d;
    }
    const pooled = df > 0 ? chi2 / df : 1;
    const ps = new Map();
    for (const [key, { sides }] of counts) {
        const [b, h] = sides;
        const [nb, nh] = [sum(b.totals), sum(h.totals)];
        const [cb, ch] = [sum(b.hits), sum(h.hits)];
        const share = (cb + ch) / (nb + nh);
        if (!(nb > 0 && nh > 0 && share > 0 && share < 1)) {
            ps.set(key, 1);
            continue;
        }
        const dispersion = Math.max(1, pooled, own.get(key) ?? 1);
        const se = Math.sqrt(dispersion * share * (1 - share) * (1 / nb + 1 / nh));
        const z = (ch / nh - cb / nb) / se;
        // The upper tail from erf (the table of cumulativeStdNormalProbability stops at z = 3.09).
        const p = 0.5 * (1 - errorFunction(z / Math.SQRT2));
        // Never a NaN, which Holm's `p > level` would keep.
        ps.set(key, Number.isFinite(p) ? Math.max(0, p) : 1);
    }
    return ps;
}

/**
 * Which functions made the head slower: each function's self time per bench call, round by
 * round on each side, tested for growth beyond the spread between rounds. Pure.
 *
 * - Times per call are taken from each side's faster half of rounds (by total): a CPU hog only
 *   ever adds time, to whole rounds, so the faster rounds are the undisturbed ones.
 * - The family tested is fixed before looking at any change: the functions holding at least
 *   MIN_TIME of either side's time (at most 1 / MIN_TIME of them), so the multiple-testing
 *   correction is not spent on the hundreds that hold a sample or two. Of those, only the ones
 *   whose time grew by at least MIN_SHARE of the whole change are tested (the others count as
 *   not significant): a function that did not grow is never named.
 * - The test is on each function's share of its round's time (outside the collector's, whose
 *   bursts land on whichever round crosses its threshold), which a disturbed round leaves as
 *   it was (the hog's pauses land on functions in proportion to their time), one-sided (head
 *   above base) with the Mann–Whitney U test across all rounds, which assumes no shape for the
 *   spread; the family is held to ALPHA by Holm's step-down correction. A function that only
 *   grew with everything else (its share did not) is not named: the one that took over is.
 * - With fewer than RANK_ROUNDS rounds a side (a command's pass, where each round is a whole
 *   run), the rank test cannot decide; the shares are then compared by their sample counts
 *   (share-count-test.ts), the variance widened by the spread the rounds show.
 * - Ranked by growth (ms per call, head − base); the top MAX_LINES are named, each with its
 *   share of the whole change (the total per call, head − base).
 * - One exception to "its share must grow": a function that holds nearly all the time on both
 *   sides (DOMINANT_SHARE) cannot grow its share. It is named when the rounds' totals per call
 *   grew (the same one-sided rank test, at DOMINANT_ALPHA), ranked with the others by growth.
 * - Sides profiled in turn (a server's: all the base's rounds in one process, then the head's
 *   in another) must first show the growth in their own rounds' totals (rank test, ALPHA): the
 *   shares' spread is within one process, and two processes of the same code can differ beyond
 *   it (their JIT's and collector's choices, the sampler's gaps under load), which named
 *   unchanged code in A/A runs (bench:explain's server).
 */
/** The family-wise false-naming rate: a function that did not change is named at most this often. */
const ALPHA = 0.01;
/** A function is tested only when it grew by at least this share of the whole change. */
const MIN_SHARE = 0.05;
/** A function is in the tested family when it holds at least this share of a side's time. */
const MIN_TIME = 0.01;
/** At most this many functions are named. */
const MAX_LINES = 3;
/**
 * A function holding at least this share of both sides' time is the bench's time: when it
 * grew, its share cannot (a bench spending it all in `JSON.stringify` called from one function).
 */
const DOMINANT_SHARE = 0.8;
/**
 * The rounds' totals must have grown at this one-sided level for it: stricter than ALPHA, since
 * totals, unlike shares, move with a CPU hog (seeded: 9 of 400 unchanged runs passed at 1%).
 */
const DOMINANT_ALPHA = ALPHA / 10;
/**
 * Rounds a side from which the rank test decides; fewer are tested by sample counts. With 4 a
 * side its smallest one-sided p is 1/70, above ALPHA before any correction. The count test's
 * spread is between rounds, so it holds only where each round is its own process (a command's
 * runs): a server's rounds are cut from one process a side, which cannot show how two processes
 * differ (bench:explain's server, 15 A/A seeds: 4 rounds of 10 requests by counts named
 * unchanged code in one, as did every count-test size tried; 20 rounds of 3 by rank in none).
 */
const RANK_ROUNDS = 5;
/** Attributes the change between the sides' profile rounds to functions, or says it cannot. */
function attribute(base, head, order = {}) {
    const baseTimes = base.map(roundTimes);
    const headTimes = head.map(roundTimes);
    const [baseFast, headFast] = [fasterHalf(baseTimes), fasterHalf(headTimes)];
    const baseTotalMs = median(baseFast.map((t) => t.totalMs));
    const headTotalMs = median(headFast.map((t) => t.totalMs));
    const change = headTotalMs - baseTotalMs;
    const totals = { baseTotalMs, headTotalMs };
    const rounds = Math.min(base.length, head.length);
    if (rounds < 2) {
        return { lines: [], note: 'too few profile rounds to tell a change from noise', ...totals };
    }
    if (!(change > 0)) {
        return {
            lines: [],
            note: `the profiles cannot separate the change from noise: their total time per call did not grow (${rounds} rounds per side)`,
            ...totals,
        };
    }
    if (order.sidesInTurn && !(oneSidedP(totalsOf(baseTimes), totalsOf(headTimes)) <= ALPHA)) {
        return {
            lines: [],
            note: `the profiles cannot separate the change from noise: the sides were profiled one after the other, and their rounds' total time per call did not grow beyond the rounds' spread (${rounds} rounds per side)`,
            ...totals,
        };
    }
    const functions = new Map();
    // The head last: a function on both sides is located where the head has it now.
    for (const times of [...baseTimes, ...headTimes])
        for (const [key, fn] of times.functions)
            functions.set(key, fn);
    const shares = new Map([...functions.keys()].map((key) => [key, [shareOf(baseTimes, key), shareOf(headTimes, key)]]));
    const family = [...functions.keys()].filter((key) => {
        const [b, h] = shares.get(key);
        return Math.max(median(b), median(h)) >= MIN_TIME;
    });
    const countPs = rounds < RANK_ROUNDS ? shareGrowthPs(baseTimes, headTimes, family, functions) : undefined;
    const candidates = [];
    for (const key of family) {
        const [b, h] = shares.get(key);
        const baseMs = median(perRound(baseFast, key));
        const headMs = median(perRound(headFast, key));
        const growth = headMs - baseMs;
        if (!(growth >= MIN_SHARE * change))
            continue;
        if (!(median(h) > median(b)))
            continue;
        const p = countPs ? (countPs.get(key) ?? 1) : oneSidedP(b, h);
        candidates.push({ fn: functions.get(key), baseMs, headMs, growth, p });
    }
    const grown = holm(candidates, family.length);
    const dominant = dominantGrowth(baseTimes, headTimes, baseFast, headFast, functions, change);
    // Beside whatever else grew: the collector's share grows with the allocations of a slower
    // JSON.stringify, and naming only the collector's 6% of the change hid the other 94% (seen).
    if (dominant && !grown.some((c) => c.fn.key === dominant.fn.key))
        grown.push(dominant);
    if (grown.length === 0) {
        return {
            lines: [],
            note: `the profiles cannot separate the change from noise (${rounds} rounds per side)`,
            ...totals,
        };
    }
    const lines = grown
        .sort((a, b) => b.growth - a.growth)
        .slice(0, MAX_LINES)
        .map((c) => causeLine(c, change));
    return { lines, ...totals };
}
/** A named function's line: where it is, both times, and its share of the whole change. */
function causeLine(c, change) {
    return {
        name: c.fn.name,
        ...(c.fn.location === undefined ? {} : { location: c.fn.location }),
        baseMs: c.baseMs,
        headMs: c.headMs,
        share: Math.min(1, c.growth / change),
    };
}
/**
 * The one function that holds nearly all of both sides' time (DOMINANT_SHARE), when the time per
 * call of the whole grew across rounds (one-sided rank test of the rounds' totals at
 * DOMINANT_ALPHA): then its growth is the change, though its share could not grow.
 */
function dominantGrowth(baseTimes, headTimes, baseFast, headFast, functions, change) {
    const holders = [...functions.keys()].filter((key) => median(shareOf(baseTimes, key)) >= DOMINANT_SHARE &&
        median(shareOf(headTimes, key)) >= DOMINANT_SHARE);
    if (holders.length !== 1)
        return undefined;
    const [key] = holders;
    if (!(oneSidedP(totalsOf(baseTimes), totalsOf(headTimes)) <= DOMINANT_ALPHA))
        return undefined;
    const baseMs = median(perRound(baseFast, key));
    const headMs = median(perRound(headFast, key));
    const growth = headMs - baseMs;
    if (!(growth >= MIN_SHARE * change))
        return undefined;
    return { fn: functions.get(key), baseMs, headMs, growth };
}
/**
 * The candidates Holm's step-down procedure keeps at family-wise level ALPHA, in a family of
 * `family` hypotheses (the untested ones rank last, as if their p were 1).
 */
function holm(candidates, family) {
    const sorted = [...candidates].sort((a, b) => a.p - b.p);
    const kept = [];
    for (const [i, candidate] of sorted.entries()) {
        if (candidate.p > ALPHA / (family - i))
            break;
        kept.push(candidate);
    }
    return kept;
}
/** One-sided p of "head above base" from the two-sided Mann–Whitney U test. */
function oneSidedP(base, head) {
    const { u, p } = mannWhitneyU(base, head);
    return u > (base.length * head.length) / 2 ? p / 2 : 1 - p / 2;
}
function totalsOf(times) {
    return times.map((t) => t.totalMs);
}
function perRound(times, key) {
    return times.map((t) => t.byFunction.get(key) ?? 0);
}
/**
 * The function's share of each round's time; a function's other than the collector's, of the
 * round's time outside the collector. A collection runs in whichever round crosses its threshold,
 * so one round holds a burst (a third of a server's round, seen) that shrank every share there.
 */
function shareOf(times, key) {
    return times.map((t) => {
        const own = t.byFunction.get(key) ?? 0;
        const collector = isCollector(t.functions.get(key));
        const whole = collector ? t.totalMs : t.totalMs - t.collectorMs;
        return whole > 0 ? own / whole : 0;
    });
}
/** The rounds with the smaller totals, half of them (at least one). */
function fasterHalf(times) {
    const sorted = [...times].sort((a, b) => a.totalMs - b.totalMs);
    return sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
}
function median(values) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How notes quote a command: its first line, shortened. */
/** The first line of a command, at most 60 characters, as notes quote it. */
function commandLabel(command) {
    const first = command.split('\n')[0].trim();
    return first.length > 60 ? `${first.slice(0, 57)}…` : first;
}

/** One profile holding every sample of `profiles`, their call trees merged by frame path. */
function mergeProfiles(profiles) {
    const root = {
        id: 1,
        callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 },
        hitCount: 0,
        children: [],
    };
    const nodes = [root];
    // parent id + frame → merged node id
    const byPath = new Map();
    const samples = [];
    const timeDeltas = [];
    const startTime = profiles[0]?.startTime ?? 0;
    /** The time from the last sample so far to the end of its profile. */
    let tail = 0;
    const childOf = (parent, frame) => {
        const key = `${parent.id}\u0000${frameKey(frame)}`;
        const known = byPath.get(key);
        if (known !== undefined)
            return nodes[known - 1];
        const node = { id: nodes.length + 1, callFrame: { ...frame }, hitCount: 0 };
        nodes.push(node);
        byPath.set(key, node.id);
        (parent.children ??= []).push(node.id);
        return node;
    };
    for (const profile of profiles) {
        const byId = new Map(profile.nodes.map((node) => [node.id, node]));
        const merged = new Map();
        // Roots are the nodes no other node names as a child (V8 writes exactly one, `(root)`).
        const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
        const stack = profile.nodes
            .filter((node) => !children.has(node.id))
            .map((node) => [node, root]);
        while (stack.length > 0) {
            const [node, parent] = stack.pop();
            const into = node.callFrame.functionName === '(root)' && parent === root
                ? root
                : childOf(parent, node.callFrame);
            merged.set(node.id, into);
            into.hitCount = (into.hitCount ?? 0) + (node.hitCount ?? 0);
            for (const id of node.children ?? []) {
                const child = byId.get(id);
                if (child)
                    stack.push([child, into]);
            }
        }
        // The time before a profile's first sample is start-up, nobody's: the previous profile's
        // last sample lasts until that profile's end instead, as it would have alone.
        let stamp = profile.startTime;
        profile.samples.forEach((id, index) => {
            const delta = profile.timeDeltas[index] ?? 0;
            stamp += delta;
            const into = merged.get(id);
            if (into === undefined)
                return;
            samples.push(into.id);
            timeDeltas.push(samples.length === 1 || index > 0 ? delta : tail);
        });
        if (profile.samples.length > 0)
            tail = Math.max(0, profile.endTime - stamp);
    }
    const sampled = timeDeltas.reduce((sum, delta) => sum + delta, 0);
    return { nodes, startTime, endTime: startTime + sampled + tail, samples, timeDeltas };
}
/** A frame's identity across processes: scriptIds differ per process, names and places do not. */
function frameKey(frame) {
    return [frame.functionName, frame.url, frame.lineNumber, frame.columnNumber].join('\u0000');
}

/**
 * Profiles of commands that are not Node processes: `perf record -g` on a software clock (no
 * hardware counters needed, so it works in most VMs when the kernel lets perf sample at all),
 * and `perf script` read back into the V8 profile shape, so one attribution serves both.
 */
const run = promisify(execFile);
const probed = new Map();
/**
 * Probes once per PATH (perf is looked up where the bench's commands are):
 * `perf record -e cpu-clock -g -- true` must write a data file.
 */
function probePerfRecord(env) {
    const key = env.PATH ?? '';
    let probing = probed.get(key);
    if (probing === undefined) {
        probing = probe(env);
        probed.set(key, probing);
    }
    return probing;
}
async function probe(env) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-record-'));
    const data = path.join(dir, 'probe.data');
    try {
        await run('perf', ['record', '-e', 'cpu-clock', '-g', '-q', '-o', data, '--', 'true'], { env });
        await stat(data);
        return { ok: true };
    }
    catch (error) {
        const failed = error;
        if (failed.code === 'ENOENT')
            return { ok: false, reason: 'perf is not installed' };
        const why = lastLines(failed.stderr ?? '', 1) || failed.message;
        return { ok: false, reason: `perf record fails: ${why}` };
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
/** A side's profiler that runs the command `calls` times per round under `perf record -g`. */
async function openPerfProfiler(spec, options) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-record-'));
    // perf caps the rate (kernel.perf_event_max_sample_rate); 4 kHz is under its usual floor.
    const frequency = Math.min(4000, Math.max(100, Math.round(1e6 / options.intervalUs)));
    return {
        async round() {
            const shell = { ...options.shell, signal: AbortSignal.timeout(options.timeoutMs) };
            const profiles = [];
            for (let call = 0; call < options.calls; call++) {
                if (spec.prepare !== undefined) {
                    const prepared = await runShell(spec.prepare, shell);
                    if (prepared.code !== 0) {
                        throw new Error(`prepare \`${commandLabel(spec.prepare)}\` failed before perf record`);
                    }
                }
                const data = path.join(dir, `${call}.data`);
                const recorded = await runShell(`perf record -e cpu-clock -F ${frequency} -g -q -o ${quote(data)} -- sh -c ${quote(spec.command)}`, shell);
                if (recorded.code !== 0) {
                    const tail = lastLines(recorded.stderrTail, 1);
                    throw new Error(`\`perf record … ${commandLabel(spec.command)}\` exited with code ${recorded.code}${tail ? ` (${tail})` : ''}`);
                }
                const { stdout } = await run('perf', ['script', '-i', data, '-F', 'comm,pid,tid,period,event,ip,sym,dso'], { maxBuffer: 256 * 1024 * 1024, env: shell.env });
                profiles.push(parsePerfScript(stdout));
            }
            return { profile: mergeProfiles(profiles), calls: options.calls };
        },
        close: () => rm(dir, { recursive: true, force: true }),
    };
}
/**
 * `perf script -F comm,pid,tid,period,event,ip,sym,dso` output as a V8 CPU profile: each sample's
 * stack (leaf first in perf, root first here) under a frame for its process name, its period
 * (nanoseconds of cpu-clock) as the time before it. Frames perf could not name at all
 * (`[unknown] ([unknown])`, broken frame-pointer chains) are left out.
 */
function parsePerfScript(text) {
    const root = { id: 1, callFrame: frame('(root)', ''), hitCount: 0, children: [] };
    const nodes = [root];
    const index = new Map();
    const samples = [];
    const timeDeltas = [];
    const add = (parent, name, url) => {
        const key = `${parent.id}\u0000${name}\u0000${url}`;
        let node = index.get(key);
        if (node === undefined) {
            node = { id: nodes.length + 1, callFrame: frame(name, url), hitCount: 0 };
            nodes.push(node);
            index.set(key, node);
            (parent.children ??= []).push(node.id);
        }
        return node;
    };
    for (const block of text.split(/\n\s*\n/)) {
        const lines = block.split('\n').filter((line) => line.trim() !== '');
        const header = lines.find((line) => !/^\s/.test(line));
        if (header === undefined)
            continue;
        // `comm pid/tid period event:` — comm may contain spaces, so read from the right.
        const match = /^(.*?)\s+\d+\/\d+\s+(\d+)\s+\S+:\s*$/.exec(header);
        if (match === null)
            continue;
        const [, comm, period] = match;
        const frames = lines
            .filter((line) => /^\s/.test(line))
            .map(parseFrameLine)
            .filter((f) => f !== undefined)
            .reverse();
        let node = add(root, comm, '');
        for (const f of frames)
            node = add(node, f.name, f.dso);
        node.hitCount = (node.hitCount ?? 0) + 1;
        samples.push(node.id);
        timeDeltas.push(Number(period) / 1000);
    }
    const duration = timeDeltas.reduce((sum, delta) => sum + delta, 0);
    return { nodes, startTime: 0, endTime: duration, samples, timeDeltas };
}
function parseFrameLine(line) {
    const match = /^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$/.exec(line);
    if (match === null)
        return undefined;
    const [, symbol, dso] = match;
    const known = dso !== '[unknown]';
    if (symbol === '[unknown]' && !known)
        return undefined;
    // An unnamed address in a known binary still says which binary the time went to.
    return {
        name: symbol === '[unknown]' ? `[${path.basename(dso)}]` : symbol,
        dso: known ? dso : '',
    };
}
function frame(functionName, url) {
    // Native code has no line: -1, as V8 writes for its own native frames.
    return { functionName, scriptId: '0', url, lineNumber: -1, columnNumber: -1 };
}
/** A single-quoted shell word. */
function quote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A preload that makes any Node process perfgate starts write its own V8 CPU profile. Node 20
 * refuses `--cpu-prof` in NODE_OPTIONS, but accepts `--require`, and NODE_OPTIONS reaches every
 * Node process a command starts (npm → node, a shell script's node), so the preload profiles
 * them all with the inspector's Profiler and writes one `.cpuprofile` per process (and window).
 *
 * Two modes: `exit` profiles the whole process and writes at exit (a `command` run); `signal`
 * registers the process and profiles only between two SIGUSR2 (a `serve` server, over the
 * measured requests — a server never exits normally, so `--cpu-prof` would never write).
 */
/** Environment variables the preload reads (it does nothing without the folder). */
const DIR = 'PERFGATE_PROFILE_DIR';
/** The variable naming the folder a profiled process writes to (and registered in). */
const PROFILE_DIR_VARIABLE = DIR;
const INTERVAL = 'PERFGATE_PROFILE_INTERVAL_US';
const MODE = 'PERFGATE_PROFILE_MODE';
/** The file a process that loaded the preload writes at start (signal mode): `<pid>.pid`. */
const PID_SUFFIX = '.pid';
/** A pid file's text when its process runs without inlining (NODE_FLAGS). */
const INLINING_OFF = 'no-inlining';
/** The flag the preload looks for to tell that its process runs with NODE_FLAGS. */
const MARK_FLAG = '--no-maglev-inlining';
/**
 * V8 flags profiled Node processes run with: no inlining. An inlined function has no frame in a
 * CPU profile: once the optimiser inlines a function's helpers (Turbofan after a thousand calls
 * or so; on Node 22 and 24 Maglev after a few dozen), their samples land on the caller, and the
 * profiles could only name the caller. Both sides run the same way, so the comparison is fair.
 * Node refuses V8 flags in NODE_OPTIONS, and set at run time (v8.setFlagsFromString) they were
 * seen not to hold on Node 24: so on the command line (the js worker's) or through a `node` shim
 * on PATH (commands and servers).
 */
const NODE_FLAGS = ['--no-turbo-inlining', MARK_FLAG];
/**
 * A server's flags add no on-stack replacement: on Node 24 the samples of a handler's helper
 * whose loop was optimised while it ran (called a few dozen times, as while profiling) were
 * counted as the handler's. Not for commands: there the same flag moved part of a long loop's
 * samples to its caller instead (both seen on Node 24, tested in __tests__/profile).
 */
const SERVER_NODE_FLAGS = [...NODE_FLAGS, '--no-use-osr'];
/** Written once a window's profiler runs (signal mode): `<pid>-<window>.started`. */
const STARTED_SUFFIX = '.started';
/**
 * A window's finished profile, `<pid>-<window>.cpuprofile` (windows count from 1; exit mode has
 * one). Written under another name and renamed, so never read half-written.
 */
const PROFILE_SUFFIX = '.cpuprofile';
/** The CPU time (µs, user + system) of a window, beside its profile: `<pid>-<window>.cpu-us`. */
const CPU_SUFFIX = '.cpu-us';
// CommonJS, plain ES2020, no dependencies: it runs inside the user's process, whatever its setup.
// Worker threads are left alone (their isolate is not the main one, and they load it too).
const SOURCE = `'use strict'
;(() => {
  const dir = process.env.${DIR}
  if (!dir || !require('node:worker_threads').isMainThread) return
  const fs = require('node:fs')
  const path = require('node:path')
  const inspector = require('node:inspector')
  const interval = Number(process.env.${INTERVAL}) || 1000
  const session = new inspector.Session()
  try {
    session.connect()
  } catch {
    return
  }
  let running = false
  let windows = 0
  let cpuAtStart = process.cpuUsage()
  const mark = (suffix, text) => {
    const file = path.join(dir, process.pid + suffix)
    fs.writeFileSync(file + '.tmp', text)
    fs.renameSync(file + '.tmp', file)
  }
  // A main-thread session answers synchronously, so stopping works inside an 'exit' listener.
  const start = () => {
    session.post('Profiler.enable', () => {
      session.post('Profiler.setSamplingInterval', { interval }, () => {
        session.post('Profiler.start', (error) => {
          if (error) return
          running = true
          windows++
          cpuAtStart = process.cpuUsage()
          mark('-' + windows + '${STARTED_SUFFIX}', '')
        })
      })
    })
  }
  const stop = () => {
    if (!running) return
    running = false
    const cpu = process.cpuUsage(cpuAtStart)
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      // The window's CPU time first: a profile on disk always has its CPU time beside it.
      mark('-' + windows + '${CPU_SUFFIX}', String(cpu.user + cpu.system))
      mark('-' + windows + '${PROFILE_SUFFIX}', JSON.stringify(result.profile))
    })
  }
  process.on('exit', stop)
  if (process.env.${MODE} !== 'signal') return start()
  process.on('SIGUSR2', () => (running ? stop() : start()))
  // Whether this process runs without inlining (started through the node shim on PATH).
  mark('${PID_SUFFIX}', process.execArgv.includes(${JSON.stringify(MARK_FLAG)}) ? '${INLINING_OFF}' : '')
})()
`;
/** Writes the preload into `dir` (a fresh temp folder) and returns its path. */
async function writePreload(dir) {
    const file = path.join(dir, 'perfgate-profile-preload.cjs');
    await writeFile(file, SOURCE);
    return file;
}
/**
 * Writes `dir/bin/node`, a shim that runs the `node` found on `env`'s PATH with `flags`, and
 * returns its folder, or undefined when PATH has no node (the processes then run as they are).
 */
async function writeNodeShim(dir, env, flags = NODE_FLAGS) {
    const real = await findOnPath('node', env.PATH ?? '');
    if (real === undefined)
        return undefined;
    const bin = path.join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    const quoted = `'${real.replace(/'/g, `'\\''`)}'`;
    await writeFile(path.join(bin, 'node'), `#!/bin/sh\nexec ${quoted} ${flags.join(' ')} "$@"\n`, {
        mode: 0o755,
    });
    return bin;
}
async function findOnPath(name, searchPath) {
    for (const folder of searchPath.split(path.delimiter)) {
        if (folder === '')
            continue;
        const file = path.join(folder, name);
        try {
            await access(file, constants.X_OK);
            return file;
        }
        catch {
            // Not here.
        }
    }
    return undefined;
}
/**
 * `env` with the preload added to NODE_OPTIONS (after whatever the user had there) and its
 * settings; every Node process started with this environment profiles itself.
 */
function profiledEnv(env, options) {
    // NODE_OPTIONS takes double-quoted values, so a folder with spaces stays one argument.
    const require = `--require "${options.preload.replace(/(["\\])/g, '\\$1')}"`;
    const existing = env.NODE_OPTIONS?.trim();
    return {
        ...env,
        ...(options.shim === undefined
            ? {}
            : { PATH: [options.shim, env.PATH].filter((p) => p).join(path.delimiter) }),
        NODE_OPTIONS: existing ? `${existing} ${require}` : require,
        [DIR]: options.dir,
        [INTERVAL]: String(Math.max(1, Math.round(options.intervalUs))),
        [MODE]: options.mode,
    };
}

/**
 * The profiler's own time out of a profile: the preload starting and stopping the profiler runs
 * inside the profiled process, and under load its first sample can stand for tens of ms (the
 * sampler's first tick comes late). That time is perfgate's, never the bench's, so it goes.
 */
/**
 * `profile` without the samples taken inside `file` (the preload) or below it; every other
 * sample keeps its duration (until the next sample, as DevTools counts), the dropped spans are
 * cut out of the timeline.
 */
function dropOwnTime(profile, file) {
    const url = pathToFileURL(file).href;
    const parents = new Map();
    for (const node of profile.nodes)
        for (const child of node.children ?? [])
            parents.set(child, node.id);
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const own = new Map();
    const isOwn = (id) => {
        const known = own.get(id);
        if (known !== undefined)
            return known;
        const node = nodes.get(id);
        const parent = parents.get(id);
        const result = node?.callFrame.url === url || file === node?.callFrame.url
            ? true
            : parent === undefined
                ? false
                : isOwn(parent);
        own.set(id, result);
        return result;
    };
    let at = profile.startTime;
    const stamps = profile.timeDeltas.map((delta) => (at += delta));
    const duration = (i) => Math.max(0, (i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i]);
    const samples = [];
    const timeDeltas = [];
    let previous = 0;
    profile.samples.forEach((id, i) => {
        if (isOwn(id))
            return;
        samples.push(id);
        timeDeltas.push(samples.length === 1 ? stamps[i] - profile.startTime : previous);
        previous = duration(i);
    });
    const last = timeDeltas.reduce((sum, delta) => sum + delta, profile.startTime);
    return { ...profile, samples, timeDeltas, endTime: last + previous };
}

/** Reading the `.cpuprofile` files profiled processes wrote, checked once here at the edge. */
const nodeSchema = object({
    id: number(),
    callFrame: object({
        functionName: string(),
        scriptId: union([string(), number()]).transform(String),
        url: string(),
        lineNumber: number(),
        columnNumber: number(),
    }),
    hitCount: number().optional(),
    children: array(number()).optional(),
});
/** A V8 CPU profile as Node writes it (scriptId a string or, from older writers, a number). */
const cpuProfileSchema = object({
    nodes: array(nodeSchema).min(1),
    startTime: number(),
    endTime: number(),
    samples: array(number()),
    timeDeltas: array(number()),
});
/** The profile files in `dir`, sorted by name (pid, then window). */
async function profileFiles$1(dir) {
    const names = await readdir(dir);
    return names
        .filter((name) => name.endsWith(PROFILE_SUFFIX))
        .sort()
        .map((name) => path.join(dir, name));
}
/** Reads and checks one `.cpuprofile`; the error names the file and what is wrong. */
async function readProfile(file) {
    let json;
    try {
        json = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        throw new Error(`${file} is not a JSON CPU profile: ${error.message}`);
    }
    const parsed = cpuProfileSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file} is not a V8 CPU profile: ${issue.path.join('.')} ${issue.message}`);
    }
    return parsed.data;
}
/** Reads a profile the preload `preload` wrote, without the preload's own samples. */
async function readOwnless(file, preload) {
    return dropOwnTime(await readProfile(file), preload);
}
/**
 * One round from the profiles the preload wrote (one per process and window): merged, with the
 * CPU time of their windows summed when every one has it (the attribution then shares it out).
 */
async function readRound(files, preload, calls) {
    const profiles = await Promise.all(files.map((file) => readOwnless(file, preload)));
    const cpu = await Promise.all(files.map(cpuMicros));
    const known = cpu.every((us) => us !== undefined);
    return {
        profile: mergeProfiles(profiles),
        calls,
        ...(known && files.length > 0 ? { cpuMs: cpu.reduce((sum, us) => sum + us, 0) / 1000 } : {}),
    };
}
async function cpuMicros(profileFile) {
    const file = profileFile.slice(0, -PROFILE_SUFFIX.length) + CPU_SUFFIX;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const us = Number(text);
    return text === undefined || !Number.isFinite(us) || us < 0 ? undefined : us;
}

/**
 * The `command` capture: each round runs the command `calls` times with the profiling preload in
 * NODE_OPTIONS, every Node process it starts writing its own profile, merged into one round. The
 * first round, taken while opening, shows whether the command starts Node at all (npm scripts,
 * wrappers and shell scripts do, so the command's text cannot tell); one that does not is
 * profiled with `perf record` where this runner allows it, else a note says so.
 */
/**
 * Profiled runs a side. Each is a whole run, 1.4 times a plain one, where the confirmation ran
 * about 10 a side: two keep the pass near a quarter of it. Ten (for the rank test) cost 126%.
 * Two are tested by their sample counts (attribute.ts). On bench:explain's command, pairs of
 * runs cut from 15 seeds named the slowed helper first in 72 of 75, unchanged code in none of
 * 75 A/A pairs (three runs: 45 of 45, but 1 of 45 A/A); on 15 other seeds, as run here, 13 of
 * 15 for 25% of the confirmation, and none of 15 A/A.
 */
const COMMAND_ROUNDS = 2;
/** Opens a side's profiler for a `command` bench: Node's own, perf, or a note why neither. */
const openCommand = async (side, target) => {
    const spec = target.bench.spec;
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'));
    const remove = () => rm(scratch, { recursive: true, force: true });
    try {
        const dir = path.join(scratch, 'profiles');
        await mkdir(dir);
        const preload = await writePreload(scratch);
        const plain = {
            cwd: spec.cwd,
            env: { ...side.env, ...spec.env },
            signal: AbortSignal.timeout(target.bench.settings.timeout),
        };
        const profiled = {
            ...plain,
            env: profiledEnv(plain.env, {
                preload,
                shim: await writeNodeShim(scratch, plain.env),
                dir,
                intervalUs: target.intervalUs,
                mode: 'exit',
            }),
        };
        const first = await runCalls(spec, target.calls, timed(plain, target), timed(profiled, target));
        if (first !== undefined) {
            await remove();
            return first;
        }
        const files = await profileFiles$1(dir);
        if (files.length === 0) {
            await remove();
            return openNative(spec, target, plain);
        }
        const profiler = {
            // The first round: a run costs a command's pass the most, so none is spent on looking.
            opening: await readRound(files, preload, target.calls),
            async round() {
                await rm(dir, { recursive: true, force: true });
                await mkdir(dir);
                const failed = await runCalls(spec, target.calls, timed(plain, target), timed(profiled, target));
                if (failed !== undefined)
                    throw new Error(`${side.side} side: ${failed.note}`);
                return readRound(await profileFiles$1(dir), preload, target.calls);
            },
            close: remove,
        };
        return profiler;
    }
    catch (error) {
        await remove();
        throw error;
    }
};
/** Opens a side's profiler for a `command` bench (its first round taken while opening). */
const captureCommand = Object.assign(openCommand, {
    opensWithRound: true,
    rounds: COMMAND_ROUNDS,
});
/** Runs prepare (unprofiled) and the command (profiled) `calls` times; a note when one fails. */
async function runCalls(spec, calls, plain, profiled) {
    for (let call = 0; call < calls; call++) {
        // prepare is not timed, so it is not profiled either.
        if (spec.prepare !== undefined) {
            const failed = failure('prepare', spec.prepare, await runShell(spec.prepare, plain));
            if (failed)
                return { note: failed };
        }
        const failed = failure('command', spec.command, await runShell(spec.command, profiled));
        if (failed)
            return { note: failed };
    }
    return undefined;
}
async function openNative(spec, target, shell) {
    const perf = await probePerfRecord(shell.env);
    if (!perf.ok) {
        return {
            note: `no profiler applies to \`${commandLabel(spec.command)}\`: it starts no Node process, and perf is not available on this runner (${perf.reason})`,
        };
    }
    return openPerfProfiler(spec, {
        calls: target.calls,
        intervalUs: target.intervalUs,
        shell,
        timeoutMs: target.bench.settings.timeout,
    });
}
/** `shell` with a fresh timeout: each round gets the bench's whole timeout. */
function timed(shell, target) {
    return { ...shell, signal: AbortSignal.timeout(target.bench.settings.timeout) };
}
/** Why a profiled run failed, as a note; undefined when it succeeded. */
function failure(what, command, run) {
    if (run.code === 0)
        return undefined;
    const how = run.aborted
        ? "was stopped at the bench's timeout"
        : run.code === null
            ? `was killed by ${run.signal}`
            : `exited with code ${run.code}`;
    const tail = lastLines(run.stderrTail, 2);
    return `profiling failed: ${what} \`${commandLabel(command)}\` ${how}${tail ? ` (${tail.replace(/\n/g, ' ')})` : ''}`;
}

/**
 * The `js` capture: one worker process per side (the bench's own worker in profiling mode), kept
 * up across rounds, each round the inspector's Profiler around a counted number of calls.
 */
/** Opens a profiling worker for the js function `target.result` names on one side. */
const captureJs = async (side, target) => {
    const spec = target.bench.spec;
    if (spec.module === CALIBRATION_MODULE) {
        return { note: 'the built-in calibration workload is not profiled' };
    }
    if (!existsSync(spec.module)) {
        return { note: `${spec.module} does not exist on the ${side.side} side` };
    }
    const job = {
        profile: true,
        moduleUrl: pathToFileURL(spec.module).href,
        function: target.result.slice(target.bench.name.length + 1),
        ...(spec.args === undefined ? {} : { args: spec.args }),
        calls: target.calls,
        intervalUs: target.intervalUs,
    };
    const worker = startWorker(side.env);
    const fail = (reply) => {
        killGroup(worker.child.pid);
        throw new Error(`${spec.module} (${side.side}): ${'error' in reply ? reply.error : 'no reply'}`);
    };
    worker.child.send(job);
    const ready = await worker.next();
    if (!ready.ok)
        fail(ready);
    const profiler = {
        async round() {
            worker.send({ round: true });
            const reply = await worker.next();
            if (!reply.ok || !('profile' in reply))
                return fail(reply);
            return { profile: reply.profile, calls: reply.calls, cpuMs: reply.cpuMs };
        },
        async close() {
            if (worker.child.exitCode !== null)
                return;
            worker.send({ close: true });
            await worker.next().catch(() => undefined);
            killGroup(worker.child.pid);
        },
    };
    return profiler;
};
function startWorker(env) {
    const child = fork(workerPath(), [], {
        // Without inlining (preload.ts says why).
        execArgv: NODE_FLAGS,
        detached: true,
        env: { ...env },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const replies = [];
    const waiting = [];
    let stderr = '';
    let exited;
    child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-2e3)));
    child.on('message', (reply) => {
        const waiter = waiting.shift();
        if (waiter)
            waiter.resolve(reply);
        else
            replies.push(reply);
    });
    child.on('exit', (code, signal) => {
        const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
        exited = new Error(`the profiling process ${how}${stderr ? `:\n${stderr.trim()}` : ''}`);
        for (const waiter of waiting.splice(0))
            waiter.reject(exited);
    });
    return {
        child,
        send: (request) => child.send(request),
        next: () => {
            const reply = replies.shift();
            if (reply)
                return Promise.resolve(reply);
            if (exited)
                return Promise.reject(exited);
            return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
        },
    };
}

/**
 * The samples of `profile` taken in [fromUs, toUs), as a profile of that span, holding only the
 * nodes its samples reach (and their ancestors), so a stored round stays the size of its tree.
 */
function sliceProfile(profile, fromUs, toUs) {
    let at = profile.startTime;
    const stamps = profile.timeDeltas.map((delta) => (at += delta));
    const samples = [];
    const timeDeltas = [];
    let previous = fromUs;
    profile.samples.forEach((id, i) => {
        if (stamps[i] < fromUs || stamps[i] >= toUs)
            return;
        samples.push(id);
        timeDeltas.push(stamps[i] - previous);
        previous = stamps[i];
    });
    const parents = new Map();
    for (const node of profile.nodes)
        for (const child of node.children ?? [])
            parents.set(child, node.id);
    const kept = new Set();
    for (const id of new Set(samples)) {
        let node = id;
        while (node !== undefined && !kept.has(node)) {
            kept.add(node);
            node = parents.get(node);
        }
    }
    // The root stays even in a span without samples: a profile always has one.
    for (const node of profile.nodes)
        if (!parents.has(node.id))
            kept.add(node.id);
    const nodes = profile.nodes
        .filter((node) => kept.has(node.id))
        .map((node) => {
        const children = node.children?.filter((child) => kept.has(child));
        return { ...node, ...(node.children ? { children } : {}) };
    });
    return { nodes, startTime: fromUs, endTime: toUs, samples, timeDeltas };
}
/** Now on the clock V8 stamps profile samples with (monotonic), µs. */
function monotonicUs() {
    return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The profile of one side's `serve` server of an `http` or `e2e` bench, over the requests (or
 * flows) the bench drives. The server starts with the profiling preload in signal mode: every
 * Node process of it registers, the bench warms it up, one SIGUSR2 starts their profilers, the
 * bench drives `calls` requests one at a time for each round of a block, and a second SIGUSR2
 * makes each write its profile, which is cut into the rounds by time. Start-up and warm-up stay
 * out of the profile; the server keeps running until stopped.
 */
/** How long a profiled process may take to start or write its profile after a signal. */
const ANSWER_MS = 10_000;
/**
 * Requests (or flows) a server's round drives at least. One request of a slow handler was a
 * whole round (the plan's 30 ms), so one collection or one pause of the sampler moved its
 * shares: a 5x slower helper was once not told from noise. Rounds in one window cost only
 * their requests, so three are cheap.
 */
const MIN_SERVER_CALLS = 3;
/**
 * Rounds per side: as many as profiling can afford (at most 30% of a short server bench's
 * confirmation: of a 2.5 s pass at 15 rounds, the two starts with warm-up took 1.0 s, the
 * requests 1.3 s).
 * Chosen on bench:explain's server, seeds 301-345, each profiled in 60 one-request rounds a
 * side and cut offline, with the check that sides taken in turn show their totals grew: 20
 * rounds of 3 requests named the slowed helper in 41 of 45, 15 rounds in 39, 12 in 36, none of
 * them unchanged code in the A/A runs (10 rounds: 36, and unchanged code once). 15 rounds cost
 * 32% of the confirmation (seeds 701-730), so 12.
 */
const SERVER_ROUNDS = 12;
/** Opens one side's server under the profiler (started, checked, warmed up), or says why it cannot. */
const openServer = async (side, target) => {
    const { bench } = target;
    const serve = bench.settings.serve;
    if (serve === undefined) {
        return {
            note: `no profiler applies to bench "${bench.name}": perfgate does not start its server (no serve:)`,
        };
    }
    const label = `the ${side.side} side's server \`${commandLabel(serve.command)}\``;
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'));
    const remove = () => rm(scratch, { recursive: true, force: true });
    try {
        const dir = path.join(scratch, 'profiles');
        await mkdir(dir);
        const preload = await writePreload(scratch);
        // Over serve.env too: a NODE_OPTIONS set there keeps its flags and gains the preload.
        const merged = { ...side.env, ...serve.env };
        const profiled = profiledEnv(merged, {
            preload,
            shim: await writeNodeShim(scratch, merged, SERVER_NODE_FLAGS),
            dir,
            intervalUs: target.intervalUs,
            mode: 'signal',
        });
        const added = Object.fromEntries(Object.entries(profiled).filter((entry) => entry[1] !== undefined && merged[entry[0]] !== entry[1]));
        const served = {
            ...bench,
            settings: { ...bench.settings, serve: { ...serve, env: { ...serve.env, ...added } } },
        };
        const runner = RUNNERS[bench.spec.kind];
        const context = () => ({
            env: side.env,
            signal: AbortSignal.timeout(bench.settings.timeout),
            log: (line) => side.log(line),
            secret: (value) => side.secrets.add(value),
        });
        /** Starts the server (again, if it stopped since) and warms up a new one. */
        let warmed = [];
        const ready = async (ctx) => {
            await side.servers.ensure(served, { ...ctx, side: side.side });
            let pids = await registered(dir);
            if (pids.length > 0 && pids.join() !== warmed.join()) {
                // The bench's own warm-up (JIT, caches, pools) of a fresh server, outside the profile.
                await runner(drive(served, 1, true), ctx);
                pids = await registered(dir);
                warmed = pids;
            }
            return pids;
        };
        const first = await ready(context()).catch((error) => ({
            note: `profiling failed: ${describeError(error)}`,
        }));
        if ('note' in first) {
            await remove();
            return first;
        }
        if (first.length === 0) {
            await remove();
            return {
                note: `no profiler applies to ${label}: it starts no Node process (or NODE_OPTIONS does not reach it)`,
            };
        }
        if (!(await withoutInlining(dir, first))) {
            await remove();
            return {
                note: `no profile of ${label}: its Node runs with inlining (not started through the \`node\` on PATH), so its functions cannot be told from their callers`,
            };
        }
        const windows = new Map();
        /**
         * `count` rounds in one profiler window, cut by time: a window's start costs its process
         * tens of ms (V8 lists all its code), which a window per round paid every round.
         */
        const rounds = async (count) => {
            const ctx = context();
            const pids = await ready(ctx);
            if (pids.length === 0)
                throw new Error(`${label} is not running`);
            const window = (pid) => `${pid}-${windows.get(pid) ?? 0}`;
            for (const pid of pids)
                windows.set(pid, (windows.get(pid) ?? 0) + 1);
            pids.forEach(signalProfiler);
            if (!(await waitFor(() => allHave(dir, pids.map(window), STARTED_SUFFIX), ctx.signal))) {
                throw new Error(`${label} did not start its profiler`);
            }
            const cuts = [];
            try {
                for (let i = 0; i < count; i++) {
                    const cpuBefore = pids.map(mainThreadCpuUs);
                    const fromUs = monotonicUs();
                    const measured = await runner(drive(served, Math.max(target.calls, MIN_SERVER_CALLS), false), ctx);
                    const toUs = monotonicUs();
                    const calls = measured[0]?.metrics[0]?.samples.length ?? 0;
                    if (calls === 0)
                        throw new Error(`bench "${bench.name}" drove no requests while profiling`);
                    cuts.push({ fromUs, toUs, calls, cpuMs: cpuSpent(cpuBefore, pids.map(mainThreadCpuUs)) });
                }
            }
            finally {
                pids.forEach(signalProfiler);
            }
            if (!(await waitFor(() => allHave(dir, pids.map(window), PROFILE_SUFFIX), ctx.signal))) {
                throw new Error(`${label} did not write its profile`);
            }
            const files = pids
                .map((pid) => path.join(dir, `${window(pid)}${PROFILE_SUFFIX}`))
                .filter((file) => existsSync(file));
            const profiles = await Promise.all(files.map(readProfile));
            return cuts.map((cut) => ({
                profile: mergeProfiles(profiles.map((p) => dropOwnTime(sliceProfile(p, cut.fromUs, cut.toUs), preload))),
                calls: cut.calls,
                ...(cut.cpuMs === undefined ? {} : { cpuMs: cut.cpuMs }),
            }));
        };
        const profiler = {
            round: async () => (await rounds(1))[0],
            rounds,
            close: remove,
        };
        return profiler;
    }
    catch (error) {
        await remove();
        throw error;
    }
};
/** Opens a side's profiler for an http/e2e bench's `serve:` server, or says why none applies. */
const captureServer = Object.assign(openServer, {
    oneSideAtATime: true,
    rounds: SERVER_ROUNDS,
});
/** The CPU time the processes' main threads spent between two readings, ms, if all were read. */
function cpuSpent(before, after) {
    let us = 0;
    for (const [i, start] of before.entries()) {
        const end = after[i];
        if (start === undefined || end === undefined)
            return undefined;
        us += end - start;
    }
    return us / 1000;
}
/**
 * The bench driving exactly `samples` requests one after another (no time filling, no levels),
 * after its own warm-up or none.
 */
function drive(bench, samples, warmUp) {
    const settings = {
        ...bench.settings,
        samples,
        rounds: 1,
        time: 0,
        concurrency: [],
        ...(warmUp ? {} : { warmup: { iterations: 0 } }),
    };
    return { ...bench, settings };
}
/** Pids of the processes that loaded the preload and still run. */
async function registered(dir) {
    const names = await readdir(dir);
    return names
        .filter((name) => name.endsWith(PID_SUFFIX))
        .map((name) => Number(name.slice(0, -PID_SUFFIX.length)))
        .filter((pid) => (procStat(pid)?.running ?? isAlive(pid)) && profiledHere(pid, dir))
        .sort((a, b) => a - b);
}
/** Whether every process of `pids` registered as running without inlining (the node shim's). */
async function withoutInlining(dir, pids) {
    for (const pid of pids) {
        const text = await readFile(path.join(dir, `${pid}${PID_SUFFIX}`), 'utf8').catch(() => '');
        if (text !== INLINING_OFF)
            return false;
    }
    return true;
}
/**
 * Whether `pid` is still the process that registered in `dir`: a pid reused by another process
 * must never get a SIGUSR2 (it would end most programs). Where /proc is missing, trusted.
 */
function profiledHere(pid, dir) {
    let environ;
    try {
        environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    }
    catch {
        return !existsSync('/proc/self');
    }
    return environ.split('\0').includes(`${PROFILE_DIR_VARIABLE}=${dir}`);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
function signalProfiler(pid) {
    try {
        process.kill(pid, 'SIGUSR2');
    }
    catch {
        // It exited meanwhile: it has nothing more to profile.
    }
}
/** Whether every `<pid>-<window>` has written its `suffix` file (or its process is gone). */
async function allHave(dir, windows, suffix) {
    const names = new Set(await readdir(dir));
    // A process that exited meanwhile never answers; the others still count.
    return windows.every((window) => names.has(`${window}${suffix}`) || !isAlive(Number(window.split('-')[0])));
}
async function waitFor(done, signal) {
    const until = performance.now() + ANSWER_MS;
    while (performance.now() < until && !signal.aborted) {
        if (await done())
            return true;
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return done();
}

/** The capture of each kind that has one; a kind missing here is noted, not profiled. */
const CAPTURES = {
    js: captureJs,
    command: captureCommand,
    http: captureServer,
    e2e: captureServer,
};
/** The capture for `bench`'s kind, or undefined when none applies. */
function captureFor(bench) {
    return CAPTURES[bench.spec.kind];
}

/**
 * The folded-stack diff of both sides (the difffolded format a differential flame graph reads):
 * one line per stack, `frame;frame;frame <base> <head>`, root first, each side's mean time per
 * bench call over its rounds, in ms. Pure.
 */
/** Every stack either side sampled, with each side's mean ms per call over its rounds. */
function foldedDiff(base, head) {
    const sides = [mean(base.map(roundStacks)), mean(head.map(roundStacks))];
    const stacks = [...new Set([...sides[0].keys(), ...sides[1].keys()])].sort();
    return stacks.map((stack) => ({
        frames: stack.split(';'),
        base: sides[0].get(stack) ?? 0,
        head: sides[1].get(stack) ?? 0,
    }));
}
/** The folded diff as text, one stack a line; values to the nanosecond. */
function formatFolded(stacks) {
    const ms = (value) => String(Math.round(value * 1e6) / 1e6);
    return stacks.map((s) => `${s.frames.join(';')} ${ms(s.base)} ${ms(s.head)}\n`).join('');
}
function mean(rounds) {
    const out = new Map();
    for (const round of rounds)
        for (const [stack, ms] of round)
            out.set(stack, (out.get(stack) ?? 0) + ms / rounds.length);
    return out;
}

/**
 * Profile rounds per side. Ten give the rank test room for a multiple-testing correction: among
 * 100 tested functions (the most attribute.ts tests) one is named at the 1% family-wise level
 * with up to 4 of its 100 round pairs out of order (one-sided p ≤ 1e-4; with 8 rounds, none).
 */
const PROFILE_ROUNDS = 10;
/** Samples a round aims at: enough that a function holding a tenth of the time gets dozens. */
const SAMPLES_PER_ROUND = 500;
/** Calls per round and the sampling interval for a bench of `msPerCall` and its settings. */
function profilePlan(msPerCall, settings, rounds = PROFILE_ROUNDS) {
    // A quarter of the bench's measurement time per side, 30-200 ms a round: the confirmation
    // measured each side for the whole time, in a process per round (bench/explain.ts: the cost).
    // Under 30 ms a loaded machine leaves a round a few dozen samples.
    const roundMs = Math.min(200, Math.max(30, settings.time / 4 / rounds));
    const calls = Math.max(1, Math.round(roundMs / Math.max(msPerCall, 1e-6)));
    // Fewer rounds (a command's two runs) are tested by their sample counts: each side is sampled
    // as finely as ten rounds would be, within the 50 µs floor.
    const samples = SAMPLES_PER_ROUND * Math.max(1, PROFILE_ROUNDS / rounds);
    const intervalUs = Math.round(Math.min(1000, Math.max(50, (calls * msPerCall * 1000) / samples)));
    return { calls, intervalUs };
}
/**
 * Opens both sides' profilers and takes `rounds` rounds of each in ABBA order, or, for a capture
 * whose sides cannot run at once, all of the base's rounds and then all of the head's.
 */
async function profileBothSides(sides, targets, capture, rounds = PROFILE_ROUNDS) {
    try {
        const taken = capture.oneSideAtATime
            ? await inTurn(sides, targets, capture, rounds)
            : await alternating(sides, targets, capture, rounds);
        if ('note' in taken)
            return taken;
        const relative = (side) => taken[side].map((round) => ({
            ...round,
            profile: relativizeProfile(round.profile, sides[side].root),
        }));
        return { rounds: { base: relative('base'), head: relative('head') } };
    }
    catch (error) {
        return { note: `profiling failed: ${error instanceof Error ? error.message : String(error)}` };
    }
}
/** Both sides open at once, their rounds alternating in ABBA order. */
async function alternating(sides, targets, capture, rounds) {
    const open = {};
    const openSide = async (side) => {
        const profiler = await capture(sides[side], targets[side]);
        if (!('note' in profiler))
            open[side] = profiler;
        return profiler;
    };
    try {
        if (capture.opensWithRound) {
            // One after the other: their opening rounds are the order's first two (base, head).
            for (const side of ['base', 'head']) {
                const opened = await openSide(side);
                if ('note' in opened)
                    return opened;
            }
        }
        else {
            // Both at once: a worker's start and warm-up is most of a short pass's time.
            const opened = await Promise.allSettled(['base', 'head'].map(openSide));
            for (const outcome of opened) {
                if (outcome.status === 'rejected')
                    throw outcome.reason;
                if ('note' in outcome.value)
                    return outcome.value;
            }
        }
        const [base, head] = [open.base, open.head];
        const taken = { base: [], head: [] };
        let order = roundOrder(rounds);
        if (base.opening && head.opening) {
            taken.base.push(base.opening);
            taken.head.push(head.opening);
            order = order.slice(2);
        }
        for (const { side, count } of runs(order))
            taken[side].push(...(await take(side === 'base' ? base : head, count)));
        return taken;
    }
    finally {
        for (const profiler of Object.values(open))
            await profiler.close().catch(() => undefined);
    }
}
/**
 * One side after the other, each opened (its server started and warmed up) just before its
 * rounds: two starts in all. Alternating restarted a server at every switch, and blocks in ABBA
 * order (×5, ×10, ×5) still took four starts and gave the sides' rounds different times since
 * their server's start (in A/A runs the block order once named an unchanged helper, 1 of 12
 * seeds). In turn, each side's rounds come at the same times after its own start.
 */
async function inTurn(sides, targets, capture, rounds) {
    const taken = { base: [], head: [] };
    for (const side of ['base', 'head']) {
        const profiler = await capture(sides[side], targets[side]);
        if ('note' in profiler)
            return profiler;
        try {
            taken[side] = await take(profiler, rounds);
        }
        finally {
            await profiler.close().catch(() => undefined);
        }
    }
    return taken;
}
/** The sides in the order their rounds are taken: base, head, head, base, … (ABBA). */
function roundOrder(rounds) {
    const order = [];
    for (let round = 0; round < rounds; round++)
        order.push(...(round % 2 === 0 ? ['base', 'head'] : ['head', 'base']));
    return order;
}
/** The order as runs of one side: `[base, head, head, base]` → base ×1, head ×2, base ×1. */
function runs(order) {
    const out = [];
    for (const side of order) {
        const last = out[out.length - 1];
        if (last?.side === side)
            last.count++;
        else
            out.push({ side, count: 1 });
    }
    return out;
}
/** `count` rounds of one side: in one go where its profiler can, else one at a time. */
async function take(profiler, count) {
    if (profiler.rounds)
        return profiler.rounds(count);
    const taken = [];
    for (let i = 0; i < count; i++)
        taken.push(await profiler.round());
    return taken;
}

/**
 * A side's profile rounds as one `.cpuprofile` file: the rounds' call trees under one root and
 * their samples in sequence, which Chrome DevTools and speedscope open as one profile, plus a
 * `perfgate` field (ignored by them) that says where each round starts and how many calls it
 * covers, so `perfgate explain` can split the rounds again and redo the attribution.
 */
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** One round's place in a stored profile. */
const storedRoundSchema = object({
    /** Samples of this round (they follow the earlier rounds' in `samples`). */
    samples: int().min(0),
    calls: int().min(1),
    /** The calls' CPU time, ms, where the capture measured it (ProfileRound.cpuMs). */
    cpuMs: finite.optional(),
    startTime: finite,
    endTime: finite,
});
/** A stored side profile: a V8 CPU profile plus its rounds. */
const storedProfileSchema = cpuProfileSchema.extend({
    perfgate: object({
        rounds: array(storedRoundSchema).min(1),
        /** The sides were profiled one after the other (a server's), not alternating. */
        sidesInTurn: boolean().optional(),
    }),
});
/** The rounds merged into one profile: each round's root's children under one root (id 1). */
function storeRounds(rounds, order = {}) {
    const root = {
        id: 1,
        callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 },
        hitCount: 0,
        children: [],
    };
    const nodes = [root];
    const samples = [];
    const timeDeltas = [];
    let next = 2;
    for (const { profile } of rounds) {
        const ids = new Map();
        const roots = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(root)').map((n) => n.id));
        for (const node of profile.nodes)
            ids.set(node.id, roots.has(node.id) ? 1 : next++);
        for (const node of profile.nodes) {
            const children = (node.children ?? []).map((child) => ids.get(child) ?? 1);
            if (roots.has(node.id)) {
                root.children?.push(...children);
                continue;
            }
            nodes.push({ ...node, id: ids.get(node.id) ?? 1, ...(node.children ? { children } : {}) });
        }
        for (const id of profile.samples)
            samples.push(ids.get(id) ?? 1);
        for (const delta of profile.timeDeltas)
            timeDeltas.push(delta);
    }
    const first = rounds[0]?.profile;
    return {
        nodes,
        startTime: first?.startTime ?? 0,
        endTime: (first?.startTime ?? 0) + timeDeltas.reduce((sum, d) => sum + d, 0),
        samples,
        timeDeltas,
        perfgate: {
            rounds: rounds.map((r) => ({
                samples: r.profile.samples.length,
                calls: r.calls,
                ...(r.cpuMs === undefined ? {} : { cpuMs: r.cpuMs }),
                startTime: r.profile.startTime,
                endTime: r.profile.endTime,
            })),
            ...(order.sidesInTurn ? { sidesInTurn: true } : {}),
        },
    };
}
/** The rounds of a stored profile again, each with the merged call tree (its own samples only). */
function splitRounds(stored) {
    let at = 0;
    return stored.perfgate.rounds.map((round) => {
        const profile = {
            nodes: stored.nodes,
            startTime: round.startTime,
            endTime: round.endTime,
            samples: stored.samples.slice(at, at + round.samples),
            timeDeltas: stored.timeDeltas.slice(at, at + round.samples),
        };
        at += round.samples;
        return {
            profile,
            calls: round.calls,
            ...(round.cpuMs === undefined ? {} : { cpuMs: round.cpuMs }),
        };
    });
}
/** Parses a stored profile file's text; the error names the file and the field. */
function parseStoredProfile(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${file} is not JSON: ${error.message}`);
    }
    const parsed = storedProfileSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
        const hint = issue.path[0] === 'perfgate' ? ' (not a profile perfgate wrote: it has no rounds)' : '';
        throw new Error(`${file}: ${where}: ${issue.message}${hint}`);
    }
    const counted = parsed.data.perfgate.rounds.reduce((sum, r) => sum + r.samples, 0);
    if (counted !== parsed.data.samples.length || parsed.data.timeDeltas.length !== counted) {
        throw new Error(`${file}: perfgate.rounds counts ${counted} samples, but samples has ${parsed.data.samples.length} and timeDeltas ${parsed.data.timeDeltas.length}`);
    }
    return parsed.data;
}

/**
 * From a confirmed regression to its cause: profile both sides (profile-pass.ts), attribute the
 * change to functions (attribute.ts), and write the files a profiler opens beside the results:
 * `profiles/<bench>.base.cpuprofile`, `.head.cpuprofile` and `.diff.folded`.
 */
/** The folder of profile files, beside the results file. */
const PROFILES_DIR = 'profiles';
/**
 * The profile files of result `name`, relative to the results folder: its `/`-separated parts
 * as folders (`profiles/lib/checksum.base.cpuprofile`), other characters than letters, digits
 * and `._-` replaced by `_` (with a short hash of the name then, so two names never share files).
 */
function profileFiles(name) {
    const parts = name.split('/').map((part) => {
        const safe = part.replace(/[^A-Za-z0-9._-]+/g, '_');
        return /^\.*$/.test(safe) ? '_' : safe;
    });
    const plain = parts.join('/');
    const unique = plain === name ? plain : `${plain}-${createHash('sha1').update(name).digest('hex').slice(0, 6)}`;
    const base = `${PROFILES_DIR}/${unique}`;
    return {
        base: `${base}.base.cpuprofile`,
        head: `${base}.head.cpuprofile`,
        folded: `${base}.diff.folded`,
    };
}
/** The cause of the rounds both sides' profiles hold (what `perfgate explain` redoes). */
function causeOf(base, head, order = {}) {
    const found = attribute(base, head, order);
    return {
        kind: 'functions',
        lines: found.lines,
        ...(found.note === undefined ? {} : { note: found.note }),
    };
}
/** Profiles one confirmed regression on both sides and says what grew; writes its files to `output`. */
async function explainTarget(sides, target, output, rounds = PROFILE_ROUNDS) {
    const { base, head } = target.benches;
    if (!head)
        return undefined;
    const capture = captureFor(head);
    if (!capture)
        return undefined;
    if (!base)
        return { kind: 'none', lines: [], note: 'the bench is new in the head: no base to profile' };
    const perSide = capture.rounds ?? rounds;
    const plan = profilePlan(target.msPerCall, head.settings, perSide);
    const common = { result: target.result, msPerCall: target.msPerCall, ...plan };
    const pass = await profileBothSides(sides, { base: { ...common, bench: base }, head: { ...common, bench: head } }, capture, perSide);
    if ('note' in pass)
        return { kind: 'none', lines: [], note: pass.note };
    const order = { sidesInTurn: capture.oneSideAtATime === true };
    const cause = causeOf(pass.rounds.base, pass.rounds.head, order);
    if (!output)
        return cause;
    const files = profileFiles(target.result);
    await output.mkdir(path.dirname(path.join(output.dir, files.base)));
    await output.writeFile(path.join(output.dir, files.base), JSON.stringify(storeRounds(pass.rounds.base, order)));
    await output.writeFile(path.join(output.dir, files.head), JSON.stringify(storeRounds(pass.rounds.head, order)));
    await output.writeFile(path.join(output.dir, files.folded), formatFolded(foldedDiff(pass.rounds.base, pass.rounds.head)));
    return { ...cause, files };
}

export { parseStoredProfile as a, causeOf as c, explainTarget as e, profileFiles as p, splitRounds as s };
