import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { p as parseConfig, f as formatConfigError } from './load-BRzCoT6a.js';
import { r as runShell, l as lastLines, m as maskedObserver, f as filterBenches, a as secretBook, k as keepsResult, c as createServers, b as runBenches } from './run-benches-BAqpNPXt.js';
import { R as RESULTS_SCHEMA_VERSION } from './types-CWpGVx7G.js';
import { c as collectMeta } from './meta-B6Jfuede.js';
import { randomBytes } from 'node:crypto';
import { p as pg } from './index-BDfKYOkb.js';
import { AbSetupError, repoRoot, resolveCommit, defaultBase, checkoutWorktree } from './git-XZ9dYSDd.js';
import { a as makeMetric } from './pg-notify-C_yFIpMD.js';
import { e as explainTarget } from './explain-iBzXEorx.js';
import { b as benchesProducing } from './select-CftodHdB.js';
import './schema-CmhWBDOJ.js';
import 'process';
import 'buffer';
import './schemas-CtpLbXv5.js';
import './formats-B8atlvjM.js';
import './units-CFo0x0PP.js';
import './messages-D8C6-ZlJ.js';
import './calibration-module-CtkTGxWt.js';
import './bench-BCpLDQqU.js';
import './identity-B3jh3Sc_.js';
import './format-Czr1TBQt.js';
import 'node:child_process';
import 'node:fs';
import 'node:os';
import './simple-statistics-OhbKzjWx.js';
import 'node:http';
import 'node:https';
import 'node:events';
import 'node:url';
import 'fs';
import 'path';
import 'url';
import 'module';
import './_commonjsHelpers-Bgu_3bK-.js';
import './random-CRNsGjhb.js';
import 'events';
import 'util';
import 'util/types';
import 'crypto';
import 'dns';
import 'net';
import 'tls';
import 'stream';
import 'string_decoder';
import 'node:util';
import './XMLParser-Ciolm0c3.js';
import './mann-whitney-CizR9A4a.js';

/** A build command failed; the message names the side, the command and its output's tail. */
class AbBuildError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AbBuildError';
    }
}
/** The distinct `build` commands of these benches, in first-use order. */
function buildCommands(benches) {
    return [
        ...new Set(benches.flatMap((b) => (b.settings.build === undefined ? [] : [b.settings.build]))),
    ];
}
/** Runs `commands` in `cwd` (one side's config folder), stopping at the first that fails. */
async function runBuilds(side, commands, cwd, env, log) {
    for (const command of commands) {
        log(`${side}: build \`${command}\``);
        const run = await runShell(command, {
            cwd,
            env,
            signal: new AbortController().signal,
            tailBytes: 4096,
        });
        if (run.code === 0)
            continue;
        const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`;
        const tail = lastLines(`${run.stdoutTail}\n${run.stderrTail}`, 10);
        throw new AbBuildError(`the ${side} side's build \`${command}\` ${how} (in ${cwd})${tail ? `:\n${tail}` : ' (no output)'}`);
    }
}

/**
 * Per-side databases of A/B mode: base and head each get their own database on the server the
 * bench's URL names, so each side's migrations (its `build`) and SQL functions stay apart.
 */
/** The env variables holding the URL of the PostgreSQL benches among `benches` (usually DATABASE_URL). */
function databaseUrlVariables(benches) {
    const names = benches
        .filter((b) => b.spec.kind === 'sql' || b.spec.kind === 'pg-notify')
        .map((b) => b.spec.urlEnv);
    return [...new Set(names)];
}
/** `url` with its database replaced by `database`. */
function withDatabase(url, database) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new AbSetupError('A/B mode needs the database URL as postgres://user:password@host:port/database (a key=value string cannot be re-pointed at a per-side database)');
    }
    parsed.pathname = `/${database}`;
    return parsed.toString();
}
/** Creates `perfgate_<side>_<random>` on the server of `url`. */
async function createSideDatabase(url, side) {
    const name = `perfgate_${side}_${randomBytes(4).toString('hex')}`;
    await onServer(url, `CREATE DATABASE ${name}`);
    return {
        side,
        name,
        url: withDatabase(url, name),
        drop: async () => {
            await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => onServer(url, `DROP DATABASE IF EXISTS ${name}`).catch(() => undefined));
        },
    };
}
async function onServer(url, sql) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
        await client.connect();
        await client.query(sql);
    }
    catch (error) {
        // Never the URL: it holds the password.
        const message = error instanceof Error ? error.message : String(error);
        throw new AbSetupError(`${sql.split(' ').slice(0, 2).join(' ')} for A/B mode failed: ${message}`);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}

