import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { a as parseArtifactMeta, F as FILES } from './layout-Ck4w5uJq.js';
import { r as regressedBenches } from './model-CSX-gO8p.js';
import { a as runUrl } from './context-BzG_Rbo8.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { p as publishComment } from './comment-2oEkMv-M.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';
import './client-Dbi04l1v.js';
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
import './errors-Dy4gbjRe.js';
import './comment-D07EH1nV.js';
import './escape-DUX7g4yH.js';

/**
 * `mode: comment`, for a `workflow_run` workflow: posts the comment of the triggering run (whose
 * fork PR token could not) from its PR artifact. The artifact is untrusted: it is validated, its
 * text re-escaped by the renderer, its links rebuilt here, and its PR number checked against the run.
 */
/** Downloads the triggering run's PR artifact and posts (or updates) its comment. */
async function commentMode(inputs, ctx, io) {
    const { api, store, step } = io;
    const triggering = ctx.workflowRun;
    if (!triggering) {
        throw new Error(`mode: comment runs in a workflow triggered by workflow_run (this event is ${ctx.eventName || 'unknown'}); use mode: run in the workflow that runs the benches`);
    }
    const prefix = `${inputs.artifactName}-pr-`;
    const artifact = (await api.listRunArtifacts(triggering.id))
        .filter((a) => a.name.startsWith(prefix) && !a.expired)
        .sort((a, b) => b.id - a.id)[0];
    if (!artifact) {
        step.notice(`Run ${triggering.id} has no ${prefix}<number> artifact (it was not a pull request run, or it failed before uploading): nothing to comment`);
        step.setOutput(OUTPUT.verdict, 'no-baseline');
        return;
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-pr-'));
    await store.download(artifact.id, triggering.id, dir);
    const meta = parseArtifactMeta(await readFile(path.join(dir, FILES.meta), 'utf8'), `${artifact.name}/${FILES.meta}`);
    if (meta.pr === undefined || `${prefix}${meta.pr}` !== artifact.name) {
        throw new Error(`${artifact.name}/${FILES.meta} names PR ${meta.pr ?? '(none)'}, which does not match the artifact name`);
    }
    // A fork's run could claim any PR number: it must be the PR whose head the run built.
    if (!triggering.pullRequests.includes(meta.pr)) {
        const pull = await api.getPull(meta.pr);
        if (pull.headSha !== triggering.headSha) {
            // A newer push (whose own run will comment) or a forged PR number: either way, stay silent.
            step.notice(`Run ${triggering.id} built ${triggering.headSha.slice(0, 7)}, but PR #${meta.pr}'s head is ${pull.headSha.slice(0, 7)}: not commenting (a newer push will comment)`);
            step.setOutput(OUTPUT.verdict, meta.verdict);
            return;
        }
    }
    // Markdown in an untrusted artifact is not posted as is: the charts are perfgate's own only here.
    const comment = {
        ...meta.comment,
        charts: [],
        budgets: '',
        // The marker must match the one the run workflow would have used for this config.
        configPath: meta.configPath,
        runUrl: runUrl(ctx, triggering.id),
        artifactsUrl: `${runUrl(ctx, triggering.id)}#artifacts`,
        baseline: meta.comment.baseline
            ? {
                ...meta.comment.baseline,
                ...(meta.comment.baseline.runId === undefined
                    ? {}
                    : { runUrl: runUrl(ctx, meta.comment.baseline.runId) }),
            }
            : null,
    };
    const posted = await publishComment(api, meta.pr, comment, inputs.comment);
    if (posted.kind === 'posted') {
        step.setOutput(OUTPUT.commentUrl, posted.url);
        step.info(`${posted.updated ? 'Updated' : 'Created'} the comment on PR #${meta.pr}: ${posted.url}`);
        await step.summary(`### perfgate\n\n${posted.updated ? 'Updated' : 'Posted'} [the comment on #${meta.pr}](${posted.url}) for run ${triggering.id}.\n`);
    }
    else if (posted.kind === 'read-only') {
        throw new Error(`${posted.message}. The comment workflow needs \`permissions: pull-requests: write\``);
    }
    else {
        step.info(`No PR comment: ${posted.why}`);
    }
    step.setOutput(OUTPUT.verdict, meta.verdict);
    step.setOutput(OUTPUT.regressions, regressedBenches(meta.comment.comparison?.comparisons ?? []).length);
}

export { commentMode };
