import { b as benchResult } from './bench-BCpLDQqU.js';
import { b as benchIdentity } from './identity-B3jh3Sc_.js';
import { b as benchesProducing } from './select-CftodHdB.js';
import { i as formatDuration, t as trim, g as formatTime, c as formatPercentage, f as formatValue } from './format-Czr1TBQt.js';
import { I as ImportFormatError, k as importedMetric, m as msPer, l as parseIaiCallgrindJson, n as metricShape, o as instructionsFirst, q as parseJulia, r as parseBenchmarkDotNet, s as parseJmh, u as parseCatch2, v as parseCustom, x as parseTinybench, y as parseVitest, z as parseHyperfine, A as parsePytestBenchmark, B as parseGoogleBenchmark, D as parseBenchmarkActionCustom, a as makeMetric, b as parseJsonPath, E as readJsonPath, F as parseCriterion, T as TOKEN_PLACEHOLDER } from './pg-notify-C_yFIpMD.js';
import { spawn, execFile, fork } from 'node:child_process';
import { randomUUID, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { readFile, rm, mkdtemp, readdir, stat as stat$1 } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { q as quantile, l as linearRegression, r as rSquared, a as linearRegressionLine } from './simple-statistics-OhbKzjWx.js';
import http from 'node:http';
import https from 'node:https';
import { setMaxListeners } from 'node:events';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { C as CALIBRATION_MODULE } from './calibration-module-CtkTGxWt.js';
import * as fs from 'fs';
import { statSync, stat, realpathSync, realpath, readdirSync as readdirSync$1, readdir as readdir$1 } from 'fs';
import { sep, basename, dirname, resolve, normalize, relative, posix, isAbsolute } from 'path';
import { fileURLToPath as fileURLToPath$1 } from 'url';
import { createRequire } from 'module';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers-Bgu_3bK-.js';
import { p as pg } from './index-BDfKYOkb.js';
import { s as seededRandom } from './random-CRNsGjhb.js';

/** benchmark.js text: each bench's `String(bench)`, `name x 1,234 ops/sec ±0.5% (90 runs sampled)`. */
const LINE$1 = /^(.+?) x ([\d,]+(?:\.\d+)?) ops\/sec ±(\d+(?:\.\d+)?)% \((\d+) runs? sampled\)\s*$/;
/**
 * Every bench line of benchmark.js output. benchmark.js prints only the mean rate (hz), so each
 * bench has one value: the mean time per operation (1/hz), with the rate and its ± kept.
 */
function parseBenchmarkjs(text, file) {
    const benches = [];
    const seen = new Set();
    for (const line of text.split(/\r?\n/)) {
        const match = LINE$1.exec(line.trim());
        if (!match)
            continue;
        const [, name, rate, rme, runs] = match;
        const hz = Number(rate.replace(/,/g, ''));
        if (seen.has(name))
            throw new ImportFormatError(file, `bench "${name}" is listed twice`);
        seen.add(name);
        if (!(hz > 0)) {
            benches.push({
                id: name,
                metrics: [],
                details: { tool: 'benchmarkjs' },
                error: `${hz} ops/sec`,
            });
            continue;
        }
        benches.push({
            id: name,
            metrics: [importedMetric({ name: 'time', unit: 's', samples: [1 / hz] })],
            details: {
                tool: 'benchmarkjs',
                opsPerSec: hz,
                rmePercent: Number(rme),
                runsSampled: Number(runs),
                singleValue: 'mean (benchmark.js prints no samples)',
            },
        });
    }
    if (benches.length === 0) {
        throw new ImportFormatError(file, 'has no benchmark.js result lines ("name x 1,234 ops/sec ±0.50% (90 runs sampled)")');
    }
    return benches;
}

/**
 * `cargo bench` text: libtest's `test name ... bench: 1,234 ns/iter (+/- 56)` lines, which
 * Criterion also prints with `--output-format bencher`.
 */
const LINE = /^test (.+?)\s+\.\.\. bench:\s+([\d,]+(?:\.\d+)?) (\S+?)(?:\/iter)? \(\+\/- ([\d,]+(?:\.\d+)?)\)\s*$/;
const number = (text) => Number(text.replace(/,/g, ''));
/** Every bench line of `cargo bench` output; one value per bench (libtest prints the median). */
function parseCargo(text, file) {
    const benches = [];
    const seen = new Set();
    for (const line of text.split(/\r?\n/)) {
        const match = LINE.exec(line.trim());
        if (!match)
            continue;
        const [, name, value, unit, spread] = match;
        if (seen.has(name))
            throw new ImportFormatError(file, `bench "${name}" is listed twice`);
        seen.add(name);
        const time = msPer(unit) !== undefined;
        benches.push({
            id: name,
            // A time per iteration is `time`; another unit (cycles, MS/s) is kept as a plain value.
            metrics: [importedMetric({ name: time ? 'time' : 'value', unit, samples: [number(value)] })],
            details: {
                tool: 'cargo',
                plusMinus: number(spread),
                unit: line.includes('/iter') ? `${unit}/iter` : unit,
                singleValue: 'median (libtest prints no samples)',
            },
        });
    }
    if (benches.length === 0) {
        throw new ImportFormatError(file, 'has no `cargo bench` result lines ("test name ... bench: 1,234 ns/iter (+/- 56)")');
    }
    return benches;
}

const BENCH_LINE = /^(Benchmark\S*)\s+(\d+)\s+(.*)$/;
const HEADER = /^(goos|goarch|pkg|cpu):\s*(.*)$/;
const FAIL_LINE = /^--- FAIL: (Benchmark\S*)/;
/** Go appends -GOMAXPROCS to a bench's name when it is not 1. */
const PROCS_SUFFIX = /-(\d+)$/;
/** Go's units → perfgate metric names (others keep their unit as the name). */
const KNOWN_UNITS = {
    'ns/op': { name: 'time', unit: 'ns', better: 'smaller' },
    'B/op': { name: 'bytes-per-op', unit: 'bytes', better: 'smaller' },
    'allocs/op': { name: 'allocs-per-op', unit: 'allocs', better: 'smaller' },
    'MB/s': { name: 'mb-per-s', unit: 'MB/s', better: 'bigger' },
};
/** Every bench in the text output of `go test -bench` (several -count lines become samples). */
function parseGoBench(text, file) {
    const headers = {};
    const benches = new Map();
    const lines = text.split(/\r?\n/);
    let pkg = '';
    const benchFor = (fullName) => {
        const procs = PROCS_SUFFIX.exec(fullName);
        const name = fullName.replace(PROCS_SUFFIX, '');
        const key = `${pkg}\u0000${fullName}`;
        let bench = benches.get(key);
        if (!bench) {
            bench = { name, fullName, pkg, iterations: [], values: new Map() };
            if (procs)
                bench.procs = Number(procs[1]);
            benches.set(key, bench);
        }
        return bench;
    };
    lines.forEach((line, index) => {
        const header = HEADER.exec(line);
        if (header) {
            headers[header[1]] = header[2];
            if (header[1] === 'pkg')
                pkg = header[2];
            return;
        }
        const failed = FAIL_LINE.exec(line);
        if (failed) {
            const message = lines
                .slice(index + 1, index + 6)
                .filter((next) => /^\s+\S/.test(next))
                .map((next) => next.trim());
            benchFor(failed[1]).error =
                `go reported FAIL${message.length ? `: ${message.join(' ')}` : ''}`;
            return;
        }
        const match = BENCH_LINE.exec(line.trimEnd());
        if (!match)
            return;
        const bench = benchFor(match[1]);
        const fields = match[3].trim().split(/\s+/);
        if (fields.length % 2 !== 0 || !fields.includes('ns/op')) {
            throw new ImportFormatError(file, `line ${index + 1} is not a complete benchmark result (want "<value> ns/op ..." pairs), got ${JSON.stringify(line.trim())} — was the output cut short?`);
        }
        bench.iterations.push(Number(match[2]));
        for (let i = 0; i < fields.length; i += 2) {
            const value = Number(fields[i]);
            if (!Number.isFinite(value)) {
                throw new ImportFormatError(file, `line ${index + 1}: ${JSON.stringify(fields[i])} is not a number (before ${fields[i + 1]})`);
            }
            const unit = fields[i + 1];
            const values = bench.values.get(unit) ?? [];
            bench.values.set(unit, [...values, value]);
        }
    });
    if (benches.size === 0) {
        throw new ImportFormatError(file, 'holds no benchmark result lines (like "BenchmarkX-8  1000  123 ns/op"); was it written by `go test -bench`?');
    }
    const packages = new Set([...benches.values()].map((bench) => bench.pkg));
    // `-cpu 1,2` runs a bench at several GOMAXPROCS: those keep their suffix to stay apart.
    const variants = new Map();
    for (const bench of benches.values()) {
        const key = `${bench.pkg}\u0000${bench.name}`;
        variants.set(key, (variants.get(key) ?? 0) + 1);
    }
    return [...benches.values()].map((bench) => {
        const several = (variants.get(`${bench.pkg}\u0000${bench.name}`) ?? 0) > 1;
        const name = several ? bench.fullName : bench.name;
        const id = packages.size > 1 && bench.pkg ? `${bench.pkg}/${name}` : name;
        const details = {
            tool: 'go',
            ...(bench.procs === undefined ? {} : { gomaxprocs: bench.procs }),
            iterations: bench.iterations,
            ...(bench.pkg ? { pkg: bench.pkg } : {}),
            ...(headers.goos ? { goos: headers.goos } : {}),
            ...(headers.goarch ? { goarch: headers.goarch } : {}),
            ...(headers.cpu ? { cpu: headers.cpu } : {}),
        };
        if (bench.error !== undefined)
            return { id, metrics: [], details, error: bench.error };
        return { id, metrics: metricsOf(bench), details };
    });
}
function metricsOf(bench) {
    const metrics = [];
    for (const [goUnit, samples] of bench.values) {
        const known = KNOWN_UNITS[goUnit];
        const metric = known
            ? importedMetric({ ...known, samples })
            : // A b.ReportMetric unit: rates (x/s) are better bigger, like Go's benchstat assumes.
                importedMetric({
                    name: goUnit,
                    unit: goUnit,
                    samples,
                    better: goUnit.endsWith('/s') ? 'bigger' : 'smaller',
                });
        if (known?.name === 'time')
            metrics.unshift(metric);
        else
            metrics.push(metric);
    }
    return metrics;
}

/**
 * iai-callgrind (Rust, valgrind-based) results: its console output (`cargo bench`, the default
 * `--output-format`) or its JSON summaries (`--output-format=json|pretty-json`, or the
 * `summary.json` files of `--save-summary`). Every event count of a bench is one metric with a
 * single value: callgrind counts are deterministic, so there are no samples to keep.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
/** A bench's headline: its module path (`file::group::function`), then `id:description`. */
const HEADLINE = /^([A-Za-z_][\w]*(?:::[A-Za-z_][\w]*)+)(?: (.*))?$/;
/** `  Instructions:     1734|N/A  (*********)`: the new value left of the bar. */
const METRIC_LINE = /^([A-Za-z][\w +\-./]*?):\s+([-+]?\d+(?:\.\d+)?)\|/;
/** `======= CALLGRIND =====...`: several tools ran, their metrics follow in sections. */
const TOOL_HEADLINE = /^=+ ([A-Z][A-Z0-9-]*) =+$/;
const REGRESSED = /^Performance has regressed:/;
/** Ends the bench's own output under --nocapture (`=stdout`, `=stderr`). */
const NOCAPTURE_FOOTER = /^- end of (stdout\/stderr|stdout|stderr)$/;
/** Lines in the metric layout that are not metrics (a baseline may well be named `1`). */
const NOT_METRICS = new Set(['Baselines', 'Command', 'Details']);
/** Every benchmark in iai-callgrind's output: JSON summaries when the file holds JSON, else console text. */
function parseIaiCallgrind(text, file) {
    return looksLikeJson(text)
        ? parseIaiCallgrindJson(text, file)
        : parseIaiCallgrindConsole(text, file);
}
function looksLikeJson(text) {
    const start = text.trimStart();
    return start.startsWith('{') || start.startsWith('[') || /^\{"/m.test(text);
}
/** Every benchmark in iai-callgrind's console output, colours or not, with or without the grid. */
function parseIaiCallgrindConsole(text, file) {
    const benches = [];
    const seen = new Set();
    let current;
    let tool = 'callgrind';
    // Per-thread or per-process parts (`## pid: ...`) repeat the counts the `## Total` adds up,
    // and a `Comparison with` block shows another bench's counts: only the totals are the bench's.
    let skipping = false;
    const finish = () => {
        if (current === undefined || current.values.size === 0)
            return;
        if (seen.has(current.id)) {
            throw new ImportFormatError(file, `benchmark "${current.id}" is listed twice`);
        }
        seen.add(current.id);
        benches.push(toBench(current));
    };
    // Headlines seen since the last bench took its counts. With --nocapture the bench's own output
    // sits between its headline and a `- end of stdout/stderr` footer, and may look like a
    // headline: then the first one is the bench. Without the footer nothing is printed between
    // headline and counts, so the last one is.
    let candidates = [];
    const take = (which) => {
        if (current === undefined && candidates.length > 0) {
            current = which === 'first' ? candidates[0] : candidates[candidates.length - 1];
            candidates = [];
        }
        return current;
    };
    const lines = text.replace(ANSI, '').split(/\r?\n/);
    lines.forEach((raw, index) => {
        const headline = HEADLINE.exec(raw.trimEnd());
        if (headline) {
            if (current !== undefined) {
                finish();
                current = undefined;
                candidates = [];
            }
            candidates.push(newBench(headline[1], headline[2]));
            tool = 'callgrind';
            skipping = false;
            return;
        }
        if (NOCAPTURE_FOOTER.test(raw.trim())) {
            take('first');
            return;
        }
        if (current === undefined && candidates.length === 0)
            return;
        if (REGRESSED.test(raw)) {
            take('last')?.regressions.push(raw.trim());
            return;
        }
        // The grid (`show_grid`) puts `| `, `|-` or `|=` before each line; the plain layout indents.
        const line = raw.replace(/^\|[-=]?/, '').trim();
        const section = TOOL_HEADLINE.exec(line);
        if (section) {
            take('last');
            tool = section[1].toLowerCase();
            skipping = false;
            return;
        }
        if (line.startsWith('## ')) {
            take('last');
            skipping = line !== '## Total';
            return;
        }
        if (line.startsWith('Comparison with ')) {
            take('last');
            skipping = true;
            return;
        }
        if (skipping || raw === line)
            return;
        const metric = METRIC_LINE.exec(line);
        if (!metric || NOT_METRICS.has(metric[1]))
            return;
        const bench = take('last');
        const label = metric[1];
        const { name } = metricShape(tool, label);
        if (bench.values.has(name)) {
            throw new ImportFormatError(file, `line ${index + 1}: benchmark "${bench.id}" prints ${label} twice outside a part or comparison`);
        }
        bench.values.set(name, { label, tool, value: Number(metric[2]) });
    });
    finish();
    if (benches.length === 0) {
        throw new ImportFormatError(file, 'has no iai-callgrind benchmark (a `module::group::function id:args` headline followed by lines like `Instructions: 1734|N/A`); save the output of `cargo bench`, or use --output-format=json');
    }
    return benches;
}
function newBench(modulePath, rest) {
    // `id:description`: the id names the bench; the description (its arguments, maybe cut short
    // at 50 characters by iai-callgrind) is kept as a detail only, so the JSON summary, which
    // carries the whole description, gives the same name.
    const colon = rest?.indexOf(':') ?? -1;
    const benchId = rest === undefined ? undefined : colon < 0 ? rest : rest.slice(0, colon);
    const description = rest === undefined || colon < 0 ? undefined : rest.slice(colon + 1);
    return {
        id: benchId === undefined || benchId === '' ? modulePath : `${modulePath} ${benchId}`,
        moduleId: modulePath,
        ...(description === undefined || description === '' ? {} : { description }),
        values: new Map(),
        regressions: [],
    };
}
function toBench(pending) {
    const metrics = [...pending.values.values()].map(({ label, tool, value }) => {
        const shape = metricShape(tool, label);
        return importedMetric({ ...shape, samples: [value] });
    });
    return {
        id: pending.id,
        metrics: instructionsFirst(metrics),
        details: {
            tool: 'iai-callgrind',
            modulePath: pending.moduleId,
            ...(pending.description === undefined ? {} : { description: pending.description }),
            ...(pending.regressions.length === 0 ? {} : { toolRegressions: pending.regressions }),
            singleValue: 'event counts are deterministic: one value per metric',
        },
    };
}

/** The import formats perfgate reads and each one's parser (criterion reads a folder per bench). */
/** Parsers of the single-file formats: file text (and its path for messages) → benches. */
const FILE_PARSERS = {
    'google-benchmark': parseGoogleBenchmark,
    'pytest-benchmark': parsePytestBenchmark,
    hyperfine: parseHyperfine,
    go: parseGoBench,
    vitest: parseVitest,
    tinybench: parseTinybench,
    custom: parseCustom,
    cargo: parseCargo,
    catch2: parseCatch2,
    jmh: parseJmh,
    benchmarkdotnet: parseBenchmarkDotNet,
    benchmarkjs: parseBenchmarkjs,
    julia: parseJulia,
    'iai-callgrind': parseIaiCallgrind,
    'custom-smaller-is-better': (text, file) => parseBenchmarkActionCustom(text, file, 'smaller'),
    'custom-bigger-is-better': (text, file) => parseBenchmarkActionCustom(text, file, 'bigger'),
};

/**
 * Masks secret values (tokens, passwords, database URLs: every value a `${VAR}` template put in a
 * request) in text and in results, wherever they are about to leave the process.
 */
/**
 * Values shorter than this are neither masked nor registered with the runner. GitHub would mask
 * any length, but masking `a`, `1` or `dev` everywhere garbles every line (bench names, numbers,
 * words) while protecting nothing: a secret of 1–3 characters is guessed in moments anyway.
 * Variables that short are ports, flags and names, not credentials.
 */
const MIN_SECRET_LENGTH = 4;
/** What replaces a secret. */
const MASK = '***';
/** An empty set of secrets; `announce` hears each new value (the action's `setSecret`). */
function secretBook(announce) {
    // Longest first, so a URL holding a password is masked whole, not around the password.
    let known = [];
    const mask = (text) => known.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(MASK) : out), text);
    return {
        add(value) {
            if (value.trim().length < MIN_SECRET_LENGTH)
                return;
            const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
            for (const form of new Set(forms)) {
                if (known.includes(form))
                    continue;
                known = [...known, form].sort((a, b) => b.length - a.length);
                announce?.(form);
            }
        },
        mask,
        redact: (value) => known.length === 0
            ? value
            : JSON.parse(JSON.stringify(value), (_key, item) => typeof item === 'string' ? mask(item) : item),
    };
}

