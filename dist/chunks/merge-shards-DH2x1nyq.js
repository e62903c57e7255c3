import path from 'node:path';
import { F as FILES } from './layout-Ck4w5uJq.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { s as serializeResults } from './schema-uKiMc1C5.js';
import { a as configDigest } from './meta-B6Jfuede.js';
import { s as shardLabel, o as ownerBench, p as planFor, f as fetchShardArtifacts } from './shard-B-IYnPVD.js';
import { loadBaseline, matchLoaded } from './find-baseline-DMqsWstH.js';
import { abFinding } from './measure-ab-GQmC5uMv.js';
import { f as filterBenches } from './run-benches-BAqpNPXt.js';
import './model-CSX-gO8p.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import 'node:crypto';
import 'node:os';
import 'node:fs/promises';
import './compare-CnVv-CTB.js';
import './changed-benches-BbYxT3_L.js';
import './compare-runs-Dp3QnuNF.js';
import './scaling-bBRpMboh.js';
import './units-C0yKQs3w.js';
import './permutation-CwRxd2mz.js';
import './mann-whitney-CizR9A4a.js';
import './simple-statistics-OhbKzjWx.js';
import './random-CRNsGjhb.js';
import './centre-C0y8xcZQ.js';
import './history-bL8sTFiw.js';
import './schema-Dqc1PyQi.js';
import './select-CftodHdB.js';
import './measure-Ds5I1iyJ.js';
import './measure-once-Bmtm0bU3.js';
import './without-profiling-BgwVM14H.js';
import './errors-Dy4gbjRe.js';
import './client-Dbi04l1v.js';
import './index-CxCZlPsB.js';
import 'fs';
import 'os';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './_commonjsHelpers-Bgu_3bK-.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import './context-BzG_Rbo8.js';
import './history-B40oR8-d.js';
import './store-DTzP2jjh.js';
import './retry-CpO8x6Qg.js';
import 'crypto';
import 'path';
import 'child_process';
import 'timers';
import 'stream';
import 'node:module';
import 'buffer';
import 'node:process';
import 'node:https';
import 'tty';
import 'url';
import './XMLParser-Ciolm0c3.js';
import 'node:fs';
import 'fs/promises';
import 'constants';
import 'node:string_decoder';
import 'zlib';
import 'module';
import './source-CjT33JO_.js';
import './identity-B3jh3Sc_.js';
import './pg-notify-C_yFIpMD.js';
import 'node:child_process';
import './calibration-module-CtkTGxWt.js';
import './index-BDfKYOkb.js';
import 'util/types';
import 'dns';

/**
 * Merges the shards' results in config order. A bench no shard measured becomes an error result
 * naming why (so the comment lists it), a bench measured twice is kept once (the shard that
 * planned it, else the lower shard) and named; each bench records the machine it ran on.
 */
