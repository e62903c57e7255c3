#!/usr/bin/env node
import { mkdtemp, rm, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify, parseArgs } from 'node:util';
import { f as formatPercentage, a as formatValue, b as formatP, c as formatChange } from './chunks/format-nSRY5rS4.js';
import { p as parseConfig, f as formatConfigError, r as readConfig } from './chunks/read-CczsD4Vg.js';
import { r as redact, c as collectMeta, a as runConfig, P as PERFGATE_VERSION } from './chunks/run-config-Bk4kT9lF.js';
import { R as RESULTS_SCHEMA_VERSION } from './chunks/types-CWpGVx7G.js';
import { r as runShell, l as lastLines, p as pg, f as filterBenches, b as benchesProducing, a as runBenches, g as globToRegExp } from './chunks/run-benches-CzC20eGr.js';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import os from 'node:os';
import { m as makeMetric } from './chunks/pg-notify-DsPofxV8.js';
import { c as compareRuns, b as benchesToConfirm, a as confirmRegressions, C as CompareInputError, m as medianOf, d as markChanged } from './chunks/changed-benches-EAfeZvn0.js';
import { r as renderComment } from './chunks/comment-BekqBeWJ.js';
import { b as buildCommentModel, l as localCommentInput } from './chunks/model-PtTLRzmk.js';
import { s as serializeResults, p as parseResults, R as ResultsFormatError } from './chunks/schema-CA6fgnZ3.js';
import { s as seededRandom } from './chunks/random-CRNsGjhb.js';
import { n as number, o as object, i as int, s as string, _ as _enum, l as literal, a as array } from './chunks/schemas-TYepb_3n.js';
import { m as matchRuns } from './chunks/source-CjT33JO_.js';
import { r as runSummaryText } from './chunks/run-summary-Cs9qoLBm.js';
import 'process';
import 'buffer';
import './chunks/js-Dh6HGazh.js';
import './chunks/units-Stbnh1sW.js';
import './chunks/bench-BCpLDQqU.js';
import './chunks/identity-B3jh3Sc_.js';
import 'node:fs';
import './chunks/simple-statistics-Dw7N4kWf.js';
import 'node:http';
import 'node:https';
import 'node:events';
import 'node:url';
import 'fs';
import 'path';
import 'url';
import 'module';
import './chunks/_commonjsHelpers-CtC9XygV.js';
import 'events';
import 'util';
import 'util/types';
import 'crypto';
import 'dns';
import 'net';
import 'tls';
import 'pg-cloudflare';
import 'stream';
import 'string_decoder';
import './chunks/scaling-bBRpMboh.js';
import './chunks/escape-DUX7g4yH.js';

