/** The workflow run's context (repository, event, PR) from the runner's variables and event payload. */
/** Thrown when the runner's variables are missing (the action is not running on GitHub Actions). */
class ContextError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ContextError';
    }
}
/** Reads the context from `env` (GITHUB_*) and the event payload's JSON text. */
function readContext(env, payloadText) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) {
        throw new ContextError('GITHUB_REPOSITORY is not set (expected owner/name): perfgate must run as a GitHub Actions step');
    }
    let payload = {};
    if (payloadText) {
        try {
            payload = JSON.parse(payloadText);
        }
        catch (error) {
            throw new ContextError(`the event payload (GITHUB_EVENT_PATH) is not JSON: ${error.message}`);
        }
    }
    const ref = env.GITHUB_REF ?? '';
    const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
    const pathMatch = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef);
    const pr = payload.pull_request;
    const run = payload.workflow_run;
    return {
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref,
        runId: Number(env.GITHUB_RUN_ID ?? 0),
        workflow: env.GITHUB_WORKFLOW ?? '',
        ...(pathMatch ? { workflowPath: pathMatch[1] } : {}),
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        ...(typeof payload.repository?.default_branch === 'string'
            ? { defaultBranch: payload.repository.default_branch }
            : {}),
        ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {}),
        ...(pr
            ? {
                pullRequest: {
                    number: Number(pr.number ?? payload.number),
                    baseRef: String(pr.base?.ref ?? ''),
                    baseSha: String(pr.base?.sha ?? ''),
                    headSha: String(pr.head?.sha ?? ''),
                    headRepo: String(pr.head?.repo?.full_name ?? repository),
                    fork: Boolean(pr.head?.repo?.fork) ||
                        (pr.head?.repo?.full_name ?? repository) !== repository,
                    labels: Array.isArray(pr.labels)
                        ? pr.labels.map((l) => String(l.name))
                        : [],
                },
            }
            : {}),
        ...(run
            ? {
                workflowRun: {
                    id: Number(run.id),
                    headSha: String(run.head_sha ?? ''),
                    event: String(run.event ?? ''),
                    conclusion: run.conclusion ?? null,
                    pullRequests: Array.isArray(run.pull_requests)
                        ? run.pull_requests.map((p) => Number(p.number))
                        : [],
                },
            }
            : {}),
    };
}
/** The URL of a workflow run's page. */
function runUrl(ctx, runId) {
    return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}`;
}

export { runUrl as a, readContext as r };
