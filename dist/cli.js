#!/usr/bin/env node
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { n as noiseReport } from './chunks/noise-D_rbJGP1.js';
import { prepareAb } from './chunks/run-ab-CKYCC6Zr.js';
import { c as compareAndConfirmRuns, a as compareRuns, D as DEFAULT_TAIL, m as markChanged } from './chunks/changed-benches-BuuzPqRb.js';
import { r as renderComment } from './chunks/comment-B-x-fZ-H.js';
import { b as budgetTrouble, a as buildCommentModel, l as localCommentInput } from './chunks/model-LsFVQTN1.js';
import { f as formatValue, a as formatP, b as formatChange } from './chunks/format-Cn2Guq1L.js';
import { s as serializeResults, p as parseResults, R as ResultsFormatError } from './chunks/schema-BsTnE9bS.js';
import { g as growthText } from './chunks/render-2byl3bdW.js';
import { g as growthReport } from './chunks/report-LfDNJO-e.js';
import { C as CompareInputError } from './chunks/units-C0yKQs3w.js';
import { a as analyseHistory, h as historyJson, b as historyMarkdown, c as historyText, d as describeChangePoint } from './chunks/report-Bv0RLaz9.js';
import { r as readHistory } from './chunks/history-BqzaIpKr.js';
import { h as htmlReport } from './chunks/html-Cg8vqE2S.js';
import { g as globToRegExp, f as filterBenches } from './chunks/run-benches-BiJfJmwd.js';
import { H as HISTORY_VERSION, h as historySchema, s as serializeHistory } from './chunks/schema-Dqc1PyQi.js';
import { m as msPer } from './chunks/pg-notify-Bd4P9MT7.js';
import { l as looseObject, s as string, u as union, r as record, a as array, n as number } from './chunks/schemas-CtpLbXv5.js';
import { P as PERFGATE_VERSION } from './chunks/meta-B6Jfuede.js';
import { f as formatConfigError } from './chunks/load-B_ie4stv.js';
import { r as readConfig } from './chunks/read-CMjcauYj.js';
import { m as matchRuns } from './chunks/source-CjT33JO_.js';
import { r as runSummaryText } from './chunks/run-summary-CgLi8PBD.js';
import { runConfig } from './chunks/run-config-oKzhoAHg.js';
import { b as benchesProducing } from './chunks/select-CftodHdB.js';
import './chunks/types-CWpGVx7G.js';
import 'node:crypto';
import './chunks/git-XZ9dYSDd.js';
import 'node:child_process';
import 'node:os';
import './chunks/scaling-bBRpMboh.js';
import './chunks/simple-statistics-Dw7N4kWf.js';
import './chunks/random-CRNsGjhb.js';
import './chunks/escape-DUX7g4yH.js';
import './chunks/bench-BCpLDQqU.js';
import './chunks/identity-B3jh3Sc_.js';
import 'node:fs';
import 'node:http';
import 'node:https';
import 'node:events';
import 'node:url';
import './chunks/js-CMTW58QX.js';
import './chunks/units-CFo0x0PP.js';
import 'fs';
import 'path';
import 'url';
import 'module';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
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
import './chunks/XMLParser-Ciolm0c3.js';
import 'process';
import 'buffer';
import './chunks/messages-NUcMpfN4.js';

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
/** The comparison as an aligned text table, warnings first, each reason under its row, the verdict last. */
function renderText(comparison, budgets) {
    const header = ['bench', 'baseline', 'head', 'change (95% CI)', 'verdict'];
    const rows = comparison.comparisons.map((row) => [
        label(row),
        formatValue(row.base, row.unit),
        formatValue(row.head, row.unit),
        changeCell(row),
        row.confirmed
            ? `${row.verdict} (confirmed${row.confirmation === 'base' ? ' against the base' : ''})`
            : row.verdict,
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
    const regressions = comparison.regressions === 0
        ? 'no regressions'
        : `${comparison.regressions} regression${comparison.regressions === 1 ? '' : 's'}`;
    // The last line is the verdict: a broken budget or a steeper growth is part of it.
    const trouble = budgetTrouble(budgets?.broken, budgets?.growthRegressions);
    out.push(trouble === '' ? regressions : `${regressions}, ${trouble}`);
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
    return renderText(comparison, facts.budgets);
}

/** Budgets checked on `head`, curves beside `baseline`'s, in the report's format. */
function budgetsSection(benches, head, baseline, format) {
    const growth = growthReport(benches, head, baseline);
    const text = format === 'markdown' ? growth.markdown : growthText(growth.checks, growth.growth);
    const why = [
        ...(growth.brokenBudgets > 0 ? [`${growth.brokenBudgets} budget(s) broken`] : []),
        ...growth.growthRegressions.map((g) => `growth regression: ${g.reason}`),
    ];
    const local = {
        markdown: growth.markdown,
        broken: growth.brokenBudgets,
        growthRegressions: growth.growthRegressions.length,
    };
    return { text, failed: growth.failed, why, local };
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
sql and pg-notify benches get a database per side on the DATABASE_URL server; http and e2e
benches with \`serve\` get each side's own server, one side's at a time.
Writes DIR/base.json and DIR/head.json (default DIR: perfgate-ab). Budgets are checked on the
head and each scaled bench's growth is set beside the base's; --fail-on-regression exits 1 on a
regression, a broken budget or a steeper growth, as the action fails.
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
        let rerunBase;
        // The re-measure measures the base again too: both base runs are the baseline.
        const { comparison } = await compareAndConfirmRuns({
            baselines: [first.base],
            head: first.head,
            mode: values['no-confirm'] ? 'none' : 'base',
            sameRunner: true,
            includeInconclusive: false,
            remeasure: async (names) => {
                io.stderr(`Re-running ${names.length} flagged bench(es) on both sides to confirm them\n`);
                const rerun = await session.measure(names);
                rerunBase = rerun.base;
                return rerun;
            },
        });
        const dir = values['out-dir'];
        await mkdir(path.resolve(dir), { recursive: true });
        await writeFile(path.join(dir, 'base.json'), serializeResults(first.base));
        await writeFile(path.join(dir, 'head.json'), serializeResults(first.head));
        if (rerunBase)
            await writeFile(path.join(dir, 'base-rerun.json'), serializeResults(rerunBase));
        // Budgets on the head, and each scaled bench's curve beside the base's from the same job.
        const budgets = budgetsSection(session.config.benches, first.head.benches, first.base.benches, format);
        // JSON stays parseable: the section goes to stderr there; markdown has it in the comment.
        if (budgets.text !== '' && format === 'json')
            io.stderr(`\n${budgets.text}\n`);
        if (budgets.text !== '' && format === 'text')
            io.stdout(`\n${budgets.text}\n`);
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
            budgets: budgets.local,
        })}`);
        const hints = noiseReport(first.head, first.base).filter((noise) => noise.hint !== undefined);
        for (const noise of hints)
            io.stderr(`noise: ${noise.name}: ${noise.hint}\n`);
        const errored = first.head.benches.some((b) => b.status === 'error');
        if (errored)
            return 1;
        if (!values['fail-on-regression'])
            return 0;
        if (comparison.regressions > 0)
            return 1;
        if (budgets.failed)
            io.stderr(`perfgate ab: ${budgets.why.join('; ')}\n`);
        return budgets.failed ? 1 : 0;
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
const COMPARE_USAGE = 'usage: perfgate compare BASE.json [MORE_BASES.json…] HEAD.json [--format text|markdown|json] [--fail-on-regression] [--normalize calibration] [--tail p75] [--config perfgate.yml]';
/** The full help of `perfgate compare --help`. */
const COMPARE_HELP = `${COMPARE_USAGE}

Compares result files: every file but the last is a baseline run (pooled), the last is the head.
It does not confirm: nothing is measured again, so a verdict is only as good as the two files'
conditions (other machines, other load). To confirm what is in doubt, run the benches instead:
perfgate run --baseline BASE.json --confirm-base REF (base and head measured here, interleaved).

Options:
  --format text|markdown|json  text: aligned table (default); markdown: exactly the PR comment
                               (without its hidden markers); json: the comparison document
                               (docs/results-format.md)
  --fail-on-regression         exit 1 when something regressed
  --normalize calibration      divide out the runner speed measured by the calibration bench
  --tail p75                   also compare each time metric's tail (per-round p75 over its p10)
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
                tail: { type: 'string' },
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
        if (values.tail !== undefined && values.tail !== 'p75') {
            throw new UsageError(`--tail only supports "p75", not "${values.tail}"`);
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
            ...(values.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
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
 * github-action-benchmark's gh-pages `data.js` (`window.BENCHMARK_DATA = {...}`) → perfgate's
 * history.json, so a team that switches keeps its trend. Pure: text in, history and notices out.
 * Each data.js entry has one value per bench (and sometimes a `range`): it becomes one history
 * entry with rounds 1, as docs/history-format.md asks of importers.
 */
const benchSchema = looseObject({
    name: string().min(1),
    value: number(),
    unit: string(),
    range: union([string(), number()]).optional(),
    extra: string().optional(),
});
const dataSchema = looseObject({
    lastUpdate: number().optional(),
    repoUrl: string().optional(),
    entries: record(string(), array(looseObject({
        commit: looseObject({ id: string().optional() }).nullish(),
        date: number(),
        tool: string(),
        benches: array(benchSchema),
    }))),
});
/** data.js could not be read; names the file and what is wrong. */
class BenchmarkDataError extends Error {
    constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.name = 'BenchmarkDataError';
    }
}
/** The JSON inside data.js: the object after `window.BENCHMARK_DATA =` (or a bare JSON file). */
function extractBenchmarkData(text, file) {
    const json = text.replace(/^\s*window\.BENCHMARK_DATA\s*=\s*/, '').replace(/;?\s*$/, '');
    try {
        return JSON.parse(json);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BenchmarkDataError(file, `is not github-action-benchmark's data.js (window.BENCHMARK_DATA = {...}): ${reason}`);
    }
}
/** go's extra metrics are named `<bench> - <unit>` by the leading action; perfgate's go metric names. */
const GO_METRICS = {
    'B/op': { metric: 'bytes-per-op', unit: 'bytes', better: 'smaller' },
    'allocs/op': { metric: 'allocs-per-op', unit: 'allocs', better: 'smaller' },
    'MB/s': { metric: 'mb-per-s', unit: 'MB/s', better: 'bigger' },
};
/** How one data.js bench maps onto a perfgate series, matching what the import parsers produce. */
function convertBench(name, unit, tool) {
    const goSuffix = / - (B\/op|allocs\/op|MB\/s)$/.exec(name);
    if (tool === 'go' && goSuffix) {
        const go = GO_METRICS[goSuffix[1]];
        return { bench: name.slice(0, goSuffix.index), ...go, convert: (v) => v };
    }
    const [top, bottom] = unit.trim().split('/');
    // A time per iteration or operation (ns/iter, us/op, ms) is perfgate's `time`, in ms.
    const timeFactor = bottom === undefined || bottom === 'iter' || bottom === 'op' ? msPer(top) : undefined;
    if (timeFactor !== undefined) {
        return {
            bench: name,
            metric: 'time',
            unit: 'ms',
            better: 'smaller',
            convert: (v) => v * timeFactor,
        };
    }
    // A rate (benchmark.js ops/sec, JMH ops/s) is turned into the time per operation, as the parsers do.
    const per = top === 'ops' ? msPer(bottom === 'sec' ? 's' : (bottom ?? '')) : undefined;
    if (per !== undefined) {
        return { bench: name, metric: 'time', unit: 'ms', better: 'smaller', convert: (v) => per / v };
    }
    const better = tool === 'customBiggerIsBetter' ? 'bigger' : 'smaller';
    return { bench: name, metric: 'value', unit, better, convert: (v) => v };
}
/** The range's half-width around `value`: `± 20` (absolute), `± 1.2%` or `5%` (relative). */
function halfWidth(range, value) {
    if (range === undefined)
        return undefined;
    const match = /([\d.,]+)\s*(%)?/.exec(String(range));
    if (!match)
        return undefined;
    const amount = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(amount))
        return undefined;
    return match[2] === '%' ? (Math.abs(value) * amount) / 100 : amount;
}
/** Converts data.js text into perfgate's history (one series per bench and metric, oldest first). */
function importBenchmarkData(text, file, options) {
    const parsed = dataSchema.safeParse(extractBenchmarkData(text, file));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new BenchmarkDataError(file, `${issue.path.join('.') || 'the top level'}: ${issue.message}`);
    }
    const suites = Object.entries(parsed.data.entries);
    const notices = [];
    const series = new Map();
    for (const [suite, runs] of suites) {
        for (const run of runs) {
            for (const bench of run.benches) {
                const converted = convertBench(bench.name, bench.unit, run.tool);
                // One suite: the tool's bench names, as zero-config names them. Several: <suite>/<name>,
                // as a perfgate.yml with one import bench per suite (named after it) names them.
                const name = suites.length === 1 ? converted.bench : `${suite}/${converted.bench}`;
                if (!Number.isFinite(bench.value) || (converted.metric === 'time' && bench.value <= 0)) {
                    notices.push(`${suite}: skipped ${bench.name} at ${new Date(run.date).toISOString()}: value ${bench.value}`);
                    continue;
                }
                const spread = halfWidth(bench.range, bench.value) ?? 0;
                const ends = [bench.value - spread, bench.value + spread].map(converted.convert);
                const centre = converted.convert(bench.value);
                const entry = {
                    commit: run.commit?.id ?? null,
                    date: new Date(run.date).toISOString(),
                    runId: null,
                    centre,
                    low: Math.min(centre, ...ends.filter(Number.isFinite)),
                    high: Math.max(centre, ...ends.filter(Number.isFinite)),
                    rounds: 1,
                    cpuModel: 'unknown',
                    perfgateVersion: options.perfgateVersion,
                };
                const key = `${name}\u0000${converted.metric}`;
                let target = series.get(key);
                if (!target) {
                    target = {
                        bench: name,
                        metric: converted.metric,
                        unit: converted.unit,
                        better: converted.better,
                        entries: [],
                    };
                    series.set(key, target);
                }
                else if (target.unit !== converted.unit) {
                    notices.push(`${suite}: skipped ${bench.name} at ${entry.date}: unit ${bench.unit} differs from earlier runs`);
                    continue;
                }
                target.entries.push(entry);
            }
        }
    }
    for (const one of series.values())
        one.entries.sort((a, b) => a.date.localeCompare(b.date));
    return { history: { perfgateHistory: HISTORY_VERSION, series: [...series.values()] }, notices };
}

