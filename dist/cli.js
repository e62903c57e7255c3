#!/usr/bin/env node
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { n as noiseReport } from './chunks/noise-6u9jYOx-.js';
import { prepareAb } from './chunks/run-ab-CNJjX_F2.js';
import { c as compareAndConfirmRuns, m as markChanged } from './chunks/changed-benches-BbYxT3_L.js';
import { w as withoutProfiling } from './chunks/without-profiling-BgwVM14H.js';
import { r as renderComment } from './chunks/comment-D07EH1nV.js';
import { c as causeSource, a as causeTexts, b as budgetTrouble, d as buildCommentModel, l as localCommentInput } from './chunks/model-CSX-gO8p.js';
import { f as formatValue, a as formatP, b as formatChange } from './chunks/format-Czr1TBQt.js';
import { C as CENTRE_LABEL, m as metricCentre } from './chunks/centre-C0y8xcZQ.js';
import { p as parseResults, s as serializeResults, R as ResultsFormatError } from './chunks/schema-uKiMc1C5.js';
import { g as growthText } from './chunks/render-CYu9eebb.js';
import { g as growthReport } from './chunks/report-YefOr9Oy.js';
import { p as parseConfig, f as formatConfigError } from './chunks/load-BRzCoT6a.js';
import { r as readConfig } from './chunks/read-BZooBaWx.js';
import { m as matchRuns } from './chunks/source-CjT33JO_.js';
import 'node:crypto';
import { k as keepsResult, s as splitGlobs, g as globToRegExp } from './chunks/run-benches-BAqpNPXt.js';
import 'node:child_process';
import { existsSync } from 'node:fs';
import 'node:os';
import 'node:http';
import 'node:https';
import 'node:events';
import 'node:url';
import { c as count, d as duration, w as warmup, p as percentage, m as msPer } from './chunks/pg-notify-C_yFIpMD.js';
import './chunks/index-BDfKYOkb.js';
import { b as benchesProducing } from './chunks/select-CftodHdB.js';
import { q as quantileOf, C as CompareInputError } from './chunks/units-C0yKQs3w.js';
import { r as runSummaryText } from './chunks/run-summary-CXeoHX5F.js';
import { runConfig } from './chunks/run-config-DKvNOC1B.js';
import { c as compareRuns, D as DEFAULT_TAIL } from './chunks/compare-runs-Dp3QnuNF.js';
import { a as analyseHistory, h as historyJson, b as historyMarkdown, c as historyText, d as describeChangePoint } from './chunks/report-BF2hC1PN.js';
import { r as readHistory } from './chunks/history-bL8sTFiw.js';
import { h as htmlReport } from './chunks/html-Cjdc78fu.js';
import { H as HISTORY_VERSION, h as historySchema, s as serializeHistory } from './chunks/schema-Dqc1PyQi.js';
import { l as looseObject, s as string, u as union, r as record, a as array, n as number } from './chunks/schemas-CtpLbXv5.js';
import { P as PERFGATE_VERSION } from './chunks/meta-B6Jfuede.js';
import './chunks/types-CWpGVx7G.js';
import './chunks/git-XZ9dYSDd.js';
import './chunks/explain-iBzXEorx.js';
import './chunks/mann-whitney-CizR9A4a.js';
import './chunks/simple-statistics-OhbKzjWx.js';
import './chunks/calibration-module-CtkTGxWt.js';
import './chunks/escape-DUX7g4yH.js';
import './chunks/permutation-CwRxd2mz.js';
import './chunks/bench-BCpLDQqU.js';
import './chunks/random-CRNsGjhb.js';
import './chunks/schema-CmhWBDOJ.js';
import 'process';
import 'buffer';
import './chunks/formats-B8atlvjM.js';
import './chunks/units-CFo0x0PP.js';
import './chunks/messages-D8C6-ZlJ.js';
import './chunks/identity-B3jh3Sc_.js';
import 'fs';
import 'path';
import 'url';
import 'module';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
import './chunks/XMLParser-Ciolm0c3.js';
import 'events';
import 'util';
import 'util/types';
import 'crypto';
import 'dns';
import 'net';
import 'tls';
import 'stream';
import 'string_decoder';
import './chunks/scaling-bBRpMboh.js';