/**
 * `observer` with every log line and finished result masked by `secrets`, as known at the time
 * (a bench registers its template values before it sends anything that could echo them).
 */
function maskedObserver(observer, secrets) {
    return {
        benchStarted: (bench, index, total) => observer?.benchStarted?.(bench, index, total),
        benchFinished: (bench, results) => observer?.benchFinished?.(bench, secrets.redact(results)),
        log: (bench, line) => observer?.log?.(bench, secrets.mask(line)),
    };
}

/** A bench failed in a way the user can act on; the message says how (no stack trace needed). */
class BenchError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BenchError';
    }
}
/** A bench could not run here (a missing variable, no data); recorded as skipped with the reason. */
class BenchSkipped extends Error {
    constructor(message) {
        super(message);
        this.name = 'BenchSkipped';
    }
}

/**
 * Request templates: `${VAR}` from the environment (once, values registered as secrets) and
 * per-request tokens `{{uuid}}`, `{{uuidv4}}`, `{{uuidv7}}`, `{{now}}`, `{{now-iso}}`, `{{seq}}`,
 * `{{id}}` — so an API that deduplicates identical requests is not measured on a cache hit.
 */
const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const TOKEN = /\{\{\s*([a-z0-9-]+)\s*\}\}/g;
const KNOWN = new Set(['uuid', 'uuidv4', 'uuidv7', 'now', 'now-iso', 'seq', 'id']);
/**
 * Replaces `${VAR}` in every string of `value` from `env`; each used value goes to `secret`.
 * A missing variable is a BenchError naming the field and the variable.
 */
function expandEnv(value, env, secret, field) {
    return mapStrings(value, (text) => text.replace(ENV_REF, (_, name) => {
        const found = env[name];
        if (found === undefined) {
            throw new BenchError(`${field} uses \${${name}}, which is not set; set it, or add ${name} to \`requires\` to skip the bench without it`);
        }
        secret(found);
        return found;
    }));
}
/** The unknown `{{token}}` names in any string of `value` (to report config mistakes early). */
function unknownTokens(value) {
    const found = new Set();
    mapStrings(value, (text) => {
        for (const match of text.matchAll(TOKEN))
            if (!KNOWN.has(match[1]))
                found.add(match[1]);
        return text;
    });
    return [...found];
}
/** Fills the `{{...}}` tokens of one string. */
function fillText(text, tokens) {
    return text.replace(TOKEN, (whole, name) => tokenValue(name, tokens) ?? whole);
}
/**
 * Fills tokens in every string of a JSON value. A string that is exactly `{{seq}}` or `{{now}}`
 * becomes a number, so numeric fields stay numbers.
 */
function fillJson(value, tokens) {
    return mapStrings(value, (text) => {
        const whole = /^\{\{\s*(seq|now)\s*\}\}$/.exec(text);
        if (whole)
            return Number(tokenValue(whole[1], tokens));
        return fillText(text, tokens);
    });
}
function tokenValue(name, tokens) {
    switch (name) {
        case 'uuid':
        case 'uuidv4':
            return randomUUID();
        case 'uuidv7':
            return uuidv7();
        case 'now':
            return String(Date.now());
        case 'now-iso':
            return new Date().toISOString();
        case 'seq':
            return String(tokens.seq);
        case 'id':
            return tokens.id;
        default:
            return undefined;
    }
}
/** A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits; sorts by time. */
function uuidv7(now = Date.now()) {
    const bytes = randomBytes(16);
    bytes.writeUIntBE(now, 0, 6);
    bytes[6] = (bytes[6] & 0x0f) | 0x70;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function mapStrings(value, map) {
    if (typeof value === 'string')
        return map(value);
    if (Array.isArray(value))
        return value.map((item) => mapStrings(item, map));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
    }
    return value;
}

