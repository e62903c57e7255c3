import os from 'node:os';
import path from 'node:path';
import { mkdir, writeFile, mkdtemp, readFile } from 'node:fs/promises';
import { F as FILES, s as shardArtifactName } from './layout-Ck4w5uJq.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { s as serializeResults, p as parseResults } from './schema-uKiMc1C5.js';
import { f as filterBenches } from './run-benches-BAqpNPXt.js';
import { a as configDigest } from './meta-B6Jfuede.js';
import { createHash } from 'node:crypto';
import { o as object, s as string, i as int, c as literal, a as array } from './schemas-CtpLbXv5.js';
import { compareAndConfirm } from './compare-CnVv-CTB.js';
import { loadBaseline, matchLoaded } from './find-baseline-DMqsWstH.js';
import { storedBaselineSource } from './measure-Ds5I1iyJ.js';
import { measureAb } from './measure-ab-GQmC5uMv.js';

/**
 * The deterministic split of config benches over the jobs of a matrix, balanced by the durations
 * recorded in the baseline. Pure: every shard job computes the same plan from the same inputs.
 */
/**
 * A shard may take this much over the mean load before a bench spills to a less preferred shard.
 * Small enough to keep shards balanced, large enough that noise in recorded durations rarely moves
 * a bench away from its preferred shard.
 */
const SLACK = 1.1;
/**
 * Each config bench's duration in ms: the median over the baseline runs of the summed durations of
 * the results it produced (`json` produces `json/parse`). Benches never recorded are absent.
 */