/**
 * The order of sides in each of `rounds` rounds: base-head, head-base, base-head, … (ABBA), so a
 * machine that speeds up or slows down during the job moves both sides alike.
 */
function roundOrder(rounds) {
    return Array.from({ length: rounds }, (_, round) => round % 2 === 0 ? ['base', 'head'] : ['head', 'base']);
}
/**
 * By default A/B splits each configured round in two (`ab-split: 2`): a side runs 2 × `rounds`
 * rounds, each with half a round's samples and time, so a side measures as many samples as a
 * normal run. Next to a CPU hog whole processes run ~1.45× slow at random (3 to 5 in 10 on the
 * replay's tuning half); the comparison keeps each side's fastest rounds, and with 10 rounds more
 * undisturbed ones are left to keep: +12% confirmed 87% of the time there against 68% with 5
 * rounds (docs/ab.md). The price is twice the processes, so twice their start-up and warm-up.
 */
const AB_ROUND_SPLIT = 2;
/** Rounds per side in A/B mode for a bench configured with `settings.rounds` (and `ab-split`). */
function abRounds(settings) {
    return settings.rounds * (settings.abSplit ?? AB_ROUND_SPLIT);
}
/**
 * `bench` as one of its A/B rounds (abRounds of them): a share of the samples and time, and
 * (for `js`) the leak check only in the first round, where a normal run does it too.
 */
function oneRound(bench, round) {
    const { settings } = bench;
    const rounds = abRounds(settings);
    const spec = bench.spec.kind === 'js' && round > 0
        ? { ...bench.spec, leakCheck: false }
        : bench.spec;
    return {
        ...bench,
        spec,
        settings: {
            ...settings,
            rounds: 1,
            samples: Math.ceil(settings.samples / rounds),
            time: settings.time / rounds,
            ...(settings.duration === undefined ? {} : { duration: settings.duration / rounds }),
        },
    };
}
/**
 * Merges the results of one side's rounds (`perRound[r]` = what round r produced) into one result
 * per name: samples concatenated in round order, `rounds` the per-round counts, summaries redone.
 * A name that errored or was skipped in any round takes that round's status and reason.
 */
function mergeRounds(perRound) {
    const byName = new Map();
    for (const results of perRound)
        for (const result of results) {
            const list = byName.get(result.name) ?? [];
            list.push(result);
            byName.set(result.name, list);
        }
    return [...byName.values()].map(mergeOne);
}
function mergeOne(results) {
    const [first] = results;
    const failed = results.find((r) => r.status === 'error') ?? results.find((r) => r.status !== 'ok');
    if (failed)
        return failed;
    if (first.status !== 'ok')
        return first;
    const metrics = first.metrics
        .map((metric) => mergeMetric(results.map((r) => r.metrics.find((m) => m.name === metric.name))))
        .filter((metric) => metric !== undefined);
    const details = results.find((r) => r.details !== undefined)?.details;
    // Shard balancing plans by durationMs: the bench took all its rounds, not just the first.
    const timed = results.filter((r) => r.durationMs !== undefined);
    const durationMs = timed.length
        ? timed.reduce((sum, r) => sum + (r.durationMs ?? 0), 0)
        : undefined;
    return {
        ...first,
        metrics,
        ...(details === undefined ? {} : { details }),
        ...(durationMs === undefined ? {} : { durationMs }),
    };
}
function mergeMetric(parts) {
    // A metric missing from some round (e.g. memory unavailable once) is dropped: uneven evidence.
    if (parts.some((part) => part === undefined))
        return undefined;
    const metrics = parts;
    const [first] = metrics;
    const samples = [];
    const rounds = [];
    for (const metric of metrics) {
        for (const sample of metric.samples)
            samples.push(sample);
        rounds.push(...(metric.rounds ?? [metric.samples.length]));
    }
    return makeMetric({
        name: first.name,
        unit: first.unit,
        better: first.better,
        samples,
        rounds,
        ...(first.regressionThreshold === undefined
            ? {}
            : { regressionThreshold: first.regressionThreshold }),
        ...(first.resolution === undefined ? {} : { resolution: first.resolution }),
    });
}

