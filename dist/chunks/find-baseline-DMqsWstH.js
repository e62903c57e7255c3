import path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import { e as errorMessage } from './errors-Dy4gbjRe.js';
import { GitHubApiError } from './client-Dbi04l1v.js';
import { a as runUrl } from './context-BzG_Rbo8.js';
import { f as findBaselineRun, r as readWindow, b as readHistoryText } from './history-B40oR8-d.js';
import { MAX_ZIP_BYTES } from './store-DTzP2jjh.js';
import { p as parseResults } from './schema-uKiMc1C5.js';
import { a as matchBenches } from './source-CjT33JO_.js';
import './index-CxCZlPsB.js';
import 'fs';
import 'os';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './_commonjsHelpers-Bgu_3bK-.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import './schema-Dqc1PyQi.js';
import './schemas-CtpLbXv5.js';
import './layout-Ck4w5uJq.js';
import './model-CSX-gO8p.js';
import './format-Czr1TBQt.js';
import './retry-CpO8x6Qg.js';
import 'crypto';
import 'path';
import 'child_process';
import 'timers';
import 'stream';
import 'node:module';
import 'buffer';
import 'node:process';
import 'node:https';
import 'node:crypto';
import 'tty';
import 'url';
import './XMLParser-Ciolm0c3.js';
import 'node:fs';
import 'fs/promises';
import 'constants';
import 'node:string_decoder';
import 'zlib';
import 'module';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import './identity-B3jh3Sc_.js';

/** The baseline from a workflow artifact of a run on the base branch. */
const DAY_MS = 86_400_000;
/**
 * Loads the baseline window from the artifact of the best run on `branch` for `commit`. A bad or
 * unreachable baseline (corrupt, too large, gone, the API still failing after retries) is "no
 * baseline" with the reason; only a token lacking a permission throws, as that is the workflow's
 * to fix.
 */