function benchDurations(benchNames, baselines) {
    const perRun = baselines.map((run) => {
        const sums = new Map();
        for (const result of run.benches) {
            if (result.durationMs === undefined)
                continue;
            const owner = ownerBench(benchNames, result.name);
            if (owner !== undefined)
                sums.set(owner, (sums.get(owner) ?? 0) + result.durationMs);
        }
        return sums;
    });
    const durations = new Map();
    for (const name of benchNames) {
        const values = perRun
            .map((sums) => sums.get(name))
            .filter((v) => v !== undefined)
            .sort((a, b) => a - b);
        if (values.length === 0)
            continue;
        const mid = Math.floor(values.length / 2);
        durations.set(name, values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
    }
    return durations;
}
/**
 * Splits `benchNames` (config order) over `count` shards. Each bench has a fixed, hash-derived
 * order of preferred shards (rendezvous hashing), so adding or removing a bench moves few others;
 * benches are placed longest first on the most preferred shard with room under SLACK × the mean,
 * else on the least loaded one. Benches without a recorded duration count as the mean recorded
 * duration (or 1 when none is recorded, which balances by count).
 */
function planShards(benchNames, count, durations = new Map()) {
    const known = benchNames.map((n) => durations.get(n)).filter((d) => d !== undefined);
    const fallback = known.length > 0 ? Math.max(known.reduce((a, b) => a + b, 0) / known.length, 1e-9) : 1;
    const weight = (name) => Math.max(durations.get(name) ?? fallback, 0);
    const total = benchNames.reduce((sum, name) => sum + weight(name), 0);
    const cap = (total / count) * SLACK;
    const loads = new Array(count).fill(0);
    const assigned = new Map();
    const order = [...benchNames].sort((a, b) => weight(b) - weight(a) || compareText(a, b));
    for (const name of order) {
        const w = weight(name);
        const preferred = preferenceOrder(name, count);
        let shard = preferred.find((s) => loads[s] + w <= cap);
        if (shard === undefined) {
            shard = 0;
            for (let s = 1; s < count; s++)
                if (loads[s] < loads[shard])
                    shard = s;
        }
        loads[shard] += w;
        assigned.set(name, shard);
    }
    const plan = Array.from({ length: count }, () => []);
    for (const name of benchNames)
        plan[assigned.get(name)].push(name);
    return plan;
}
/** The config benches shard `shard` runs under `plan`. */
function benchesOfShard(plan, shard) {
    return plan[shard.index - 1] ?? [];
}
/** The config bench that produced `resultName`: the same name, else the longest `name/` prefix. */
function ownerBench(benchNames, resultName) {
    if (benchNames.includes(resultName))
        return resultName;
    return benchNames
        .filter((name) => resultName.startsWith(`${name}/`))
        .sort((a, b) => b.length - a.length)[0];
}
/** `2/4`, as users write it. */
function shardLabel(shard) {
    return `${shard.index}/${shard.count}`;
}
/** Shard indexes (0-based) from most to least preferred for `name`: highest hash score first. */
function preferenceOrder(name, count) {
    const scores = Array.from({ length: count }, (_, s) => ({
        s,
        score: createHash('sha256').update(`${name}\u0000${s}`).digest().readUInt32BE(0),
    }));
    return scores.sort((a, b) => b.score - a.score || a.s - b.s).map((x) => x.s);
}
// Locale-independent, so every runner sorts names the same way.
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The shard artifact: one matrix job's results, written by the shard and fetched by the merge job. */
const shardInfoSchema = object({
    perfgateShard: literal(1),
    index: int().min(1),
    count: int().min(1),
    planned: array(string()),
    configDigest: string(),
    ab: object({ baseRef: string(), baseSha: string().nullable() }).optional(),
});
/** Writes a shard artifact's files into `dir` (created if needed), ready for ArtifactStore.upload. */
async function writeShardArtifact(dir, shardRun) {
    const { results, shard, planned, configDigest, confirm, confirmBase, ab } = shardRun;
    await mkdir(dir, { recursive: true });
    const info = {
        perfgateShard: 1,
        index: shard.index,
        count: shard.count,
        planned: [...planned],
        configDigest,
        ...(ab ? { ab: { baseRef: ab.baseRef, baseSha: ab.baseSha } } : {}),
    };
    await writeFile(path.join(dir, FILES.results), serializeResults(results));
    if (confirm)
        await writeFile(path.join(dir, FILES.shardConfirm), serializeResults(confirm));
    if (confirmBase) {
        await writeFile(path.join(dir, FILES.shardConfirmBase), serializeResults(confirmBase));
    }
    if (ab) {
        await writeFile(path.join(dir, FILES.shardBase), serializeResults(ab.base));
        if (ab.confirmBase) {
            await writeFile(path.join(dir, FILES.shardConfirmBase), serializeResults(ab.confirmBase));
        }
    }
    await writeFile(path.join(dir, FILES.shard), `${JSON.stringify(info, null, 2)}\n`);
}
/**
 * Lists and downloads every shard artifact (`<artifact-name>-shard-i-of-count`) of run `runId`,
 * one entry per shard in order. Never throws: a shard without an artifact is `missing`, one that
 * cannot be listed, downloaded or read is `unreadable`, each with a sentence saying why.
 */
async function fetchShardArtifacts(options) {
    const root = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'perfgate-shards-')));
    const fetched = [];
    for (let index = 1; index <= options.count; index++) {
        const shard = { index, count: options.count };
        fetched.push(await fetchOne(options, root, shard));
    }
    return fetched;
}
async function fetchOne(options, root, shard) {
    const name = shardArtifactName(options.artifactName, shard);
    try {
        // A re-run job uploads again: the newest live copy wins.
        const listed = (await options.api.listRunArtifacts(options.runId, name))
            .filter((a) => a.name === name && !a.expired)
            .sort((a, b) => b.id - a.id);
        if (listed.length === 0) {
            return {
                shard,
                status: 'missing',
                problem: `run ${options.runId} has no artifact ${name}; did the job of shard ${shardLabel(shard)} fail or not run?`,
            };
        }
        const dir = path.join(root, name);
        await mkdir(dir, { recursive: true });
        await options.store.download(listed[0].id, options.runId, dir);
        const source = `artifact ${name} of run ${options.runId}`;
        const results = parseResults(await readFile(path.join(dir, FILES.results), 'utf8'), source);
        const info = parseShardInfo(await readFile(path.join(dir, FILES.shard), 'utf8'), source);
        if (info.index !== shard.index || info.count !== shard.count) {
            return {
                shard,
                status: 'unreadable',
                problem: `${source} says it is shard ${info.index}/${info.count}`,
            };
        }
        const confirm = await readOptional(dir, FILES.shardConfirm, source);
        // An A/B shard's base side is required: without it its benches would have nothing to compare with.
        const ab = info.ab && {
            ...info.ab,
            base: parseResults(await readFile(path.join(dir, FILES.shardBase), 'utf8'), `${source} (${FILES.shardBase})`),
        };
        // The base side of the confirmation: an A/B shard's, or one that confirmed against the base.
        const confirmBase = await readOptional(dir, FILES.shardConfirmBase, source);
        return {
            shard,
            status: 'ok',
            results,
            planned: info.planned,
            configDigest: info.configDigest,
            ...(confirm ? { confirm } : {}),
            ...(confirmBase && !ab ? { confirmBase } : {}),
            ...(ab ? { ab: { ...ab, ...(confirmBase ? { confirmBase } : {}) } } : {}),
        };
    }
    catch (error) {
        const code = error.code;
        const detail = code === 'ENOENT'
            ? `${name} lacks ${path.basename(error.path ?? '')}`
            : error.message;
        return { shard, status: 'unreadable', problem: detail };
    }
}
/** A results file the artifact may lack (a shard that confirmed nothing has no re-run). */
async function readOptional(dir, file, source) {
    const text = await readFile(path.join(dir, file), 'utf8').catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    });
    return text === undefined ? undefined : parseResults(text, `${source} (${file})`);
}
function parseShardInfo(text, source) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${source}: ${FILES.shard} is not valid JSON (${error.message})`);
    }
    const parsed = shardInfoSchema.safeParse(raw);
    if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`${source}: ${FILES.shard} is not a perfgate shard file: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
    }
    return parsed.data;
}

