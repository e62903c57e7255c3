import { R as RESULTS_SCHEMA_VERSION } from './types-CWpGVx7G.js';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { filterBenches, runBenches } from './run-benches-D716mfwn.js';

/** Removes secret values (passwords, tokens) from every string in a results object. */
/** A deep copy of `value` with each secret replaced by `***`. */
function redact(value, secrets) {
    const active = secrets.filter((secret) => secret.length >= 3);
    if (active.length === 0)
        return value;
    const scrub = (text) => active.reduce((out, secret) => out.split(secret).join('***'), text);
    return JSON.parse(JSON.stringify(value), (_key, item) => typeof item === 'string' ? scrub(item) : item);
}

var version = "0.1.0";
var packageJson = {
	version: version};

/** This perfgate's version, from package.json (inlined by the bundler). */
const PERFGATE_VERSION = packageJson.version;

/** Facts about the run and the machine, read from the environment, for the results file. */
/** Run metadata from GitHub's variables (when present), the machine and the clock. */
function collectMeta(config, env, now, commit) {
    const cpus = os.cpus();
    return {
        commit: env.GITHUB_SHA ?? commit ?? null,
        ref: env.GITHUB_REF ?? null,
        event: env.GITHUB_EVENT_NAME ?? null,
        runId: env.GITHUB_RUN_ID ?? null,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? null,
        workflow: env.GITHUB_WORKFLOW ?? null,
        os: `${os.type()} ${os.release()}`,
        arch: os.arch(),
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        nodeVersion: process.version,
        perfgateVersion: PERFGATE_VERSION,
        timestamp: now.toISOString(),
        configDigest: configDigest(config),
    };
}
/** sha256 of the effective config (defaults merged, paths relative), ignoring where it was checked out. */
function configDigest(config) {
    const portable = JSON.stringify(config.benches, (_key, value) => typeof value === 'string' && value.startsWith(config.dir)
        ? value.slice(config.dir.length)
        : value);
    return `sha256:${createHash('sha256').update(portable).digest('hex')}`;
}

/** Runs the benches of `config` matching `filter` and returns the results file's content. */
async function runConfig(config, options) {
    const started = options.now();
    const benches = filterBenches(config, options.filter);
    const secrets = [];
    const results = await runBenches(benches, {
        ...options,
        secret: (value) => {
            secrets.push(value);
            options.secret?.(value);
        },
    });
    // Belt and braces: a kind that registered a secret never leaks it through a reason or detail.
    return redact({
        schemaVersion: RESULTS_SCHEMA_VERSION,
        meta: collectMeta(config, options.env, started, options.commit),
        benches: results,
    }, secrets);
}

var runConfig$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    runConfig: runConfig
});

export { PERFGATE_VERSION as P, runConfig$1 as a, runConfig as r };