/**
 * A/B mode: the base commit in its own worktree, each side built (and given its own database),
 * then every bench measured for base and head in alternating rounds. Returns one normal Results
 * per side, so compareRuns([base], head) and confirmation work as with an artifact baseline.
 */
/** Checks out the base, creates side databases, runs the builds; on failure cleans up and throws. */
async function prepareAb(given) {
    // Every secret seen (URLs of side databases, passwords, template values) is masked in both
    // results, in every progress line and log line, and in the errors this throws.
    const secrets = secretBook((value) => given.secret?.(value));
    const options = { ...given, observer: maskedObserver(given.observer, secrets) };
    const log = (line) => options.log?.(secrets.mask(line));
    const configFile = path.resolve(options.configFile);
    const text = await readFile(configFile, 'utf8').catch(() => {
        throw new AbSetupError(`${options.configFile} does not exist or cannot be read`);
    });
    const headConfig = parse(text, options.configFile, options);
    const root = await repoRoot(path.dirname(configFile));
    const headSha = await resolveCommit(root, 'HEAD');
    const base = options.baseRef === undefined
        ? await defaultBase(root)
        : { ref: options.baseRef, sha: await resolveCommit(root, options.baseRef) };
    log(`A/B: base ${base.ref} = ${base.sha.slice(0, 12)}, head ${headSha.slice(0, 12)}`);
    const cleanups = [];
    const close = async () => {
        for (const cleanup of cleanups.reverse())
            await cleanup().catch(() => undefined);
        cleanups.length = 0;
    };
    try {
        const checkout = await checkoutWorktree(root, base.sha);
        cleanups.push(checkout.remove);
        // The head's config, its paths resolved inside the base checkout: same benches, base code.
        const baseFile = path.join(checkout.dir, path.relative(root, configFile));
        const baseConfig = parse(text, baseFile, options);
        const selected = options.names === undefined
            ? filterBenches(headConfig, options.filter)
            : benchesProducing(headConfig, options.names);
        const env = {
            base: { ...options.env },
            head: { ...options.env },
        };
        for (const variable of databaseUrlVariables(selected)) {
            const url = options.env[variable];
            if (url === undefined || url.trim() === '')
                continue;
            secrets.add(url);
            for (const side of ['base', 'head']) {
                const database = await createSideDatabase(url, side);
                cleanups.push(database.drop);
                secrets.add(database.url);
                env[side][variable] = database.url;
                log(`${side}: database ${database.name} for ${variable}`);
            }
        }
        const commands = buildCommands(selected);
        await runBuilds('base', commands, baseConfig.dir, env.base, log);
        await runBuilds('head', commands, headConfig.dir, env.head, log);
        // The base side narrowed as the head is: `--filter lib/sum` runs only `sum` on both sides.
        const sides = {
            base: { ...baseConfig, benches: filterBenches(baseConfig, options.filter) },
            head: headConfig,
        };
        return {
            baseRef: base.ref,
            baseSha: base.sha,
            headSha,
            config: headConfig,
            close,
            measure: (names) => measureInterleaved(names === undefined ? selected : benchesProducing(headConfig, names), sides, env, { base: base.sha, head: headSha }, options, secrets),
            profile: (targets, output) => profileSides(targets, output, sides, env, { base: checkout.dir, head: root }, options, secrets),
        };
    }
    catch (error) {
        await close();
        // A build's output or a driver's message may quote a database URL from the build's env.
        if (error instanceof Error)
            error.message = secrets.mask(error.message);
        throw error;
    }
}
function parse(text, file, options) {
    const parsed = parseConfig(text, {
        file,
        ...(options.regressionThreshold === undefined
            ? {}
            : { regressionThreshold: options.regressionThreshold }),
    });
    if (!parsed.ok)
        throw new AbSetupError(parsed.errors.map(formatConfigError).join('\n'));
    return options.adjust ? options.adjust(parsed.config) : parsed.config;
}
async function profileSides(targets, output, configs, env, roots, options, secrets) {
    const servers = createServers();
    const side = (which) => ({
        side: which,
        root: roots[which],
        configDir: configs[which].dir,
        env: env[which],
        servers,
        secrets,
        log: (line) => options.log?.(secrets.mask(`${which}: ${line}`)),
    });
    const sides = { base: side('base'), head: side('head') };
    const causes = new Map();
    try {
        for (const target of targets) {
            const [head] = benchesProducing(configs.head, [target.result]);
            if (!head)
                continue;
            // `profile: false` (or --no-profile) leaves the cause out rather than say nothing grew.
            if (head.settings.profile === false)
                continue;
            const base = configs.base.benches.find((b) => b.name === head.name);
            options.log?.(`Profiling ${target.result} on both sides to name what grew`);
            const cause = await explainTarget(sides, { result: target.result, msPerCall: target.msPerCall, benches: { base, head } }, output);
            if (cause)
                causes.set(target.result, secrets.redact(cause));
        }
    }
    finally {
        await servers.stop();
    }
    return causes;
}
async function measureInterleaved(benches, configs, env, commits, options, secrets) {
    const started = options.now();
    const collected = { base: [], head: [] };
    const keeps = keepsResult(configs.head, options.filter);
    const benchNames = new Set(benches.map((bench) => bench.name));
    // One server up at a time: a side's server runs for that side's consecutive rounds (ABBA
    // keeps it up across the pair), then gives way to the other side's.
    const servers = createServers();
    try {
        await measurePairs(benches, configs, env, options, servers, secrets, collected);
    }
    finally {
        await servers.stop();
    }
    const results = (side) => secrets.redact({
        schemaVersion: RESULTS_SCHEMA_VERSION,
        meta: {
            ...collectMeta(configs[side], { ...options.env, GITHUB_SHA: commits[side] }, started),
            // Both sides share one config: the same digest tells a reader they are comparable.
            configDigest: collectMeta(configs.head, options.env, started).configDigest,
        },
        // A wildcard after a js bench's name runs it whole: keep what the filter asked for.
        benches: collected[side].filter((result) => benchNames.has(result.name) || keeps(result.name)),
    });
    return { base: results('base'), head: results('head') };
}
async function measurePairs(benches, configs, env, options, servers, secrets, collected) {
    // The base runs first (round 0 is base-head): it draws each params-query bench's cases and
    // the head times the same ones, so cases pair even when each side's data differs.
    const draws = new Map();
    for (const [index, headBench] of benches.entries()) {
        options.observer?.benchStarted?.(headBench, index, benches.length);
        const pair = {
            head: headBench,
            // A bench new in the head has no base side: it is measured alone and reported as new.
            base: configs.base.benches.find((b) => b.name === headBench.name),
        };
        const perRound = { base: [], head: [] };
        for (const [round, order] of roundOrder(abRounds(headBench.settings)).entries()) {
            for (const side of order) {
                const bench = pair[side];
                if (bench === undefined)
                    continue;
                perRound[side].push(await runBenches([warmFirstRoundOnly(oneRound(bench, round), round)], {
                    env: env[side],
                    // Identity paths are relative to each side's own tree, so both sides match.
                    configDir: configs[side].dir,
                    observer: { log: (b, line) => options.observer?.log?.(b, `${side}: ${line}`) },
                    // One set for every round: a server started in an earlier round registered its values there.
                    secrets,
                    servers,
                    side,
                    draws,
                }));
            }
        }
        const head = mergeRounds(perRound.head);
        collected.head.push(...head);
        collected.base.push(...mergeRounds(perRound.base));
        options.observer?.benchFinished?.(headBench, head);
    }
}
/**
 * A `command` bench warms up in the first round only: every sample is a fresh process anyway,
 * so what its warm-up warms (page cache, binary, files) is still warm in later rounds, while
 * repeating it in each of the 2 × `rounds` rounds per side doubled the runs of a bench with one
 * warm-up run and one sample per round (bench/confirm-cost.ts). Kinds that open a process or
 * connection per round (js, sql, http) keep their warm-up in every round: it warms that.
 */
function warmFirstRoundOnly(bench, round) {
    if (round === 0 || bench.spec.kind !== 'command')
        return bench;
    return { ...bench, settings: { ...bench.settings, warmup: { iterations: 0 } } };
}

export { prepareAb };
