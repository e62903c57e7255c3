import { createHash } from 'node:crypto';
import os from 'node:os';

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

export { PERFGATE_VERSION as P, configDigest as a, collectMeta as c };