/** Version of the comparison JSON format. */
const COMPARISON_FORMAT_VERSION = 1;
/** The comparison as a JSON document with a `comparisons` array. */
function renderJson(comparison) {
    const body = {
        formatVersion: COMPARISON_FORMAT_VERSION,
        regressions: comparison.regressions,
        warnings: comparison.warnings,
        comparisons: comparison.comparisons,
        ...(comparison.problems ? { problems: comparison.problems } : {}),
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
// Memory that did not move is most rows of a js comparison and none of its news: the PR
// comment folds such rows away (report/model.ts), and the terminal does the same.
function unmovedMemory(row) {
    return row.unit === 'bytes' && row.verdict === 'unchanged';
}
/** The comparison as an aligned text table, warnings first, each reason under its row, the verdict last. */
function renderText(comparison, budgets) {
    const header = ['bench', 'baseline', 'head', 'change (95% CI)', 'verdict'];
    const shown = comparison.comparisons.filter((row) => !unmovedMemory(row));
    const folded = comparison.comparisons.length - shown.length;
    const rows = shown.map((row) => [
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
    const problems = comparison.problems ?? [];
    const out = [
        ...problems.map((p) => `error: ${oneLine(p)}`),
        ...comparison.warnings.map((w) => `warning: ${oneLine(w)}`),
    ];
    out.push(line(header));
    shown.forEach((row, i) => {
        out.push(line(rows[i]));
        if (row.verdict !== 'unchanged')
            out.push(`    ${oneLine(row.reason)}`);
        for (const note of row.notes ?? [])
            out.push(`    ${oneLine(note)}`);
        if (row.verdict === 'regression' && row.cause) {
            out.push(`    why slower (${causeSource(row.cause)}):`);
            for (const text of causeTexts(row.cause))
                out.push(`      ${oneLine(text)}`);
            const files = Object.values(row.cause.files ?? {});
            if (files.length > 0)
                out.push(`      files: ${files.map(oneLine).join(', ')}`);
        }
    });
    if (folded > 0) {
        out.push(`${folded} memory metric${folded === 1 ? '' : 's'} unchanged`);
    }
    // Which number the columns hold: the same centre perfgate run prints for each bench.
    out.push(`baseline, head: ${CENTRE_LABEL}`);
    const regressions = comparison.regressions === 0
        ? 'no regressions'
        : `${comparison.regressions} regression${comparison.regressions === 1 ? '' : 's'}`;
    // The last line is the verdict: a broken budget or a steeper growth is part of it.
    const trouble = budgetTrouble(budgets?.broken, budgets?.growthRegressions);
    // Names that do not pair compared nothing: "no regressions" would read as a pass.
    const verdict = problems.length > 0 ? 'nothing compared (see above)' : regressions;
    out.push(trouble === '' ? verdict : `${verdict}, ${trouble}`);
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
    return `✓ ${result.name}: ${metric.summary.n} samples, centre ${formatValue(metricCentre(metric), metric.unit)}`;
}

/**
 * Prints each pairing problem of `comparison` through `say` (one line each) and returns the exit
 * code they call for: 1 under `--fail-on-regression`, as the action fails its step; else 0.
 */
function unpairedExit(comparison, failOnRegression, say) {
    const problems = comparison.problems ?? [];
    for (const problem of problems)
        say(`nothing compared: ${problem}\n`);
    return problems.length > 0 && failOnRegression === true ? 1 : 0;
}

/**
 * `--format csv`: results and comparisons as RFC 4180 CSV (CRLF line ends, fields quoted when
 * they hold a comma, quote or line break), one row per bench metric or comparison row, numbers
 * unformatted in the metric's unit, so a spreadsheet or pandas reads them as they are.
 */
/** One CSV field, quoted only when RFC 4180 requires it. */
function csvField(value) {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
function csv(rows) {
    return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
/** A run's results: one row per bench metric (a bench without metrics gets one row, its status). */
function resultsCsv(results) {
    const header = [
        'bench',
        'metric',
        'unit',
        'status',
        'samples',
        'rounds',
        'centre',
        'median',
        'mean',
        'min',
        'max',
        'p95',
        'p99',
        'mad',
        'reason',
    ];
    const rows = results.benches.flatMap((bench) => {
        if (bench.metrics.length === 0) {
            return [
                [bench.name, '', '', bench.status, '', '', '', '', '', '', '', '', '', '', bench.reason],
            ];
        }
        return bench.metrics.map((metric) => {
            const s = metric.summary;
            const p95 = metric.samples.length > 0 ? quantileOf(metric.samples, 0.95) : null;
            return [
                bench.name,
                metric.name,
                metric.unit,
                bench.status,
                s.n,
                metric.rounds?.length ?? 1,
                metricCentre(metric),
                s.median,
                s.mean,
                s.min,
                s.max,
                p95,
                s.p99,
                s.mad,
                bench.reason,
            ];
        });
    });
    return csv([header, ...rows]);
}
/** A comparison: one row per comparison row, as in the text table. */
function comparisonCsv(comparison) {
    const header = [
        'bench',
        'metric',
        'unit',
        'baseline',
        'head',
        'change',
        'ci_low',
        'ci_high',
        'p',
        'verdict',
        'confirmed',
        'baseline_samples',
        'head_samples',
        'noise_threshold',
        'regression_threshold',
        'reason',
    ];
    const rows = comparison.comparisons.map((row) => [
        row.name,
        row.metric,
        row.unit,
        row.base,
        row.head,
        row.change,
        row.ci?.[0],
        row.ci?.[1],
        row.p,
        row.verdict,
        row.confirmed ?? false,
        row.baseSamples,
        row.headSamples,
        row.noiseThreshold,
        row.regressionThreshold,
        row.reason,
    ]);
    return csv([header, ...rows]);
}

/**
 * `perfgate run -- 'cmd' ['cmd2' …]`: one-off command benches without a config file (as
 * hyperfine does), each named by its command. The config is built as text and parsed by the
 * config loader, so the benches get the same defaults and checks as ones written in a file.
 */
/** What a one-off run's config is called in messages and reports. */
const ONE_OFF_SOURCE = 'the command line';
/** A config of `command` benches for `commands`, relative paths resolving against the cwd. */
function oneOffConfig(commands) {
    const benches = commands.map((command) => ({ name: command, kind: 'command', command }));
    // JSON is YAML: the loader's checks (unique names, non-empty commands) apply as to a file.
    return parseConfig(JSON.stringify({ benches }), { file: ONE_OFF_SOURCE });
}

/**
 * The measurement overrides of `perfgate run` (`--rounds`, `--samples`, `--time`, `--warmup`,
 * `--threshold`, `--no-profile`): parsed with the config's own field types, so `--time 2s` means what `time: 2s`
 * means in perfgate.yml, and applied to every selected bench over its config.
 */
/** The parseArgs options of the overrides. */
const OVERRIDE_OPTIONS = {
    rounds: { type: 'string' },
    samples: { type: 'string' },
    time: { type: 'string' },
    warmup: { type: 'string' },
    threshold: { type: 'string' },
    'no-profile': { type: 'boolean' },
};
/** The overrides among parsed flag values; throws an Error naming the flag for a bad value. */
function parseOverrides(values) {
    const out = values['no-profile'] === true ? { profile: false } : {};
    const check = (flag, text, result) => {
        if (!result.success)
            throw new Error(`--${flag} ${result.error?.issues[0]?.message ?? 'is invalid'}, got "${text}"`);
        return result.data;
    };
    if (values.rounds !== undefined)
        out.rounds = check('rounds', values.rounds, count(1).safeParse(Number(values.rounds)));
    if (values.samples !== undefined)
        out.samples = check('samples', values.samples, count(1).safeParse(Number(values.samples)));
    if (values.time !== undefined)
        out.time = check('time', values.time, duration().safeParse(values.time));
    if (values.warmup !== undefined) {
        // A bare number is iterations, as `warmup: 3` in YAML; anything else must be a duration.
        const raw = /^\s*\d+\s*$/.test(values.warmup) ? Number(values.warmup) : values.warmup;
        out.warmup = check('warmup', values.warmup, warmup().safeParse(raw));
    }
    if (values.threshold !== undefined) {
        // `--threshold 5` is read as 5%, as benchstat users type it.
        const text = values.threshold.trim().endsWith('%') ? values.threshold : `${values.threshold}%`;
        out.regressionThreshold = check('threshold', values.threshold, percentage().safeParse(text));
    }
    return out;
}
/** `config` with the overrides set on every bench. */
function applyOverrides(config, overrides) {
    const { regressionThreshold, ...measurement } = overrides;
    return {
        ...config,
        benches: config.benches.map((bench) => ({
            ...bench,
            settings: {
                ...bench.settings,
                ...measurement,
                ...(regressionThreshold === undefined ? {} : { regressionThreshold }),
            },
        })),
    };
}
/**
 * `results` judged under `regressionThreshold` instead of the threshold recorded with each bench
 * (`compare --threshold`): the comparison reads a bench's threshold from its result. A metric's
 * own threshold (memory metrics have theirs) stays, as a config's does under the action's input.
 */
function withThreshold(results, regressionThreshold) {
    return {
        ...results,
        benches: results.benches.map((bench) => ({ ...bench, regressionThreshold })),
    };
}

/**
 * Named baselines (Criterion's `--save-baseline`): `perfgate run --save main` keeps the results
 * under .perfgate/baselines/main.json, and `--baseline main` finds them there again, so a user
 * compares branches without inventing file names.
 */
/** Where saved baselines live, relative to the working directory. */
const BASELINES_DIR = path.join('.perfgate', 'baselines');
/** The file of the saved baseline `name`; throws for a name that would leave the folder. */
function savedBaselinePath(name) {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
        throw new Error(`a baseline name is letters, digits, ".", "_" and "-" (not starting with "."), got "${name}"`);
    }
    return path.join(BASELINES_DIR, `${name}.json`);
}
/**
 * The file `--baseline ARG` means: ARG itself when it exists or looks like a path (a .json
 * name or a folder in it), else the saved baseline ARG. A missing saved name throws, listing
 * the saved ones.
 */
async function resolveBaseline(arg) {
    if (existsSync(arg) || arg.endsWith('.json') || /[\\/]/.test(arg))
        return arg;
    const file = savedBaselinePath(arg);
    if (existsSync(file))
        return file;
    const saved = await savedNames();
    throw new Error(`no file or saved baseline named "${arg}"; ${saved.length === 0
        ? `nothing is saved in ${BASELINES_DIR} yet`
        : `saved in ${BASELINES_DIR}: ${saved.join(', ')}`} (save one with perfgate run --save NAME)`);
}
async function savedNames() {
    try {
        const files = await readdir(BASELINES_DIR);
        return files
            .filter((file) => file.endsWith('.json'))
            .map((file) => file.slice(0, -'.json'.length))
            .sort();
    }
    catch {
        return [];
    }
}

/**
 * `perfgate run`: load the config, run the benches with progress, write the results file; with
 * `--baseline`, compare, re-run what regressed to confirm it, and print the comparison.
 */
/** The full help of `perfgate run --help`. */
const RUN_HELP = `Usage: perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
                    [--baseline BASE.json|NAME]... [--save NAME] [--confirm-base REF]
                    [--no-confirm] [--rounds N] [--samples N] [--time DUR] [--warmup DUR|N]
                    [--threshold PCT] [--no-profile] [--format text|markdown|json|csv]
                    [--fail-on-regression]
       perfgate run [options] -- 'command' ['command2' ...]

Runs the config's benches, writes the results file and, with --baseline, compares with it and
confirms what it leaves in doubt: with --confirm-base, by measuring those benches again for the
base commit REF (checked out in a temporary git worktree) and the work tree, interleaved on this
machine, whose pair alone decides, and then profiles both sides of each regression it confirms
to name the functions whose time grew (files in profiles/ beside --out; perfgate explain prints
it again); otherwise by re-running the head only. Progress goes to
stderr; stdout has the report only. After --, each argument is a shell command timed as a
one-off bench named by the command, with the default settings and no config file.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            run only what matches: comma-separated globs (\`*\` within a
                               segment, \`**\` across) over config bench names and the result
                               names printed (lib/benchMedian runs only that function of js bench
                               lib; other kinds match their config name); the baseline is filtered
                               the same way
  -o, --out FILE               the results file (default perfgate-results.json)
  -b, --baseline FILE|NAME     a baseline results file, or a name saved with --save, to compare
                               with (repeatable: pooled)
  --save NAME                  also keep the results as .perfgate/baselines/NAME.json
  --confirm-base REF           confirm against the base commit REF (any commit-ish) measured
                               here, beside the head, for the benches in doubt only
  --no-confirm                 do not measure anything again to confirm
  --rounds N                   measurement rounds per bench, over the config
  --samples N                  minimum samples per bench, over the config
  --time DUR                   measurement time per bench (e.g. 2s), over the config
  --warmup DUR|N               warm-up time (500ms) or iterations (3), over the config
  --threshold PCT              the regression threshold of every bench (e.g. 5%), over the config
  --no-profile                 do not profile confirmed regressions (as profile: false in the
                               config): no cause under their rows, a quicker confirmation
  --format text|markdown|json|csv
                               the report (markdown: the PR comment; json: only JSON on stdout,
                               the comparison with --baseline, else the results document; csv:
                               one row per comparison row with --baseline, else per bench metric)
  --fail-on-regression         exit 1 when something regressed, a budget broke or a scaled
                               bench's growth got steeper (the action's rule)
  -h, --help                   show this help

Numbers: each bench's centre (p10 of rounds): every round's 10th percentile, averaged over the
rounds without the worst fifth; the comparison judges by the same centre.
`;
/** Base and head of the benches producing `names`, interleaved here; undefined when the base cannot be set up. */
async function measureBase(configFile, baseRef, names, io, overrides, 
/** The results file's folder: profiles of confirmed regressions go to its profiles/. */
outDir) {
    // Loaded only here: a run without --confirm-base starts without git and A/B code.
    const { prepareAb } = await import('./chunks/run-ab-CNJjX_F2.js');
    const { measureOnce } = await import('./chunks/measure-once-Bmtm0bU3.js');
    const open = () => prepareAb({
        configFile,
        baseRef,
        names,
        env: io.env,
        now: () => io.now(),
        observer: progressObserver((text) => io.stderr(text), io.isTTY),
        log: (line) => io.stderr(`${line}\n`),
        // Both sides measured as the head was: `--rounds 2` means two rounds on each.
        adjust: (config) => applyOverrides(config, overrides),
    });
    return measureOnce(open, names, (why) => io.stderr(`perfgate run: could not measure ${baseRef} here (${why}); re-running the head only\n`), profileOutput(outDir));
}
/** Profile files written under `dir` (the results file's folder). */
function profileOutput(dir) {
    return {
        dir,
        mkdir: async (folder) => void (await mkdir(folder, { recursive: true })),
        writeFile: (file, text) => writeFile(file, text),
    };
}
const FORMATS$2 = ['text', 'markdown', 'json', 'csv'];
/** Runs `perfgate run` (see RUN_HELP); returns the exit code. */
async function runCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            config: { type: 'string', short: 'c' },
            filter: { type: 'string', short: 'f' },
            out: { type: 'string', short: 'o', default: 'perfgate-results.json' },
            baseline: { type: 'string', short: 'b', multiple: true },
            save: { type: 'string' },
            'confirm-base': { type: 'string' },
            'no-confirm': { type: 'boolean', default: false },
            ...OVERRIDE_OPTIONS,
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
    const usage = (why) => {
        io.stderr(`perfgate run: ${why} (perfgate run --help)\n`);
        return 2;
    };
    const format = values.format;
    if (!FORMATS$2.includes(format)) {
        return usage(`--format must be text, markdown, json or csv, got "${values.format}"`);
    }
    // Commands belong after `--`, so a mistyped option is never timed as a shell command.
    const commands = positionals;
    if (commands.length > 0 && !args.includes('--')) {
        return usage(`unexpected argument "${commands[0]}"; one-off commands go after --`);
    }
    if (commands.length > 0 && values.config !== undefined) {
        return usage('give either --config or commands after --, not both');
    }
    if (commands.length > 0 && values['confirm-base'] !== undefined) {
        return usage('--confirm-base needs a config file to check out; one-off commands have none');
    }
    let overrides;
    let saveFile;
    // Read the baselines first: a bad file should stop us before minutes of benches, not after.
    const baselineFiles = [];
    const baselines = [];
    try {
        overrides = parseOverrides(values);
        saveFile = values.save === undefined ? undefined : savedBaselinePath(values.save);
        for (const arg of values.baseline ?? []) {
            const file = await resolveBaseline(arg);
            baselineFiles.push(file);
            baselines.push(parseResults(await readFile(file, 'utf8'), file));
        }
    }
    catch (error) {
        return usage(error instanceof Error ? error.message : String(error));
    }
    const configFile = values.config ?? 'perfgate.yml';
    const loaded = commands.length > 0 ? oneOffConfig(commands) : await readConfig(configFile);
    const configName = commands.length > 0 ? ONE_OFF_SOURCE : configFile;
    if (!loaded.ok) {
        for (const error of loaded.errors)
            io.stderr(`${formatConfigError(error)}\n`);
        io.stderr(`perfgate: ${loaded.errors.length} problem(s) in ${configName}; nothing was run\n`);
        return 2;
    }
    const config = applyOverrides(loaded.config, overrides);
    const run = (chosen, filter) => runConfig(chosen, {
        env: io.env,
        filter,
        now: () => io.now(),
        observer: progressObserver((text) => io.stderr(text), io.isTTY),
    });
    const results = await run(config, values.filter);
    if (results.benches.length === 0) {
        io.stderr(`perfgate: no bench matches --filter ${values.filter ?? ''}\n`);
        return 2;
    }
    await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
    await writeFile(values.out, serializeResults(results));
    if (saveFile !== undefined) {
        await mkdir(path.dirname(saveFile), { recursive: true });
        await writeFile(saveFile, serializeResults(results));
    }
    // With --format json or csv, stdout is for that document alone (pipe it on); the table goes to
    // stderr. So with markdown and a baseline: stdout is the PR comment, ready to post.
    const machine = format === 'json' || format === 'csv' || (format === 'markdown' && baselines.length > 0);
    const human = (text) => (machine ? io.stderr(text) : io.stdout(text));
    const saved = saveFile === undefined ? '' : ` and saved as baseline "${values.save}" (${saveFile})`;
    human(`\n${runSummaryText(results)}\n\nResults written to ${values.out}${saved}\n`);
    // Budgets and growth curves, beside the baseline's curves when there is one (as the action).
    const budgets = budgetsSection(config.benches, results.benches, baselines[0]?.benches ?? [], format === 'csv' ? 'text' : format);
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
        if (format === 'csv')
            io.stdout(resultsCsv(results));
        return errored ? 1 : failOnBudgets();
    }
    // Bench by bench: a bench measured differently than the baseline is shown as changed. Benches
    // the filter left out are not "removed": they were not asked for; nor are the other functions
    // of a js bench when the filter named one of them.
    const keeps = keepsResult(config, values.filter);
    const asked = baselines.map((baseline) => ({
        ...baseline,
        benches: baseline.benches.filter((b) => keeps(b.name)),
    }));
    const judged = overrides.regressionThreshold === undefined
        ? asked
        : asked.map((baseline) => withThreshold(baseline, overrides.regressionThreshold));
    const { baselines: matched, match } = matchRuns(judged, results);
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
                const both = await measureBase(configFile, confirmBase, names, io, overrides, path.dirname(path.resolve(values.out)));
                if (both)
                    return both;
            }
            return {
                head: await run({ ...config, benches: benchesProducing(config, names) }),
            };
        },
    });
    const report = format === 'csv'
        ? comparisonCsv(comparison)
        : renderReport(comparison, format, {
            configPath: configName,
            headCommit: results.meta.commit,
            baselinePath: baselineFiles[0] ?? '',
            baselineCommit: baselines[0].meta.commit,
            baselineRuns: baselines.length,
            budgets: budgets.local,
        });
    io.stdout(machine ? report : `\n${report}`);
    const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) => io.stderr(`perfgate: ${text}`));
    if (errored || unpaired !== 0)
        return 1;
    if (values['fail-on-regression'] && comparison.regressions > 0)
        return 1;
    return failOnBudgets();
}