/** Sending one HTTP request over keep-alive connections and timing it to the last body byte. */
/** Keep-alive agents; call closeClient when the bench is done. */
function createClient() {
    return {
        http: new http.Agent({ keepAlive: true, maxSockets: Infinity }),
        https: new https.Agent({ keepAlive: true, maxSockets: Infinity }),
    };
}
/** Closes the client's idle connections. */
function closeClient(client) {
    client.http.destroy();
    client.https.destroy();
}
/** The absolute URL of `url` (a URL, or a path when `base` is given), tokens filled. */
function resolveUrl(url, base, tokens) {
    const filled = fillText(url, tokens);
    if (/^https?:\/\//i.test(filled))
        return new URL(filled);
    if (base === undefined) {
        throw new BenchError(`url ${JSON.stringify(url)} is not an http(s) URL; write a full URL, or list base-urls and write a path`);
    }
    return new URL(filled.replace(/^\/?/, '/'), base.replace(/\/+$/, '') + '/');
}
/** Sends `request` (env already expanded) with tokens filled; rejects on network errors. */
function send(client, request, base, tokens, signal) {
    const url = resolveUrl(request.url, base, tokens);
    const headers = {};
    for (const [name, value] of Object.entries(request.headers))
        headers[name] = fillText(value, tokens);
    let body;
    if (typeof request.body === 'string')
        body = fillText(request.body, tokens);
    else if (request.body !== undefined) {
        body = JSON.stringify(fillJson(request.body, tokens));
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
            headers['content-type'] = 'application/json';
        }
    }
    if (body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(body));
    const secure = url.protocol === 'https:';
    const attempt = (retryStale) => new Promise((resolve, reject) => {
        const started = performance.now();
        const req = (secure ? https : http).request(url, { method: request.method, headers, agent: secure ? client.https : client.http, signal }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                ms: performance.now() - started,
            }));
        });
        req.on('error', (error) => {
            // A kept-alive socket the server closed while idle fails at once on reuse; that is the
            // connection's fault, not the API's: send again on a fresh socket, once.
            const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
            if (retryStale && stale && !signal.aborted)
                attempt(false).then(resolve, reject);
            else
                reject(error);
        });
        req.end(body);
    });
    return attempt(true);
}
/** True when `status` is accepted: one of `expect`, or any 2xx without one. */
function statusAccepted(status, expect) {
    return expect === undefined ? status >= 200 && status < 300 : expect.includes(status);
}
/** What was expected, for messages (`2xx`, `201`, `200 or 204`). */
function expectedText(expect) {
    return expect === undefined ? '2xx' : expect.join(' or ');
}
/** A short preview of a response body for an error message. */
function preview(body) {
    const flat = body.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
/** A network error as a short phrase (`ECONNREFUSED 127.0.0.1:9`). */
function describeNetworkError(error) {
    const err = error;
    if (err?.name === 'AbortError')
        return 'no answer in time';
    return err?.code
        ? `${err.code}${err.message ? ` (${err.message})` : ''}`
        : String(err?.message ?? error);
}

/** Waits until `health.url` answers 2xx on every base (or the URL itself); throws at the deadline. */
async function waitHealthy(client, health, bases, signal, log) {
    const deadline = performance.now() + health.timeout;
    for (const base of bases) {
        let last = 'no answer yet';
        for (let attempt = 1;; attempt++) {
            if (signal.aborted)
                throw new BenchError(`health check ${health.url} was stopped at the bench's timeout (last: ${last})`);
            const remaining = deadline - performance.now();
            try {
                const attemptSignal = AbortSignal.any([
                    signal,
                    AbortSignal.timeout(Math.max(1, Math.ceil(remaining))),
                ]);
                const res = await send(client, { method: 'GET', url: health.url, headers: {} }, base, { seq: 0 }, attemptSignal);
                if (res.status >= 200 && res.status < 300) {
                    if (attempt > 1)
                        log(`healthy after ${attempt} checks`);
                    break;
                }
                last = `status ${res.status}`;
            }
            catch (error) {
                if (error instanceof BenchError)
                    throw error;
                // A check cut off by the deadline says less than the answer before it.
                const cutOff = error.name === 'AbortError' && !signal.aborted;
                if (!cutOff || attempt === 1)
                    last = describeNetworkError(error);
            }
            if (performance.now() + health.interval > deadline) {
                const where = base === undefined ? '' : ` on ${base}`;
                const message = `health check ${health.url}${where} was not 2xx within ${formatDuration(health.timeout)} (last: ${last})`;
                throw health.onFailure === 'skip' ? new BenchSkipped(message) : new BenchError(message);
            }
            await sleep(health.interval, signal);
        }
    }
}
/** Resolves after `ms`, or early when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}

/** Child processes with wall-clock timing, output tails and whole-group kill on abort. */
/** Runs `command` with `sh -c` in its own process group; aborting kills the whole group. */
function runShell(command, options) {
    const tailBytes = options.tailBytes ?? 2048;
    return new Promise((resolve, reject) => {
        if (options.signal.aborted) {
            reject(new Error('aborted before start'));
            return;
        }
        const started = process.hrtime.bigint();
        const child = spawn('sh', ['-c', command], {
            cwd: options.cwd,
            env: options.env,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdoutTail = '';
        let stderrTail = '';
        let aborted = false;
        child.stdout.on('data', (chunk) => (stdoutTail = keepTail(stdoutTail, chunk, tailBytes)));
        child.stderr.on('data', (chunk) => (stderrTail = keepTail(stderrTail, chunk, tailBytes)));
        const onAbort = () => {
            aborted = true;
            killGroup(child.pid);
        };
        options.signal.addEventListener('abort', onAbort, { once: true });
        child.on('error', (error) => {
            options.signal.removeEventListener('abort', onAbort);
            reject(error);
        });
        child.on('exit', (code, signal) => {
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            options.signal.removeEventListener('abort', onAbort);
            // Grandchildren that outlive the shell would keep running: end the group.
            killGroup(child.pid);
            child.stdout.destroy();
            child.stderr.destroy();
            resolve({ code, signal, wallMs, stdoutTail, stderrTail, aborted });
        });
    });
}
/** Sends SIGKILL to a whole process group, ignoring a group that is already gone. */
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already exited.
    }
}
/**
 * True while a process group has a member that is still running. A zombie does not count: it has
 * released its ports and files, and in a container whose PID 1 is slow to reap orphans it can
 * linger for seconds after it exited. Where there is no /proc (macOS), any member counts.
 */
function groupRunning(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch {
        return false;
    }
    let entries;
    try {
        entries = readdirSync('/proc');
    }
    catch {
        return true;
    }
    return entries.some((entry) => {
        const stat = /^\d+$/.test(entry) ? procStat(Number(entry)) : undefined;
        return stat !== undefined && stat.pgrp === pgid && stat.running;
    });
}
/** A process's state and group from /proc (undefined without /proc or once it is gone). */
function procStat(pid) {
    let stat;
    try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so parse after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { running: state !== 'Z' && state !== 'X', pgrp: Number(pgrp) };
}
/**
 * The CPU time a process's main thread has used, µs (Linux's schedstat, in ns), or undefined
 * where it cannot be read. A Node process's JavaScript runs on that thread.
 */
function mainThreadCpuUs(pid) {
    try {
        const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
        return Number.isFinite(ns) ? ns / 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
function keepTail(tail, chunk, limit) {
    const joined = tail + chunk.toString('utf8');
    return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}
/** The last `lines` non-empty lines of a text, for error messages. */
function lastLines(text, lines = 5) {
    return text
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line !== '')
        .slice(-lines)
        .join('\n');
}

/**
 * The servers of `serve`: at most one runs at a time. A bench that needs a server makes it the
 * running one (reusing it when the previous bench started the same one, stopping any other
 * first), so in A/B mode the base's and the head's servers never compete for the machine or
 * the port. Each server runs in its own process group and is stopped as a group.
 */
/** Time a stopped server gets to exit on SIGTERM before its group is killed. */
const GRACE_MS = 3000;
/** A keeper of at most one running server. */
function createServers() {
    let running;
    const stop = async () => {
        const current = running;
        running = undefined;
        if (current)
            await stopServer(current);
    };
    return {
        async ensure(bench, ctx) {
            const serve = bench.settings.serve;
            if (serve === undefined)
                return;
            const key = JSON.stringify([ctx.side ?? '', serve.command, serve.cwd, serve.env]);
            if (running?.key === key && running.exit === undefined)
                return;
            await stop();
            const label = `the ${ctx.side === undefined ? '' : `${ctx.side} side's `}server \`${firstLine$1(serve.command)}\` of bench "${bench.name}"`;
            const started = startServer(serve, ctx, key, label);
            running = started;
            try {
                await waitUntilHealthy(started, serve, bench, ctx);
            }
            catch (error) {
                await stop();
                throw error;
            }
        },
        exitNote() {
            if (running?.exit === undefined)
                return undefined;
            return `${running.label} ${describeExit(running.exit)}${tailText(running.tail())}`;
        },
        stop,
    };
}
function startServer(serve, ctx, key, label) {
    ctx.log(`serve: starting \`${firstLine$1(serve.command)}\`${ctx.side ? ` (${ctx.side})` : ''}`);
    const child = spawn('sh', ['-c', serve.command], {
        cwd: serve.cwd,
        env: { ...ctx.env, ...serve.env },
        // Its own process group: stopping it ends everything it started (npm → node, …).
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
        output = (output + chunk.toString('utf8')).slice(-4096);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const server = { key, child, label, exited: Promise.resolve(), tail: () => output };
    server.exited = new Promise((resolve) => {
        child.on('error', (error) => {
            server.exit ??= { code: null, signal: null };
            output += `\n${error.message}`;
            resolve();
        });
        child.on('exit', (code, signal) => {
            server.exit = { code, signal };
            resolve();
        });
    });
    return server;
}
async function waitUntilHealthy(server, serve, bench, ctx) {
    const spec = bench.spec;
    const configured = serve.health ?? spec.health;
    if (configured === undefined)
        throw new BenchError(`${server.label} has no health check`);
    const secret = (value) => ctx.secret(value);
    // A server that cannot start must fail now, not after the health check's whole timeout.
    const died = new AbortController();
    void server.exited.then(() => died.abort());
    const signal = AbortSignal.any([ctx.signal, died.signal]);
    const client = createClient();
    const started = performance.now();
    try {
        const health = expandEnv(configured, ctx.env, secret, 'serve.health.url');
        const baseUrls = expandEnv(spec.baseUrls ?? [], ctx.env, secret, 'base-urls');
        await waitHealthy(client, 
        // An unhealthy server perfgate started itself is an error, never a skipped bench.
        { ...health, onFailure: 'error' }, baseUrls.length > 0 ? baseUrls : [undefined], signal, () => undefined);
        if (died.signal.aborted)
            throw new BenchError('exited');
    }
    catch (error) {
        if (server.exit !== undefined) {
            throw new BenchError(`${server.label} ${describeExit(server.exit)} before its health check passed${tailText(server.tail())}`);
        }
        if (ctx.signal.aborted) {
            throw new BenchError(`${server.label} was not healthy by the bench's timeout`);
        }
        const message = error instanceof Error ? error.message : String(error);
        throw new BenchError(`${server.label} did not become healthy: ${message}${tailText(server.tail())}`);
    }
    finally {
        closeClient(client);
    }
    ctx.log(`serve: healthy after ${Math.round(performance.now() - started)} ms`);
}
async function stopServer(server) {
    if (server.exit === undefined) {
        signalGroup(server.child.pid, 'SIGTERM');
        let timer;
        const grace = new Promise((resolve) => (timer = setTimeout(resolve, GRACE_MS)));
        await Promise.race([server.exited, grace]);
        clearTimeout(timer);
    }
    // Whatever is left of the group (the shell's children) goes too, so the port is free again.
    killGroup(server.child.pid);
    await groupGone(server.child.pid);
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
}
function signalGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** Waits (up to 2 s) until no process of the group is left, so the next server can bind. */
async function groupGone(pid) {
    if (pid === undefined)
        return;
    for (let i = 0; i < 100 && groupRunning(pid); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
}
function describeExit(exit) {
    // A command that starts a daemon and returns leaves nothing perfgate could stop again.
    if (exit.code === 0)
        return 'exited with code 0 (serve must keep running in the foreground)';
    if (exit.code !== null)
        return `exited with code ${exit.code}`;
    return exit.signal ? `was killed by ${exit.signal}` : 'could not be started';
}
function tailText(output) {
    const tail = lastLines(output, 10);
    return tail === '' ? ' (no output)' : `:\n${tail}`;
}
function firstLine$1(command) {
    return command.split('\n')[0];
}

/** Bench-name globs, as `--filter` and `history --bench` take them. */
/** A bench-name glob as a RegExp: `*` within a segment, `**` across, `?` one character. */
function globToRegExp(glob) {
    const source = glob
        .split(/(\*\*|\*|\?)/)
        .map((part) => part === '**'
        ? '.*'
        : part === '*'
            ? '[^/]*'
            : part === '?'
                ? '[^/]'
                : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
        .join('');
    // A plain name also selects its group (`sql` selects `sql/ready`) and its sizes (`sql/ready[n=10]`).
    return new RegExp(/[*?]/.test(glob) ? `^${source}(\\[[^\\]]*\\])?$` : `^${source}(\\[[^\\]]*\\])?(/.*)?$`);
}
/** The comma-separated globs of a `--filter` value; empty when there is none. */
function splitGlobs(filter) {
    return (filter ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
}

/**
 * `--filter`: which benches to run, and which of their results to keep. A glob may name a config
 * entry (`lib`) or a result perfgate prints (`lib/benchMedian`, a js bench's function): users
 * copy the names from the tables, so both must select.
 */
/**
 * The config benches `filter` selects, a js bench narrowed to the functions a result-name glob
 * names (`lib/benchMedian` runs only `benchMedian`). A glob with wildcards after the entry's name
 * cannot be resolved before the module is loaded: that bench runs whole and keepsResult drops
 * the rest. Other kinds produce one result named as the entry, so they match by entry name.
 */
function selectBenches(config, filter) {
    const globs = splitGlobs(filter);
    if (globs.length === 0)
        return config.benches;
    return config.benches.flatMap((bench) => {
        if (globs.some((glob) => globToRegExp(glob).test(bench.name)))
            return [bench];
        if (bench.spec.kind !== 'js')
            return [];
        const rests = globs.flatMap((glob) => restAfter(glob, bench.name));
        if (rests.length === 0)
            return [];
        const spec = bench.spec;
        const literal = rests.every((rest) => !/[*?]/.test(rest));
        const functions = spec.functions?.filter((fn) => rests.some((rest) => globToRegExp(rest).test(fn))) ??
            (literal ? [...new Set(rests)] : undefined);
        if (functions?.length === 0)
            return [];
        return [{ ...bench, spec: { ...spec, ...(functions ? { functions } : {}) } }];
    });
}
/**
 * Whether a result (or a baseline's bench) named `name` is one `filter` asks for: its own name
 * matches, or the config entry producing it was selected whole.
 */
function keepsResult(config, filter) {
    const regexes = splitGlobs(filter).map(globToRegExp);
    if (regexes.length === 0)
        return () => true;
    return (name) => regexes.some((re) => re.test(name)) ||
        benchesProducing(config, [name]).some((b) => regexes.some((re) => re.test(b.name)));
}
/** The part of `glob` after the segments that match `benchName` (`lib/bench*` after `lib`: `bench*`). */
function restAfter(glob, benchName) {
    const segments = glob.split('/');
    const depth = benchName.split('/').length;
    if (segments.length <= depth)
        return [];
    const head = segments.slice(0, depth).join('/');
    return globToRegExp(head).test(benchName) ? [segments.slice(depth).join('/')] : [];
}

/** Calls `once(timed)` for warm-up and then in rounds; each timed call returns one sample. */
async function collectSamples(settings, once) {
    const { warmup } = settings;
    if ('iterations' in warmup) {
        for (let i = 0; i < warmup.iterations; i++)
            await once(false);
    }
    else if (warmup.ms > 0) {
        const until = performance.now() + warmup.ms;
        do
            await once(false);
        while (performance.now() < until);
    }
    const samples = [];
    const rounds = [];
    const perRound = Math.ceil(settings.samples / settings.rounds);
    for (let round = 0; round < settings.rounds; round++) {
        const until = performance.now() + settings.time / settings.rounds;
        let count = 0;
        while (count < perRound || performance.now() < until) {
            samples.push(await once(true));
            count++;
        }
        rounds.push(count);
    }
    return { samples, rounds };
}

/**
 * Peak resident memory of a command's processes, measured by GNU time (`/usr/bin/time -f %M`).
 * time reads the kernel's rusage of the waited-for child, whose ru_maxrss is the largest peak RSS
 * of any process in the command's tree (not a sum) — exact, with no sampling gaps, unlike polling
 * /proc/<pid>/status, which misses short-lived processes and peaks between polls.
 */
/** Where GNU time is expected (Debian/Ubuntu package `time`). */
const GNU_TIME = '/usr/bin/time';
/** Why peak-rss is not recorded on this machine, for the bench's details. */
const NO_GNU_TIME = 'peak-rss was not recorded: GNU time (/usr/bin/time with -f) is not installed; on Debian or Ubuntu run `apt-get install time`';
/** A probe, or undefined when GNU time is not available. */
async function createPeakRssProbe() {
    if (!existsSync(GNU_TIME))
        return undefined;
    const file = path.join(os.tmpdir(), `perfgate-rss-${process.pid}-${randomUUID()}`);
    const probe = {
        wrap: (command) => `${GNU_TIME} -q -f %M -o ${file} sh -c ${shellQuote(command)}`,
        read: async () => {
            const text = await readFile(file, 'utf8').catch(() => '');
            await rm(file, { force: true });
            const kib = Number(text.trim().split('\n').pop());
            return text.trim() !== '' && Number.isFinite(kib) ? kib * 1024 : undefined;
        },
    };
    // BSD/macOS time has no -f: check that this one works before relying on it.
    const works = await new Promise((resolve) => execFile(GNU_TIME, ['-q', '-f', '%M', '-o', file, 'true'], (error) => resolve(!error)));
    return works && (await probe.read()) !== undefined ? probe : undefined;
}
/** `text` as one single-quoted shell word. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Throughput mode for any kind that can run an operation side by side: at each concurrency level,
 * N workers repeat the operation for a fixed duration; completions are counted per time slice,
 * so ops/s has a spread (one sample per slice), and each operation's latency is kept.
 */
/** The throughput options a bench's settings give (levels, duration, warm-up) with its context. */
function throughputOptions(settings, ctx) {
    return {
        levels: settings.concurrency,
        duration: settings.duration ?? settings.time,
        warmup: settings.warmup,
        signal: ctx.signal,
        log: (line) => ctx.log(line),
    };
}
/** Measures every level in order and returns the metrics and the scaling curve. */
async function measureThroughput(operation, options) {
    const metrics = [];
    const scaling = [];
    let seq = 0;
    const next = () => seq++;
    for (const level of options.levels) {
        const result = await measureLevel(operation, level, options, next);
        if (result.latencies.length === 0) {
            throw new BenchError(`no operation completed within ${options.duration} ms at concurrency ${level}; make duration longer than one operation`);
        }
        const sorted = [...result.latencies].sort((a, b) => a - b);
        const point = {
            concurrency: level,
            opsPerSecond: result.opsPerSecond,
            p50: quantile(sorted, 0.5),
            p95: quantile(sorted, 0.95),
            p99: quantile(sorted, 0.99),
            ...(options.parts?.length ? { parts: partMedians(result.parts) } : {}),
        };
        options.log(`concurrency ${level}: ${trim(point.opsPerSecond)} ops/s, p50 ${formatTime(point.p50)}, p99 ${formatTime(point.p99)}`);
        scaling.push(point);
        metrics.push(makeMetric({
            name: `throughput@${level}`,
            unit: 'ops/s',
            better: 'bigger',
            samples: result.slices,
        }), makeMetric({ name: `time@${level}`, unit: 'ms', samples: result.latencies }), ...(options.parts ?? []).map((part) => ({
            ...makeMetric({
                name: `${part.name}@${level}`,
                unit: 'ms',
                samples: result.parts[part.name],
            }),
            ...(part.resolution === undefined ? {} : { resolution: part.resolution }),
            ...(part.roundQuantile === undefined ? {} : { roundQuantile: part.roundQuantile }),
        })));
    }
    return { metrics, scaling };
}
/** Slices of 100 ms to 1 s, about ten per level, so ops/s has a spread without being too coarse. */
function sliceCount(duration) {
    const sliceMs = Math.min(1000, Math.max(100, duration / 10));
    return Math.max(1, Math.round(duration / sliceMs));
}
async function measureLevel(operation, concurrency, options, next) {
    const { warmup, signal } = options;
    if ('ms' in warmup && warmup.ms > 0) {
        const until = performance.now() + warmup.ms;
        await runWorkers(concurrency, operation, next, signal, () => performance.now() < until);
    }
    else if ('iterations' in warmup && warmup.iterations > 0) {
        let started = 0;
        await runWorkers(concurrency, operation, next, signal, () => started++ < warmup.iterations);
    }
    const slices = sliceCount(options.duration);
    const sliceMs = options.duration / slices;
    const counts = new Array(slices).fill(0);
    const latencies = [];
    const parts = Object.fromEntries((options.parts ?? []).map((part) => [part.name, []]));
    const start = performance.now();
    const end = start + options.duration;
    await runWorkers(concurrency, operation, next, signal, () => performance.now() < end, (latency, finished, reportedParts) => {
        if (finished > end)
            return;
        counts[Math.min(slices - 1, Math.floor((finished - start) / sliceMs))]++;
        latencies.push(latency);
        for (const [name, values] of Object.entries(parts))
            values.push(reportedParts?.[name] ?? 0);
    });
    const perSecond = 1000 / sliceMs;
    return {
        concurrency,
        slices: counts.map((count) => count * perSecond),
        latencies,
        parts,
        opsPerSecond: latencies.length / (options.duration / 1000),
    };
}
/** N workers each repeat `operation` while `more()`; the first failure stops all and is thrown. */
async function runWorkers(concurrency, operation, next, signal, more, done) {
    let failed = false;
    const worker = async (index) => {
        while (!failed && !signal.aborted && more()) {
            const began = performance.now();
            let reported;
            try {
                reported = await operation(index, next());
            }
            catch (error) {
                failed = true;
                throw error;
            }
            const finished = performance.now();
            if (isTimed(reported))
                done?.(reported.ms, finished, reported.parts);
            else
                done?.(typeof reported === 'number' ? reported : finished - began, finished);
        }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, (_, index) => worker(index)));
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    if (signal.aborted)
        throw new BenchError(`stopped at the bench's timeout`);
}
function isTimed(value) {
    return (value !== null &&
        typeof value === 'object' &&
        typeof value.ms === 'number' &&
        typeof value.parts === 'object');
}
function partMedians(parts) {
    return Object.fromEntries(Object.entries(parts).map(([name, values]) => [name, quantile(values, 0.5)]));
}

/**
 * Counting with `perf stat` (Linux hardware counters): its CSV output (`-x,`), a probe of whether
 * this kernel lets it count instructions at all, and one counted run of a shell command.
 */
/**
 * The event counted: user-space instructions. Kernel work (page faults, scheduling) varies run
 * to run, and counting it needs `perf_event_paranoid` ≤ 1; user space needs ≤ 2.
 */
const PERF_EVENT = 'instructions:u';
/** The counts in `perf stat -x,` output (comment and blank lines skipped). */
function parsePerfStat(text) {
    const counts = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '' || line.startsWith('#'))
            continue;
        // value,unit,event,run-time,percent-running,metric,metric-unit
        const [value, unit = '', event] = line.split(',');
        if (event === undefined || event === '')
            continue;
        const number = Number(value);
        counts.push(/^<.*>$/.test(value) || value === '' || !Number.isFinite(number)
            ? { event, value: null, status: value, unit }
            : { event, value: number, unit });
    }
    return counts;
}
let probed;
/** Probes once per process: `perf stat -x, -e instructions:u true`. */
function probePerf() {
    probed ??= runProbe();
    return probed;
}
async function runProbe() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-probe-'));
    const file = path.join(dir, 'stat.csv');
    try {
        const failure = await new Promise((resolve) => {
            execFile('perf', ['stat', '-x,', '-e', PERF_EVENT, '-o', file, 'true'], (error, _out, err) => {
                if (!error)
                    return resolve(undefined);
                if (error.code === 'ENOENT')
                    return resolve('perf is not installed');
                resolve(describePerfFailure(String(err)));
            });
        });
        if (failure !== undefined)
            return { ok: false, reason: failure };
        const count = findCount(parsePerfStat(await readFile(file, 'utf8').catch(() => '')));
        if (typeof count?.value === 'number')
            return { ok: true };
        return { ok: false, reason: notCounted(count) };
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
/** One counted run: how the command ended, and the count perf printed for `event`. */
async function countWithPerf(command, shell, event = PERF_EVENT) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-'));
    const file = path.join(dir, 'stat.csv');
    const codeFile = path.join(dir, 'code');
    try {
        const quoted = `'${command.replace(/'/g, `'\\''`)}'`;
        // -o keeps perf's table out of the command's own stderr; children are counted (inherit). On a
        // busy machine perf stat now and then exits 0 for a command that failed (1 in 40 `exit 3`s
        // next to two busy loops), so a wrapper shell writes the command's own exit code to a file.
        const wrapper = `'sh -c "$1"; echo $? > "$2"' perfgate ${quoted} '${codeFile}'`;
        const perfRun = await runShell(`perf stat -x, -e ${event} -o '${file}' -- sh -c ${wrapper}`, shell);
        const written = await readFile(codeFile, 'utf8').catch(() => undefined);
        const run = written === undefined ? perfRun : { ...perfRun, code: Number(written.trim()) };
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined) {
            if (run.aborted)
                return { ...run, count: 0 };
            throw new BenchError(`perf stat did not run${run.code === 127 ? ' (perf is not installed)' : `: ${describePerfFailure(run.stderrTail)}`}`);
        }
        const count = findCount(parsePerfStat(text), event);
        // A failed command is reported by the caller with its own output; its count means nothing.
        if (run.code !== 0)
            return { ...run, count: 0 };
        const value = count?.value;
        if (typeof value !== 'number')
            throw new BenchError(`perf stat could not count: ${notCounted(count, event)}`);
        return { ...run, count: value };
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
function findCount(counts, event = PERF_EVENT) {
    return counts.find((c) => c.event === event) ?? counts[0];
}
function notCounted(count, event = PERF_EVENT) {
    if (count === undefined)
        return `perf printed no ${event} count`;
    if (count.status === '<not supported>')
        return `the kernel reports <not supported> for ${event}: no hardware performance counters here (usual in virtual machines)`;
    return `perf printed ${count.status ?? 'no value'} for ${event}`;
}
function describePerfFailure(stderr) {
    if (/perf_event_paranoid/.test(stderr))
        return 'perf_event_paranoid forbids counting: run `sudo sysctl kernel.perf_event_paranoid=2` in a step before perfgate';
    if (/WARNING: perf not found for kernel/.test(stderr))
        return 'perf is not installed for this kernel (install linux-tools-$(uname -r))';
    return lastLines(stderr, 3) || 'perf failed with no output';
}

/**
 * Instruction counts: a shell command's executed instructions, counted by `perf stat` (the CPU's
 * own counter, user space) where the kernel exposes hardware counters, or else under valgrind's
 * cachegrind (no cache simulation, the `I refs` of every process summed). Both are
 * deterministic to well under 1% run to run, unlike wall time; they do not count alike, so one
 * bench's runs must use one counter (`counter:` pins it).
 */
const DESCRIPTIONS = {
    perf: `instructions counted by perf stat -e ${PERF_EVENT}`,
    valgrind: 'instructions counted by valgrind --tool=cachegrind',
};
const INSTALL_VALGRIND = 'install it in a step before perfgate (`sudo apt-get install -y valgrind` on ubuntu runners)';
/**
 * Resolves `counter` on this machine: `perf` and `valgrind` as asked (a BenchError saying why
 * when it cannot work here), `auto` perf when it can count instructions, else valgrind.
 */
async function chooseCounter(counter) {
    const chosen = (name) => ({
        counter: name,
        description: DESCRIPTIONS[name],
    });
    if (counter === 'valgrind')
        return chosen('valgrind');
    const perf = await probePerf();
    if (perf.ok)
        return chosen('perf');
    if (counter === 'perf')
        throw new BenchError(`counter: perf cannot count instructions here: ${perf.reason}; use counter: valgrind (or auto, which falls back to it)`);
    if (await valgrindInstalled())
        return chosen('valgrind');
    throw new BenchError(`measure: instructions needs perf with hardware counters or valgrind, and neither works here (perf: ${perf.reason}; valgrind: not installed): ${INSTALL_VALGRIND}`);
}
/** Runs `command` under the chosen counter and returns its run plus the instruction count. */
async function countInstructions(command, shell, counter = 'valgrind') {
    if (counter === 'perf') {
        const { count, ...run } = await countWithPerf(command, shell);
        return { ...run, instructions: count };
    }
    return countWithValgrind(command, shell);
}
async function countWithValgrind(command, shell) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-cachegrind-'));
    try {
        const quoted = `'${command.replace(/'/g, `'\\''`)}'`;
        const wrapped = `valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file=/dev/null --log-file=${dir}/log.%p sh -c ${quoted}`;
        const run = await runShell(wrapped, shell);
        if (run.code === 127 || /valgrind: not found|valgrind: command not found/.test(run.stderrTail))
            throw new BenchError(`measure: instructions with valgrind needs valgrind: ${INSTALL_VALGRIND}`);
        let total = 0;
        let seen = 0;
        for (const file of await readdir(dir)) {
            const count = parseInstructionRefs(await readFile(path.join(dir, file), 'utf8'));
            if (count !== undefined) {
                total += count;
                seen++;
            }
        }
        if (seen === 0 && run.code === 0)
            throw new BenchError('valgrind ran but reported no instruction count (I refs)');
        return { ...run, instructions: total };
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
function valgrindInstalled() {
    return new Promise((resolve) => execFile('valgrind', ['--version'], (error) => resolve(error === null)));
}
/** The `I refs` total of one cachegrind log, or undefined when it has none. */
function parseInstructionRefs(log) {
    const match = /I\s+refs:\s+([\d,]+)/.exec(log);
    return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

/** The `command` kind: a shell command run repeatedly, hyperfine-style; each run is one sample. */
/** Runs a `command` bench: warm-up runs, then timed runs in rounds until samples and time are met. */
const runCommandBench = async (bench, ctx) => {
    const spec = bench.spec;
    const { settings } = bench;
    const shell = {
        cwd: spec.cwd,
        env: { ...ctx.env, ...spec.env },
        signal: ctx.signal,
    };
    if (spec.measure === 'instructions') {
        const chosen = await chooseCounter(spec.counter ?? 'auto');
        ctx.log(chosen.description);
        const once = async () => {
            if (spec.prepare !== undefined)
                check(spec.prepare, 'prepare', await runShell(spec.prepare, shell));
            const run = await countInstructions(spec.command, shell, chosen.counter);
            check(spec.command, 'command', run);
            return run.instructions;
        };
        // Counts need no warm-up and hardly vary: `samples` runs in `rounds`, no time filling.
        const { samples, rounds } = await collectSamples({ ...settings, warmup: { iterations: 0 }, time: 0 }, once);
        return [
            {
                name: bench.name,
                status: 'ok',
                metrics: [makeMetric({ name: 'instructions', unit: 'count', samples, rounds })],
                details: { measure: chosen.description },
            },
        ];
    }
    // Concurrent runs would share the probe's file: throughput mode records no memory.
    const throughput = settings.concurrency.length > 0;
    const probe = spec.memory && !throughput ? await createPeakRssProbe() : undefined;
    const peaks = [];
    const once = async (timed) => {
        if (spec.prepare !== undefined)
            check(spec.prepare, 'prepare', await runShell(spec.prepare, shell));
        const run = await runShell(probe ? probe.wrap(spec.command) : spec.command, shell);
        const peak = await probe?.read();
        check(spec.command, timed ? 'command' : 'warm-up run', run);
        if (timed && peak !== undefined)
            peaks.push(peak);
        return run.wallMs;
    };
    if (throughput) {
        const { metrics, scaling } = await measureThroughput(() => once(true), throughputOptions(settings, ctx));
        return [{ name: bench.name, status: 'ok', metrics, details: { scaling } }];
    }
    const { samples, rounds } = await collectSamples(settings, once);
    return [
        {
            name: bench.name,
            status: 'ok',
            metrics: [
                makeMetric({ name: 'time', unit: 'ms', samples, rounds }),
                ...(peaks.length === samples.length
                    ? [
                        makeMetric({
                            name: 'peak-rss',
                            unit: 'bytes',
                            samples: peaks,
                            rounds,
                            regressionThreshold: spec.memoryThreshold,
                        }),
                    ]
                    : []),
            ],
            ...(spec.memory && !probe ? { details: { memory: NO_GNU_TIME } } : {}),
        },
    ];
};
function check(command, what, run) {
    if (run.aborted)
        throw new BenchError(`${what} was killed at the bench's timeout`);
    if (run.code === 0)
        return;
    const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`;
    const tail = lastLines(run.stderrTail) || lastLines(run.stdoutTail);
    const firstLine = command.split('\n')[0];
    throw new BenchError(`${what} \`${firstLine}\` ${how}${tail ? `:\n${tail}` : ' (no output)'}`);
}

/** What http and e2e benches do before their first sample: expand `${VAR}`, check templates, wait for health. */
/**
 * Expands env references in `requests` and the bases (registering their values as secrets),
 * rejects unknown `{{tokens}}`, opens a keep-alive client and waits for `health` when set.
 */
async function prepareHttp(spec, requests, ctx) {
    for (const [field, request] of Object.entries(requests)) {
        const unknown = unknownTokens(request);
        if (unknown.length > 0) {
            throw new BenchError(`${field} uses unknown template ${unknown.map((t) => `{{${t}}}`).join(', ')}; known: {{uuid}}, {{uuidv4}}, {{uuidv7}}, {{now}}, {{now-iso}}, {{seq}}, {{id}}`);
        }
    }
    const secret = (value) => ctx.secret(value);
    const expanded = Object.fromEntries(Object.entries(requests).map(([field, request]) => [
        field,
        expandEnv(request, ctx.env, secret, field),
    ]));
    const baseUrls = expandEnv(spec.baseUrls, ctx.env, secret, 'base-urls');
    const bases = baseUrls.length > 0 ? baseUrls : [undefined];
    // Every request in flight listens on the bench's signal: 16 concurrent ones are not a leak.
    setMaxListeners(0, ctx.signal);
    const client = createClient();
    if (spec.health) {
        const health = expandEnv(spec.health, ctx.env, secret, 'health.url');
        await waitHealthy(client, health, bases, ctx.signal, (line) => ctx.log(line));
    }
    return { client, requests: expanded, bases };
}
/**
 * Sends `request` and checks its status; `label` is the request as configured (no secrets).
 * A refused connection or an unexpected status is a BenchError saying which request and why.
 */
async function sendChecked(client, request, label, base, tokens, signal) {
    let response;
    try {
        response = await send(client, request, base, tokens, signal);
    }
    catch (error) {
        if (error instanceof BenchError)
            throw error;
        if (signal.aborted)
            throw new BenchError(`${label.method} ${label.url} was stopped at the bench's timeout`);
        throw new BenchError(`${label.method} ${label.url} failed: ${describeNetworkError(error)}`);
    }
    if (!statusAccepted(response.status, request.expectStatus)) {
        const body = preview(response.body);
        throw new BenchError(`${label.method} ${label.url} answered ${response.status}, expected ${expectedText(request.expectStatus)}${body ? `: ${body}` : ''}`);
    }
    return response;
}

/** Runs an `e2e` bench: health gate, warm-up, then timed create-and-wait samples (or throughput). */
const runE2eBench = async (bench, ctx) => {
    const spec = bench.spec;
    const { settings } = bench;
    const idPath = parseJsonPath(spec.id);
    const fieldPath = parseJsonPath(spec.poll.field);
    const { client, requests, bases } = await prepareHttp(spec, { create: spec.create, poll: spec.poll, cleanup: spec.cleanup }, ctx);
    const { create, poll, cleanup } = requests;
    const sample = async (n) => {
        const base = bases[n % bases.length];
        const started = performance.now();
        const deadline = started + spec.sampleTimeout;
        const created = await sendChecked(client, create, spec.create, base, { seq: n }, ctx.signal);
        const rawId = readJsonPath(parseJson(created.body, 'create', spec.create.url), idPath);
        if (typeof rawId !== 'string' && typeof rawId !== 'number') {
            throw new BenchError(`the create response has no ${spec.id} (a string or number); set id to where the new id is: ${preview(created.body)}`);
        }
        const tokens = { seq: n, id: String(rawId) };
        let last = 'no answer yet';
        const notDone = () => new BenchError(`${tokens.id} was not done within sample-timeout ${formatDuration(spec.sampleTimeout)}; last ${spec.poll.field} was ${JSON.stringify(last)}`);
        for (;;) {
            const polled = performance.now();
            if (polled > deadline)
                throw notDone();
            const expired = AbortSignal.timeout(Math.ceil(deadline - polled) + 1);
            const signal = AbortSignal.any([ctx.signal, expired]);
            let answer;
            try {
                answer = await sendChecked(client, poll, spec.poll, base, tokens, signal);
            }
            catch (error) {
                // A poll still in flight at the deadline is the sample's timeout, not the bench's.
                if (expired.aborted && !ctx.signal.aborted)
                    throw notDone();
                throw error;
            }
            last = readJsonPath(parseJson(answer.body, 'poll', spec.poll.url), fieldPath);
            const status = String(last);
            if (spec.poll.success.includes(status))
                break;
            if (spec.poll.failure.includes(status)) {
                throw new BenchError(`${tokens.id} failed: ${spec.poll.field} is ${JSON.stringify(last)}`);
            }
            await sleep(Math.max(0, polled + spec.pollInterval - performance.now()), ctx.signal);
            if (ctx.signal.aborted)
                throw new BenchError(`stopped at the bench's timeout`);
        }
        const elapsed = performance.now() - started;
        if (cleanup && spec.cleanup) {
            await sendChecked(client, cleanup, spec.cleanup, base, tokens, ctx.signal);
        }
        return elapsed;
    };
    try {
        let seq = 0;
        const withResolution = (metric) => metric.unit === 'ms' ? { ...metric, resolution: spec.pollInterval } : metric;
        if (settings.concurrency.length > 0) {
            const { metrics, scaling } = await measureThroughput((_, n) => sample(n), throughputOptions(settings, ctx));
            const median = scaling[0].p50;
            return [
                {
                    name: bench.name,
                    status: 'ok',
                    metrics: metrics.map(withResolution),
                    details: {
                        scaling,
                        resolution: resolutionNote(spec.pollInterval, median, bench.settings.regressionThreshold),
                    },
                },
            ];
        }
        const { samples, rounds } = await collectSamples(settings, () => sample(seq++));
        const metric = withResolution(makeMetric({ name: 'time', unit: 'ms', samples, rounds }));
        return [
            {
                name: bench.name,
                status: 'ok',
                metrics: [metric],
                details: {
                    resolution: resolutionNote(spec.pollInterval, metric.summary.median, settings.regressionThreshold),
                },
            },
        ];
    }
    finally {
        closeClient(client);
    }
};
/** The note on what a poll interval can and cannot show, against the bench's median and threshold. */
function resolutionNote(intervalMs, medianMs, threshold) {
    const smallest = medianMs * threshold;
    const example = Math.max(1, Math.round(intervalMs / 5));
    const base = `Completion is seen by polling every ${formatDuration(intervalMs)}, so each sample is only accurate to about ${formatDuration(intervalMs)}: a regression smaller than that (e.g. ${formatDuration(example)}) cannot be told apart from polling jitter.`;
    const scale = intervalMs > smallest
        ? ` At a median of ${formatDuration(medianMs)}, the ${formatPercentage(threshold)} regression threshold is ${formatDuration(smallest)}, finer than this resolution: set poll-interval to ${formatDuration(Math.max(1, Math.floor(smallest / 2)))} or less to see such a change.`
        : ` To resolve smaller changes, lower poll-interval (e.g. ${formatDuration(Math.max(1, Math.floor(intervalMs / 5)))}), at the cost of more status requests.`;
    return base + scale;
}
function parseJson(body, what, url) {
    try {
        return JSON.parse(body);
    }
    catch {
        throw new BenchError(`the ${what} response of ${url} is not JSON: ${preview(body)}`);
    }
}

/** Runs an `http` bench: health gate, warm-up, then timed requests (or throughput levels). */
const runHttpBench = async (bench, ctx) => {
    const spec = bench.spec;
    const { settings } = bench;
    const { client, requests, bases } = await prepareHttp(spec, { request: spec.request }, ctx);
    try {
        let seq = 0;
        const once = async (n = seq++) => {
            const base = bases[n % bases.length];
            const response = await sendChecked(client, requests.request, spec.request, base, { seq: n }, ctx.signal);
            return response.ms;
        };
        if (settings.concurrency.length > 0) {
            const { metrics, scaling } = await measureThroughput((_, n) => once(n), throughputOptions(settings, ctx));
            return [{ name: bench.name, status: 'ok', metrics, details: { scaling } }];
        }
        const { samples, rounds } = await collectSamples(settings, () => once());
        return [
            {
                name: bench.name,
                status: 'ok',
                metrics: [makeMetric({ name: 'time', unit: 'ms', samples, rounds })],
            },
        ];
    }
    finally {
        closeClient(client);
    }
};

/**
 * The leak check's verdict: a straight line fitted to heap-after-GC over windows of equal
 * iterations. A leak is growth that is both steady (the line explains the points, r² ≥ 0.8) and
 * material (≥ 256 KiB over the windows); one-off growth (a cache filled once) is not steady.
 */
/** Smallest total growth over the windows that counts as a leak, in bytes. */
const LEAK_MIN_GROWTH = 256 * 1024;
/** Smallest r² of the fitted line that counts as steady growth. */
const LEAK_MIN_R2 = 0.8;
/** Fits heap-after-GC over the windows and decides whether it grows steadily. */
function judgeLeak({ iterationsPerWindow, heapAfterGc }) {
    const points = heapAfterGc.map((heap, index) => [index, heap]);
    const fit = linearRegression(points);
    const spread = Math.max(...heapAfterGc) - Math.min(...heapAfterGc);
    const r2 = spread === 0 ? 0 : rSquared(points, linearRegressionLine(fit));
    const windows = heapAfterGc.length - 1;
    const growth = fit.m * windows;
    const bytesPerIteration = fit.m / iterationsPerWindow;
    const leak = growth >= LEAK_MIN_GROWTH && r2 >= LEAK_MIN_R2;
    const over = `over ${windows} windows of ${iterationsPerWindow} calls`;
    const fitted = `r² ${r2.toFixed(2)}`;
    const reason = leak
        ? `heap after GC grew steadily by ${formatValue(growth, 'bytes')} ${over} (about ${formatValue(bytesPerIteration, 'bytes')} per call, ${fitted}): the function keeps memory reachable across calls (a module-level array, cache or listener?)`
        : `no steady heap growth: heap after GC changed by ${formatValue(growth, 'bytes')} ${over} (${fitted}; a leak needs at least ${formatValue(LEAK_MIN_GROWTH, 'bytes')} and r² ${LEAK_MIN_R2})`;
    return { leak, reason, bytesPerIteration, growth, r2, windows, iterationsPerWindow, heapAfterGc };
}

/** The `js` kind: a module's exported functions, timed by tinybench in a fresh process per round. */
/** Heap growth differences below this many bytes are GC noise, not a change. */
const HEAP_GROWTH_RESOLUTION = 1024 * 1024;
/** Samples kept per function across all rounds, unless `samples` asks for more. */
const MAX_SAMPLES = 10_000;
/** Runs a `js` bench: each round forks a worker that runs every selected export once. */
const runJsBench = async (bench, ctx) => {
    const spec = bench.spec;
    const { settings } = bench;
    const builtIn = spec.module === CALIBRATION_MODULE;
    if (!builtIn && !existsSync(spec.module)) {
        throw new BenchError(`module ${spec.module} does not exist`);
    }
    if (/\.[cm]?ts$/.test(spec.module) && !canStripTypes()) {
        throw new BenchError(`${spec.module} is TypeScript, which Node ${process.versions.node} cannot load; run on Node 22.18+ or 24 (the action uses 24), or compile the bench to JavaScript first`);
    }
    const job = {
        moduleUrl: builtIn ? CALIBRATION_MODULE : pathToFileURL(spec.module).href,
        functions: spec.functions,
        ...(spec.args === undefined ? {} : { args: spec.args }),
        time: settings.time / settings.rounds,
        iterations: Math.max(1, Math.ceil(settings.samples / settings.rounds)),
        warmupTime: 'ms' in settings.warmup ? settings.warmup.ms : 0,
        warmupIterations: 'iterations' in settings.warmup ? settings.warmup.iterations : 0,
        maxSamples: Math.max(Math.ceil(MAX_SAMPLES / settings.rounds), Math.ceil(settings.samples / settings.rounds)),
    };
    // Leak windows of about a tenth of the time each (20-200 ms), in the first round only.
    const leakCheck = { windowMs: Math.min(200, Math.max(20, settings.time / 10)), windows: 8 };
    const collected = new Map();
    for (let round = 0; round < settings.rounds; round++) {
        const leakRound = spec.leakCheck !== false && round === 0;
        const reply = await runWorker(leakRound ? { ...job, leakCheck } : job, ctx.signal, ctx.env);
        if (!reply.ok)
            throw new BenchError(`${spec.module}: ${reply.error}`);
        for (const task of reply.tasks) {
            const entry = collected.get(task.name) ?? { samples: [], rounds: [], growth: [], peak: [] };
            if (task.ok) {
                // Not push(...samples): a fast function yields more samples than the call stack holds.
                for (const sample of task.samples)
                    entry.samples.push(sample);
                entry.rounds.push(task.samples.length);
                if (task.memory) {
                    entry.growth.push(task.memory.heapGrowth);
                    entry.peak.push(task.memory.peakHeap);
                }
                entry.leak ??= task.leak;
            }
            else {
                entry.error ??= task.error;
            }
            collected.set(task.name, entry);
        }
    }
    return [...collected].map(([fn, entry]) => {
        const name = `${bench.name}/${fn}`;
        if (entry.error !== undefined || entry.samples.length === 0) {
            return { name, status: 'error', reason: entry.error ?? 'no samples', metrics: [] };
        }
        const metrics = [
            makeMetric({ name: 'time', unit: 'ms', samples: entry.samples, rounds: entry.rounds }),
        ];
        if (entry.growth.length === entry.rounds.length) {
            metrics.push(
            // GC timing alone moves heap growth by a few hundred KiB either way (seen: -164 to
            // +173 KiB for unchanged code); smaller differences are not a change.
            makeMetric({
                name: 'heap-growth',
                unit: 'bytes',
                samples: entry.growth,
                resolution: HEAP_GROWTH_RESOLUTION,
            }), makeMetric({ name: 'peak-heap', unit: 'bytes', samples: entry.peak }));
        }
        if (!entry.leak)
            return { name, status: 'ok', metrics };
        const verdict = judgeLeak(entry.leak);
        // A leak is a note unless the config asks for `leak-check: error`: timings stay valid.
        if (verdict.leak && spec.leakCheck === 'error') {
            return { name, status: 'error', reason: `memory leak: ${verdict.reason}`, metrics: [] };
        }
        return { name, status: 'ok', metrics, details: { leak: verdict.leak, leakCheck: verdict } };
    });
};
function runWorker(job, signal, env) {
    return new Promise((resolve, reject) => {
        const child = fork(workerPath(), [], {
            detached: true,
            env: { ...env },
            execArgv: ['--expose-gc'],
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        let stderr = '';
        let reply;
        child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-2e3)));
        const onAbort = () => killGroup(child.pid);
        signal.addEventListener('abort', onAbort, { once: true });
        child.on('message', (message) => (reply = message));
        child.on('error', reject);
        child.on('exit', (code, killedBy) => {
            signal.removeEventListener('abort', onAbort);
            if (reply)
                resolve(reply);
            else if (signal.aborted)
                reject(new BenchError(`killed at the bench's timeout`));
            else {
                const how = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`;
                reject(new BenchError(`the bench process ${how}${stderr ? `:\n${stderr.trim()}` : ''}`));
            }
        });
        child.send(job);
    });
}
/** True when this Node can import TypeScript modules by stripping types. */
function canStripTypes() {
    const [major, minor] = process.versions.node.split('.').map(Number);
    return major > 22 || (major === 22 && minor >= 18);
}
// In the bundle the worker is dist/js-worker.js, beside the entry or one up from a chunk in
// dist/chunks/; from the sources (tests), it is the bundled worker in dist/.
/** The bundled js worker: beside this module, one folder up, or (from the sources) in dist/. */
function workerPath() {
    for (const candidate of ['./js-worker.js', '../js-worker.js']) {
        const file = fileURLToPath(new URL(candidate, import.meta.url));
        if (existsSync(file))
            return file;
    }
    return fileURLToPath(new URL('../../../dist/js-worker.js', import.meta.url));
}

//#region rolldown:runtime
var __require = /* @__PURE__ */ createRequire(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = normalize(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = resolve(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = dirname(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = dirname(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || fs
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = basename(resolvedPath);
						const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs(picomatchExports);

//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => posix.relative(cwd, p) || ".";
	return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? fileURLToPath$1(opts.cwd) : resolve(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || readdir$1,
		readdirSync: opts.fs.readdirSync || readdirSync$1,
		realpath: opts.fs.realpath || realpath,
		realpathSync: opts.fs.realpathSync || realpathSync,
		stat: opts.fs.stat || stat,
		statSync: opts.fs.statSync || statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}

/** The `import` kind: run the user's own harness (optionally), then read the results it wrote. */
/** What a folder given as `path` is searched for, per format. */
const FOLDER_PATTERNS = {
    criterion: '**/new/benchmark.json',
    'google-benchmark': '**/*.json',
    'pytest-benchmark': '**/*.json',
    hyperfine: '**/*.json',
    go: '**/*.txt',
    vitest: '**/*.json',
    tinybench: '**/*.json',
    custom: '**/*.json',
    cargo: '**/*.txt',
    catch2: '**/*.{txt,xml}',
    jmh: '**/*.json',
    benchmarkdotnet: '**/*-report-full.json',
    benchmarkjs: '**/*.txt',
    julia: '**/*.json',
    // target/iai holds a summary.json per bench with --save-summary; console output is saved as text.
    'iai-callgrind': '**/{summary.json,*.txt}',
    'custom-smaller-is-better': '**/*.json',
    'custom-bigger-is-better': '**/*.json',
};
/** Files written this long before `run` started still count as fresh (coarse file-system clocks). */
const MTIME_SLACK_MS = 2000;
/** Runs an `import` bench: its `run` command, then one result per bench found in the files. */
const runImportBench = async (bench, ctx) => {
    const spec = bench.spec;
    const started = Date.now();
    if (spec.run !== undefined)
        await runProducer(spec.run, spec.configDir, ctx);
    const roots = defaultRoots(spec, ctx.env);
    let files = await findFiles(spec.format, roots, spec.configDir);
    if (spec.run !== undefined) {
        const fresh = await freshFiles(files, started - MTIME_SLACK_MS);
        if (fresh.length < files.length) {
            ctx.log(`ignored ${files.length - fresh.length} file(s) that \`run\` did not rewrite`);
        }
        files = fresh;
    }
    if (files.length === 0) {
        const where = roots.map((root) => JSON.stringify(root)).join(', ');
        throw new BenchError(`found no ${spec.format} result files at ${where} (relative to ${spec.configDir})${spec.run === undefined ? '' : ' written by `run`'}; check \`path\` and that the harness writes its results there`);
    }
    // Files under the config folder are named relative to it; others by their absolute path.
    const label = (file) => {
        const relative = path.relative(spec.configDir, file);
        return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
            ? file
            : relative;
    };
    const base = spec.prefix ?? bench.name;
    const fullName = (id) => (base === '' ? id : `${base}/${id}`);
    const results = [];
    const from = new Map();
    for (const file of files) {
        let imported;
        try {
            imported = await readBenches(spec.format, file, label(file));
        }
        catch (error) {
            results.push({
                name: fullName(label(file)),
                status: 'error',
                reason: describeReadError(error, label(file)),
                metrics: [],
            });
            continue;
        }
        for (const found of imported) {
            const name = fullName(found.id);
            const earlier = from.get(name);
            if (earlier !== undefined) {
                results.push({
                    name: fullName(`${found.id} (${label(file)})`),
                    status: 'error',
                    reason: `${label(file)}: bench "${found.id}" was already read from ${earlier}; point \`path\` at one of them`,
                    metrics: [],
                });
                continue;
            }
            from.set(name, label(file));
            results.push(found.error === undefined
                ? { name, status: 'ok', metrics: found.metrics, details: found.details }
                : {
                    name,
                    status: 'error',
                    reason: `${label(file)}: bench "${found.id}": ${found.error}`,
                    metrics: [],
                    details: found.details,
                });
        }
    }
    ctx.log(`read ${results.length} bench(es) from ${files.length} file(s)`);
    return results;
};
/** The paths to search: the configured ones, or Criterion's default output folder. */
function defaultRoots(spec, env) {
    if (spec.paths.length > 0)
        return spec.paths;
    if (spec.format !== 'criterion') {
        throw new BenchError(`path is required for format ${spec.format}: set it to the file or folder the tool writes`);
    }
    const home = env.CRITERION_HOME;
    if (home)
        return [home];
    return [path.join(env.CARGO_TARGET_DIR || 'target', 'criterion')];
}
/** Absolute files matching the roots: a folder is searched with the format's pattern. */
async function findFiles(format, roots, configDir) {
    const found = new Set();
    for (const root of roots) {
        const absolute = path.resolve(configDir, root);
        const info = await stat$1(absolute).catch(() => undefined);
        if (info?.isFile())
            found.add(absolute);
        else {
            const matches = info?.isDirectory()
                ? await glob(FOLDER_PATTERNS[format], { cwd: absolute, absolute: true })
                : await glob(root, { cwd: configDir, absolute: true });
            for (const match of matches)
                found.add(path.normalize(match));
        }
    }
    const files = [...found];
    // Criterion's folder holds one bench per benchmark.json (its siblings are read with it).
    const wanted = format === 'criterion' ? files.filter((f) => path.basename(f) === 'benchmark.json') : files;
    return wanted.sort();
}
async function freshFiles(files, since) {
    const fresh = [];
    for (const file of files) {
        const info = await stat$1(file);
        if (info.mtimeMs >= since)
            fresh.push(file);
    }
    return fresh;
}
async function readBenches(format, file, label) {
    if (format === 'criterion') {
        const dir = path.dirname(file);
        const labelDir = path.dirname(label);
        const optional = (name) => readFile(path.join(dir, name), 'utf8').catch((error) => {
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        });
        const sample = await optional('sample.json');
        if (sample === undefined) {
            throw new ImportFormatError(`${labelDir}/sample.json`, 'is missing next to benchmark.json; rerun `cargo bench`');
        }
        const benchmark = await readFile(file, 'utf8');
        const estimates = await optional('estimates.json');
        return [parseCriterion({ benchmark, sample, estimates }, labelDir)];
    }
    return FILE_PARSERS[format](await readFile(file, 'utf8'), label);
}
function describeReadError(error, label) {
    if (error instanceof ImportFormatError)
        return error.message;
    const code = error.code;
    if (code !== undefined)
        return `${label}: could not be read (${code})`;
    return `${label}: ${error instanceof Error ? error.message : String(error)}`;
}
async function runProducer(command, cwd, ctx) {
    ctx.log(`running \`${command.split('\n')[0]}\``);
    const run = await runShell(command, { cwd, env: { ...ctx.env }, signal: ctx.signal });
    if (run.aborted)
        throw new BenchError('`run` was killed at the bench’s timeout');
    if (run.code === 0)
        return;
    const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`;
    const tail = lastLines(run.stderrTail) || lastLines(run.stdoutTail);
    throw new BenchError(`run \`${command.split('\n')[0]}\` ${how}${tail ? `:\n${tail}` : ' (no output)'}`);
}

/**
 * The missing function or relation in a server error, or undefined when the error is of
 * another kind (e.g. 42883 for a missing operator, which no schema lookup can fix).
 */
function missingObject(error) {
    const db = error;
    if (typeof db?.message !== 'string')
        return undefined;
    const match = db.code === '42883'
        ? /^(?:function|procedure) (.+?)\(.*\) does not exist/.exec(db.message)
        : db.code === '42P01'
            ? /^relation "(.+)" does not exist/.exec(db.message)
            : null;
    if (match === null)
        return undefined;
    const parts = splitQualified(match[1]);
    if (parts === undefined)
        return undefined;
    return {
        kind: db.code === '42883' ? 'function' : 'relation',
        name: parts.join('.'),
        bare: parts[parts.length - 1],
        ...(parts.length > 1 ? { schema: parts[parts.length - 2] } : {}),
    };
}
/**
 * The hint for a missing object, from where it lives. Pure, so every case is unit-tested:
 * - in schemas off the search path: add them to `search-path:`;
 * - in a schema on the path (a function): its argument types differ from the call's;
 * - nowhere: it does not exist in this database (migrations or setup not run?).
 */
function missingObjectHint(missing, where) {
    const what = `${missing.kind} "${missing.bare}"`;
    const schemas = [...new Set(where.found.map((item) => item.schema))];
    if (schemas.length === 0) {
        return `${what} does not exist in any schema of this database: have the migrations (or the bench's setup) run against it?`;
    }
    const holds = `${what} exists in schema${schemas.length === 1 ? '' : 's'} ${schemas.join(', ')}`;
    if (missing.schema !== undefined && !schemas.includes(missing.schema)) {
        return `${holds}, not in ${missing.schema}: qualify it with one of those schemas`;
    }
    const offPath = schemas.filter((schema) => !where.searchPath.includes(schema));
    // A function found on the path was rejected for its argument types: another schema won't help.
    const typesDiffer = missing.kind === 'function' && (missing.schema !== undefined || offPath.length < schemas.length);
    if (!typesDiffer && missing.schema === undefined && offPath.length > 0) {
        const path = [...new Set([...offPath, ...where.searchPath])];
        return `add search-path: [${path.join(', ')}] to this bench (${holds})`;
    }
    if (missing.kind === 'function') {
        const signatures = where.found.map((item) => `${item.schema}.${missing.bare}(${item.args})`);
        return `${holds} but takes other argument types: ${signatures.join(', ')}; cast the parameters, e.g. $1::${firstArgType(where.found[0]?.args)}`;
    }
    return holds;
}
/**
 * Looks the missing object of `error` up on `client` and returns the hint, or undefined when
 * the error is of another kind or the lookup fails (e.g. inside an aborted transaction).
 */
async function lookUpMissingObjectHint(client, error) {
    const missing = missingObject(error);
    if (missing === undefined)
        return undefined;
    try {
        const found = missing.kind === 'function'
            ? await client.query(`SELECT n.nspname AS schema, oidvectortypes(p.proargtypes) AS args
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE p.proname = $1 ORDER BY n.nspname, args`, [missing.bare])
            : await client.query(`SELECT DISTINCT n.nspname AS schema
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              ORDER BY n.nspname`, [missing.bare]);
        const path = await client.query('SELECT current_schemas(false)::text[] AS schemas');
        return missingObjectHint(missing, {
            found: found.rows,
            searchPath: path.rows[0]?.schemas ?? [],
        });
    }
    catch {
        // Best effort: the original error still says what failed.
        return undefined;
    }
}
/** `tasker.step_ready`, `"My Fn"`, `"s"."t"` → their parts without quotes. */
function splitQualified(text) {
    const parts = [];
    const re = /"((?:[^"]|"")*)"|([^".]+)/y;
    let at = 0;
    while (at < text.length) {
        re.lastIndex = at;
        const match = re.exec(text);
        if (match === null)
            return undefined;
        parts.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]);
        at = re.lastIndex;
        if (text[at] === '.')
            at++;
    }
    return parts.length > 0 ? parts : undefined;
}
function firstArgType(args) {
    return args?.split(',')[0]?.trim() || 'type';
}