function mergeShards(options) {
    const { count, plan, benches } = options;
    const problems = [];
    const byIndex = new Map();
    for (const fetch of options.fetched) {
        if (fetch.shard.count !== count || fetch.shard.index < 1 || fetch.shard.index > count) {
            problems.push(`ignored shard ${shardLabel(fetch.shard)}: this merge expects ${count} shards`);
        }
        else if (!byIndex.has(fetch.shard.index))
            byIndex.set(fetch.shard.index, fetch);
    }
    const arrived = [];
    const lost = new Map();
    for (let index = 1; index <= count; index++) {
        const fetch = byIndex.get(index);
        const label = shardLabel({ index, count });
        if (fetch?.status === 'ok')
            arrived.push(fetch);
        else {
            const why = fetch ? fetch.problem : 'no artifact';
            problems.push(`shard ${label} produced no results (${why})`);
            lost.set(index, label);
        }
    }
    const ownerOf = (resultName) => ownerBench(benches.map((b) => b.name), resultName);
    const plannedShard = new Map();
    plan.forEach((names, i) => names.forEach((name) => plannedShard.set(name, i + 1)));
    for (const fetch of arrived) {
        const mine = plan[fetch.shard.index - 1] ?? [];
        if (mine.join('\n') !== [...fetch.planned].join('\n')) {
            problems.push(`shard ${shardLabel(fetch.shard)} split the benches differently from the merge job (it saw another baseline?); check the missing and duplicated benches below`);
        }
    }
    // Every result, from whichever shard, keyed by result name; duplicates resolved and named.
    const kept = new Map();
    for (const fetch of arrived) {
        const machine = machineOf(fetch.results);
        for (const result of fetch.results.benches) {
            const entry = {
                result: { ...result, machine: result.machine ?? machine },
                shard: fetch.shard,
            };
            const earlier = kept.get(result.name);
            if (!earlier) {
                kept.set(result.name, entry);
                continue;
            }
            const owner = ownerOf(result.name);
            const planned = owner === undefined ? undefined : plannedShard.get(owner);
            const winner = planned === fetch.shard.index ? entry : earlier;
            problems.push(`bench "${result.name}" appears in shard ${shardLabel(earlier.shard)} and shard ${shardLabel(fetch.shard)}; kept shard ${shardLabel(winner.shard)}'s`);
            kept.set(result.name, winner);
        }
    }
    const measured = new Set([...kept.keys()].map(ownerOf).filter((n) => n !== undefined));
    const missing = [];
    for (const bench of benches) {
        if (measured.has(bench.name))
            continue;
        const planned = plannedShard.get(bench.name);
        const label = planned === undefined ? undefined : shardLabel({ index: planned, count });
        const reason = planned !== undefined && lost.has(planned)
            ? `not measured: shard ${label} produced no results`
            : planned !== undefined
                ? `not measured: shard ${label} did not report it`
                : 'not measured: no shard ran it';
        missing.push({ bench: bench.name, reason });
    }
    if (missing.length > 0) {
        problems.push(`missing benches: ${missing.map((m) => m.bench).join(', ')}`);
    }
    const keptFrom = new Map([...kept].map(([name, k]) => [name, k.shard.index]));
    if (arrived.length === 0)
        return { results: undefined, problems, missing, keptFrom };
    const first = arrived[0].results;
    for (const fetch of arrived.slice(1)) {
        const meta = fetch.results.meta;
        if (meta.commit !== first.meta.commit) {
            problems.push(`shard ${shardLabel(fetch.shard)} measured commit ${meta.commit ?? 'unknown'}, shard ${shardLabel(arrived[0].shard)} ${first.meta.commit ?? 'unknown'}`);
        }
    }
    for (const fetch of arrived) {
        if (fetch.configDigest !== options.configDigest) {
            problems.push(`shard ${shardLabel(fetch.shard)} ran another perfgate config than the merge job (check that every job checks out the same commit and config)`);
        }
    }
    const results = [...kept.values()].map((k) => k.result);
    const missingResults = missing.map(({ bench, reason }) => {
        const config = benches.find((b) => b.name === bench);
        return {
            name: bench,
            kind: config.spec.kind,
            status: 'error',
            reason,
            tags: config.settings.tags,
            noiseThreshold: config.settings.noiseThreshold,
            regressionThreshold: config.settings.regressionThreshold,
            metrics: [],
        };
    });
    return {
        results: oneRun(arrived.map((f) => f.results), inConfigOrder([...results, ...missingResults], benches), options.configDigest),
        problems,
        missing,
        keptFrom,
    };
}
/**
 * The A/B shards' base sides as one base run, merged as mergeShards merged their heads: a result
 * comes from the shard whose head result was kept (`keptFrom`), so a bench measured twice keeps
 * one pair from one runner; a base-only result from the first shard that has it. Undefined when
 * no arrived shard measured A/B. Problems name shards without a base side and differing bases.
 */