/**
 * `perfgate ab [BASE_REF]`: measures the base commit (in its own worktree) and the current work
 * tree interleaved on this machine, confirms what regressed with an interleaved re-run, and
 * prints the comparison as `perfgate compare` does.
 */
/** Usage of the ab command. */
const AB_USAGE = `Usage: perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR]
                   [--no-confirm] [--no-profile] [--format text|markdown|json]
                   [--fail-on-regression]

Measures BASE_REF (default: the merge base of HEAD with origin/HEAD or main) and the current
work tree on this machine, bench by bench in alternating rounds (base, head, head, base, ...),
and compares them. The base is checked out into a temporary git worktree; the clone needs its
commit (actions/checkout with fetch-depth: 0). Each bench's \`build\` command runs once per side;
sql and pg-notify benches get a database per side on the DATABASE_URL server (a sql bench's
params-query cases are drawn once, on the base side, and timed on both by key:); http and e2e
benches with \`serve\` get each side's own server, one side's at a time.
Writes DIR/base.json and DIR/head.json (default DIR: perfgate-ab); each regression the
re-run confirms is profiled on both sides, its cause printed under its row and its profiles
written to DIR/profiles/ (perfgate explain DIR/base.json DIR/head.json BENCH prints it again). Budgets are checked on the
head and each scaled bench's growth is set beside the base's; --fail-on-regression exits 1 on a
regression, a broken budget, a steeper growth or runs whose names do not pair, as the action
fails.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            measure only what matches (as perfgate run --filter)
  -o, --out-dir DIR            where base.json and head.json go (default perfgate-ab)
  --no-confirm                 do not re-run flagged benches on both sides to confirm them
  --no-profile                 do not profile confirmed regressions (as profile: false)
  --format text|markdown|json  the report (markdown: the PR comment; json: the comparison only)
  --fail-on-regression         exit 1 on a regression, a broken budget, a steeper growth or
                               runs whose names do not pair
  -h, --help                   show this help
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
            'no-profile': { type: 'boolean', default: false },
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
            ...(values['no-profile'] ? { adjust: withoutProfiling } : {}),
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
                // Regressions this confirms are profiled on both sides; their files go beside base.json.
                const output = profileOutput(path.resolve(values['out-dir']));
                return { ...rerun, explain: (targets) => session.profile(targets, output) };
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
        const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) => io.stderr(`perfgate ab: ${text}`));
        const errored = first.head.benches.some((b) => b.status === 'error');
        if (errored || unpaired !== 0)
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
const COMPARE_USAGE = 'Usage: perfgate compare BASE.json [MORE_BASES.json…] HEAD.json [--format text|markdown|json|csv] [--threshold PCT] [--fail-on-regression] [--normalize calibration] [--tail p75] [--config perfgate.yml]';
/** The full help of `perfgate compare --help`. */
const COMPARE_HELP = `${COMPARE_USAGE}

