import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { p as publishComment, r as readOnlyNotice } from './comment-2oEkMv-M.js';
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
import './model-CSX-gO8p.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';

/** Stage 10: the sticky PR comment (fork PRs' read-only tokens get a notice, not a failure). */
/** Creates or updates the PR's comment, as the `comment` input allows. */
async function publishPrComment(run, model) {
    const { setup, remote, deps } = run;
    const { pr, inputs } = setup;
    if (!pr)
        return;
    const { step } = deps;
    const posted = await publishComment(await remote.api(), pr.number, model, inputs.comment);
    if (posted.kind === 'posted') {
        step.setOutput(OUTPUT.commentUrl, posted.url);
        step.info(`${posted.updated ? 'Updated' : 'Created'} the PR comment: ${posted.url}`);
    }
    else if (posted.kind === 'read-only' && pr.fork) {
        step.notice(readOnlyNotice(posted.message), { title: 'perfgate comment' });
    }
    else if (posted.kind === 'read-only') {
        throw new Error(posted.message);
    }
    else {
        step.info(`No PR comment: ${posted.why}`);
    }
}

export { publishPrComment };
