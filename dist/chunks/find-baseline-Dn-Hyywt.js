import path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import { a as runUrl } from './context-BzG_Rbo8.js';
import { r as readWindow } from './history-DxLWfvpp.js';
import { p as parseResults } from './schema-CaXiwXd3.js';
import './layout-7R-fEXAy.js';
import './schemas-TYepb_3n.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';

/** How many earlier runs to check for ancestry before giving up. */
const MAX_CANDIDATES = 20;
/** The runs of the same workflow as this one (by file path when known, else by name). */
function sameWorkflow(ctx, runs) {
    return runs.filter((run) => run.id !== ctx.runId &&
        (ctx.workflowPath && run.path ? run.path === ctx.workflowPath : run.name === ctx.workflow));
}
async function liveArtifact(api, runId, name) {
    const artifacts = (await api.listRunArtifacts(runId, name)).filter((a) => a.name === name);
    if (artifacts.length === 0)
        return undefined;
    const live = artifacts.filter((a) => !a.expired).sort((a, b) => b.id - a.id);
    return live[0] ?? 'expired';
}
/** The baseline run for `commit` on `branch`: a run at that commit, else the nearest ancestor's. */
async function findBaselineRun(api, ctx, branch, commit, artifactName) {
    let expired = 0;
    const exact = sameWorkflow(ctx, await api.listRuns({ branch, headSha: commit }));
    for (const run of newestFirst(exact)) {
        const artifact = await liveArtifact(api, run.id, artifactName);
        if (artifact === 'expired')
            expired++;
        else if (artifact)
            return { run, artifact, lagCommits: 0 };
    }
    const runs = newestFirst(sameWorkflow(ctx, await api.listRuns({ branch }))).filter((run) => run.head_sha !== commit);
    let checked = 0;
    for (const run of runs) {
        if (checked++ >= MAX_CANDIDATES)
            break;
        const artifact = await liveArtifact(api, run.id, artifactName);
        if (artifact === 'expired') {
            expired++;
            continue;
        }
        if (!artifact)
            continue;
        // Only an ancestor of the wanted commit is a fair baseline: later commits may hold other changes.
        const cmp = await api.compare(run.head_sha, commit);
        if (cmp.status === 'identical')
            return { run, artifact, lagCommits: 0 };
        if (cmp.status === 'ahead')
            return { run, artifact, lagCommits: cmp.aheadBy };
    }
    const workflow = ctx.workflowPath ?? ctx.workflow;
    if (expired > 0) {
        return {
            why: `the \`${artifactName}\` artifact of the last baseline run on ${branch} has expired`,
        };
    }
    if (exact.length + runs.length === 0) {
        return {
            why: `no successful run of the workflow ${workflow} on ${branch} was found (this looks like the first run)`,
        };
    }
    return {
        why: `no successful run of the workflow ${workflow} on ${branch} at or before ${commit.slice(0, 7)} has a \`${artifactName}\` artifact`,
    };
}
function newestFirst(runs) {
    return [...runs].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
}

/** The baseline from a workflow artifact of a run on the base branch. */
const DAY_MS = 86_400_000;
/** Loads the baseline window from the artifact of the best run on `branch` for `commit`. */
function artifactSource(options) {
    return {
        async load() {
            const { api, ctx, artifactName } = options;
            const hint = `push to ${options.defaultBranch} (the default branch) with this workflow to record a baseline; every push to a baseline branch uploads the ${artifactName} artifact`;
            const commit = 'commit' in options
                ? options.commit
                : (await api.compare(options.mergeBaseOf.base, options.mergeBaseOf.head)).mergeBase;
            const found = await findBaselineRun(api, ctx, options.branch, commit, artifactName);
            if (!('run' in found))
                return { found: false, reason: found.why, hint, notices: [] };
            const { run, artifact, lagCommits } = found;
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
            return {
                found: true,
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
        },
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

/** The baseline runs of the same config as `head`; a different config digest means no baseline. */
function sameConfig(outcome, head, defaultBranch) {
    if (!outcome.found)
        return outcome;
    const matching = outcome.baselines.filter((run) => run.meta.configDigest === head.meta.configDigest);
    if (matching.length === 0) {
        return {
            found: false,
            reason: `the baseline was made with a different config (digest ${short(outcome.baselines[0]?.meta.configDigest)}, this run ${short(head.meta.configDigest)}), so its numbers are not comparable`,
            hint: `the baseline is recorded again when this change reaches ${defaultBranch}; until then there is nothing to compare with`,
            notices: outcome.notices,
        };
    }
    const dropped = outcome.baselines.length - matching.length;
    return {
        ...outcome,
        baselines: matching,
        info: { ...outcome.info, runs: matching.length },
        notices: dropped > 0
            ? [
                ...outcome.notices,
                `${dropped} older baseline run(s) used a different config and were left out`,
            ]
            : outcome.notices,
    };
}
function short(digest) {
    return digest ? digest.replace(/^sha256:/, '').slice(0, 12) : 'unknown';
}

/** Stage 4: the baseline to compare with — the `baseline` file, or the artifact on the base branch. */
/** Loads the baseline this run is compared with, if it looks for one. */
async function findBaseline(setup, results, remote, deps) {
    const source = await baselineSource(setup, remote, deps);
    if (!source)
        return {};
    deps.step.startGroup('Baseline');
    const loaded = await source.load();
    deps.step.endGroup();
    for (const notice of loaded.notices)
        deps.step.notice(notice, { title: 'perfgate baseline' });
    return { loaded, comparable: sameConfig(loaded, results, setup.defaultBranch) };
}
async function baselineSource(setup, remote, deps) {
    const { inputs, ctx, pr } = setup;
    if (inputs.baseline) {
        return fileSource(path.resolve(setup.workdir, inputs.baseline), inputs.baseline);
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

export { findBaseline };
