import path from 'node:path';
import { F as FILES } from './layout-CMZDXM95.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-D94USJLx.js';
import { s as serializeResults } from './schema-Cb0sQx1s.js';
import { a as configDigest } from './meta-B6Jfuede.js';
import { s as shardLabel, o as ownerBench, l as loadBaselineFirst, p as planFor, f as fetchShardArtifacts, m as matchLoaded } from './shard-CSnpBep_.js';
import { f as filterBenches } from './run-benches-CLJKWQw2.js';
import './model-BfkuJ1Mu.js';
import './schemas-DV3ev3NB.js';
import './format-D0xDIPJR.js';
import './units-CFo0x0PP.js';
import './formats-1A7RHUR4.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import 'node:crypto';
import 'node:os';
import 'node:fs/promises';
import './source-CjT33JO_.js';
import './identity-B3jh3Sc_.js';
import './compare-BRUe-57o.js';
import './changed-benches-DSA8aqY6.js';
import './scaling-bBRpMboh.js';
import './units-C0yKQs3w.js';
import './history-CqejrRA7.js';
import './random-CRNsGjhb.js';
import './schema-Dn53-Niy.js';
import './simple-statistics-Dw7N4kWf.js';
import './select-CftodHdB.js';
import './find-baseline-DXvdFBwS.js';
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
import './history-CAzIN-XI.js';
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
import './pg-notify-CdTGnANK.js';
import './js-DAoYX6DO.js';
import 'node:child_process';
import 'util/types';
import 'dns';
import 'pg-cloudflare';

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
    if (arrived.length === 0)
        return { results: undefined, problems, missing };
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
    const configIndex = (name) => {
        const owner = ownerOf(name);
        return owner === undefined ? benches.length : benches.findIndex((b) => b.name === owner);
    };
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
    // Config order, as one job would have written them (stable within a config bench's results).
    const ordered = [...results, ...missingResults]
        .map((result, position) => ({ result, position }))
        .sort((a, b) => configIndex(a.result.name) - configIndex(b.result.name) || a.position - b.position)
        .map((x) => x.result);
    const cpus = [...new Set(arrived.map((f) => f.results.meta.cpuModel))];
    const timestamps = arrived.map((f) => f.results.meta.timestamp).sort();
    return {
        results: {
            schemaVersion: first.schemaVersion,
            meta: {
                ...first.meta,
                cpuModel: cpus.join(' / '),
                timestamp: timestamps[0],
                configDigest: options.configDigest,
            },
            benches: ordered,
        },
        problems,
        missing,
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

/** Merge job (`mode: merge`): the shard artifacts of this run as one run's results, never re-measured. */
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
/** Downloads and merges the shards of this run; shard problems become step warnings. */
async function mergeShardRun(setup, config, remote, deps) {
    const { inputs, ctx } = setup;
    const [api, store] = [await remote.api(), await remote.store()];
    const listed = await api.listRunArtifacts(ctx.runId);
    const count = shardCount(listed.filter((a) => !a.expired).map((a) => a.name), inputs.artifactName);
    if (count === undefined) {
        throw new Error(`mode: merge found no ${inputs.artifactName}-shard-i-of-n artifact in run ${ctx.runId}; did the shard jobs (shard: i/n) run before this job (needs:) with the same artifact-name?`);
    }
    const loaded = await loadBaselineFirst(setup, remote, deps);
    const { plan } = planFor(setup, config, count, loaded);
    const fetched = await fetchShardArtifacts({
        api,
        store,
        runId: ctx.runId,
        artifactName: inputs.artifactName,
        count,
    });
    const digest = configDigest(config);
    const merged = mergeShards({
        count,
        fetched,
        plan,
        benches: filterBenches(config, inputs.filter),
        configDigest: digest,
    });
    if (!merged.results) {
        throw new Error(`no shard of run ${ctx.runId} produced results: ${merged.problems.join('; ')}`);
    }
    for (const problem of merged.problems)
        deps.step.warning(problem, { title: 'perfgate shards' });
    const results = recordGate(merged.results, {
        threshold: inputs.threshold,
        failOnRegression: inputs.failOnRegression,
    });
    await deps.files.mkdir(setup.outDir);
    const resultsPath = path.join(setup.outDir, FILES.results);
    await deps.files.writeFile(resultsPath, serializeResults(results));
    deps.step.setOutput(OUTPUT.results, resultsPath);
    const confirm = mergeConfirmRuns(fetched);
    const replay = {
        ...deps,
        // The shards confirmed on their own runners; a bench none of them re-ran keeps its first result.
        runBenches: (_config, select) => Promise.resolve(confirmedOnly(results, confirm, select.names ?? [])),
    };
    return {
        measured: { results, resultsPath },
        finding: matchLoaded(loaded, results),
        problems: merged.problems,
        deps: replay,
    };
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

export { mergeShardRun, shardCount };