/** Opening and closing PostgreSQL connections for benches, with errors a user can act on. */
/** The connection URL from the bench's env var, registered as a secret; skips the bench when unset. */
function readDatabaseUrl(spec, ctx) {
    const url = ctx.env[spec.urlEnv];
    if (url === undefined || url.trim() === '') {
        throw new BenchSkipped(`${spec.urlEnv} is not set (it should hold the PostgreSQL URL)`);
    }
    ctx.secret(url);
    const password = passwordOf(url);
    if (password !== undefined) {
        ctx.secret(password);
        ctx.secret(encodeURIComponent(password));
    }
    // The value is never echoed: it may be a password pasted into the wrong variable.
    if (!/^postgres(ql)?:\/\//.test(url.trim()) && !/^\s*\w+\s*=/.test(url)) {
        throw new BenchError(`${spec.urlEnv} is not a PostgreSQL URL: expected postgres://user:password@host:port/database`);
    }
    return url;
}
function passwordOf(url) {
    try {
        const password = new URL(url).password;
        return password === '' ? undefined : decodeURIComponent(password);
    }
    catch {
        // A key=value connection string: take password=... if there is one.
        return /(?:^|\s)password\s*=\s*'?([^'\s]+)/.exec(url)?.[1];
    }
}
/**
 * Connects, sets search_path, reads the server version. The connection ends when the bench's
 * signal aborts (its timeout), so a hung query never outlives the bench.
 */
