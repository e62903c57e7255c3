/** A small GitHub REST client over fetch: retries transient failures, explains permanent ones. */
import { withRetry, type RetryPolicy } from './retry.js'

/** The permission a call needs, named in the error when the token lacks it. */
export type Permission =
  | 'pull-requests: write'
  | 'pull-requests: read'
  | 'actions: read'
  | 'contents: read'
  | 'issues: read'

/** One REST call: what it is for (in messages), the permission it needs, and the request. */
export interface ApiCall {
  /** What the call does, for messages: "list the PR's comments". */
  what: string
  permission: Permission
  method: 'GET' | 'POST' | 'PATCH'
  /** Path with query, e.g. `/repos/o/r/pulls/1`. */
  path: string
  body?: unknown
}

/** A response: status, parsed JSON body and headers. */
export interface ApiResponse<T> {
  status: number
  data: T
  headers: Headers
}

/** A failed call, after retries; the message says which call failed, why, and what to do. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly call: ApiCall,
    /** The permission to add, when the token lacked it. */
    readonly missingPermission?: Permission,
  ) {
    super(message)
    this.name = 'GitHubApiError'
  }
}

/** What the client needs: where, who, how patiently. */
export interface ClientOptions {
  apiUrl: string
  token: string
  retry: RetryPolicy
  sleep: (ms: number) => Promise<void>
  log?: (line: string) => void
  fetch?: typeof fetch
}

/** Sends one call (JSON in, JSON out). */
export type GitHubClient = <T>(call: ApiCall) => Promise<ApiResponse<T>>

class TransientError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly delayMs?: number,
  ) {
    super(message)
  }
}

/** Creates the client. */
export function createClient(options: ClientOptions): GitHubClient {
  const doFetch = options.fetch ?? fetch
  return async <T>(call: ApiCall): Promise<ApiResponse<T>> => {
    const once = async (): Promise<ApiResponse<T>> => {
      let response: Response
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
        })
      } catch (error) {
        throw new TransientError(`network error: ${(error as Error).message}`, null)
      }
      const text = await response.text()
      let data: unknown = undefined
      try {
        data = text ? JSON.parse(text) : undefined
      } catch {
        data = text
      }
      if (response.status < 400)
        return { status: response.status, data: data as T, headers: response.headers }
      const message =
        typeof data === 'object' && data !== null && 'message' in data
          ? String(data.message)
          : text.slice(0, 200) || response.statusText
      const retryAfter = Number(response.headers.get('retry-after'))
      const delayMs =
        Number.isFinite(retryAfter) && response.headers.has('retry-after')
          ? retryAfter * 1000
          : undefined
      const rateLimited =
        response.status === 429 ||
        (response.status === 403 &&
          (/rate limit/i.test(message) || response.headers.get('x-ratelimit-remaining') === '0'))
      if (response.status >= 500 || rateLimited) {
        throw new TransientError(`${response.status} ${message}`, response.status, delayMs)
      }
      throw explain(call, response.status, message)
    }
    try {
      return await withRetry(
        once,
        (error) =>
          error instanceof TransientError
            ? {
                retry: true,
                why: `${call.what}: ${error.message}`,
                ...(error.delayMs === undefined ? {} : { delayMs: error.delayMs }),
              }
            : { retry: false },
        options.retry,
        { sleep: options.sleep, log: options.log },
      )
    } catch (error) {
      if (error instanceof TransientError) {
        throw new GitHubApiError(
          `GitHub API call to ${call.what} (${call.method} ${stripQuery(call.path)}) failed after ${options.retry.attempts} attempts: ${error.message}`,
          error.status,
          call,
        )
      }
      throw error
    }
  }
}

function explain(call: ApiCall, status: number, message: string): GitHubApiError {
  const where = `GitHub API call to ${call.what} (${call.method} ${stripQuery(call.path)})`
  if (status === 403 && /not accessible by integration|permission/i.test(message)) {
    return new GitHubApiError(
      `${where} failed: 403 ${message}. The token lacks the \`${call.permission}\` permission: add it under \`permissions:\` in the workflow (or job)`,
      status,
      call,
      call.permission,
    )
  }
  if (status === 401) {
    return new GitHubApiError(
      `${where} failed: 401 ${message}. Check the github-token input`,
      status,
      call,
    )
  }
  return new GitHubApiError(`${where} failed: ${status} ${message}`, status, call)
}

function stripQuery(path: string): string {
  return path.split('?')[0]
}
