import { f as filterBenches, b as runBenches, k as keepsResult, a as secretBook } from './run-benches-BAqpNPXt.js';
import { R as RESULTS_SCHEMA_VERSION } from './types-CWpGVx7G.js';
import { c as collectMeta } from './meta-B6Jfuede.js';
import './bench-BCpLDQqU.js';
import './identity-B3jh3Sc_.js';
import 'node:crypto';
import 'node:path';
import './select-CftodHdB.js';
import './format-Czr1TBQt.js';
import './pg-notify-C_yFIpMD.js';
import './schemas-CtpLbXv5.js';
import './XMLParser-Ciolm0c3.js';
import './simple-statistics-OhbKzjWx.js';
import './units-CFo0x0PP.js';
import 'node:child_process';
import 'node:fs';
import 'node:fs/promises';
import 'node:os';
import 'node:http';
import 'node:https';
import 'node:events';
import 'node:url';
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
import './random-CRNsGjhb.js';

/** The "run" stage as one call: filter the config's benches, run them, stamp the run's metadata. */
/** Runs the benches of `config` matching `filter` and returns the results file's content. */
async function runConfig(config, options) {
    const started = options.now();
    const benches = filterBenches(config, options.filter);
    const secrets = options.secrets ?? secretBook((value) => options.secret?.(value));
    const ran = await runBenches(benches, { ...options, configDir: config.dir, secrets });
    // A js bench whose functions a wildcard picks runs whole: keep only the results asked for,
    // and always a bench's own error or skip (named as the entry), never hidden by the filter.
    const keeps = keepsResult(config, options.filter);
    const entries = new Set(benches.map((bench) => bench.name));
    const results = ran.filter((result) => entries.has(result.name) || keeps(result.name));
    // Belt and braces: the metadata too, and a bench's result masked by a secret a later bench added.
    return secrets.redact({
        schemaVersion: RESULTS_SCHEMA_VERSION,
        meta: collectMeta(config, options.env, started, options.commit),
        benches: results,
    });
}

export { runConfig };