function mergeBaseSides(options) {
    const arrived = options.fetched.flatMap((f) => (f.status === 'ok' ? [f] : []));
    // A shard whose share was empty is A/B too, but measured no base: it adds nothing here.
    const measuredSides = arrived.flatMap((f) => f.ab && f.ab.baseSha !== null ? [{ shard: f.shard, ab: f.ab, baseSha: f.ab.baseSha }] : []);
    if (measuredSides.length === 0)
        return undefined;
    const problems = [];
    const without = arrived.filter((f) => !f.ab && f.results.benches.length > 0);
    if (without.length > 0) {
        problems.push(`${without.map((f) => `shard ${shardLabel(f.shard)}`).join(', ')} measured no base side (A/B); run every shard job with the same baseline input: their benches are compared with nothing`);
    }
    const [reference] = measuredSides;
    for (const { shard, baseSha } of measuredSides.slice(1)) {
        if (baseSha !== reference.baseSha) {
            problems.push(`shard ${shardLabel(shard)} measured base ${baseSha}, shard ${shardLabel(reference.shard)} ${reference.baseSha}; every shard job must measure the same base commit`);
        }
    }
    const taken = new Set();
    const results = [];
    for (const { shard, ab } of measuredSides) {
        const machine = machineOf(ab.base);
        for (const result of ab.base.benches) {
            const from = options.keptFrom.get(result.name);
            if (from === undefined ? taken.has(result.name) : from !== shard.index)
                continue;
            taken.add(result.name);
            results.push({ ...result, machine: result.machine ?? machine });
        }
    }
    return {
        base: oneRun(measuredSides.map((s) => s.ab.base), inConfigOrder(results, options.benches), options.configDigest),
        baseRef: reference.ab.baseRef,
        baseSha: reference.baseSha,
        problems,
    };
}
/** The shards' base sides of their confirming re-measures as one Results, like mergeConfirmRuns. */
function mergeConfirmBaseRuns(fetched) {
    return mergeConfirmRuns(fetched.flatMap((f) => {
        const base = f.status === 'ok' ? (f.ab?.confirmBase ?? f.confirmBase) : undefined;
        return f.status === 'ok' && base ? [{ ...f, confirm: base }] : [];
    }));
}
/** Results in config order, as one job would have written them (stable within a config bench). */
function inConfigOrder(results, benches) {
    const names = benches.map((b) => b.name);
    const configIndex = (name) => {
        const owner = ownerBench(names, name);
        return owner === undefined ? names.length : names.indexOf(owner);
    };
    return results
        .map((result, position) => ({ result, position }))
        .sort((a, b) => configIndex(a.result.name) - configIndex(b.result.name) || a.position - b.position)
        .map((x) => x.result);
}
/** One run's Results from the shards' runs: the first one's meta, every CPU, the earliest start. */
function oneRun(runs, benches, digest) {
    const [first] = runs;
    const cpus = [...new Set(runs.map((run) => run.meta.cpuModel))];
    const timestamps = runs.map((run) => run.meta.timestamp).sort();
    return {
        schemaVersion: first.schemaVersion,
        meta: {
            ...first.meta,
            cpuModel: cpus.join(' / '),
            timestamp: timestamps[0],
            configDigest: digest,
        },
        benches,
    };
}
/**
 * The shards' confirming re-runs as one Results (for confirmRegressions), each bench tagged with
 * the machine it ran on; undefined when no shard re-ran anything.
 */
function mergeConfirmRuns(fetched) {
    const runs = fetched.flatMap((f) => (f.status === 'ok' && f.confirm ? [f.confirm] : []));
    if (runs.length === 0)
        return undefined;
    return {
        ...runs[0],
        benches: runs.flatMap((run) => run.benches.map((b) => ({ ...b, machine: b.machine ?? machineOf(run) }))),
    };
}
function machineOf(results) {
    const { os, arch, cpuModel, cores, nodeVersion } = results.meta;
    return { os, arch, cpuModel, cores, nodeVersion };
}

/**
 * Merge job (`mode: merge`): the shard artifacts of this run as one run's results, never
 * re-measured; A/B shards' heads and bases merged apart and compared as one A/B job compares.
 */