function artifactSource(options) {
    return {
        async load() {
            const hint = `push to ${options.defaultBranch} (the default branch) with this workflow to record a baseline; every push to a baseline branch uploads the ${options.artifactName} artifact`;
            try {
                return await loadArtifact(options, hint);
            }
            catch (error) {
                if (error instanceof GitHubApiError && error.missingPermission)
                    throw error;
                return {
                    found: false,
                    reason: `the baseline could not be read: ${errorMessage(error)}`,
                    hint: `re-run the job if GitHub was unavailable; otherwise ${hint}`,
                    notices: [],
                };
            }
        },
    };
}
async function loadArtifact(options, hint) {
    const { api, ctx, artifactName } = options;
    const commit = 'commit' in options
        ? options.commit
        : (await api.compare(options.mergeBaseOf.base, options.mergeBaseOf.head)).mergeBase;
    const found = await findBaselineRun(api, ctx, options.branch, commit, artifactName);
    if (!('run' in found))
        return { found: false, reason: found.why, hint, notices: [], none: true };
    const { run, artifact, lagCommits } = found;
    if (artifact.size_in_bytes > MAX_ZIP_BYTES) {
        return {
            found: false,
            reason: `the baseline artifact of run ${run.id} is ${artifact.size_in_bytes} bytes, over perfgate's limit of ${MAX_ZIP_BYTES} bytes`,
            hint: `keep the baseline artifact to results (no large files in the output folder), then ${hint}`,
            notices: [],
        };
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-baseline-'));
    await options.store.download(artifact.id, run.id, dir);
    const window = await readWindow(dir, `artifact ${artifactName} of run ${run.id}`);
    if (window.runs.length === 0) {
        return {
            found: false,
            reason: `the baseline artifact of run ${run.id} is unusable: ${window.problem ?? 'it holds no results'}`,
            hint,
            notices: window.notices,
        };
    }
    const now = options.now().getTime();
    const ranAt = Date.parse(window.runs[0].meta.timestamp) || Date.parse(run.created_at);
    const ageDays = Math.max(0, (now - ranAt) / DAY_MS);
    const warnings = [];
    if (ageDays > options.maxAgeDays) {
        warnings.push(`The baseline is ${Math.round(ageDays)} days old (max-baseline-age is ${options.maxAgeDays}): push to ${options.branch} to refresh it.`);
    }
    const expires = artifact.expires_at ? Date.parse(artifact.expires_at) : NaN;
    if (Number.isFinite(expires) && expires - now < 7 * DAY_MS) {
        warnings.push(`The baseline artifact expires in ${Math.max(0, Math.round((expires - now) / DAY_MS))} day(s) (${artifact.expires_at}): push to ${options.branch} or raise retention-days, or PRs will have no baseline.`);
    }
    if (lagCommits > 0 && 'mergeBaseOf' in options) {
        warnings.push(`No baseline at the merge base ${commit.slice(0, 7)}; using ${run.head_sha.slice(0, 7)}, ${lagCommits} ${lagCommits === 1 ? 'commit' : 'commits'} earlier: differences may include changes already on ${options.branch}.`);
    }
    const historyText = await readHistoryText(dir);
    return {
        found: true,
        ...(historyText === undefined ? {} : { historyText }),
        baselines: window.runs,
        info: {
            source: 'artifact',
            commit: run.head_sha,
            runId: run.id,
            runUrl: run.html_url ?? runUrl(ctx, run.id),
            branch: options.branch,
            lagCommits,
            ageDays,
            runs: window.runs.length,
        },
        warnings,
        notices: window.notices,
    };
}

/** The baseline from a results file (the `baseline` input set to a path). */
/** Loads the results file at `file` (shown to users as `shown`). */
function fileSource(file, shown) {
    return {
        async load() {
            let text;
            try {
                text = await readFile(file, 'utf8');
            }
            catch (error) {
                const missing = error.code === 'ENOENT';
                return {
                    found: false,
                    reason: missing
                        ? `the baseline file ${shown} does not exist`
                        : `the baseline file ${shown} cannot be read: ${error.message}`,
                    hint: 'point the `baseline` input at a results file written by `perfgate run --out`, or leave it empty to use the default branch artifact',
                    notices: [],
                };
            }
            try {
                const results = parseResults(text, shown);
                return {
                    found: true,
                    baselines: [results],
                    info: { source: 'file', path: shown, commit: results.meta.commit, runs: 1 },
                    warnings: [],
                    notices: [],
                };
            }
            catch (error) {
                return {
                    found: false,
                    reason: error.message,
                    hint: 'regenerate the baseline file with this perfgate version (`perfgate run --out FILE`)',
                    notices: [],
                };
            }
        },
    };
}

/** Stage 4: the baseline to compare with — the `baseline` file, or the artifact on the base branch. */
/** Loads the baseline this run is compared with, if it looks for one. */
async function findBaseline(setup, results, remote, deps) {
    return matchLoaded(await loadBaseline(setup, remote, deps), results);
}
/**
 * Loads the baseline as recorded, before any run exists to match it with (a shard job needs its
 * recorded durations to know what to run); undefined when this kind of run looks for none.
 */
async function loadBaseline(setup, remote, deps) {
    const source = await baselineSource(setup, remote, deps);
    if (!source)
        return undefined;
    deps.step.startGroup('Baseline');
    const loaded = await source.load();
    deps.step.endGroup();
    for (const notice of loaded.notices)
        deps.step.notice(notice, { title: 'perfgate baseline' });
    return loaded;
}
/** The finding for `results` from a baseline already loaded (loadBaseline). */
function matchLoaded(loaded, results) {
    if (!loaded)
        return {};
    const { outcome, match } = matchBenches(loaded, results);
    return { loaded, comparable: outcome, match };
}
async function baselineSource(setup, remote, deps) {
    const { inputs, ctx, pr } = setup;
    if (setup.baselineFile) {
        return fileSource(path.resolve(setup.workdir, setup.baselineFile), setup.baselineFile);
    }
    if (!pr && !setup.baselinePush)
        return undefined;
    const common = {
        api: await remote.api(),
        store: await remote.store(),
        ctx,
        artifactName: inputs.artifactName,
        now: () => deps.now(),
        maxAgeDays: inputs.maxBaselineAgeDays,
        defaultBranch: setup.defaultBranch,
    };
    if (pr) {
        return artifactSource({
            ...common,
            branch: pr.baseRef,
            mergeBaseOf: { base: pr.baseSha, head: pr.headSha },
        });
    }
    // The previous baseline on this branch: its window is extended, and this push is compared with it.
    return artifactSource({ ...common, branch: ctx.branch ?? setup.defaultBranch, commit: ctx.sha });
}

export { findBaseline, loadBaseline, matchLoaded };
