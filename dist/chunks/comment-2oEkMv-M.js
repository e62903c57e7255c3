import { GitHubApiError } from './client-Dbi04l1v.js';
import { c as commentMarker, p as previousVerdict, r as renderComment } from './comment-D07EH1nV.js';
import { d as buildCommentModel } from './model-CSX-gO8p.js';

/** Creates or updates the comment for the run `input` describes on PR `pr`, as `policy` allows. */
async function publishComment(api, pr, input, policy) {
    if (policy === 'never')
        return { kind: 'skipped', why: 'the comment input is never' };
    const marker = commentMarker(input.configPath);
    const existing = (await api.listComments(pr)).find((c) => c.body?.includes(marker));
    const regressed = (input.comparison?.regressions ?? 0) > 0;
    if (policy === 'on-regression' && !regressed && !existing) {
        return { kind: 'skipped', why: 'no regression and no earlier comment (comment: on-regression)' };
    }
    const previous = existing?.body ? previousVerdict(existing.body) : undefined;
    const body = renderComment(buildCommentModel({ ...input, fixedSince: previous === 'regression' && !regressed }));
    try {
        const posted = existing
            ? await api.updateComment(existing.id, body)
            : await api.createComment(pr, body);
        return { kind: 'posted', url: posted.html_url, updated: existing !== undefined };
    }
    catch (error) {
        if (error instanceof GitHubApiError && error.status === 403) {
            return { kind: 'read-only', message: error.message };
        }
        throw error;
    }
}
/** The notice for a read-only token: how to comment from a `workflow_run` workflow instead. */
function readOnlyNotice(message) {
    return (`perfgate could not comment on the PR (${message}). Pull requests from forks get a read-only token, ` +
        'so the results are in the job summary and the PR artifact instead. To comment on fork PRs, add a ' +
        'second workflow triggered by `workflow_run` (types: completed) of this one that runs perfgate with ' +
        '`mode: comment` and `permissions: pull-requests: write, actions: read` (see docs/github.md).');
}

export { publishComment as p, readOnlyNotice as r };