/** z(97.5%) + z(80%): a two-sided 5% test that catches a change of the threshold 4 times in 5. */
const Z = 1.96 + 0.84;
/** The noise of every ok bench of `head`; with `base` (A/B mode) also the base-vs-base change. */
function noiseReport(head, base) {
    return head.benches
        .filter((bench) => bench.status === 'ok' && bench.metrics.length > 0)
        .map((bench) => {
        const metric = bench.metrics[0];
        const medians = roundMedians(metric);
        const roundSpread = medians.length >= 2 ? cv(medians) : null;
        const baseMetric = base?.benches
            .find((b) => b.name === bench.name && b.status === 'ok')
            ?.metrics.find((m) => m.name === metric.name);
        const threshold = metric.regressionThreshold ?? bench.regressionThreshold;
        const roundsNeeded = roundSpread === null ? null : roundsFor(roundSpread, threshold);
        const noise = {
            name: bench.name,
            metric: metric.name,
            rounds: medians.length,
            roundSpread,
            baseVsBase: baseMetric === undefined ? null : halvesChange(roundMedians(baseMetric)),
            threshold,
            roundsNeeded,
        };
        if (roundsNeeded !== null && roundsNeeded > medians.length) {
            noise.hint = `too noisy for its ${percent(threshold)} threshold with ${medians.length} rounds: needs ≥ ${roundsNeeded} rounds to see ${percent(threshold)} (round-to-round spread ${percent(roundSpread ?? 0)})`;
        }
        return noise;
    });
}
/** Rounds per side for a two-sample test of the log medians to see `threshold` through `spread`. */
function roundsFor(spread, threshold) {
    const effect = Math.log1p(threshold);
    return Math.max(2, Math.ceil(2 * ((Z * spread) / effect) ** 2));
}
function roundMedians(metric) {
    const counts = metric.rounds ?? [metric.samples.length];
    const medians = [];
    let start = 0;
    for (const count of counts) {
        if (count > 0)
            medians.push(median(metric.samples.slice(start, start + count)));
        start += count;
    }
    return medians;
}
function halvesChange(medians) {
    if (medians.length < 2)
        return null;
    const even = medians.filter((_, i) => i % 2 === 0);
    const odd = medians.filter((_, i) => i % 2 === 1);
    const a = median(even);
    return a === 0 ? null : median(odd) / a - 1;
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function cv(values) {
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    if (mean === 0)
        return 0;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
    return Math.sqrt(variance) / Math.abs(mean);
}
/** One decimal under 10% ("2.5%"), none above ("25%"). */
function percent(fraction) {
    return formatPercentage(fraction, fraction < 0.1 ? 1 : 0);
}

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

/** The git side of A/B mode: which commit is the base, and a separate checkout of it. */
const exec = promisify(execFile);
/** Something about the repository stops A/B mode; the message says what to do. */
class AbSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AbSetupError';
    }
}
async function git(repo, args) {
    const { stdout } = await exec('git', args, { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
}
async function tryGit(repo, args) {
    try {
        return await git(repo, args);
    }
    catch {
        return undefined;
    }
}
const FETCH_HINT = 'check out with full history (actions/checkout with `fetch-depth: 0`) or fetch the base first, e.g. `git fetch origin <base-branch>`';
/** The top folder of the git work tree holding `dir`. */
async function repoRoot(dir) {
    const root = await tryGit(dir, ['rev-parse', '--show-toplevel']);
    if (root === undefined)
        throw new AbSetupError(`${dir} is not inside a git repository`);
    return root;
}
/** The full sha of `ref`; a ref git does not have is an error that says how to fetch it. */
async function resolveCommit(repo, ref) {
    const sha = await tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (sha === undefined || sha === '') {
        const shallow = (await tryGit(repo, ['rev-parse', '--is-shallow-repository'])) === 'true';
        throw new AbSetupError(`base commit ${ref} is not in this clone${shallow ? ' (it is a shallow clone)' : ''}: ${FETCH_HINT}`);
    }
    return sha;
}
/**
 * The default base: the merge base of HEAD with the default branch (origin/HEAD, else origin/main,
 * main, origin/master, master: the first that exists).
 */
async function defaultBase(repo) {
    const candidates = ['origin/HEAD', 'origin/main', 'main', 'origin/master', 'master'];
    for (const ref of candidates) {
        if ((await tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) === undefined)
            continue;
        const sha = await tryGit(repo, ['merge-base', 'HEAD', ref]);
        if (sha === undefined || sha === '') {
            throw new AbSetupError(`HEAD and ${ref} have no common commit in this clone (too shallow?): ${FETCH_HINT}`);
        }
        return { ref: `merge-base(HEAD, ${ref})`, sha };
    }
    throw new AbSetupError(`no default branch found (tried ${candidates.join(', ')}); name the base commit explicitly, or ${FETCH_HINT}`);
}
/** Checks out `sha` into a new detached worktree of `repo` (no branch is created or moved). */
async function checkoutWorktree(repo, sha) {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'perfgate-base-'));
    const dir = path.join(parent, 'tree');
    try {
        await git(repo, ['worktree', 'add', '--detach', '--quiet', dir, sha]);
    }
    catch (error) {
        await rm(parent, { recursive: true, force: true });
        const stderr = error.stderr?.trim() ?? String(error);
        throw new AbSetupError(`could not check out base ${sha} into a worktree: ${stderr}`);
    }
    return {
        dir,
        sha,
        remove: async () => {
            await tryGit(repo, ['worktree', 'remove', '--force', dir]);
            await rm(parent, { recursive: true, force: true });
            await tryGit(repo, ['worktree', 'prune']);
        },
    };
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
 * `bench` as one round of its configured measurement: a share of the samples and time, and
 * (for `js`) the leak check only in the first round, where a normal run does it too.
 */
function oneRound(bench, round) {
    const { settings } = bench;
    const spec = bench.spec.kind === 'js' && round > 0
        ? { ...bench.spec, leakCheck: false }
        : bench.spec;
    return {
        ...bench,
        spec,
        settings: {
            ...settings,
            rounds: 1,
            samples: Math.ceil(settings.samples / settings.rounds),
            time: settings.time / settings.rounds,
            ...(settings.duration === undefined ? {} : { duration: settings.duration / settings.rounds }),
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
    return { ...first, metrics, ...(details === undefined ? {} : { details }) };
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
async function prepareAb(options) {
    const log = (line) => options.log?.(line);
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
    // Every secret seen (URLs of side databases, passwords) is also redacted from both results.
    const secrets = [];
    const secret = (value) => {
        secrets.push(value);
        options.secret?.(value);
    };
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
        const selected = filterBenches(headConfig, options.filter);
        const env = {
            base: { ...options.env },
            head: { ...options.env },
        };
        for (const variable of databaseUrlVariables(selected)) {
            const url = options.env[variable];
            if (url === undefined || url.trim() === '')
                continue;
            secret(url);
            for (const side of ['base', 'head']) {
                const database = await createSideDatabase(url, side);
                cleanups.push(database.drop);
                secret(database.url);
                env[side][variable] = database.url;
                log(`${side}: database ${database.name} for ${variable}`);
            }
        }
        const commands = buildCommands(selected);
        await runBuilds('base', commands, baseConfig.dir, env.base, log);
        await runBuilds('head', commands, headConfig.dir, env.head, log);
        const sides = { base: baseConfig, head: headConfig };
        return {
            baseRef: base.ref,
            baseSha: base.sha,
            headSha,
            config: headConfig,
            close,
            measure: (names) => measureInterleaved(names === undefined ? selected : benchesProducing(headConfig, names), sides, env, { base: base.sha, head: headSha }, { ...options, secret }, secrets),
        };
    }
    catch (error) {
        await close();
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
    return parsed.config;
}
async function measureInterleaved(benches, configs, env, commits, options, secrets) {
    const started = options.now();
    const collected = { base: [], head: [] };
    for (const [index, headBench] of benches.entries()) {
        options.observer?.benchStarted?.(headBench, index, benches.length);
        const pair = {
            head: headBench,
            // A bench new in the head has no base side: it is measured alone and reported as new.
            base: configs.base.benches.find((b) => b.name === headBench.name),
        };
        const perRound = { base: [], head: [] };
        for (const [round, order] of roundOrder(headBench.settings.rounds).entries()) {
            for (const side of order) {
                const bench = pair[side];
                if (bench === undefined)
                    continue;
                perRound[side].push(await runBenches([oneRound(bench, round)], {
                    env: env[side],
                    observer: { log: (b, line) => options.observer?.log?.(b, `${side}: ${line}`) },
                    secret: (value) => options.secret(value),
                }));
            }
        }
        const head = mergeRounds(perRound.head);
        collected.head.push(...head);
        collected.base.push(...mergeRounds(perRound.base));
        options.observer?.benchFinished?.(headBench, head);
    }
    const results = (side) => redact({
        schemaVersion: RESULTS_SCHEMA_VERSION,
        meta: {
            ...collectMeta(configs[side], { ...options.env, GITHUB_SHA: commits[side] }, started),
            // Both sides share one config: the same digest tells a reader they are comparable.
            configDigest: collectMeta(configs.head, options.env, started).configDigest,
        },
        benches: collected[side],
    }, secrets);
    return { base: results('base'), head: results('head') };
}

/** Version of the comparison JSON format. */
const COMPARISON_FORMAT_VERSION = 1;
/** The comparison as a JSON document with a `comparisons` array. */
function renderJson(comparison) {
    const body = {
        formatVersion: COMPARISON_FORMAT_VERSION,
        regressions: comparison.regressions,
        warnings: comparison.warnings,
        comparisons: comparison.comparisons,
    };
    // Non-finite numbers would become null silently; the engine never emits them, so keep as is.
    return JSON.stringify(body, null, 2) + '\n';
}

// Control characters (a newline in a bench name) would break the table's lines.
const oneLine = (text) => text.replace(/\p{Cc}+/gu, ' ');
function label(row) {
    return oneLine(row.metric === 'time' ? row.name : `${row.name} (${row.metric})`);
}
function changeCell(row) {
    if (row.verdict === 'unchanged') {
        const p = row.p === null ? '' : ` ${formatP(row.p)}`;
        return `~ (${row.baseSamples}+${row.headSamples} samples${p})`;
    }
    return formatChange(row.change, row.ci);
}
/** The comparison as an aligned text table, warnings first and each reason under its row. */
function renderText(comparison) {
    const header = ['bench', 'baseline', 'head', 'change (95% CI)', 'verdict'];
    const rows = comparison.comparisons.map((row) => [
        label(row),
        formatValue(row.base, row.unit),
        formatValue(row.head, row.unit),
        changeCell(row),
        row.confirmed ? `${row.verdict} (confirmed)` : row.verdict,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd();
    const out = comparison.warnings.map((w) => `warning: ${oneLine(w)}`);
    out.push(line(header));
    comparison.comparisons.forEach((row, i) => {
        out.push(line(rows[i]));
        if (row.verdict !== 'unchanged')
            out.push(`    ${oneLine(row.reason)}`);
        for (const note of row.notes ?? [])
            out.push(`    ${oneLine(note)}`);
    });
    out.push(comparison.regressions === 0
        ? 'no regressions'
        : `${comparison.regressions} regression${comparison.regressions === 1 ? '' : 's'}`);
    return out.join('\n') + '\n';
}

/**
 * Renders a comparison in the given format; markdown is the PR comment itself (same model, same
 * renderer, without the hidden markers), so what a developer sees locally is what the PR shows.
 */
function renderReport(comparison, format, facts) {
    if (format === 'json')
        return renderJson(comparison);
    if (format === 'markdown')
        return `${renderComment(buildCommentModel(localCommentInput(comparison, facts)), { marker: false })}\n`;
    return renderText(comparison);
}

/** An observer that writes progress to `write`; `live` rewrites one line (a TTY). */
function progressObserver(write, live) {
    let ticker;
    return {
        benchStarted(bench, index, total) {
            const label = `[${index + 1}/${total}] ${bench.name} (${bench.spec.kind})`;
            if (!live) {
                write(`${label} ...\n`);
                return;
            }
            const started = Date.now();
            const draw = () => write(`\r\x1b[K${label} ${((Date.now() - started) / 1000).toFixed(1)}s`);
            draw();
            ticker = setInterval(draw, 250);
        },
        benchFinished(_bench, results) {
            clearInterval(ticker);
            if (live)
                write('\r\x1b[K');
            for (const result of results)
                write(`${describe(result)}\n`);
        },
        log(bench, line) {
            if (!live)
                write(`  ${bench.name}: ${line}\n`);
        },
    };
}
function describe(result) {
    const metric = result.metrics[0];
    if (result.status !== 'ok' || !metric) {
        const [first] = (result.reason ?? '').split('\n');
        return `${result.status === 'skipped' ? '-' : '✗'} ${result.name}: ${result.status}: ${first}`;
    }
    return `✓ ${result.name}: ${metric.summary.n} samples, median ${formatValue(metric.summary.median, metric.unit)}`;
}

/**
 * `perfgate ab [BASE_REF]`: measures the base commit (in its own worktree) and the current work
 * tree interleaved on this machine, confirms what regressed with an interleaved re-run, and
 * prints the comparison as `perfgate compare` does.
 */
/** Usage of the ab command. */
const AB_USAGE = `Usage: perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR]
                   [--no-confirm] [--format text|markdown|json] [--fail-on-regression]

Measures BASE_REF (default: the merge base of HEAD with origin/HEAD or main) and the current
work tree on this machine, bench by bench in alternating rounds (base, head, head, base, ...),
and compares them. The base is checked out into a temporary git worktree; the clone needs its
commit (actions/checkout with fetch-depth: 0). Each bench's \`build\` command runs once per side;
sql and pg-notify benches get a database per side on the DATABASE_URL server.
Writes DIR/base.json and DIR/head.json (default DIR: perfgate-ab).
`;
/** Runs the ab command; returns 0, 1 (a bench errored or --fail-on-regression saw one), 2 (usage/setup). */
async function abCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            config: { type: 'string', short: 'c', default: 'perfgate.yml' },
            filter: { type: 'string', short: 'f' },
            'out-dir': { type: 'string', short: 'o', default: 'perfgate-ab' },
            'no-confirm': { type: 'boolean', default: false },
            format: { type: 'string', default: 'text' },
            'fail-on-regression': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(AB_USAGE);
        return 0;
    }
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format) || positionals.length > 1) {
        io.stderr(positionals.length > 1
            ? `perfgate ab: takes at most one BASE_REF, got ${positionals.join(' ')}\n`
            : `perfgate ab: --format must be text, markdown or json, got "${values.format}"\n`);
        return 2;
    }
    let session;
    try {
        session = await prepareAb({
            configFile: values.config,
            ...(positionals[0] === undefined ? {} : { baseRef: positionals[0] }),
            ...(values.filter === undefined ? {} : { filter: values.filter }),
            env: io.env,
            now: () => io.now(),
            observer: progressObserver((text) => io.stderr(text), io.isTTY),
            log: (line) => io.stderr(`${line}\n`),
        });
    }
    catch (error) {
        io.stderr(`perfgate ab: ${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
    }
    try {
        const first = await session.measure();
        if (first.head.benches.length === 0) {
            io.stderr(`perfgate ab: no bench matches --filter ${values.filter ?? ''}\n`);
            return 2;
        }
        let comparison = compareRuns([first.base], first.head);
        const flagged = values['no-confirm'] ? [] : benchesToConfirm(comparison);
        let rerunBase = undefined;
        if (flagged.length > 0) {
            io.stderr(`Re-running ${flagged.length} flagged bench(es) on both sides to confirm them\n`);
            const rerun = await session.measure(flagged);
            rerunBase = rerun.base;
            // The re-run measured the base again too: both base runs are the baseline.
            comparison = confirmRegressions([first.base, rerun.base], first.head, rerun.head, comparison);
        }
        const dir = values['out-dir'];
        await mkdir(path.resolve(dir), { recursive: true });
        await writeFile(path.join(dir, 'base.json'), serializeResults(first.base));
        await writeFile(path.join(dir, 'head.json'), serializeResults(first.head));
        if (rerunBase)
            await writeFile(path.join(dir, 'base-rerun.json'), serializeResults(rerunBase));
        const mode = `A/B on one machine: base ${session.baseRef} (${session.baseSha.slice(0, 12)}) vs head ${session.headSha.slice(0, 12)}, rounds interleaved\n`;
        // JSON stays parseable: the mode line goes to stderr there.
        if (format === 'json')
            io.stderr(mode);
        io.stdout(`${format === 'json' ? '' : `\n${mode}\n`}${renderReport(comparison, format, {
            configPath: values.config,
            headCommit: session.headSha,
            baselinePath: path.join(dir, 'base.json'),
            baselineCommit: session.baseSha,
            baselineRuns: rerunBase ? 2 : 1,
        })}`);
        const hints = noiseReport(first.head, first.base).filter((noise) => noise.hint !== undefined);
        for (const noise of hints)
            io.stderr(`noise: ${noise.name}: ${noise.hint}\n`);
        const errored = first.head.benches.some((b) => b.status === 'error');
        if (errored)
            return 1;
        return values['fail-on-regression'] && comparison.regressions > 0 ? 1 : 0;
    }
    finally {
        await session.close();
    }
}

/**
 * `perfgate compare BASE.json [MORE_BASES.json…] HEAD.json`: compares result files and prints
 * a report. File access comes in through `io`, so the command is testable and wiring-agnostic.
 */
/** One-line usage, printed with usage errors. */
const COMPARE_USAGE = 'usage: perfgate compare BASE.json [MORE_BASES.json…] HEAD.json [--format text|markdown|json] [--fail-on-regression] [--normalize calibration] [--config perfgate.yml]';
/** The full help of `perfgate compare --help`. */
const COMPARE_HELP = `${COMPARE_USAGE}

Compares result files: every file but the last is a baseline run (pooled), the last is the head.

Options:
  --format text|markdown|json  text: aligned table (default); markdown: exactly the PR comment
                               (without its hidden markers); json: the comparison document
                               (docs/results-format.md)
  --fail-on-regression         exit 1 when something regressed
  --normalize calibration      divide out the runner speed measured by the calibration bench
  --config PATH                the config named in the markdown heading (default perfgate.yml)
  -h, --help                   show this help
`;
const FORMATS$1 = ['text', 'markdown', 'json'];
class UsageError extends Error {
}
function message(error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
async function load(path, io) {
    let text;
    try {
        text = await io.readFile(path);
    }
    catch (error) {
        const code = error.code;
        throw new UsageError(`cannot read ${path}${code ? ` (${code})` : ''}`);
    }
    return parseResults(text, path);
}
/**
 * Runs the compare command; returns the exit code: 0, 1 when `--fail-on-regression` is given and
 * something regressed, 2 for usage, file or input errors (one line on stderr, no stack trace).
 */
async function compareCommand(args, io) {
    try {
        const { values, positionals } = parseArgs({
            args,
            allowPositionals: true,
            options: {
                format: { type: 'string', default: 'text' },
                'fail-on-regression': { type: 'boolean', default: false },
                normalize: { type: 'string' },
                config: { type: 'string', default: 'perfgate.yml' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
        if (values.help) {
            io.stdout(COMPARE_HELP);
            return 0;
        }
        const format = values.format;
        if (!FORMATS$1.includes(format)) {
            throw new UsageError(`--format must be one of ${FORMATS$1.join(', ')}, not "${values.format}"`);
        }
        if (values.normalize !== undefined && values.normalize !== 'calibration') {
            throw new UsageError(`--normalize only supports "calibration", not "${values.normalize}"`);
        }
        if (positionals.length < 2) {
            throw new UsageError('compare needs at least one baseline file and one head file');
        }
        const runs = [];
        for (const path of positionals)
            runs.push(await load(path, io));
        const head = runs.pop();
        const comparison = compareRuns(runs, head, {
            ...(values.normalize === 'calibration' ? { normalize: 'calibration' } : {}),
        });
        io.stdout(renderReport(comparison, format, {
            configPath: values.config,
            headCommit: head.meta.commit,
            baselinePath: positionals[0],
            baselineCommit: runs[0].meta.commit,
            baselineRuns: runs.length,
        }));
        return values['fail-on-regression'] && comparison.regressions > 0 ? 1 : 0;
    }
    catch (error) {
        if (error instanceof UsageError || isArgError(error)) {
            io.stderr(`perfgate compare: ${message(error)}\n${COMPARE_USAGE}\n`);
            return 2;
        }
        // Bad input files and anything unexpected: one line, never a stack trace.
        const kind = error instanceof ResultsFormatError || error instanceof CompareInputError
            ? ''
            : 'internal error: ';
        io.stderr(`perfgate compare: ${kind}${message(error)}\n`);
        return 2;
    }
}
function isArgError(error) {
    const code = error?.code;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * Change points in a bench's history by E-divisive means (Matteson & James, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data", JASA 2014), the method
 * MongoDB runs over its CI performance history (Daly et al., "The Use of Change Point Detection
 * to Identify Software Performance Regressions in a Continuous Integration System", ICPE 2020)
 * and Apache Otava (formerly DataStax Hunter; Fleming et al., ICPE 2023) is built on.
 *
 * The series is split where the energy distance between the two sides is largest; a seeded
 * permutation test says whether that split is better than chance; accepted splits are searched
 * again recursively (binary segmentation, as in the paper's hierarchical algorithm). Values are
 * log centres, so a step's size is relative and slow and fast benches are treated alike.
 * Pure and deterministic: the same series always gives the same change points.
 */
/** Sum over i of |x_i - x_j| for each j, split into the parts before and after j. */
function rowSums(x, rowLeft, rowRight) {
    const n = x.length;
    rowLeft.fill(0);
    rowRight.fill(0);
    for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
            const d = Math.abs(x[i] - x[j]);
            rowRight[i] += d;
            rowLeft[j] += d;
        }
    }
}
/**
 * The best split of `x` by the E-divisive statistic (alpha = 1):
 * Q(τ) = τ(n−τ)/n · (2·mean|L−R| − mean|L−L'| − mean|R−R'|), sides at least `minSegment` long.
 * Running sums make each evaluation O(n²) for all τ together.
 */
function bestSplit(x, minSegment, scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) }) {
    const n = x.length;
    if (n < 2 * minSegment)
        return { index: -1, q: 0 };
    const { left, right } = scratch;
    rowSums(x, left, right);
    let within = 0; // pairs inside [0, τ)
    let total = 0;
    for (let j = 0; j < n; j++)
        total += left[j];
    let between = 0; // pairs across τ
    let withinRight = total; // pairs inside [τ, n)
    let best = { index: -1, q: -Infinity };
    for (let tau = 1; tau < n; tau++) {
        // Move point tau−1 from the right side to the left.
        const moved = tau - 1;
        within += left[moved];
        between += right[moved] - left[moved];
        withinRight -= right[moved];
        const a = tau;
        const b = n - tau;
        if (a < minSegment || b < minSegment)
            continue;
        const meanBetween = between / (a * b);
        const meanLeft = a > 1 ? within / ((a * (a - 1)) / 2) : 0;
        const meanRight = b > 1 ? withinRight / ((b * (b - 1)) / 2) : 0;
        const q = ((a * b) / n) * (2 * meanBetween - meanLeft - meanRight);
        if (q > best.q)
            best = { index: tau, q };
    }
    return best;
}
/** The permutation p-value of the best split of `x`: how often shuffled data split as well. */
function splitP(x, observed, options, random) {
    const shuffled = Float64Array.from(x);
    const scratch = { left: new Float64Array(x.length), right: new Float64Array(x.length) };
    let hits = 0;
    for (let r = 0; r < options.permutations; r++) {
        for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            const t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        if (bestSplit(shuffled, options.minSegment, scratch).q >= observed)
            hits++;
    }
    return (hits + 1) / (options.permutations + 1);
}
function withDefaults(options) {
    return {
        alpha: options.alpha ?? 0.01,
        permutations: options.permutations ?? 199,
        minSegment: options.minSegment ?? 3,
        minShift: options.minShift ?? 0.02,
        seed: options.seed ?? 20140101,
    };
}
/** Significant splits of a numeric series (indices of the first value at each new level), sorted. */
function eDivisive(values, options = {}) {
    const settings = withDefaults(options);
    const random = seededRandom(settings.seed);
    const splits = [];
    // Binary segmentation: test the best split of each segment, recurse into accepted ones.
    const pending = [[0, values.length]];
    while (pending.length > 0) {
        const [start, end] = pending.shift();
        const x = Float64Array.from(values.slice(start, end));
        const { index, q } = bestSplit(x, settings.minSegment);
        if (index < 0 || !(q > 0))
            continue;
        const p = splitP(x, q, settings, random);
        if (p > settings.alpha)
            continue;
        splits.push({ index: start + index, p });
        pending.push([start, start + index], [start + index, end]);
    }
    return splits.sort((a, b) => a.index - b.index);
}
/** Lasting shifts in one series, oldest first, at least `minShift` in size. */
function changePoints(series, options = {}) {
    const settings = withDefaults(options);
    const centres = series.entries.map((e) => e.centre);
    if (centres.some((c) => !(c > 0)))
        return []; // relative shifts need positive values
    const splits = eDivisive(centres.map((c) => Math.log(c)), settings);
    const bounds = [0, ...splits.map((s) => s.index), centres.length];
    const points = [];
    splits.forEach((split, k) => {
        const before = medianOf(centres.slice(bounds[k], bounds[k + 1]));
        const after = medianOf(centres.slice(bounds[k + 1], bounds[k + 2]));
        const change = after / before - 1;
        if (Math.abs(change) < settings.minShift)
            return;
        const entry = series.entries[split.index];
        points.push({
            bench: series.bench,
            metric: series.metric,
            unit: series.unit,
            index: split.index,
            commit: entry.commit,
            date: entry.date,
            change,
            worse: series.better === 'smaller' ? change > 0 : change < 0,
            runsAgo: centres.length - split.index,
            p: split.p,
        });
    });
    return points;
}
/** One line for a shift, e.g. "json/parse 18% slower since abc1234, 6 runs ago". */
function describeChangePoint(point) {
    const size = Math.abs(point.change);
    const percent = size >= 0.1 ? Math.round(size * 100) : +(size * 100).toFixed(1);
    const word = point.metric === 'time'
        ? point.change > 0
            ? 'slower'
            : 'faster'
        : point.change > 0
            ? 'higher'
            : 'lower';
    const name = point.metric === 'time' ? point.bench : `${point.bench} ${point.metric}`;
    const since = point.commit ? point.commit.slice(0, 7) : point.date.slice(0, 10);
    const ago = point.runsAgo === 1 ? 'in the latest run' : `${point.runsAgo} runs ago`;
    return `${name} ${percent}% ${word} since ${since}, ${ago}`;
}

/**
 * The history.json format: per bench and metric, one entry per baseline run, oldest first.
 * Documented in docs/history-format.md; `perfgate import-history` writes the same format.
 */
/** The version of the history file format this build writes and reads. */
const HISTORY_VERSION = 1;
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** One baseline run's value of one bench metric. */
const historyEntrySchema = object({
    /** The commit the baseline run measured (full sha); null when unknown. */
    commit: string().nullable(),
    /** ISO 8601 time the run started. */
    date: string().min(1),
    /** The GitHub Actions run id; null for local or imported runs. */
    runId: string().nullable(),
    /** The run's robust centre (the value verdicts compare), in the series' unit. */
    centre: finite,
    /** Low end of the run's 95% interval of the centre (bootstrap over rounds). */
    low: finite,
    /** High end of the same interval. */
    high: finite,
    /** Rounds (processes or passes) behind the centre; 1 for imported single values. */
    rounds: int().min(1),
    cpuModel: string(),
    perfgateVersion: string(),
});
/** Every run of one bench metric. */
const historySeriesSchema = object({
    bench: string().min(1),
    /** `time` for the primary latency, or a secondary metric such as `peak-rss`. */
    metric: string().min(1),
    unit: string().min(1),
    better: _enum(['smaller', 'bigger']),
    /** Oldest first; at most `history-size` entries. */
    entries: array(historyEntrySchema),
});
/** The whole history.json file. */
const historySchema = object({
    perfgateHistory: literal(HISTORY_VERSION),
    series: array(historySeriesSchema),
});
/** An empty history. */
function emptyHistory() {
    return { perfgateHistory: HISTORY_VERSION, series: [] };
}

/**
 * The long history carried from baseline artifact to baseline artifact: append this run, trim to
 * `history-size`, read a previous file leniently, rebuild from the baseline window. Pure.
 */
const keyOf = (s) => `${s.bench}\u0000${s.metric}`;
/**
 * Reads history.json text leniently; never throws. Valid files come back as they are; from an
 * invalid one every series and entry that validates is kept and the notice says what was lost.
 */
function readHistory(text, label = 'history.json') {
    if (text === undefined) {
        return { history: emptyHistory(), notice: `${label}: none found; history starts afresh` };
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        return {
            history: emptyHistory(),
            notice: `${label} is not valid JSON (${error.message}); history starts afresh`,
        };
    }
    const whole = historySchema.safeParse(raw);
    if (whole.success)
        return { history: whole.data };
    const version = raw?.perfgateHistory;
    if (version !== HISTORY_VERSION) {
        return {
            history: emptyHistory(),
            notice: `${label} is not a version ${HISTORY_VERSION} perfgate history (perfgateHistory: ${JSON.stringify(version)}); history starts afresh`,
        };
    }
    return salvage(raw.series, label);
}
function salvage(rawSeries, label) {
    const series = [];
    let droppedSeries = 0;
    let droppedEntries = 0;
    const seen = new Set();
    for (const item of Array.isArray(rawSeries) ? rawSeries : []) {
        const head = historySeriesSchema.omit({ entries: true }).safeParse(item);
        if (!head.success || seen.has(keyOf(head.data))) {
            droppedSeries++;
            continue;
        }
        seen.add(keyOf(head.data));
        const rawEntries = item.entries;
        const entries = [];
        for (const entry of Array.isArray(rawEntries) ? rawEntries : []) {
            const parsed = historyEntrySchema.safeParse(entry);
            if (parsed.success)
                entries.push(parsed.data);
            else
                droppedEntries++;
        }
        series.push({ ...head.data, entries });
    }
    const lost = [
        ...(Array.isArray(rawSeries) ? [] : ['its series list']),
        ...(droppedSeries > 0 ? [`${droppedSeries} unreadable series`] : []),
        ...(droppedEntries > 0 ? [`${droppedEntries} unreadable entries`] : []),
    ];
    return {
        history: { perfgateHistory: HISTORY_VERSION, series },
        notice: `${label} was partly corrupt: dropped ${lost.join(' and ') || 'nothing readable'}; kept ${series.length} series`,
    };
}

function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** JSON that is safe inside a <script> element (no "</script>" or "<!--" can form). */
function scriptJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028|\u2029/g, ' ');
}
const STYLE = `
body{font:14px system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px}h2{font-size:16px;margin:28px 0 4px}
.bench{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
.zoom button{margin-right:4px}.shift{color:#cf222e}.shift.better{color:#1a7f37}
svg{display:block;width:100%;height:auto}svg text{font-size:10px;fill:#57606a}
.line{fill:none;stroke:#0969da;stroke-width:1.5}.band{fill:#0969da;opacity:.12}
.point{fill:#0969da}.cp{stroke:#cf222e;stroke-dasharray:4 3}.cp.better{stroke:#1a7f37}
`;
// Draws every chart from the embedded data; zoom keeps the newest `view` runs in sight.
const SCRIPT = `
const data = JSON.parse(document.getElementById('perfgate-data').textContent);
const NS = 'http://www.w3.org/2000/svg';
const W = 900, H = 300, L = 60, R = 40, T = 10, B = 60;
function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(node);
  return node;
}
function fmt(v) { return String(+v.toPrecision(4)); }
function draw(box, series, points, from) {
  const svg = box.querySelector('svg');
  svg.textContent = '';
  const entries = series.entries.slice(from);
  const lows = entries.map(e => e.low), highs = entries.map(e => e.high);
  let lo = Math.min(...lows), hi = Math.max(...highs);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1; lo -= pad; hi += pad;
  const x = i => L + (entries.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (entries.length - 1));
  const y = v => T + (hi - v) * (H - T - B) / (hi - lo);
  for (let k = 0; k <= 4; k++) {
    const v = lo + (hi - lo) * k / 4;
    el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#eaeef2' }, svg);
    el('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end' }, svg).textContent = fmt(v);
  }
  el('text', { x: 4, y: T + 8 }, svg).textContent = series.unit;
  const band = entries.map((e, i) => x(i) + ',' + y(e.high)).concat(entries.map((e, i) => x(i) + ',' + y(e.low)).reverse());
  el('polygon', { class: 'band', points: band.join(' ') }, svg);
  el('path', { class: 'line', d: entries.map((e, i) => (i ? 'L' : 'M') + x(i) + ' ' + y(e.centre)).join(' ') }, svg);
  const every = Math.max(1, Math.ceil(entries.length / 40));
  entries.forEach((e, i) => {
    const c = el('circle', { class: 'point', cx: x(i), cy: y(e.centre), r: 3 }, svg);
    el('title', {}, c).textContent = (e.commit || '?').slice(0, 7) + ' ' + e.date + ': ' + fmt(e.centre) + ' ' + series.unit + ' (' + fmt(e.low) + ' to ' + fmt(e.high) + ', ' + e.rounds + ' rounds)';
    if (i % every === 0) {
      const label = el('text', { class: 'commit', x: x(i), y: H - B + 12, transform: 'rotate(45 ' + x(i) + ' ' + (H - B + 12) + ')' }, svg);
      label.textContent = e.commit ? e.commit.slice(0, 7) : e.date.slice(0, 10);
    }
  });
  for (const p of points) {
    if (p.index < from) continue;
    const cx = x(p.index - from) - (entries.length > 1 ? (x(1) - x(0)) / 2 : 0);
    const line = el('line', { class: 'cp' + (p.worse ? '' : ' better'), x1: cx, x2: cx, y1: T, y2: H - B }, svg);
    el('title', {}, line).textContent = p.text;
  }
}
document.querySelectorAll('.bench').forEach((box, n) => {
  const series = data.series[n];
  const points = data.points.filter(p => p.bench === series.bench && p.metric === series.metric);
  let view = series.entries.length;
  const redraw = () => draw(box, series, points, Math.max(0, series.entries.length - view));
  box.querySelectorAll('.zoom button').forEach(b => b.addEventListener('click', () => {
    view = b.dataset.view === 'all' ? series.entries.length : Number(b.dataset.view); redraw();
  }));
  box.querySelector('svg').addEventListener('wheel', ev => {
    ev.preventDefault();
    view = Math.min(series.entries.length, Math.max(5, Math.round(view * (ev.deltaY > 0 ? 1.25 : 0.8))));
    redraw();
  });
  redraw();
});
document.body.dataset.charts = String(document.querySelectorAll('svg path.line').length);
`;
/** The report.html page text. */
function htmlReport(input, describe) {
    const title = input.title ?? 'perfgate history';
    const points = input.changePoints.map((p) => ({ ...p, text: describe(p) }));
    const sections = input.history.series.map((series) => {
        const shifts = points.filter((p) => p.bench === series.bench && p.metric === series.metric);
        const name = series.metric === 'time' ? series.bench : `${series.bench} (${series.metric})`;
        return [
            `<section class="bench"><h2>${escapeHtml(name)}</h2>`,
            `<p>${series.entries.length} baseline runs. ${shifts.length === 0
                ? 'No lasting shift.'
                : shifts
                    .map((p) => `<span class="shift${p.worse ? '' : ' better'}">${escapeHtml(p.text)}</span>`)
                    .join('; ')}</p>`,
            '<div class="zoom">Show: <button data-view="all">all</button><button data-view="100">last 100</button><button data-view="50">last 50</button><button data-view="20">last 20</button> (or scroll on the chart)</div>',
            `<svg viewBox="0 0 900 300" role="img" aria-label="${escapeHtml(name)} over its history"></svg>`,
            '</section>',
        ].join('\n');
    });
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>${input.history.series.length} bench metrics${input.generatedAt ? `, generated ${escapeHtml(input.generatedAt)}` : ''}. Each point is one baseline run's centre, the band its 95% interval; dashed lines mark change points (red slower, green faster).</p>
${sections.join('\n')}
<script type="application/json" id="perfgate-data">${scriptJson({ series: input.history.series, points })}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

/** Most points a chart shows (the newest runs). */
const CHART_POINTS = 50;
/** Four significant digits, so the chart text stays short. */
function short(value) {
    return String(+value.toPrecision(4));
}
/** Mermaid-safe text: no quotes or brackets that end a title or label early. */
function safe(text) {
    return text.replace(/["[\]`\n\r]/g, ' ');
}
/**
 * The markdown of a fenced mermaid chart of `series` (newest `points` runs), with the PR's
 * value (same unit) as a marked last point when given.
 */
function historyChart(series, options = {}) {
    const entries = series.entries.slice(-(options.points ?? CHART_POINTS));
    const labels = entries.map((e) => (e.commit ? e.commit.slice(0, 7) : e.date.slice(5, 10)));
    const values = entries.map((e) => e.centre);
    const pr = options.prValue;
    if (pr !== undefined)
        labels.push('PR');
    const all = pr === undefined ? values : [...values, pr];
    const low = Math.min(...all);
    const high = Math.max(...all);
    const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1;
    const floor = short(Math.max(0, low - pad));
    const title = options.title ??
        `${series.bench} ${series.metric} (${series.unit}), last ${entries.length} baseline runs`;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${safe(title)}"`,
        `  x-axis [${labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
        `  y-axis "${safe(series.unit)}" ${floor} --> ${short(high + pad)}`,
        `  line [${[...values.map(short), ...(pr === undefined ? [] : [short(values.at(-1) ?? pr)])].join(', ')}]`,
    ];
    // The PR as a bar: flat on the axis everywhere but its own slot, so it reads as "this is you".
    if (pr !== undefined)
        lines.push(`  bar [${[...values.map(() => floor), short(pr)].join(', ')}]`);
    lines.push('```');
    return `${lines.join('\n')}\n`;
}

/** The history as text, markdown or JSON for the CLI, the job summary and the PR comment. Pure. */
/** Change points of every series (the shared first step of every format). */
function analyseHistory(history) {
    return history.series.map((series) => ({
        series,
        latest: series.entries.at(-1)?.centre ?? null,
        changePoints: changePoints(series),
    }));
}
const value = (v, unit) => v === null ? '-' : `${+v.toPrecision(4)} ${unit}`;
const nameOf = (s) => (s.metric === 'time' ? s.bench : `${s.bench} (${s.metric})`);
/** Plain text: one line per series, then its shifts indented. */
function historyText(reports) {
    if (reports.length === 0)
        return 'no bench in the history\n';
    const lines = [];
    for (const r of reports) {
        lines.push(`${nameOf(r.series)}: ${r.series.entries.length} runs, latest ${value(r.latest, r.series.unit)}`);
        if (r.changePoints.length === 0)
            lines.push('    no lasting shift');
        for (const p of r.changePoints)
            lines.push(`    ${describeChangePoint(p)}`);
    }
    return `${lines.join('\n')}\n`;
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/[<>&`*_[\]]/g, (c) => `\\${c}`);
}
/**
 * Markdown for the job summary: a table of every series with its shifts, then a chart per
 * series (at most `charts`, those with shifts first) so the page stays light.
 */
function historyMarkdown(reports, options = {}) {
    if (reports.length === 0)
        return 'No bench in the history.\n';
    const rows = reports.map((r) => `| ${cell(nameOf(r.series))} | ${r.series.entries.length} | ${cell(value(r.latest, r.series.unit))} | ${r.changePoints.length === 0
        ? 'none'
        : r.changePoints.map((p) => cell(describeChangePoint(p))).join('<br>')} |`);
    const charted = [...reports]
        .sort((a, b) => b.changePoints.length - a.changePoints.length)
        .slice(0, options.charts ?? 10);
    return [
        '### Benchmark history',
        '',
        '| bench | runs | latest | lasting shifts |',
        '| --- | ---: | ---: | --- |',
        ...rows,
        '',
        ...charted.flatMap((r) => [historyChart(r.series)]),
    ].join('\n');
}
/** Machine-readable: each series' latest value and change points (not the whole history). */
function historyJson(reports) {
    return `${JSON.stringify(reports.map((r) => ({
        bench: r.series.bench,
        metric: r.series.metric,
        unit: r.series.unit,
        runs: r.series.entries.length,
        latest: r.latest,
        changePoints: r.changePoints.map((p) => ({ ...p, text: describeChangePoint(p) })),
    })), null, 2)}\n`;
}

/**
 * `perfgate history HISTORY.json [--bench GLOB] [--format text|markdown|html|json]`: shows a
 * history.json's benches, their lasting shifts and charts. A damaged file is read as far as it
 * goes, with the notice on stderr.
 */
/** Usage of the history command. */
const HISTORY_USAGE = `usage: perfgate history HISTORY.json [--bench GLOB] [--format text|markdown|html|json]

Shows each bench's history from a history.json (in a baseline artifact), with its lasting shifts
(change points by E-divisive means). --bench keeps the benches matching comma-separated globs
(\`*\` within a segment, \`**\` across). --format html prints a self-contained report.html.
`;
const FORMATS = ['text', 'markdown', 'html', 'json'];
/** Runs the history command; returns the exit code (2 for usage or unreadable files). */
async function historyCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            bench: { type: 'string' },
            format: { type: 'string', default: 'text' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.stdout(HISTORY_USAGE);
        return 0;
    }
    const format = values.format;
    if (!FORMATS.includes(format) || positionals.length !== 1) {
        io.stderr(`perfgate history: ${positionals.length !== 1 ? 'give exactly one HISTORY.json' : `unknown format "${values.format}"`}\n${HISTORY_USAGE}`);
        return 2;
    }
    const file = positionals[0];
    let text;
    try {
        text = await io.readFile(file);
    }
    catch (error) {
        const code = error.code;
        io.stderr(`perfgate history: cannot read ${file}${code ? ` (${code})` : ''}\n`);
        return 2;
    }
    const { history, notice } = readHistory(text, file);
    if (notice)
        io.stderr(`perfgate history: ${notice}\n`);
    const globs = (values.bench ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean)
        .map(globToRegExp);
    const kept = {
        ...history,
        series: history.series.filter((s) => globs.length === 0 || globs.some((re) => re.test(s.bench))),
    };
    const reports = analyseHistory(kept);
    if (format === 'json')
        io.stdout(historyJson(reports));
    else if (format === 'markdown')
        io.stdout(historyMarkdown(reports));
    else if (format === 'text')
        io.stdout(historyText(reports));
    else
        io.stdout(htmlReport({ history: kept, changePoints: reports.flatMap((r) => r.changePoints) }, describeChangePoint));
    return 0;
}

/**
 * `perfgate run`: load the config, run the benches with progress, write the results file; with
 * `--baseline`, compare, re-run what regressed to confirm it, and print the comparison.
 */
/** The full help of `perfgate run --help`. */
const RUN_HELP = `usage: perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
                    [--baseline BASE.json]... [--no-confirm] [--format text|markdown|json]
                    [--fail-on-regression]

Runs the config's benches, writes the results file and, with --baseline, compares with it and
re-runs what regressed to confirm it. Progress goes to stderr; stdout has the report only.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            run only the benches whose name matches
  -o, --out FILE               the results file (default perfgate-results.json)
  -b, --baseline FILE          a baseline results file to compare with (repeatable: pooled)
  --no-confirm                 do not re-run regressions to confirm them
  --format text|markdown|json  the report (markdown: the PR comment; json: only JSON on stdout,
                               the comparison with --baseline, else the results document)
  --fail-on-regression         exit 1 when something regressed
  -h, --help                   show this help
`;
/**
 * Runs `perfgate run [--config F] [--filter GLOB] [--out FILE] [--baseline B.json]... [--no-confirm]
 * [--format text|markdown|json] [--fail-on-regression]`; returns the exit code.
 */
async function runCommand(args, io) {
    const { values } = parseArgs({
        args,
        options: {
            config: { type: 'string', short: 'c', default: 'perfgate.yml' },
            filter: { type: 'string', short: 'f' },
            out: { type: 'string', short: 'o', default: 'perfgate-results.json' },
            baseline: { type: 'string', short: 'b', multiple: true },
            'no-confirm': { type: 'boolean', default: false },
            format: { type: 'string', default: 'text' },
            'fail-on-regression': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(RUN_HELP);
        return 0;
    }
    const format = values.format;
    if (!['text', 'markdown', 'json'].includes(format)) {
        io.stderr(`perfgate run: --format must be text, markdown or json, got "${values.format}"\n`);
        return 2;
    }
    // Read the baselines first: a bad file should stop us before minutes of benches, not after.
    const baselines = [];
    for (const file of values.baseline ?? []) {
        try {
            baselines.push(parseResults(await readFile(file, 'utf8'), file));
        }
        catch (error) {
            io.stderr(`perfgate run: ${error instanceof Error ? error.message : String(error)}\n`);
            return 2;
        }
    }
    const loaded = await readConfig(values.config);
    if (!loaded.ok) {
        for (const error of loaded.errors)
            io.stderr(`${formatConfigError(error)}\n`);
        io.stderr(`perfgate: ${loaded.errors.length} problem(s) in ${values.config}; nothing was run\n`);
        return 2;
    }
    const run = (config, filter) => runConfig(config, {
        env: io.env,
        filter,
        now: () => io.now(),
        observer: progressObserver((text) => io.stderr(text), io.isTTY),
    });
    const results = await run(loaded.config, values.filter);
    if (results.benches.length === 0) {
        io.stderr(`perfgate: no bench matches --filter ${values.filter ?? ''}\n`);
        return 2;
    }
    await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
    await writeFile(values.out, serializeResults(results));
    // With --format json, stdout is for the JSON document alone (pipe it to jq); the table goes to stderr.
    const human = (text) => (format === 'json' ? io.stderr(text) : io.stdout(text));
    human(`\n${runSummaryText(results)}\n\nResults written to ${values.out}\n`);
    const errored = results.benches.some((bench) => bench.status === 'error');
    if (baselines.length === 0) {
        if (format === 'json')
            io.stdout(serializeResults(results));
        return errored ? 1 : 0;
    }
    // Bench by bench: a bench measured differently than the baseline is shown as changed.
    const { baselines: matched, match } = matchRuns(baselines, results);
    let comparison = markChanged(compareRuns(matched, results), match.changed);
    // Regressions and inconclusive benches beyond their threshold (the action's default policy).
    const flagged = values['no-confirm'] ? [] : benchesToConfirm(comparison, true);
    if (flagged.length > 0) {
        io.stderr(`Re-running ${flagged.length} bench(es) flagged as regressions to confirm them\n`);
        const rerun = await run({ ...loaded.config, benches: benchesProducing(loaded.config, flagged) });
        comparison = confirmRegressions(matched, results, rerun, comparison);
    }
    const report = renderReport(comparison, format, {
        configPath: values.config,
        headCommit: results.meta.commit,
        baselinePath: values.baseline?.[0] ?? '',
        baselineCommit: baselines[0].meta.commit,
        baselineRuns: baselines.length,
    });
    io.stdout(format === 'json' ? report : `\n${report}`);
    if (errored)
        return 1;
    return values['fail-on-regression'] && comparison.regressions > 0 ? 1 : 0;
}

/** The perfgate command line: dispatches to `run`, `compare`, `ab` and `history`. */
const USAGE = `perfgate ${PERFGATE_VERSION}: catch performance regressions before they merge

Usage:
  perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
               [--baseline BASE.json]... [--no-confirm] [--format text|markdown|json]
               [--fail-on-regression]
  perfgate compare BASE.json [MORE_BASES.json...] HEAD.json [--format text|markdown|json]
                   [--fail-on-regression]
  perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR] [--no-confirm]
              [--format text|markdown|json] [--fail-on-regression]   (perfgate ab --help)
  perfgate history HISTORY.json [--bench GLOB] [--format text|markdown|html|json]
  perfgate --version
  perfgate help [run|compare|ab]  (or perfgate <command> --help)
`;
/** Runs the CLI with `args` (without node and script); returns the exit code. */
async function runCli(args, io) {
    const [command, ...rest] = args;
    try {
        switch (command) {
            case 'run':
                return await runCommand(rest, io);
            case 'ab':
                return await abCommand(rest, io);
            case 'compare':
                return await compareCommand(rest, io);
            case 'history':
                return await historyCommand(rest, io);
            case '--version':
            case '-v':
                io.stdout(`${PERFGATE_VERSION}\n`);
                return 0;
            case 'help':
                if (rest[0] === 'run')
                    return await runCommand(['--help'], io);
                if (rest[0] === 'compare')
                    return await compareCommand(['--help'], io);
                if (rest[0] === 'ab')
                    return await abCommand(['--help'], io);
                io.stdout(USAGE);
                return 0;
            case undefined:
            case '--help':
            case '-h':
                io.stdout(USAGE);
                return command === undefined ? 2 : 0;
            default:
                io.stderr(`perfgate: unknown command "${command}"\n\n${USAGE}`);
                return 2;
        }
    }
    catch (error) {
        // Usage errors from parseArgs and anything unexpected: one line, no stack trace.
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`perfgate ${command}: ${message}\n`);
        return 2;
    }
}

process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
});
