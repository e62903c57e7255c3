#!/usr/bin/env node
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { c as compareRuns, C as CompareInputError, b as benchesToConfirm, a as confirmRegressions } from './chunks/confirm-Cv_mp3YF.js';
import { escapeMarkdown } from './chunks/escape-DUX7g4yH.js';
import { f as formatValue, a as formatChange } from './chunks/format-BGEBbMaQ.js';
import { p as parseResults, R as ResultsFormatError, s as serializeResults } from './chunks/schema-CaXiwXd3.js';
import path from 'node:path';
import { r as readConfig, f as formatConfigError } from './chunks/read-EUV1Z3Pw.js';
import { benchesProducing } from './chunks/run-benches-D716mfwn.js';
import { r as runSummaryText } from './chunks/run-summary-yGUxnqbc.js';
import { r as runConfig, P as PERFGATE_VERSION } from './chunks/run-config-X2kEjk09.js';
import './chunks/scaling-bBRpMboh.js';
import './chunks/simple-statistics-Dw7N4kWf.js';
import './chunks/random-CRNsGjhb.js';
import './chunks/bench-BCpLDQqU.js';
import './chunks/types-CWpGVx7G.js';
import './chunks/schemas-TYepb_3n.js';
import 'process';
import 'buffer';
import './chunks/js-Qh7qM8EE.js';
import './chunks/units-nscz4rrQ.js';
import './chunks/pg-notify-CkHnPk87.js';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:os';
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

/** Short label with a symbol, for tables. */
const VERDICT_LABELS = {
    regression: '❌ regression',
    improvement: '✅ improvement',
    slower: '⚠️ slower',
    faster: '🟢 faster',
    unchanged: '~ unchanged',
    inconclusive: '❔ inconclusive',
    new: '🆕 new',
    removed: '➖ removed',
    skipped: '⏭️ skipped',
    error: '💥 error',
};

function benchCell(row) {
    const name = escapeMarkdown(row.name);
    return row.metric === 'time' ? name : `${name} (${escapeMarkdown(row.metric)})`;
}
/** One table row per metric comparison, its notes (plan, scaling) in rows under it, no header. */
function renderMarkdownRows(comparison) {
    return comparison.comparisons.flatMap((row) => {
        const verdict = VERDICT_LABELS[row.verdict] + (row.confirmed ? ' (confirmed)' : '');
        const cells = [
            benchCell(row),
            escapeMarkdown(formatValue(row.base, row.unit)),
            escapeMarkdown(formatValue(row.head, row.unit)),
            escapeMarkdown(formatChange(row.change, row.ci)),
            verdict,
            escapeMarkdown(row.reason),
        ];
        const notes = (row.notes ?? []).map((note) => `| ↳ ${escapeMarkdown(note)} | | | | | |`);
        return [`| ${cells.join(' | ')} |`, ...notes];
    });
}
/** The comparison as Markdown: warnings as a quote, then the table. */
function renderMarkdown(comparison) {
    const out = [];
    for (const warning of comparison.warnings)
        out.push(`> **Warning:** ${escapeMarkdown(warning)}`, '');
    out.push('| Bench | Baseline | Head | Change (95% CI) | Verdict | Reason |', '| --- | ---: | ---: | ---: | --- | --- |', ...renderMarkdownRows(comparison));
    return out.join('\n') + '\n';
}

// Control characters (a newline in a bench name) would break the table's lines.
const oneLine = (text) => text.replace(/\p{Cc}+/gu, ' ');
function label(row) {
    return oneLine(row.metric === 'time' ? row.name : `${row.name} (${row.metric})`);
}
function changeCell(row) {
    if (row.verdict === 'unchanged') {
        const p = row.p === null ? '' : ` p=${row.p.toFixed(3)}`;
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

/** Renders a comparison in the given format. */
function renderReport(comparison, format) {
    if (format === 'json')
        return renderJson(comparison);
    if (format === 'markdown')
        return renderMarkdown(comparison);
    return renderText(comparison);
}

/**
 * `perfgate compare BASE.json [MORE_BASES.json…] HEAD.json`: compares result files and prints
 * a report. File access comes in through `io`, so the command is testable and wiring-agnostic.
 */
/** One-line usage, printed with usage errors. */
const COMPARE_USAGE = 'usage: perfgate compare BASE.json [MORE_BASES.json…] HEAD.json [--format text|markdown|json] [--fail-on-regression] [--normalize calibration]';
const FORMATS = ['text', 'markdown', 'json'];
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
            },
        });
        const format = values.format;
        if (!FORMATS.includes(format)) {
            throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
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
        io.stdout(renderReport(comparison, format));
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
 * `perfgate run`: load the config, run the benches with progress, write the results file; with
 * `--baseline`, compare, re-run what regressed to confirm it, and print the comparison.
 */
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
        },
        strict: true,
    });
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
    io.stdout(`\n${runSummaryText(results)}\n\nResults written to ${values.out}\n`);
    const errored = results.benches.some((bench) => bench.status === 'error');
    if (baselines.length === 0)
        return errored ? 1 : 0;
    let comparison = compareRuns(baselines, results);
    const flagged = values['no-confirm'] ? [] : benchesToConfirm(comparison);
    if (flagged.length > 0) {
        io.stderr(`Re-running ${flagged.length} bench(es) flagged as regressions to confirm them\n`);
        const rerun = await run({ ...loaded.config, benches: benchesProducing(loaded.config, flagged) });
        comparison = confirmRegressions(baselines, results, rerun, comparison);
    }
    io.stdout(`\n${renderReport(comparison, format)}`);
    if (errored)
        return 1;
    return values['fail-on-regression'] && comparison.regressions > 0 ? 1 : 0;
}

/** The perfgate command line: dispatches to `run` and `compare`. */
const USAGE = `perfgate ${PERFGATE_VERSION}: catch performance regressions before they merge

Usage:
  perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
               [--baseline BASE.json]... [--no-confirm] [--format text|markdown|json]
               [--fail-on-regression]
  perfgate compare BASE.json [MORE_BASES.json...] HEAD.json [--format text|markdown|json]
                   [--fail-on-regression]
  perfgate --version
`;
/** Runs the CLI with `args` (without node and script); returns the exit code. */
async function runCli(args, io) {
    const [command, ...rest] = args;
    try {
        switch (command) {
            case 'run':
                return await runCommand(rest, io);
            case 'compare':
                return await compareCommand(rest, io);
            case '--version':
            case '-v':
                io.stdout(`${PERFGATE_VERSION}\n`);
                return 0;
            case undefined:
            case 'help':
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