/** `perfgate import-history data.js [--out history.json]`: github-action-benchmark's history → ours. */
/** One-line usage. */
const IMPORT_HISTORY_USAGE = 'usage: perfgate import-history data.js [--out history.json]';
/** Converts the file and writes history.json; returns the exit code (2 for bad usage or input). */
async function importHistoryCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { out: { type: 'string', default: 'history.json' } },
    });
    if (positionals.length !== 1) {
        io.stderr(`perfgate import-history: give one data.js file\n${IMPORT_HISTORY_USAGE}\n`);
        return 2;
    }
    const [file] = positionals;
    let text;
    try {
        text = await io.readFile(file);
    }
    catch (error) {
        const code = error.code;
        io.stderr(`perfgate import-history: cannot read ${file}${code ? ` (${code})` : ''}\n`);
        return 2;
    }
    let imported;
    try {
        imported = importBenchmarkData(text, file, { perfgateVersion: PERFGATE_VERSION });
    }
    catch (error) {
        io.stderr(`perfgate import-history: ${error.message}\n`);
        return 2;
    }
    // The format's own schema is the contract: never write a file the reader would reject.
    const history = historySchema.parse(imported.history);
    await (io.writeFile ?? writeFile)(values.out, serializeHistory(history));
    for (const notice of imported.notices)
        io.stderr(`notice: ${notice}\n`);
    const entries = history.series.reduce((sum, one) => sum + one.entries.length, 0);
    io.stdout(`wrote ${values.out}: ${history.series.length} series, ${entries} entries from ${file}\n`);
    return 0;
}

