import { O as OUTPUT } from './inputs-BGhQB0uF.js';
import { p as publishComment, r as readOnlyNotice } from './comment-CSCE3G1z.js';
import './units-nscz4rrQ.js';
import './client-Zeac2swB.js';
import './retry-NQIoDi1P.js';
import './comment-loA4x1Pt.js';
import './escape-DUX7g4yH.js';
import './format-BGEBbMaQ.js';

/** Stage 10: the sticky PR comment (fork PRs' read-only tokens get a notice, not a failure). */
/** Creates or updates the PR's comment, as the `comment` input allows. */
async function publishPrComment(setup, model, remote, deps) {
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