async function openConnection(url, spec, ctx) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    // A dropped connection emits 'error'; without a listener Node would crash the whole run.
    client.on('error', () => undefined);
    let closed = false;
    const close = async () => {
        if (closed)
            return;
        closed = true;
        ctx.signal.removeEventListener('abort', onAbort);
        await client.end().catch(() => undefined);
    };
    // Ending the socket alone leaves a long query running on the server; cancel it first.
    const onAbort = () => void cancelBackend(url, backendPid(client)).finally(close);
    ctx.signal.addEventListener('abort', onAbort);
    const where = { host: client.host, port: client.port, database: client.database ?? '' };
    try {
        await client.connect();
    }
    catch (error) {
        await close();
        throw new BenchError(describeConnectError(error, where, spec.urlEnv));
    }
    try {
        if (spec.searchPath.length > 0) {
            const schemas = spec.searchPath.map((schema) => client.escapeIdentifier(schema)).join(', ');
            await runSql(client, `SET search_path TO ${schemas}`, 'search-path');
        }
        const version = await runSql(client, 'SHOW server_version', 'reading the server version');
        const server = {
            ...where,
            version: version.rows[0]?.server_version ?? 'unknown',
        };
        return { client, server, close };
    }
    catch (error) {
        await close();
        throw error;
    }
}
/** Cancels the running query of backend `pid` from a short-lived second connection. */
async function cancelBackend(url, pid) {
    if (pid === null)
        return;
    const canceller = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    canceller.on('error', () => undefined);
    try {
        await canceller.connect();
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    }
    catch {
        // Best effort: the server may be gone; closing the socket below still frees our side.
    }
    finally {
        await canceller.end().catch(() => undefined);
    }
}
/** A one-line reason a connection failed, naming host and port and the variable to fix. */
function describeConnectError(error, where, urlEnv) {
    const at = `PostgreSQL at ${where.host}:${where.port}`;
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    const why = (() => {
        switch (code) {
            case 'ECONNREFUSED':
                return 'connection refused: is the server running and listening on that port?';
            case 'ENOTFOUND':
            case 'EAI_AGAIN':
                return `host "${where.host}" was not found`;
            case 'ETIMEDOUT':
                return 'the connection timed out';
            case 'ECONNRESET':
                return 'the server closed the connection';
            case '28P01':
            case '28000':
                return `authentication failed (${message})`;
            case '3D000':
                return `database "${where.database}" does not exist`;
            default:
                return /timeout/i.test(message) ? 'the connection timed out after 10s' : message;
        }
    })();
    return `cannot connect to ${at} (from ${urlEnv}): ${why}`;
}
function errorCode(error) {
    if (error === null || typeof error !== 'object')
        return undefined;
    const code = error.code;
    if (typeof code === 'string')
        return code;
    // Node reports a refused dual-stack connect (localhost → ::1 and 127.0.0.1) as an AggregateError.
    const inner = error.errors;
    return Array.isArray(inner) ? errorCode(inner[0]) : undefined;
}
/** Runs SQL; a failure becomes a BenchError with the server's message and the SQL's first line. */
async function runSql(client, sql, what, params) {
    try {
        return await client.query(sql, params);
    }
    catch (error) {
        throw new BenchError(await describeQueryErrorOn(client, error, sql, what));
    }
}
/**
 * describeQueryError, with a hint looked up on `client` for a missing function or relation
 * (which schemas hold it: a missing search-path). The client must not be inside an aborted
 * transaction (roll back first), or the lookup fails and the server's own hint stays.
 */
async function describeQueryErrorOn(client, error, sql, what) {
    return describeQueryError(error, sql, what, await lookUpMissingObjectHint(client, error));
}
/**
 * `query failed: relation "x" does not exist (42P01) in `SELECT ...`; hint: ...`. `hint` replaces the
 * server's hint (its "add explicit type casts" misleads when the schema is what is missing).
 */