/**
 * Sharded matrix (issue 15). A shard job (`shard: i/n`) measures its share of the benches, split
 * on the baseline's recorded durations, confirms its own flagged benches on its own runner, and
 * uploads `<artifact-name>-shard-i-of-n` — no comment, no verdict. With `baseline: base-ref` on a
 * pull request it measures both sides of its share, interleaved, and uploads both. The merge job
 * (`mode: merge`) fans the shard artifacts of this run back into one Results for the pipeline.
 */
/** Every shard's benches, as each job of the matrix computes them from the same inputs. */
function planFor(setup, config, count, loaded) {
    const names = filterBenches(config, setup.inputs.filter).map((b) => b.name);
    const baselines = loaded?.found ? loaded.baselines : [];
    return { names, plan: planShards(names, count, benchDurations(names, baselines)) };
}
/** A shard job: measure this share, confirm on this runner, upload the shard artifact. */
async function shardJob(setup, config, shard, remote, deps) {
    const { inputs } = setup;
    // The baseline's recorded durations decide the split, also in A/B mode (by count without one).
    const loaded = await loadBaseline(setup, remote, deps);
    const { plan } = planFor(setup, config, shard.count, loaded);
    const share = benchesOfShard(plan, shard);
    deps.step.info(`Shard ${shard.index}/${shard.count}: ${share.join(', ') || '(no benches)'}`);
    const digest = configDigest(config);
    const run = { setup, config, deps, remote };
    const measured = setup.ab
        ? await measureShareAb(run, setup.ab, share, digest)
        : await measureShare(run, share, digest, loaded);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-shard-'));
    await writeShardArtifact(dir, { ...measured, shard, planned: share, configDigest: digest });
    const name = shardArtifactName(inputs.artifactName, shard);
    try {
        const store = await remote.store();
        await store.upload(name, dir, inputs.retentionDays);
    }
    catch (error) {
        // The merge job names the missing shard; the shard job itself fails so the matrix shows it.
        throw new Error(`Could not upload the shard artifact ${name}: ${error.message}`);
    }
    deps.step.info(`Uploaded ${name}; the merge job compares and comments.`);
}
/** The share measured on this runner and, on a pull request, compared and confirmed here too. */
async function measureShare(run, share, digest, loaded) {
    const { setup, config, deps } = run;
    const measured = share.length > 0 ? await deps.runBenches(config, { names: share }) : undefined;
    const base = measured ?? (await deps.runBenches(config, { names: [] }));
    const results = recordGate(withDigest(base, digest), gateOf(setup));
    const resultsPath = await writeResults(setup, results, deps);
    if (!setup.pr || share.length === 0)
        return { results };
    // The confirmation happens here, on the runner that measured: the merge job measures nothing.
    const source = await storedBaselineSource(run, { results, resultsPath }, matchLoaded(loaded, results));
    const again = await confirmOnShard(run, source);
    return {
        results,
        ...(again ? { confirm: withDigest(again.head, digest) } : {}),
        ...(again?.base ? { confirmBase: withDigest(again.base, digest) } : {}),
    };
}
/** Compares and confirms a shard's share; returns what the confirmation measured again. */
async function confirmOnShard(run, source) {
    let again;
    await compareAndConfirm(run, {
        ...source,
        remeasure: async (names) => {
            // The merge job judges the shards again and cannot carry a shard's cause: no profiling here.
            const measured = await source.remeasure(names);
            return (again = { ...measured, explain: undefined });
        },
    });
    return again;
}
/**
 * A/B share: both sides of the share measured interleaved on this runner (the A/B stage), compared
 * and confirmed here on both sides; the merge job compares the merged head with the merged base.
 */