/**
 * `perfgate run`: load the config, run the benches with progress, write the results file; with
 * `--baseline`, compare, re-run what regressed to confirm it, and print the comparison.
 */
/** The full help of `perfgate run --help`. */
const RUN_HELP = `usage: perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
                    [--baseline BASE.json]... [--confirm-base REF] [--no-confirm]
                    [--format text|markdown|json] [--fail-on-regression]

Runs the config's benches, writes the results file and, with --baseline, compares with it and
confirms what it leaves in doubt: with --confirm-base, by measuring those benches again for the
base commit REF (checked out in a temporary git worktree) and the work tree, interleaved on this
machine, whose pair alone decides; otherwise by re-running the head only. Progress goes to
stderr; stdout has the report only.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            run only the benches whose name matches
  -o, --out FILE               the results file (default perfgate-results.json)
  -b, --baseline FILE          a baseline results file to compare with (repeatable: pooled)
  --confirm-base REF           confirm against the base commit REF (any commit-ish) measured
                               here, beside the head, for the benches in doubt only
  --no-confirm                 do not measure anything again to confirm
  --format text|markdown|json  the report (markdown: the PR comment; json: only JSON on stdout,
                               the comparison with --baseline, else the results document)
  --fail-on-regression         exit 1 when something regressed, a budget broke or a scaled
                               bench's growth got steeper (the action's rule)
  -h, --help                   show this help
`;
/** Base and head of the benches producing `names`, interleaved here; undefined when the base cannot be set up. */
async function measureBase(configFile, baseRef, names, io) {
    // Loaded only here: a run without --confirm-base starts without git and A/B code.
    const { prepareAb } = await import('./chunks/run-ab-CKYCC6Zr.js');
    let session;
    try {
        session = await prepareAb({
            configFile,
            baseRef,
            names,
            env: io.env,
            now: () => io.now(),
            observer: progressObserver((text) => io.stderr(text), io.isTTY),
            log: (line) => io.stderr(`${line}\n`),
        });
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        io.stderr(`perfgate run: could not measure ${baseRef} here (${why}); re-running the head only\n`);
        return undefined;
    }
    try {
        return await session.measure(names);
    }
    finally {
        await session.close();
    }
}
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
            'confirm-base': { type: 'string' },
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
    // Budgets and growth curves, beside the baseline's curves when there is one (as the action).
    const budgets = budgetsSection(loaded.config.benches, results.benches, baselines[0]?.benches ?? [], format);
    // With a baseline, the markdown report is the PR comment, which holds the section itself.
    const inReport = baselines.length > 0 && format === 'markdown';
    if (budgets.text !== '' && !inReport)
        human(`\n${budgets.text}\n`);
    const errored = results.benches.some((bench) => bench.status === 'error');
    // As the action: a broken budget or a steeper growth fails even without a baseline.
    const failOnBudgets = () => {
        if (!values['fail-on-regression'] || !budgets.failed)
            return 0;
        io.stderr(`perfgate: ${budgets.why.join('; ')}\n`);
        return 1;
    };
    if (baselines.length === 0) {
        if (format === 'json')
            io.stdout(serializeResults(results));
        return errored ? 1 : failOnBudgets();
    }
    // Bench by bench: a bench measured differently than the baseline is shown as changed. Benches
    // the filter left out are not "removed": they were not asked for.
    const selected = { ...loaded.config, benches: filterBenches(loaded.config, values.filter) };
    const asked = baselines.map((run) => ({
        ...run,
        benches: run.benches.filter((b) => benchesProducing(selected, [b.name]).length > 0),
    }));
    const { baselines: matched, match } = matchRuns(asked, results);
    const confirmBase = values['confirm-base'];
    const { comparison } = await compareAndConfirmRuns({
        baselines: matched,
        head: results,
        mode: values['no-confirm'] ? 'none' : confirmBase ? 'base' : 'rerun',
        sameRunner: false,
        // Regressions and inconclusive benches beyond their threshold (the action's default policy).
        includeInconclusive: true,
        finish: (c) => markChanged(c, match.changed),
        remeasure: async (names) => {
            io.stderr(confirmBase
                ? `Confirming ${names.length} bench(es) against ${confirmBase}, measured here beside the head\n`
                : `Re-running ${names.length} bench(es) flagged as regressions to confirm them\n`);
            if (confirmBase) {
                const both = await measureBase(values.config, confirmBase, names, io);
                if (both)
                    return both;
            }
            return {
                head: await run({ ...loaded.config, benches: benchesProducing(loaded.config, names) }),
            };
        },
    });
    const report = renderReport(comparison, format, {
        configPath: values.config,
        headCommit: results.meta.commit,
        baselinePath: values.baseline?.[0] ?? '',
        baselineCommit: baselines[0].meta.commit,
        baselineRuns: baselines.length,
        budgets: budgets.local,
    });
    io.stdout(format === 'json' ? report : `\n${report}`);
    if (errored)
        return 1;
    if (values['fail-on-regression'] && comparison.regressions > 0)
        return 1;
    return failOnBudgets();
}

/** The perfgate command line: dispatches to `run`, `compare`, `ab`, `history` and `import-history`. */
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
  perfgate import-history data.js [--out history.json]
               (github-action-benchmark's gh-pages history → perfgate's; see docs/migrating.md)
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
            case 'import-history':
                return await importHistoryCommand(rest, io);
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
    writeFile: (file, text) => writeFile(file, text),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
});