Compares result files: every file but the last is a baseline run (pooled), the last is the head.
It does not confirm: nothing is measured again, so a verdict is only as good as the two files'
conditions (other machines, other load). To confirm what is in doubt, run the benches instead:
perfgate run --baseline BASE.json --confirm-base REF (base and head measured here, interleaved).

Options:
  --format text|markdown|json|csv
                               text: aligned table (default); markdown: exactly the PR comment
                               (without its hidden markers); json: the comparison document
                               (docs/results-format.md); csv: one row per comparison row
  --threshold PCT              judge every bench by this regression threshold (e.g. 5%)
                               instead of the one recorded in the files
  --fail-on-regression         exit 1 when something regressed, or when the runs' bench names
                               do not pair (nothing compared)
  --normalize calibration      divide out the runner speed measured by the calibration bench
  --tail p75                   also compare each time metric's tail (per-round p75 over its p10)
  --config PATH                the config named in the markdown heading (default perfgate.yml)
  -h, --help                   show this help

Numbers: baseline and head are each bench's centre (p10 of rounds): every round's 10th
percentile, averaged over the rounds without the worst fifth, as perfgate run prints it.
`;
const FORMATS$1 = ['text', 'markdown', 'json', 'csv'];
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
                threshold: OVERRIDE_OPTIONS.threshold,
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
        let threshold;
        try {
            threshold = parseOverrides({ threshold: values.threshold }).regressionThreshold;
        }
        catch (error) {
            throw new UsageError(message(error));
        }
        const runs = [];
        for (const path of positionals) {
            const run = await load(path, io);
            runs.push(threshold === undefined ? run : withThreshold(run, threshold));
        }
        const head = runs.pop();
        const comparison = compareRuns(runs, head, {
            ...(values.normalize === 'calibration' ? { normalize: 'calibration' } : {}),
            ...(values.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
        });
        io.stdout(format === 'csv'
            ? comparisonCsv(comparison)
            : renderReport(comparison, format, {
                configPath: values.config,
                headCommit: head.meta.commit,
                baselinePath: positionals[0],
                baselineCommit: runs[0].meta.commit,
                baselineRuns: runs.length,
            }));
        const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) => io.stderr(`perfgate compare: ${text}`));
        if (unpaired !== 0)
            return unpaired;
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
const HISTORY_USAGE = `Usage: perfgate history HISTORY.json [--filter GLOB] [--format text|markdown|html|json]