async function measureShareAb(run, ab, share, digest) {
    const { setup, config, deps } = run;
    if (share.length === 0) {
        // Nothing to check out or build: an empty run, still marked A/B so the merge sees one mode.
        const empty = recordGate(withDigest(await deps.runBenches(config, { names: [] }), digest), gateOf(setup));
        await writeResults(setup, empty, deps);
        return { results: empty, ab: { baseRef: ab.baseRef, baseSha: null, base: empty } };
    }
    const both = await measureAb(setup, ab, deps, share);
    try {
        const results = withDigest(both.measured.results, digest);
        const again = await confirmOnShard(run, {
            measured: { ...both.measured, results },
            finding: both.finding,
            confirm: setup.inputs.confirm === 'false' ? 'none' : 'base',
            remeasure: both.remeasure,
            problems: [],
            close: both.close,
        });
        return {
            results,
            ...(again ? { confirm: withDigest(again.head, digest) } : {}),
            ab: {
                ...both.side,
                base: withDigest(both.base, digest),
                ...(again?.base ? { confirmBase: withDigest(again.base, digest) } : {}),
            },
        };
    }
    finally {
        await both.close();
    }
}
function gateOf(setup) {
    return { threshold: setup.inputs.threshold, failOnRegression: setup.inputs.failOnRegression };
}
/** The whole config's digest, as the merge job checks it (a subset run carries its own). */
function withDigest(results, digest) {
    return { ...results, meta: { ...results.meta, configDigest: digest } };
}
async function writeResults(setup, results, deps) {
    await deps.files.mkdir(setup.outDir);
    const resultsPath = path.join(setup.outDir, FILES.results);
    await deps.files.writeFile(resultsPath, serializeResults(results));
    deps.step.setOutput(OUTPUT.results, resultsPath);
    return resultsPath;
}

var shard = /*#__PURE__*/Object.freeze({
    __proto__: null,
    planFor: planFor,
    shardJob: shardJob
});

export { shard as a, fetchShardArtifacts as f, ownerBench as o, planFor as p, shardLabel as s };
