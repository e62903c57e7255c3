import path from 'node:path';
import { parseArgs } from 'node:util';
import { c as compareRuns } from './compare-runs-Dp3QnuNF.js';
import { f as formatValue } from './format-Czr1TBQt.js';
import { p as profileFiles, a as parseStoredProfile, s as splitRounds, c as causeOf } from './explain-iBzXEorx.js';
import { e as changeText, c as causeSource, a as causeTexts } from './model-CSX-gO8p.js';
import { p as parseResults } from './schema-uKiMc1C5.js';
import './scaling-bBRpMboh.js';
import './units-C0yKQs3w.js';
import './permutation-CwRxd2mz.js';
import './mann-whitney-CizR9A4a.js';
import './simple-statistics-OhbKzjWx.js';
import './random-CRNsGjhb.js';
import './centre-C0y8xcZQ.js';
import 'node:crypto';
import 'node:url';
import 'node:fs/promises';
import 'node:os';
import './run-benches-BAqpNPXt.js';
import './bench-BCpLDQqU.js';
import './identity-B3jh3Sc_.js';
import './select-CftodHdB.js';
import './pg-notify-C_yFIpMD.js';
import './schemas-CtpLbXv5.js';
import './XMLParser-Ciolm0c3.js';
import './units-CFo0x0PP.js';
import 'node:child_process';
import 'node:fs';
import 'node:http';
import 'node:https';
import 'node:events';
import './calibration-module-CtkTGxWt.js';
import 'fs';
import 'path';
import 'url';
import 'module';
import './_commonjsHelpers-Bgu_3bK-.js';
import './index-BDfKYOkb.js';
import 'events';
import 'util';
import 'util/types';
import 'crypto';
import 'dns';
import 'net';
import 'tls';
import 'stream';
import 'string_decoder';
import './types-CWpGVx7G.js';

/**
 * `perfgate explain BASE.json HEAD.json BENCH`: prints again why a confirmed regression is
 * slower, from the profiles stored beside HEAD.json (profiles/<bench>.base.cpuprofile and
 * .head.cpuprofile, which perfgate run --confirm-base, perfgate ab and the action write).
 */
/** The full help of `perfgate explain --help`. */
const EXPLAIN_HELP = `Usage: perfgate explain BASE.json HEAD.json BENCH [--format text|json]

Prints why BENCH is slower in HEAD.json than in BASE.json: the functions whose self time per
call grew beyond the noise between profile rounds (at most 3, by growth, each with its share of
the change), or that the profiles cannot separate the change from noise. It reads the profiles
of both sides from the folder of HEAD.json: profiles/BENCH.base.cpuprofile and
profiles/BENCH.head.cpuprofile (each / in BENCH a folder; characters other than letters, digits
and . _ - replaced by _, and a short hash of the name added). perfgate run --confirm-base,
perfgate ab and the action write them for every regression confirmed against the base on one
machine; open them in Chrome DevTools or speedscope.

Options:
  --format text|json           text (default), or the cause as JSON
  -h, --help                   show this help
`;
/** Runs `perfgate explain` (see EXPLAIN_HELP); returns the exit code. */
async function explainCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(EXPLAIN_HELP);
        return 0;
    }
    const fail = (why) => {
        io.stderr(`perfgate explain: ${why}\n`);
        return 2;
    };
    if (positionals.length !== 3) {
        return fail(`takes BASE.json HEAD.json BENCH, got ${positionals.length} argument(s) (perfgate explain --help)`);
    }
    if (values.format !== 'text' && values.format !== 'json') {
        return fail(`--format must be text or json, got "${values.format}"`);
    }
    const [baseFile, headFile, bench] = positionals;
    try {
        const base = parseResults(await read(baseFile, io), baseFile);
        const head = parseResults(await read(headFile, io), headFile);
        if (!head.benches.some((b) => b.name === bench)) {
            const names = head.benches.map((b) => b.name).join(', ');
            return fail(`${headFile} has no bench "${bench}" (it has: ${names || 'none'})`);
        }
        const files = profileFiles(bench);
        const dir = path.dirname(headFile);
        const side = async (file) => {
            const where = path.join(dir, file);
            const text = await io.readFile(where).catch(() => {
                throw new Error(`no profile of ${bench}: ${where} does not exist or cannot be read (profiles are written for regressions confirmed against the base: perfgate run --confirm-base, perfgate ab)`);
            });
            return parseStoredProfile(text, where);
        };
        const [baseProfile, headProfile] = [await side(files.base), await side(files.head)];
        // Either side's file says so: both are written by the same pass.
        const sidesInTurn = [baseProfile, headProfile].some((p) => p.perfgate.sidesInTurn === true);
        const rounds = { base: splitRounds(baseProfile), head: splitRounds(headProfile) };
        const cause = { ...causeOf(rounds.base, rounds.head, { sidesInTurn }), files };
        if (values.format === 'json') {
            io.stdout(`${JSON.stringify(cause, null, 2)}\n`);
            return 0;
        }
        const row = compareRuns([base], head).comparisons.find((c) => c.name === bench && c.unit === 'ms');
        const headline = row
            ? `${bench}: ${formatValue(row.base, row.unit)} → ${formatValue(row.head, row.unit)} (${changeText(row)}), ${row.verdict}`
            : bench;
        io.stdout([
            headline,
            `why slower (${causeSource(cause)}):`,
            ...causeTexts(cause).map((text) => `  ${text}`),
            `files: ${[files.base, files.head, files.folded].map((f) => path.join(dir, f)).join(', ')}`,
            '',
        ].join('\n'));
        return 0;
    }
    catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
    }
}
async function read(file, io) {
    return io.readFile(file).catch(() => {
        throw new Error(`${file} does not exist or cannot be read`);
    });
}

export { EXPLAIN_HELP, explainCommand };
