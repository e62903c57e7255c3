import { w as withRetry } from './retry-NQIoDi1P.js';

/** A small GitHub REST client over fetch: retries transient failures, explains permanent ones. */
/** A failed call, after retries; the message says which call failed, why, and what to do. */
class GitHubApiError extends Error {
    status;
    call;
    missingPermission;
    constructor(message, status, call, 
    /** The permission to add, when the token lacked it. */
    missingPermission) {
        super(message);
        this.status = status;
        this.call = call;
        this.missingPermission = missingPermission;
        this.name = 'GitHubApiError';
    }
}
class TransientError extends Error {
    status;
    delayMs;
    constructor(message, status, delayMs) {
        super(message);
        this.status = status;
        this.delayMs = delayMs;
    }
}
/** Creates the client. */
function createClient(options) {
    const doFetch = options.fetch ?? fetch;
    return async (call) => {
        const once = async () => {
            let response;
            try {
                response = await doFetch(`${options.apiUrl}${call.path}`, {
                    method: call.method,
                    headers: {
                        accept: 'application/vnd.github+json',
                        authorization: `Bearer ${options.token}`,
                        'x-github-api-version': '2022-11-28',
                        'user-agent': 'perfgate',
                        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
                    },
                    body: call.body === undefined ? undefined : JSON.stringify(call.body),
                    redirect: 'manual',
                });
            }
            catch (error) {
                throw new TransientError(`network error: ${error.message}`, null);
            }
            const text = await response.text();
            let data = undefined;
            try {
                data = text ? JSON.parse(text) : undefined;
            }
            catch {
                data = text;
            }
            if (response.status < 400)
                return { status: response.status, data: data, headers: response.headers };
            const message = typeof data === 'object' && data !== null && 'message' in data
                ? String(data.message)
                : text.slice(0, 200) || response.statusText;
            const retryAfter = Number(response.headers.get('retry-after'));
            const delayMs = Number.isFinite(retryAfter) && response.headers.has('retry-after')
                ? retryAfter * 1000
                : undefined;
            const rateLimited = response.status === 429 ||
                (response.status === 403 &&
                    (/rate limit/i.test(message) || response.headers.get('x-ratelimit-remaining') === '0'));
            if (response.status >= 500 || rateLimited) {
                throw new TransientError(`${response.status} ${message}`, response.status, delayMs);
            }
            throw explain(call, response.status, message);
        };
        try {
            return await withRetry(once, (error) => error instanceof TransientError
                ? {
                    retry: true,
                    why: `${call.what}: ${error.message}`,
                    ...(error.delayMs === undefined ? {} : { delayMs: error.delayMs }),
                }
                : { retry: false }, options.retry, { sleep: options.sleep, log: options.log });
        }
        catch (error) {
            if (error instanceof TransientError) {
                throw new GitHubApiError(`GitHub API call to ${call.what} (${call.method} ${stripQuery(call.path)}) failed after ${options.retry.attempts} attempts: ${error.message}`, error.status, call);
            }
            throw error;
        }
    };
}
function explain(call, status, message) {
    const where = `GitHub API call to ${call.what} (${call.method} ${stripQuery(call.path)})`;
    if (status === 403 && /not accessible by integration|permission/i.test(message)) {
        return new GitHubApiError(`${where} failed: 403 ${message}. The token lacks the \`${call.permission}\` permission: add it under \`permissions:\` in the workflow (or job)`, status, call, call.permission);
    }
    if (status === 401) {
        return new GitHubApiError(`${where} failed: 401 ${message}. Check the github-token input`, status, call);
    }
    return new GitHubApiError(`${where} failed: ${status} ${message}`, status, call);
}
function stripQuery(path) {
    return path.split('?')[0];
}

export { GitHubApiError, createClient };