/** The number of shards, from this run's `<artifact-name>-shard-i-of-n` artifacts (the largest n). */
function shardCount(names, artifactName) {
    const escaped = artifactName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^${escaped}-shard-(\\d+)-of-(\\d+)$`);
    const counts = names.flatMap((n) => {
        const m = pattern.exec(n);
        return m ? [Number(m[2])] : [];
    });
    return counts.length > 0 ? Math.max(...counts) : undefined;
}
/**
 * The merge source: downloads and merges the shards of this run (shard problems become step
 * warnings); its confirmation answers from what the shards re-measured on their own runners.
 */
async function mergeSource(run) {
    const { setup, config, remote, deps } = run;
    const { inputs, ctx } = setup;
    const [api, store] = [await remote.api(), await remote.store()];
    const listed = await api.listRunArtifacts(ctx.runId);
    const count = shardCount(listed.filter((a) => !a.expired).map((a) => a.name), inputs.artifactName);
    if (count === undefined) {
        throw new Error(`mode: merge found no ${inputs.artifactName}-shard-i-of-n artifact in run ${ctx.runId}; did the shard jobs (shard: i/n) run before this job (needs:) with the same artifact-name?`);
    }
    const loaded = await loadBaseline(setup, remote, deps);
    const { plan } = planFor(setup, config, count, loaded);
    const fetched = await fetchShardArtifacts({
        api,
        store,
        runId: ctx.runId,
        artifactName: inputs.artifactName,
        count,
    });
    const digest = configDigest(config);
    const benches = filterBenches(config, inputs.filter);
    const merged = mergeShards({ count, fetched, plan, benches, configDigest: digest });
    if (!merged.results) {
        throw new Error(`no shard of run ${ctx.runId} produced results: ${merged.problems.join('; ')}`);
    }
    // A/B shards (`baseline: base-ref`): the heads and the bases merged apart, as one job's pair.
    const sides = mergeBaseSides({
        fetched,
        keptFrom: merged.keptFrom,
        benches,
        configDigest: digest,
    });
    const problems = [...merged.problems, ...(sides?.problems ?? []), ...modeProblems(setup, sides)];
    for (const problem of problems)
        deps.step.warning(problem, { title: 'perfgate shards' });
    const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression };
    const results = recordGate(merged.results, gate);
    await deps.files.mkdir(setup.outDir);
    const resultsPath = path.join(setup.outDir, FILES.results);
    await deps.files.writeFile(resultsPath, serializeResults(results));
    deps.step.setOutput(OUTPUT.results, resultsPath);
    const confirm = mergeConfirmRuns(fetched);
    const confirmBase = mergeConfirmBaseRuns(fetched);
    const common = {
        measured: { results, resultsPath },
        problems,
        confirm: confirmModeOf(setup, confirmBase),
        close: () => Promise.resolve(),
    };
    if (!sides) {
        return {
            ...common,
            finding: matchLoaded(loaded, results),
            // Shards that confirmed against the base re-measured both sides; a bench none re-measured
            // is left out, so it keeps its first verdict.
            remeasure: (names) => Promise.resolve(confirmBase
                ? {
                    head: remeasuredOnly(confirm ?? confirmBase, names),
                    base: remeasuredOnly(confirmBase, names),
                }
                : { head: confirmedOnly(results, confirm, names) }),
        };
    }
    await deps.files.writeFile(path.join(setup.outDir, FILES.shardBase), serializeResults(sides.base));
    return {
        ...common,
        finding: abFinding(recordGate(sides.base, gate), results, sides),
        remeasure: (names) => Promise.resolve({
            head: confirmedOnly(results, confirm, names),
            base: confirmedOnly(sides.base, confirmBase, names),
        }),
    };
}
/** What the shards' confirmations were: both sides, the head alone, or none asked for. */
function confirmModeOf(setup, confirmBase) {
    if (!setup.pr || setup.inputs.confirm === 'false')
        return 'none';
    return confirmBase || setup.ab ? 'base' : 'rerun';
}
/** The benches of `names` that `run` re-measured. */
function remeasuredOnly(run, names) {
    const wanted = new Set(names);
    return { ...run, benches: run.benches.filter((b) => wanted.has(b.name)) };
}
/** The merge job's own `baseline` input disagreeing with what its shards measured. */
function modeProblems(setup, sides) {
    if (setup.ab && !sides) {
        return [
            'this merge job has baseline: base-ref but no shard measured a base side; compared with the artifact baseline instead (give the shard jobs the same baseline input)',
        ];
    }
    if (!setup.ab && sides) {
        return [
            `the shards measured base ${sides.baseSha} beside the head (baseline: base-ref); compared A/B, as they measured, though this merge job has no baseline: base-ref`,
        ];
    }
    return [];
}
/** The shards' re-run of `names`; a bench no shard re-ran answers with its merged result. */
function confirmedOnly(merged, confirm, names) {
    const again = new Map((confirm?.benches ?? []).map((b) => [b.name, b]));
    const first = new Map(merged.benches.map((b) => [b.name, b]));
    const benches = names.flatMap((name) => {
        const bench = again.get(name) ?? first.get(name);
        return bench ? [bench] : [];
    });
    return { ...(confirm ?? merged), benches };
}

export { mergeSource, shardCount };