Shows each bench's history from a history.json (in a baseline artifact), with its lasting shifts
(change points by E-divisive means).

Options:
  -f, --filter GLOB            keep the benches matching comma-separated globs (\`*\` within a
                               segment, \`**\` across), as perfgate run --filter; --bench is
                               the same option under its old name
  --format text|markdown|html|json
                               html: a self-contained report.html (default text)
  -h, --help                   show this help
`;
const FORMATS = ['text', 'markdown', 'html', 'json'];
/** Runs the history command; returns the exit code (2 for usage or unreadable files). */
async function historyCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            filter: { type: 'string', short: 'f' },
            // The old name of --filter, kept so existing scripts go on working.
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
    const globs = splitGlobs([values.filter, values.bench].filter(Boolean).join(',')).map(globToRegExp);
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
const IMPORT_HISTORY_USAGE = 'Usage: perfgate import-history data.js [--out history.json]';
/** The full help of `perfgate import-history --help`. */
const IMPORT_HISTORY_HELP = `${IMPORT_HISTORY_USAGE}

Converts github-action-benchmark's gh-pages history (its data.js) into perfgate's history.json,
so perfgate's charts and change points start with the history you already have
(docs/migrating.md).

Options:
  -o, --out FILE               the history file to write (default history.json)
  -h, --help                   show this help
`;
/** Converts the file and writes history.json; returns the exit code (2 for bad usage or input). */
async function importHistoryCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            out: { type: 'string', short: 'o', default: 'history.json' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(IMPORT_HISTORY_HELP);
        return 0;
    }
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
 * The perfgate command line: dispatches to `init`, `run`, `compare`, `ab`, `explain`, `history`,
 * `import-history` and `db`.
 */
const USAGE = `perfgate ${PERFGATE_VERSION}: catch performance regressions before they merge

Usage:
  perfgate init [DIR] [--force] [--dry-run]   (writes perfgate.yml and a workflow for a project)
  perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
               [--baseline BASE.json|NAME]... [--save NAME] [--no-confirm]
               [--rounds N] [--samples N] [--time DUR] [--warmup DUR|N] [--threshold PCT]
               [--format text|markdown|json|csv] [--fail-on-regression]
  perfgate run [options] -- 'command' ['command2' ...]   (one-off benches, no config)
  perfgate compare BASE.json [MORE_BASES.json...] HEAD.json [--format text|markdown|json|csv]
                   [--threshold PCT] [--fail-on-regression]
  perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR] [--no-confirm]
              [--format text|markdown|json] [--fail-on-regression]   (perfgate ab --help)
  perfgate explain BASE.json HEAD.json BENCH [--format text|json]
               (why a confirmed regression is slower, from its stored profiles)
  perfgate history HISTORY.json [--filter GLOB] [--format text|markdown|html|json]
  perfgate import-history data.js [--out history.json]
               (github-action-benchmark's gh-pages history → perfgate's; see docs/migrating.md)
  perfgate db start|stop|status [--dir .perfgate/db] [--port N]
               (one local PostgreSQL for sql benches; see docs/postgres.md)
  perfgate --version
  perfgate help [COMMAND]  (or perfgate COMMAND --help)

Options:
  -h, --help                   show this help
  -V, --version                print the version
`;
const COMMANDS = ['init', 'run', 'compare', 'ab', 'explain', 'history', 'import-history', 'db'];
/** Runs the CLI with `args` (without node and script); returns the exit code. */
async function runCli(args, io) {
    const [command, ...rest] = args;
    try {
        switch (command) {
            // init, explain and db are loaded on use: the other commands never pay for them at startup.
            case 'init': {
                const { initCommand } = await import('./chunks/init-TfDYNcYq.js');
                return await initCommand(rest, io);
            }
            case 'run':
                return await runCommand(rest, io);
            case 'ab':
                return await abCommand(rest, io);
            case 'compare':
                return await compareCommand(rest, io);
            case 'explain': {
                const { explainCommand } = await import('./chunks/explain-DCJe9E5w.js');
                return await explainCommand(rest, io);
            }
            case 'history':
                return await historyCommand(rest, io);
            case 'import-history':
                return await importHistoryCommand(rest, io);
            case 'db': {
                const { dbCommand } = await import('./chunks/db-BifVQ4FB.js');
                return await dbCommand(rest, io);
            }
            case '--version':
            case '-V':
            case '-v':
                io.stdout(`${PERFGATE_VERSION}\n`);
                return 0;
            case 'help':
                // Each command's --help: one way to ask, one text to keep right.
                if (COMMANDS.includes(rest[0]))
                    return await runCli([rest[0], '--help'], io);
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
    script: process.argv[1],
    isTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
    writeFile: (file, text) => writeFile(file, text),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
});