function describeQueryError(error, sql, what, hint) {
    const db = error;
    const message = db?.message ?? String(error);
    const code = typeof db?.code === 'string' && /^[0-9A-Z]{5}$/.test(db.code) ? ` (${db.code})` : '';
    const shown = hint ?? db?.hint;
    const hintText = shown ? `; hint: ${shown}` : '';
    return `${what} failed: ${message}${code} in \`${firstLine(sql)}\`${hintText}`;
}
/** The first non-empty line of some SQL, for messages. */
function firstLine(sql) {
    const line = sql.split('\n').find((l) => l.trim() !== '') ?? '';
    return line.trim().length > 120 ? `${line.trim().slice(0, 117)}...` : line.trim();
}
/** The server process id of a connection (pg keeps it; its type declarations omit it). */
function backendPid(client) {
    return client.processID;
}

/** Runs `once` for the warm-up setting: a number of iterations, or until a time has passed. */
async function warmUp(warmup, once, signal) {
    if ('iterations' in warmup) {
        for (let i = 0; i < warmup.iterations; i++) {
            stopIfAborted(signal);
            await once();
        }
        return;
    }
    const until = performance.now() + warmup.ms;
    do {
        stopIfAborted(signal);
        await once();
    } while (performance.now() < until);
}
/**
 * Times every case in `settings.rounds` passes. Cases take turns within each pass, so slow
 * drift of the server (autovacuum, cache) spreads over all cases instead of hitting the last.
 * Each case gets at least samples/rounds samples and time/rounds of measuring per pass.
 */
async function sampleInRounds(settings, caseCount, once, signal) {
    const sampled = Array.from({ length: caseCount }, () => ({ samples: [], rounds: [] }));
    const perRound = Math.ceil(settings.samples / settings.rounds);
    for (let round = 0; round < settings.rounds; round++) {
        for (const [index, out] of sampled.entries()) {
            const until = performance.now() + settings.time / settings.rounds;
            let count = 0;
            while (count < perRound || performance.now() < until) {
                stopIfAborted(signal);
                out.samples.push(await once(index));
                count++;
            }
            out.rounds.push(count);
        }
    }
    return sampled;
}
/** Milliseconds between two process.hrtime.bigint() readings. */
function elapsedMs(start, end) {
    return Number(end - start) / 1e6;
}
function stopIfAborted(signal) {
    if (signal.aborted)
        throw new BenchError('stopped: the bench timed out');
}

/** Runs a bench's setup SQL, its work, then its teardown SQL, whatever happened in between. */
/** setup → work → teardown; a teardown failure is reported only when the work succeeded. */
async function withSetup(client, spec, work) {
    if (spec.setupFile !== undefined) {
        const sql = await readFile(spec.setupFile, 'utf8').catch((error) => {
            throw new BenchError(`setup-file ${spec.setupFile} could not be read (${error.code ?? error.message})`);
        });
        await runSql(client, sql, `setup-file ${path.basename(spec.setupFile)}`);
    }
    if (spec.setup !== undefined)
        await runSql(client, spec.setup, 'setup');
    let result;
    try {
        result = await work();
    }
    catch (error) {
        if (spec.teardown !== undefined)
            await runSql(client, spec.teardown, 'teardown').catch(() => undefined);
        throw error;
    }
    if (spec.teardown !== undefined)
        await runSql(client, spec.teardown, 'teardown');
    return result;
}

/** The `pg-notify` kind: time from sending a NOTIFY to a persistent listener receiving it. */
/**
 * Runs a `pg-notify` bench. The listener connects and LISTENs once, before any timing (no
 * sleeps); each sample sends a payload with a fresh token from the sender connection and
 * stops the clock when the listener gets the notification carrying that token.
 */
const runPgNotifyBench = async (bench, ctx) => {
    const spec = bench.spec;
    const url = readDatabaseUrl(spec, ctx);
    const listener = await openConnection(url, spec, ctx);
    try {
        const sender = await openConnection(url, spec, ctx);
        try {
            return await withSetup(sender.client, spec, async () => {
                const channel = listener.client.escapeIdentifier(spec.channel);
                const waiting = new Map();
                listener.client.on('notification', (message) => {
                    const at = process.hrtime.bigint();
                    if (message.channel !== spec.channel || message.payload === undefined)
                        return;
                    for (const [token, resolve] of waiting)
                        if (message.payload.includes(token))
                            resolve(at);
                });
                await runSql(listener.client, `LISTEN ${channel}`, 'LISTEN');
                try {
                    const once = () => roundTrip(spec, sender.client, waiting);
                    await warmUp(bench.settings.warmup, once, ctx.signal);
                    const [sampled] = await sampleInRounds(bench.settings, 1, once, ctx.signal);
                    return [
                        {
                            name: bench.name,
                            status: 'ok',
                            metrics: [makeMetric({ name: 'time', unit: 'ms', ...sampled })],
                            details: {
                                server: listener.server,
                                channel: spec.channel,
                                notifySql: firstLine(spec.notifySql),
                                payloadBytes: new TextEncoder().encode(payloadFor(spec, randomUUID())).length,
                                sampleTimeoutMs: spec.sampleTimeout,
                                method: 'persistent listener, LISTEN before timing; clock from send to receipt',
                            },
                        },
                    ];
                }
                finally {
                    await listener.client.query(`UNLISTEN ${channel}`).catch(() => undefined);
                }
            });
        }
        finally {
            await sender.close();
        }
    }
    finally {
        await listener.close();
    }
};
async function roundTrip(spec, sender, waiting) {
    const token = randomUUID();
    let timer;
    const received = new Promise((resolve, reject) => {
        waiting.set(token, resolve);
        timer = setTimeout(() => reject(new BenchError(`no notification on channel "${spec.channel}" within ${formatDuration(spec.sampleTimeout)} ` +
            `(sample-timeout): does notify-sql \`${firstLine(spec.notifySql)}\` notify that channel with the payload?`)), spec.sampleTimeout);
    });
    // The send may fail first; the pending wait must not become an unhandled rejection then.
    received.catch(() => undefined);
    try {
        const start = process.hrtime.bigint();
        await runSql(sender, spec.notifySql, 'notify-sql', notifyParams(spec, token));
        return elapsedMs(start, await received);
    }
    finally {
        clearTimeout(timer);
        waiting.delete(token);
    }
}
/**
 * $1 = payload, $2 = channel: only as many as the SQL uses, since the server rejects extra
 * parameters (and cannot type an unused $1, so the payload, used by almost every SQL, is first).
 */
function notifyParams(spec, token) {
    const used = Math.max(0, ...[...spec.notifySql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    return [payloadFor(spec, token), spec.channel].slice(0, used);
}
function payloadFor(spec, token) {
    return spec.payload.split(TOKEN_PLACEHOLDER).join(token);
}

/**
 * Short names of SQL statements by what they do and to what (`WITH … SELECT FROM
 * workflow_steps`, `INSERT INTO tasks`): an inner statement of a function whose first line is
 * only `WITH` says nothing. Pure: reads the statement text and the relations of its plan.
 */
/** Longest label, so a statement list stays one short line per statement. */
const MAX_LENGTH = 80;
const MAIN = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE']);
/**
 * The label of one statement. `relations` are the tables its plan reads, in plan order
 * (`Relation Name`s): a SELECT names them rather than the text's FROM, which may be a CTE.
 */
function statementLabel(text, relations = []) {
    const tokens = topLevelTokens(text);
    const first = tokens[0]?.toUpperCase();
    if (first === undefined)
        return '';
    const withPrefix = first === 'WITH' ? 'WITH … ' : '';
    const start = first === 'WITH' ? tokens.findIndex((t) => MAIN.has(t.toUpperCase())) : 0;
    if (start < 0)
        return clip(oneLine(text));
    const verb = tokens[start].toUpperCase();
    const after = (word) => {
        const at = tokens.findIndex((t, i) => i > start && t.toUpperCase() === word);
        return at < 0 ? undefined : target(tokens.slice(at + 1), word === 'FROM');
    };
    const main = (() => {
        switch (verb) {
            case 'INSERT':
                return named('INSERT INTO', after('INTO'));
            case 'UPDATE':
                return named('UPDATE', target(tokens.slice(start + 1), false));
            case 'DELETE':
                return named('DELETE FROM', after('FROM'));
            case 'MERGE':
                return named('MERGE INTO', after('INTO'));
            case 'SELECT': {
                const from = relations.length > 0 ? listed(relations) : after('FROM');
                if (from !== undefined)
                    return `SELECT FROM ${from}`;
                // No table at all (PERFORM f(), IF x > 0): the expression is the best name.
                return withPrefix === '' ? oneLine(text) : 'SELECT';
            }
            default:
                return verb;
        }
    })();
    return clip(`${withPrefix}${main}`);
}
/** `workflow_steps, tasks +2`: the first three distinct names, then how many more. */
function listed(relations) {
    const distinct = [...new Set(relations)];
    const shown = distinct.slice(0, 3).join(', ');
    return distinct.length > 3 ? `${shown} +${distinct.length - 3}` : shown;
}
function named(verb, table) {
    return table === undefined ? verb : `${verb} ${table}`;
}
/**
 * The table a clause names (`tasker.tasks`; ONLY skipped), or with `calls`, a function a FROM
 * reads (`get_ready()`); a column list after an INSERT's table is no call.
 */
function target(tokens, calls) {
    const rest = tokens[0]?.toUpperCase() === 'ONLY' ? tokens.slice(1) : tokens;
    const name = rest[0];
    if (name === undefined || name === '(' || !/^[\w"$]/.test(name))
        return undefined;
    return calls && rest[1] === '(' ? `${name}()` : name;
}
/**
 * The statement's words and punctuation outside parentheses, strings and comments; a
 * parenthesised group is one `(` token. A dotted name (`tasker.tasks`) is one token.
 */
function topLevelTokens(text) {
    const tokens = [];
    let depth = 0;
    const re = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)(?:\.(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*))*|\(|\)|\S/g;
    for (const match of text.matchAll(re)) {
        const token = match[0];
        if (token.startsWith('--') || token.startsWith('/*'))
            continue;
        if (token === ')') {
            depth = Math.max(0, depth - 1);
            continue;
        }
        if (depth === 0 && !token.startsWith("'"))
            tokens.push(token);
        if (token === '(')
            depth++;
    }
    return tokens;
}
function oneLine(text) {
    return text
        .replace(/--[^\n]*/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/;$/, '');
}
function clip(label) {
    return label.length > MAX_LENGTH ? `${label.slice(0, MAX_LENGTH - 1)}…` : label;
}

/** Summaries of PostgreSQL JSON plans (EXPLAIN and auto_explain output). Pure: no connection. */
/** "Index Scan on tasks", "Function Scan on get_next_ready_tasks", "Hash Join". */
function nodeLabel(node) {
    const type = node['Node Type'] ?? 'Unknown';
    const on = node['Relation Name'] ?? node['Function Name'] ?? node['CTE Name'];
    return on === undefined ? type : `${type} on ${on}`;
}
/** Every node of a plan tree, depth first. */
function walkPlan(node) {
    return [node, ...(node.Plans ?? []).flatMap(walkPlan)];
}
/** Whether the plan calls a function whose statements EXPLAIN cannot show. */
function callsFunction(node) {
    return walkPlan(node).some((n) => n['Node Type'] === 'Function Scan' || n['Node Type'] === 'Result');
}
/** The summary of one EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) result plus any inner plans. */
function summarizePlan(explain, inner, shallowReason) {
    const root = explain.Plan;
    const innerPlans = groupInner(inner ?? []);
    const sharedHit = root['Shared Hit Blocks'] ?? 0;
    const sharedRead = root['Shared Read Blocks'] ?? 0;
    const functionCall = callsFunction(root);
    const depth = innerPlans.length > 0 ? 'nested' : functionCall && shallowReason ? 'shallow' : 'full';
    return {
        planningMs: explain['Planning Time'] ?? null,
        executionMs: explain['Execution Time'] ?? null,
        sharedHit,
        sharedRead,
        hitRatio: hitRatio(sharedHit, sharedRead),
        nodes: distinct([...walkPlan(root).map(nodeLabel), ...innerPlans.flatMap((p) => p.nodes)]),
        rows: root['Actual Rows'] ?? null,
        depth,
        ...(depth === 'shallow' ? { shallowReason } : {}),
        ...(innerPlans.length > 0 ? { inner: innerPlans } : {}),
        ...optional('nodeTimes', nodeTimes([root, ...(inner ?? []).map((item) => item.plan)])),
    };
}
/**
 * Each node's total and self time over the given plans, summed per label in plan order;
 * undefined when the first plan has no actual times. Self time is the node's total minus its
 * children's, never below zero: a Gather's workers add their times up past the wall clock.
 */
function nodeTimes(roots) {
    if (roots[0]?.['Actual Total Time'] === undefined)
        return undefined;
    const byLabel = new Map();
    const total = (node) => (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1);
    for (const node of roots.flatMap(walkPlan)) {
        const children = (node.Plans ?? []).reduce((sum, child) => sum + total(child), 0);
        const label = nodeLabel(node);
        const entry = byLabel.get(label) ?? { node: label, totalMs: 0, selfMs: 0 };
        entry.totalMs += total(node);
        entry.selfMs += Math.max(0, total(node) - children);
        byLabel.set(label, entry);
    }
    return [...byLabel.values()].map((entry) => ({
        node: entry.node,
        totalMs: round4(entry.totalMs),
        selfMs: round4(entry.selfMs),
    }));
}
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}
function round4(value) {
    return Math.round(value * 10000) / 10000;
}
/** Parses one auto_explain NOTICE ("duration: 0.05 ms  plan:\n{json}"); undefined if not one. */
function parseAutoExplainNotice(message) {
    const start = message.indexOf('{');
    if (!/plan:/.test(message) || start < 0)
        return undefined;
    try {
        const json = JSON.parse(message.slice(start));
        if (json.Plan === undefined)
            return undefined;
        const duration = /duration:\s*([\d.]+)\s*ms/.exec(message);
        return {
            durationMs: duration ? Number(duration[1]) : null,
            queryText: json['Query Text'] ?? '',
            plan: json.Plan,
        };
    }
    catch {
        return undefined;
    }
}
/** One entry per distinct inner statement, in first-run order, with calls and totals. */
function groupInner(inner) {
    const groups = new Map();
    for (const item of inner) {
        const text = item.queryText.trim();
        const group = groups.get(text) ?? {
            query: text
                .split('\n')
                .find((line) => line.trim() !== '')
                ?.trim() ?? '',
            label: statementLabel(text, relationsOf(item.plan)),
            calls: 0,
            durationMs: null,
            nodes: [],
            rows: null,
            hitRatio: null,
            hit: 0,
            read: 0,
        };
        group.calls++;
        if (item.durationMs !== null)
            group.durationMs = (group.durationMs ?? 0) + item.durationMs;
        group.nodes = distinct([...group.nodes, ...walkPlan(item.plan).map(nodeLabel)]);
        const rows = item.plan['Actual Rows'];
        if (rows !== undefined)
            group.rows = (group.rows ?? 0) + rows;
        group.hit += item.plan['Shared Hit Blocks'] ?? 0;
        group.read += item.plan['Shared Read Blocks'] ?? 0;
        groups.set(text, group);
    }
    return [...groups.values()].map(({ hit, read, ...group }) => ({
        ...group,
        ...(group.durationMs === null ? {} : { durationMs: round3(group.durationMs) }),
        hitRatio: hitRatio(hit, read),
    }));
}
/** The tables a plan reads or writes, in plan order. */
function relationsOf(plan) {
    return walkPlan(plan).flatMap((node) => node['Relation Name'] === undefined ? [] : [node['Relation Name']]);
}
function round3(value) {
    return Math.round(value * 1000) / 1000;
}
function hitRatio(hit, read) {
    return hit + read === 0 ? null : hit / (hit + read);
}
function distinct(items) {
    return [...new Set(items)];
}

const AUTO_EXPLAIN_SETTINGS = [
    'auto_explain.log_nested_statements = on',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
    "auto_explain.log_format = 'json'",
    'auto_explain.log_min_duration = 0',
    "auto_explain.log_level = 'notice'",
    "client_min_messages = 'notice'",
];
/**
 * Runs EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on the query. When the plan is only a function
 * call, runs the query once more with auto_explain logging nested statements as NOTICEs to see
 * inside; when the role may not load auto_explain, the summary says the plan is shallow and why.
 * With `rollback`, each run is in a transaction that is rolled back (EXPLAIN ANALYZE executes).
 */
async function capturePlan(client, query, params, rollback) {
    const explainRows = await inTransaction(client, rollback, () => runSql(client, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, 'EXPLAIN', params));
    const explain = explainRows.rows[0]?.['QUERY PLAN']?.[0];
    if (explain === undefined)
        throw new Error('EXPLAIN returned no plan');
    if (!callsFunction(explain.Plan)) {
        return { summary: summarizePlan(explain, undefined, undefined), raw: { explain } };
    }
    const nested = await captureNested(client, query, params, rollback);
    return {
        summary: summarizePlan(explain, nested.plans, nested.reason),
        raw: { explain, ...(nested.plans ? { inner: nested.plans } : {}) },
    };
}
async function captureNested(client, query, params, rollback) {
    try {
        await client.query("LOAD 'auto_explain'");
    }
    catch (error) {
        return { reason: `auto_explain could not be loaded: ${messageOf(error)}` };
    }
    const notices = [];
    const onNotice = (notice) => {
        if (notice.message)
            notices.push(notice.message);
    };
    client.on('notice', onNotice);
    try {
        await client.query('BEGIN');
        try {
            // SET LOCAL: the logging settings vanish with the transaction, whatever happens.
            for (const setting of AUTO_EXPLAIN_SETTINGS)
                await client.query(`SET LOCAL ${setting}`);
        }
        catch (error) {
            await client.query('ROLLBACK');
            return { reason: `auto_explain could not be configured: ${messageOf(error)}` };
        }
        try {
            await runSql(client, query, 'query (auto_explain run)', params);
        }
        finally {
            await client.query(rollback ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
        }
    }
    finally {
        client.off('notice', onNotice);
    }
    const top = query.trim();
    const plans = notices
        .map(parseAutoExplainNotice)
        .filter((plan) => plan !== undefined && plan.queryText.trim() !== top);
    // No inner statements (e.g. SELECT now()): nothing was hidden, so the plan is not shallow.
    return plans.length > 0 ? { plans } : {};
}
async function inTransaction(client, rollback, work) {
    if (!rollback)
        return work();
    await client.query('BEGIN');
    try {
        return await work();
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

/** Draws parameter sets from params-query rows: stratified, seeded, keyed by a stable column. */
/**
 * Picks `cases` rows: rows are grouped by the stratify-by value and taken round-robin from the
 * groups in a seeded random order, so the cases spread over the data instead of one hot row.
 * Rows are sorted by key first, so the same seed and data give the same cases in any row order.
 * Returns the cases sorted by label, then key. Throws an Error naming the missing column.
 */
function drawCases(rows, columns, options) {
    const { keyColumn, paramColumns } = caseColumns(columns, options);
    const byKey = rowsByKey(rows, keyColumn);
    const keys = [...byKey.keys()].sort(compareKeys);
    const strata = new Map();
    for (const key of keys) {
        const stratum = options.stratifyBy ? keyText(byKey.get(key)?.[options.stratifyBy]) : '';
        strata.set(stratum, [...(strata.get(stratum) ?? []), key]);
    }
    const random = seededRandom(options.seed);
    const groups = shuffle([...strata.keys()].sort(compareKeys), random).map((stratum) => ({
        stratum,
        keys: shuffle(strata.get(stratum) ?? [], random),
    }));
    const picked = [];
    for (let round = 0; picked.length < options.cases; round++) {
        const before = picked.length;
        for (const group of groups) {
            if (picked.length >= options.cases)
                break;
            const key = group.keys[round];
            if (key === undefined)
                continue;
            const row = byKey.get(key) ?? {};
            picked.push({
                key,
                params: paramColumns.map((column) => row[column]),
                ...(options.stratifyBy ? { stratum: group.stratum } : {}),
            });
        }
        if (picked.length === before)
            break;
    }
    const labelled = withLabels(picked.sort((a, b) => compareKeys(a.key, b.key)), byKey, options);
    // Reports list cases in this order: by the names they show (small#2 before small#10).
    return labelled.sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'en', { numeric: true }));
}
/**
 * The cases with their labels: from `label:` (a column or a template), repeated labels numbered
 * #1, #2, ... in key order; with stratify-by and neither key: nor label:, `<stratum>#<n>`, always
 * numbered so a stratum's first case keeps its name when a second one is drawn. Cases are in key
 * order, so the same draw gives the same labels; base and head pair cases by them.
 */
function withLabels(cases, byKey, options) {
    if (options.label !== undefined) {
        const label = options.label;
        const raw = cases.map((item) => fillLabel(label, byKey.get(item.key) ?? {}));
        const counts = countOf(raw);
        const seen = new Map();
        return cases.map((item, index) => {
            const text = raw[index];
            if ((counts.get(text) ?? 0) < 2)
                return { ...item, label: text };
            const n = (seen.get(text) ?? 0) + 1;
            seen.set(text, n);
            return { ...item, label: `${text}#${n}` };
        });
    }
    if (options.stratifyBy === undefined || options.key !== undefined)
        return cases;
    const seen = new Map();
    return cases.map((item) => {
        const stratum = item.stratum ?? '';
        const n = (seen.get(stratum) ?? 0) + 1;
        seen.set(stratum, n);
        return { ...item, label: `${stratum}#${n}` };
    });
}
/** A label from a row: the column's value, or the template with each {column} filled in. */
function fillLabel(label, row) {
    if (!label.includes('{'))
        return keyText(row[label]);
    return label.replace(/\{([^{}]+)\}/g, (_, column) => keyText(row[column]));
}
/** The columns a label reads: the one it names, or its template's placeholders. */
function labelColumns(label) {
    if (!label.includes('{'))
        return [label];
    return [...label.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]);
}
function countOf(items) {
    const counts = new Map();
    for (const item of items)
        counts.set(item, (counts.get(item) ?? 0) + 1);
    return counts;
}
/**
 * The cases `drawn` on the other side of an A/B run, looked up by key in this side's rows: each
 * found key takes this side's row's parameters (a stable `key:` names the same case in both
 * databases even where its ids differ), so both sides time the same cases. `missing` are the keys
 * this side's rows lack (a key on random values, a uuid per database, is never found).
 * Throws an Error naming a missing column, as drawCases does.
 */
function matchCases(drawn, rows, columns, options) {
    const { keyColumn, paramColumns } = caseColumns(columns, options);
    const byKey = rowsByKey(rows, keyColumn);
    const cases = [];
    const missing = [];
    for (const item of drawn) {
        const row = byKey.get(item.key);
        if (row === undefined)
            missing.push(item.key);
        else
            cases.push({ ...item, params: paramColumns.map((column) => row[column]) });
    }
    return { cases, missing };
}
/** The key and parameter columns the options name, each checked against the query's columns. */
function caseColumns(columns, options) {
    const paramColumns = options.paramColumns ?? columns.filter((column) => column !== options.stratifyBy);
    const keyColumn = options.key ?? paramColumns[0];
    for (const [field, column] of [
        ['key', keyColumn],
        ['stratify-by', options.stratifyBy],
        ...(options.label === undefined ? [] : labelColumns(options.label)).map((column) => ['label', column]),
        ...paramColumns.map((column) => ['param-columns', column]),
    ]) {
        if (column !== undefined && !columns.includes(column)) {
            throw new Error(`${field} names column "${column}", but params-query returns ${columns.map((c) => `"${c}"`).join(', ')}`);
        }
    }
    return { keyColumn, paramColumns };
}
/** The first row of each key, by the key's text. */
function rowsByKey(rows, keyColumn) {
    const byKey = new Map();
    for (const row of rows) {
        const key = keyText(row[keyColumn]);
        if (!byKey.has(key))
            byKey.set(key, row);
    }
    return byKey;
}
/** A case key as text: numbers and strings as they are, anything else as JSON. */
function keyText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    return JSON.stringify(value) ?? 'null';
}
/** Numeric keys in numeric order, others as text (so 2 comes before 10). */
function compareKeys(a, b) {
    const [x, y] = [Number(a), Number(b)];
    if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
}
function shuffle(items, random) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

/** A pg.Pool for throughput benches: fixed size, connections opened and configured before timing. */
/**
 * Opens a pool of `size` connections and opens all of them before returning, so the first timed
 * operations do not pay for connecting (that would read as acquisition wait). Idle connections
 * never time out: a level measures a steady pool, not one that shrinks and reconnects.
 */
async function openWarmPool(url, spec, size, signal) {
    const pool = new pg.Pool({
        connectionString: url,
        max: size,
        idleTimeoutMillis: 0,
        connectionTimeoutMillis: 10_000,
    });
    // A dropped connection emits 'error' on the pool; without a listener Node would crash the run.
    pool.on('error', () => undefined);
    const backends = new Set();
    pool.on('connect', (client) => {
        const pid = backendPid(client);
        if (pid !== null)
            backends.add(pid);
    });
    const configured = new WeakSet();
    const searchPath = spec.searchPath.map((schema) => pg.escapeIdentifier(schema));
    let closed = false;
    const close = async () => {
        if (closed)
            return;
        closed = true;
        signal.removeEventListener('abort', onAbort);
        await pool.end().catch(() => undefined);
    };
    // At the bench's timeout: cancel what the connections run (ending the sockets alone would leave
    // a long query running on the server), then end the pool, which rejects waiting acquisitions.
    const onAbort = () => void Promise.all([...backends].map((pid) => cancelBackend(url, pid))).finally(close);
    signal.addEventListener('abort', onAbort);
    const acquire = async () => {
        const client = await pool.connect();
        if (!configured.has(client)) {
            configured.add(client);
            if (searchPath.length > 0)
                await client.query(`SET search_path TO ${searchPath.join(', ')}`);
        }
        return client;
    };
    try {
        const clients = await Promise.all(Array.from({ length: size }, () => acquire()));
        for (const client of clients)
            client.release();
    }
    catch (error) {
        await close();
        const where = new pg.Client({ connectionString: url });
        throw new BenchError(describeConnectError(error, { host: where.host, port: where.port, database: where.database ?? '' }, spec.urlEnv));
    }
    return { pool, size, acquire, close };
}

/**
 * Changes in acquisition wait below this are not a verdict: without contention it sits at a few
 * microseconds, where a doubling is scheduling noise, not a regression.
 */
const ACQUIRE_RESOLUTION_MS = 0.5;
/**
 * Measures each level with a fresh pool of `spec.poolSize` connections (default: the level),
 * all opened before timing. Client w's k-th operation runs case (w + k) mod n, so every client
 * cycles through the cases. Latency is acquisition plus query, as the application sees it.
 */
async function measurePoolThroughput(url, spec, cases, options, ctx) {
    const out = { metrics: [], scaling: [], poolSizes: [] };
    const statement = { name: 'perfgate_sql_bench', text: spec.query };
    for (const level of options.levels) {
        const size = spec.poolSize ?? level;
        const pool = await openWarmPool(url, spec, size, ctx.signal);
        try {
            const turns = new Array(level).fill(0);
            const operation = async (worker) => {
                const params = cases[(worker + turns[worker]++) % cases.length];
                const asked = process.hrtime.bigint();
                const client = await pool.acquire().catch((error) => {
                    throw new BenchError(`could not get a connection from the pool: ${error instanceof Error ? error.message : String(error)}`);
                });
                const held = process.hrtime.bigint();
                try {
                    if (spec.rollback)
                        await client.query('BEGIN');
                    const start = process.hrtime.bigint();
                    await client.query({ ...statement, values: params });
                    const end = process.hrtime.bigint();
                    if (spec.rollback)
                        await client.query('ROLLBACK');
                    const acquire = elapsedMs(asked, held);
                    return { ms: acquire + elapsedMs(start, end), parts: { acquire } };
                }
                catch (error) {
                    // Rolled back first, so the hint's catalog lookup runs outside the failed transaction.
                    if (spec.rollback)
                        await client.query('ROLLBACK').catch(() => undefined);
                    throw new BenchError(await describeQueryErrorOn(client, error, spec.query, 'query'));
                }
                finally {
                    client.release();
                }
            };
            const measured = await measureThroughput(operation, {
                ...options,
                levels: [level],
                // A wait's fast end is zero at every pool level: judge its median, not its p10.
                parts: [{ name: 'acquire', resolution: ACQUIRE_RESOLUTION_MS, roundQuantile: 0.5 }],
            });
            out.metrics.push(...measured.metrics);
            out.scaling.push(...measured.scaling.map((point) => withExhaustionNote(point, size, measured.metrics)));
            out.poolSizes.push(size);
        }
        finally {
            await pool.close();
        }
    }
    return out;
}
/**
 * A level with more clients than connections exhausts the pool: clients queue for a connection.
 * The note says so in words, with the share of the latency spent waiting (from the means, so
 * the shares of all operations add up).
 */
function withExhaustionNote(point, poolSize, metrics) {
    if (point.concurrency <= poolSize)
        return point;
    const level = point.concurrency;
    const time = metrics.find((metric) => metric.name === `time@${level}`)?.summary.mean;
    const acquire = metrics.find((metric) => metric.name === `acquire@${level}`)?.summary.mean;
    if (time === undefined || acquire === undefined || time <= 0)
        return point;
    const share = Math.round((acquire / time) * 100);
    return {
        ...point,
        note: `pool exhausted: ${level} clients share ${poolSize} connections; waiting for a connection ` +
            `is ${share}% of the latency (mean ${formatValue(acquire, 'ms')} of ${formatValue(time, 'ms')})`,
    };
}

/**
 * Runs a `sql` bench: connect, setup, pick the cases, warm each up, time them in rounds
 * (autocommit, or a rolled-back transaction per sample), capture plans, teardown, close.
 * Each case is its own result, named `<bench>/<label or key>` when the bench has several or draws
 * them.
 */
const runSqlBench = async (bench, ctx) => {
    const spec = bench.spec;
    const url = readDatabaseUrl(spec, ctx);
    const connection = await openConnection(url, spec, ctx);
    const { client, server } = connection;
    try {
        return await withSetup(client, spec, async () => {
            const cases = await resolveCases(client, spec, bench.name, ctx);
            ctx.log(`${cases.length} case(s) on PostgreSQL ${server.version} at ${server.host}:${server.port}`);
            if (bench.settings.concurrency.length > 0) {
                const measured = await measurePoolThroughput(url, spec, cases.map((item) => item.params), throughputOptions(bench.settings, ctx), ctx);
                // One plan is only meaningful for one case; several cases share one result row here.
                const plan = spec.explain && cases.length === 1 ? await planOf(client, spec, cases[0]) : undefined;
                return [
                    {
                        name: bench.name,
                        status: 'ok',
                        metrics: measured.metrics,
                        details: {
                            ...throughputDetails(spec, server, cases, plan),
                            scaling: measured.scaling,
                            poolSizes: measured.poolSizes,
                        },
                    },
                ];
            }
            // A named statement is parsed and planned once per connection, as drivers like sqlx do.
            const statement = { name: 'perfgate_sql_bench', text: spec.query };
            const timed = async (params) => {
                if (spec.rollback)
                    await client.query('BEGIN');
                try {
                    const start = process.hrtime.bigint();
                    await client.query({ ...statement, values: params });
                    return elapsedMs(start, process.hrtime.bigint());
                }
                finally {
                    if (spec.rollback)
                        await client.query('ROLLBACK').catch(() => undefined);
                }
            };
            const once = async (params) => {
                try {
                    return await timed(params);
                }
                catch (error) {
                    // After the rollback, so the hint's catalog lookup runs outside the failed transaction.
                    throw new BenchError(await describeQueryErrorOn(client, error, spec.query, 'query'));
                }
            };
            const firstCallMs = [];
            for (const item of cases) {
                firstCallMs.push(await once(item.params));
                await warmUp(bench.settings.warmup, () => once(item.params), ctx.signal);
            }
            const sampled = await sampleInRounds(bench.settings, cases.length, (index) => once(cases[index].params), ctx.signal);
            const results = [];
            for (const [index, item] of cases.entries()) {
                const plan = spec.explain ? await planOf(client, spec, item) : undefined;
                results.push({
                    name: item.name,
                    status: 'ok',
                    metrics: [
                        makeMetric({
                            name: 'time',
                            unit: 'ms',
                            samples: sampled[index].samples,
                            rounds: sampled[index].rounds,
                        }),
                    ],
                    details: caseDetails(spec, server, item, firstCallMs[index], plan),
                });
            }
            return results;
        });
    }
    finally {
        await connection.close();
    }
};
async function resolveCases(client, spec, benchName, ctx) {
    const params = spec.params;
    if (params.from === 'list') {
        if (params.cases.length === 1)
            return [{ name: benchName, params: params.cases[0] }];
        return params.cases.map((values) => {
            const key = values.map(keyText).join(',');
            return { name: `${benchName}/${key}`, key, params: values };
        });
    }
    const result = await runSql(client, params.query, 'params-query');
    if (result.rows.length === 0)
        throw new BenchSkipped(`no data for params-query (it returned no rows): seed the database first`);
    const columns = result.fields.map((field) => field.name);
    const rows = result.rows;
    let drawn;
    try {
        const shared = ctx.draws?.get(benchName);
        drawn = shared
            ? sharedCases(shared, rows, columns, params, ctx)
            : drawCases(rows, columns, params);
    }
    catch (error) {
        throw new BenchError(error instanceof Error ? error.message : String(error));
    }
    if (!ctx.draws?.has(benchName))
        ctx.draws?.set(benchName, drawn);
    return drawn.map((item) => ({
        name: `${benchName}/${item.label ?? item.key}`,
        key: item.key,
        ...(item.label === undefined ? {} : { label: item.label }),
        params: item.params,
        ...(item.stratum === undefined ? {} : { stratum: item.stratum }),
    }));
}
/**
 * A/B mode: the cases the other side drew, with this side's parameters for their keys. Keys this
 * side's data lacks are left out (the report shows them as removed); none found is an error, for
 * the two sides would time different things: a key on random values (a uuid per database).
 */
function sharedCases(shared, rows, columns, params, ctx) {
    const { cases, missing } = matchCases(shared, rows, columns, params);
    const column = params.key === undefined ? 'the first parameter column' : `"${params.key}"`;
    if (cases.length === 0) {
        throw new BenchError(`none of the ${shared.length} case(s) drawn on the other side of the A/B run is in this side's params-query rows (key ${JSON.stringify(shared[0]?.key ?? '')} by ${column}): cases keyed on random values cannot pair; key them on a stable column with key: (see docs/postgres.md)`);
    }
    if (missing.length > 0) {
        ctx.log(`${missing.length} of ${shared.length} case(s) drawn on the other side are not in this side's params-query rows (${missing.map((key) => JSON.stringify(key)).join(', ')}): timed on one side only`);
    }
    return cases;
}
async function planOf(client, spec, item) {
    try {
        return await capturePlan(client, spec.query, item.params, spec.rollback);
    }
    catch (error) {
        // A plan is a nice-to-have: the timing stands even when EXPLAIN cannot run this query.
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
function throughputDetails(spec, server, cases, plan) {
    return {
        server,
        cases: cases.map((item) => item.label ?? item.key ?? item.params.map(keyText).join(',')),
        ...(spec.searchPath.length > 0 ? { searchPath: spec.searchPath } : {}),
        transaction: spec.rollback ? 'rolled back per operation' : 'autocommit',
        method: 'N clients through a pg.Pool, each cycling through the cases; latency = acquisition wait + query',
        ...(plan === undefined
            ? {}
            : 'error' in plan
                ? { planError: plan.error }
                : { plan: plan.summary, ...(spec.savePlans ? { plans: plan.raw } : {}) }),
    };
}
function caseDetails(spec, server, item, firstCallMs, plan) {
    return {
        server,
        ...(item.key === undefined ? {} : { key: item.key }),
        ...(item.label === undefined ? {} : { label: item.label }),
        params: item.params.map((value) => (typeof value === 'bigint' ? String(value) : value)),
        ...(item.stratum === undefined ? {} : { stratum: item.stratum }),
        ...(spec.searchPath.length > 0 ? { searchPath: spec.searchPath } : {}),
        transaction: spec.rollback ? 'rolled back per sample' : 'autocommit',
        /** The cold first call on the connection (PL/pgSQL plan caching), not part of the samples. */
        firstCallMs,
        ...(plan === undefined
            ? {}
            : 'error' in plan
                ? { planError: plan.error }
                : { plan: plan.summary, ...(spec.savePlans ? { plans: plan.raw } : {}) }),
    };
}

/**
 * The two queues a `queue` bench drives, behind one interface: a plain queue table in a throwaway
 * schema (the FOR UPDATE SKIP LOCKED pattern PGMQ itself uses), and PGMQ through its functions.
 */
/** Creates the bench's queue on `client`; `engine: pgmq` skips the bench when PGMQ is absent. */
async function createQueue(client, spec) {
    // A fresh name per run: two runs against one database never share (or drop) a queue.
    const suffix = randomBytes(4).toString('hex');
    return spec.engine === 'pgmq'
        ? createPgmqQueue(client, spec, `perfgate_${suffix}`)
        : createTableQueue(client, spec, `perfgate_queue_${suffix}`);
}
async function createTableQueue(client, spec, schemaName) {
    const table = `${client.escapeIdentifier(schemaName)}.queue`;
    const archive = `${client.escapeIdentifier(schemaName)}.archive`;
    await runSql(client, `CREATE SCHEMA ${client.escapeIdentifier(schemaName)};
     CREATE TABLE ${table} (
       msg_id bigint GENERATED ALWAYS AS IDENTITY,
       read_ct integer NOT NULL DEFAULT 0,
       enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       vt timestamptz NOT NULL DEFAULT clock_timestamp(),
       message jsonb NOT NULL);
     CREATE TABLE ${archive} (
       msg_id bigint NOT NULL,
       read_ct integer NOT NULL,
       enqueued_at timestamptz NOT NULL,
       archived_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       vt timestamptz NOT NULL,
       message jsonb NOT NULL)`, 'creating the queue table');
    // The same indexes as a PGMQ queue table: the message id, and the visibility time.
    if (spec.index) {
        await runSql(client, `ALTER TABLE ${table} ADD PRIMARY KEY (msg_id); CREATE INDEX ON ${table} (vt)`, 'indexing the queue table');
    }
    const statements = {
        send: {
            name: 'perfgate_queue_send',
            text: `INSERT INTO ${table} (message) SELECT unnest($1::jsonb[])`,
        },
        read: {
            name: 'perfgate_queue_read',
            text: `WITH picked AS (
               SELECT msg_id FROM ${table} WHERE vt <= clock_timestamp()
               ORDER BY msg_id LIMIT $1 FOR UPDATE SKIP LOCKED)
             UPDATE ${table} AS q
             SET vt = clock_timestamp() + make_interval(secs => $2), read_ct = q.read_ct + 1
             FROM picked WHERE q.msg_id = picked.msg_id
             RETURNING q.msg_id::text AS msg_id`,
        },
        delete: {
            name: 'perfgate_queue_delete',
            text: `DELETE FROM ${table} WHERE msg_id = ANY($1::bigint[])`,
        },
        // As pgmq.archive does: delete from the queue and insert into its archive, in one statement.
        archive: {
            name: 'perfgate_queue_archive',
            text: `WITH moved AS (
               DELETE FROM ${table} WHERE msg_id = ANY($1::bigint[])
               RETURNING msg_id, read_ct, enqueued_at, vt, message)
             INSERT INTO ${archive} (msg_id, read_ct, enqueued_at, vt, message)
             SELECT msg_id, read_ct, enqueued_at, vt, message FROM moved`,
        },
    };
    return {
        description: `table ${schemaName}.queue${spec.index ? '' : ' (no indexes)'}`,
        reset: async (depth) => {
            await runSql(client, `TRUNCATE ${table}, ${archive}`, 'emptying the queue');
            await seed(client, table, depth);
        },
        send: async (messages) => {
            await client.query({ ...statements.send, values: [messages] });
        },
        read: async (count) => {
            const result = await client.query({
                ...statements.read,
                values: [count, spec.visibilityTimeout],
            });
            return result.rows.map((row) => row.msg_id);
        },
        ack: async (ids) => {
            await client.query({ ...statements[spec.ack], values: [ids] });
        },
        drop: async () => {
            await runSql(client, `DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schemaName)} CASCADE`, 'dropping the queue schema');
        },
    };
}
async function createPgmqQueue(client, spec, name) {
    const pgmq = await findPgmq(client);
    if (pgmq.version === null) {
        throw new BenchSkipped(pgmq.available
            ? 'engine: pgmq, but the pgmq extension is not created in this database (run CREATE EXTENSION pgmq)'
            : 'engine: pgmq, but the pgmq extension is not installed on this server (use engine: table, or a server with PGMQ)');
    }
    const version = pgmq.version;
    await runSql(client, 'SELECT pgmq.create($1)', 'pgmq.create', [name]);
    const table = `pgmq.${client.escapeIdentifier(`q_${name}`)}`;
    if (!spec.index)
        await dropIndexes(client, table);
    return {
        description: `pgmq (${version}) queue ${name}${spec.index ? '' : ' (no indexes)'}`,
        reset: async (depth) => {
            await runSql(client, `TRUNCATE ${table}`, 'emptying the queue');
            await seed(client, table, depth);
        },
        send: async (messages) => {
            await client.query({
                name: 'perfgate_pgmq_send',
                text: 'SELECT pgmq.send_batch($1, $2::jsonb[])',
                values: [name, messages],
            });
        },
        read: async (count) => {
            const result = await client.query({
                name: 'perfgate_pgmq_read',
                text: 'SELECT msg_id::text AS msg_id FROM pgmq.read($1, $2, $3)',
                values: [name, spec.visibilityTimeout, count],
            });
            return result.rows.map((row) => row.msg_id);
        },
        ack: async (ids) => {
            await client.query({
                name: `perfgate_pgmq_${spec.ack}`,
                text: `SELECT pgmq.${spec.ack}($1, $2::bigint[])`,
                values: [name, ids],
            });
        },
        drop: async () => {
            await runSql(client, 'SELECT pgmq.drop_queue($1)', 'pgmq.drop_queue', [name]);
        },
    };
}
/**
 * Which PGMQ the database has: the extension's version, `SQL-only install` when its functions
 * were installed from pgmq.sql without the extension (PGMQ supports both), or null; and whether
 * the server could create the extension.
 */
async function findPgmq(client) {
    const found = await runSql(client, `SELECT COALESCE(
              (SELECT extversion FROM pg_extension WHERE extname = 'pgmq'),
              (SELECT 'SQL-only install' FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace
                WHERE n.nspname = 'pgmq' AND p.proname = 'send_batch' LIMIT 1)) AS version,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgmq') AS available`, 'looking for pgmq');
    return found.rows[0];
}
/** Seeds `depth` waiting messages in one INSERT ... SELECT (100,000 take well under a second). */
async function seed(client, table, depth) {
    if (depth > 0) {
        await runSql(client, 
        // vt explicitly: PGMQ's queue tables have no default for it.
        `INSERT INTO ${table} (vt, message)
       SELECT clock_timestamp(), jsonb_build_object('seed', g) FROM generate_series(1, $1::int) AS g`, 'seeding the queue', [depth]);
    }
    // Fresh statistics, so the planner sees the depth (autovacuum would only catch up later).
    await runSql(client, `ANALYZE ${table}`, 'analyzing the queue table');
}
/** Drops every index of a table, its primary key included (`index: false`). */
async function dropIndexes(client, table) {
    const constraints = await runSql(client, `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`, 'listing the queue table constraints', [table]);
    for (const { conname } of constraints.rows) {
        await runSql(client, `ALTER TABLE ${table} DROP CONSTRAINT ${client.escapeIdentifier(conname)}`, 'dropping a queue table constraint');
    }
    const indexes = await runSql(client, `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass`, 'listing the queue table indexes', [table]);
    for (const { name } of indexes.rows) {
        await runSql(client, `DROP INDEX ${name}`, 'dropping a queue table index');
    }
}

/** Unit of the send and read rates. */
const MESSAGES_PER_SECOND = 'msg/s';
/**
 * Runs a `queue` bench: connect, setup, create the queue; then per depth reseed it (untimed) and
 * per batch size warm up and sample cycles; drop the queue, teardown, close. Each (depth, batch)
 * is its own result, `<bench>[depth=D,batch=B]`, with `send` and `read` (msg/s) and `latency`.
 */
const runQueueBench = async (bench, ctx) => {
    const spec = bench.spec;
    const url = readDatabaseUrl(spec, ctx);
    const connection = await openConnection(url, spec, ctx);
    try {
        return await withSetup(connection.client, spec, async () => {
            const queue = await createQueue(connection.client, spec);
            try {
                ctx.log(`${queue.description} on PostgreSQL ${connection.server.version}`);
                const results = [];
                for (const depth of spec.depths) {
                    for (const batch of spec.batches) {
                        // Reseeded for every batch size: a cycle leaves the depth as it was, a failed one may not.
                        await queue.reset(depth);
                        const measured = await measureCycles(queue, spec, batch, bench.settings, ctx.signal);
                        results.push({
                            name: `${bench.name}[depth=${depth},batch=${batch}]`,
                            status: 'ok',
                            metrics: measured,
                            details: {
                                server: connection.server,
                                queue: queue.description,
                                engine: spec.engine,
                                depth,
                                batch,
                                ack: spec.ack,
                                index: spec.index,
                                visibilityTimeoutSeconds: spec.visibilityTimeout,
                                method: `per sample: send a batch (one statement), then read a batch (visibility timeout) and ${spec.ack} it; latency = send start to ${spec.ack} end`,
                            },
                        });
                    }
                }
                return results;
            }
            finally {
                await queue.drop().catch(() => undefined);
            }
        });
    }
    finally {
        await connection.close();
    }
};
/** Warms up and samples send → read → delete cycles of `batch` messages; the three metrics. */
async function measureCycles(queue, spec, batch, settings, signal) {
    const message = JSON.stringify(spec.message);
    const messages = new Array(batch).fill(message);
    const sendRates = [];
    const readRates = [];
    const cycle = async () => {
        const start = process.hrtime.bigint();
        await step('send', () => queue.send(messages));
        const sent = process.hrtime.bigint();
        const ids = await step('read', () => queue.read(batch));
        await step(spec.ack, () => queue.ack(ids));
        const done = process.hrtime.bigint();
        if (ids.length < batch) {
            throw new BenchError(`read returned ${ids.length} of ${batch} messages just sent: is another consumer reading this queue?`);
        }
        return {
            send: (batch * 1000) / elapsedMs(start, sent),
            read: (batch * 1000) / elapsedMs(sent, done),
            latency: elapsedMs(start, done),
        };
    };
    await warmUp(settings.warmup, cycle, signal);
    const [sampled] = await sampleInRounds(settings, 1, async () => {
        const timed = await cycle();
        sendRates.push(timed.send);
        readRates.push(timed.read);
        return timed.latency;
    }, signal);
    return [
        makeMetric({
            name: 'send',
            unit: MESSAGES_PER_SECOND,
            better: 'bigger',
            samples: sendRates,
            rounds: sampled.rounds,
        }),
        makeMetric({
            name: 'read',
            unit: MESSAGES_PER_SECOND,
            better: 'bigger',
            samples: readRates,
            rounds: sampled.rounds,
        }),
        makeMetric({ name: 'latency', unit: 'ms', samples: sampled.samples, rounds: sampled.rounds }),
    ];
}
/** Runs one queue operation; a database error becomes a BenchError naming the operation. */
async function step(what, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof BenchError)
            throw error;
        throw new BenchError(describeQueryError(error, `queue ${what}`, `queue ${what}`));
    }
}

/** Kind name → runner. */
const RUNNERS = {
    js: runJsBench,
    command: runCommandBench,
    import: runImportBench,
    sql: runSqlBench,
    'pg-notify': runPgNotifyBench,
    queue: runQueueBench,
    http: runHttpBench,
    e2e: runE2eBench,
};

/** Runs every configured bench in order; one bench's failure never stops or hides the others. */
/** Runs `benches` (already filtered) and returns one or more results per bench. */
async function runBenches(benches, options) {
    const results = [];
    const servers = options.servers ?? createServers();
    const secrets = options.secrets ?? secretBook((value) => options.secret?.(value));
    // Progress leaves the process as it happens: masked here, not only in the results file.
    const masked = { ...options, observer: maskedObserver(options.observer, secrets) };
    try {
        for (const [index, bench] of benches.entries()) {
            masked.observer?.benchStarted?.(bench, index, benches.length);
            const started = performance.now();
            const measured = await runOne(bench, masked, servers, secrets);
            // One config bench may yield several results; they share its wall time so sums stay right.
            const durationMs = Math.round((performance.now() - started) / Math.max(1, measured.length));
            const configDir = options.configDir ?? process.cwd();
            const finished = secrets.redact(measured.map((m) => ({ ...toResult(bench, m, configDir), durationMs })));
            masked.observer?.benchFinished?.(bench, finished);
            results.push(...finished);
        }
    }
    finally {
        if (options.servers === undefined)
            await servers.stop();
    }
    return results;
}
/**
 * The benches `filter` selects: comma-separated globs (`*` within a segment, `**` across) over
 * config entry names and the result names perfgate prints (see config/filter.ts).
 */
function filterBenches(config, filter) {
    return selectBenches(config, filter);
}
async function runOne(bench, options, servers, secrets) {
    const missing = bench.settings.requires.filter((name) => !options.env[name]);
    if (missing.length > 0) {
        const reason = `requires ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not set`;
        return [skipOrFail(bench, reason)];
    }
    const controller = new AbortController();
    const ctx = {
        env: options.env,
        signal: controller.signal,
        log: (line) => options.observer?.log?.(bench, line),
        secret: (value) => secrets.add(value),
        ...(options.draws ? { draws: options.draws } : {}),
    };
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new BenchError(`timed out after ${formatDuration(bench.settings.timeout)} and was killed`));
        }, bench.settings.timeout);
    });
    const measure = async () => {
        // The server's start-up counts against the bench's timeout, and is never a sample.
        await servers.ensure(bench, { ...ctx, ...(options.side ? { side: options.side } : {}) });
        return RUNNERS[bench.spec.kind](bench, ctx);
    };
    try {
        return await Promise.race([measure(), timeout]);
    }
    catch (error) {
        if (error instanceof BenchSkipped)
            return [skipOrFail(bench, error.message)];
        // Requests failing because the server died say so, with the server's last words.
        const died = bench.settings.serve === undefined ? undefined : servers.exitNote();
        const reason = describeError(error) + (died === undefined ? '' : `; ${died}`);
        return [{ name: bench.name, status: 'error', reason, metrics: [] }];
    }
    finally {
        clearTimeout(timer);
        controller.abort();
    }
}
function skipOrFail(bench, reason) {
    return bench.settings.required
        ? {
            name: bench.name,
            status: 'error',
            reason: `required bench was skipped: ${reason}`,
            metrics: [],
        }
        : { name: bench.name, status: 'skipped', reason, metrics: [] };
}
/** A one-line reason for an error: our own errors' messages, the message of anything else. */
function describeError(error) {
    if (error instanceof BenchError)
        return error.message;
    if (error instanceof Error)
        return `${error.name}: ${error.message}`;
    return String(error);
}
function toResult(bench, measured, configDir) {
    const fields = {
        name: measured.name,
        kind: bench.spec.kind,
        tags: bench.settings.tags,
        noiseThreshold: bench.settings.noiseThreshold,
        regressionThreshold: bench.settings.regressionThreshold,
        ...(measured.details === undefined ? {} : { details: measured.details }),
        identity: benchIdentity(bench, configDir),
        ...(bench.scale === undefined ? {} : { scale: resultScale(bench, measured.name) }),
    };
    return benchResult(fields, measured);
}
/** The size of a scaled bench's result row; a js row `b[n=10]/fn` belongs to the curve `b/fn`. */
function resultScale(bench, resultName) {
    const { param, value } = bench.scale;
    return { bench: resultName.replace(`[${param}=${value}]`, ''), param, value };
}

var runBenches$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    benchesProducing: benchesProducing,
    describeError: describeError,
    filterBenches: filterBenches,
    globToRegExp: globToRegExp,
    runBenches: runBenches
});

export { RUNNERS as R, secretBook as a, runBenches as b, createServers as c, killGroup as d, describeError as e, filterBenches as f, globToRegExp as g, mainThreadCpuUs as h, runBenches$1 as i, keepsResult as k, lastLines as l, maskedObserver as m, procStat as p, runShell as r, splitGlobs as s, workerPath as w };
