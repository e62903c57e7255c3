/**
 * The GitHub REST client: @actions/github's Octokit with the official retry and throttling
 * plugins, a deadline on every call, a cap on the time spent waiting for rate limits, and errors
 * that say which call failed and which permission the token lacks.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { errorMessage } from '../errors.js'
import type { RetryPolicy } from './retry.js'

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
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'GitHubApiError'
  }
}

/** What the client needs: where, who, how patiently. */
export interface ClientOptions {
  apiUrl: string
  token: string
  retry: RetryPolicy
  /** Kept for callers; Octokit's plugins do their own waiting. */
  sleep?: (ms: number) => Promise<void>
  log?: (line: string) => void
  fetch?: typeof fetch
  /** The deadline of one call, retries and rate-limit waits included. */
  callTimeoutMs?: number
}

/** Sends one call (JSON in, JSON out). */
export type GitHubClient = <T>(call: ApiCall) => Promise<ApiResponse<T>>

/** One call's deadline by default: with 4 attempts and capped waits, well under 2 minutes. */
export const CALL_TIMEOUT_MS = 100_000

/** The most time one call may spend waiting for a rate limit to lift, all retries together. */
export const RATE_LIMIT_BUDGET_MS = 60_000

type Octokit = {
  request: (
    route: string,
    params: Record<string, unknown>,
  ) => Promise<{
    status: number
    data: unknown
    headers: Record<string, string | number | undefined>
  }>
}

/** Creates the client; the Octokit is built on the first call. */
export function createClient(options: ClientOptions): GitHubClient {
  let octokit: Octokit | undefined
  const timeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS
  return async <T>(call: ApiCall): Promise<ApiResponse<T>> => {
    octokit ??= makeOctokit(options)
    const client = octokit
    // Waits granted to this call so far, so a lasting rate limit cannot stretch it unbounded.
    const waited = { ms: 0 }
    try {
      const response = await client.request(`${call.method} ${call.path}`, {
        ...(call.body === undefined ? {} : (call.body as Record<string, unknown>)),
        request: { signal: AbortSignal.timeout(timeoutMs), perfgateWaited: waited },
      })
      const headers = new Headers()
      for (const [name, value] of Object.entries(response.headers))
        if (value !== undefined) headers.set(name, String(value))
      return { status: response.status, data: response.data as T, headers }
    } catch (error) {
      throw explain(call, error, options.retry)
    }
  }
}

function makeOctokit(options: ClientOptions): Octokit {
  const policy = options.retry
  // Retry while attempts and the wait budget last, and only for a wait the policy allows.
  const onLimit =
    (kind: string) =>
    (
      retryAfterSeconds: number,
      request: { method?: string; url?: string; request?: object },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const ms = retryAfterSeconds * 1000
      const waited = (request.request as { perfgateWaited?: { ms: number } } | undefined)
        ?.perfgateWaited ?? {
        ms: 0,
      }
      const retry =
        retryCount < policy.attempts - 1 &&
        ms <= policy.maxDelayMs &&
        waited.ms + ms <= RATE_LIMIT_BUDGET_MS
      if (retry) waited.ms += ms
      options.log?.(
        `${request.method ?? ''} ${stripQuery(request.url ?? '')}: ${kind} rate limit, ${retry ? `retrying in ${retryAfterSeconds} s` : `giving up (a ${retryAfterSeconds} s wait is over the limit or out of attempts)`}`,
      )
      return retry
    }
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      userAgent: 'perfgate',
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: {
        retries: Math.max(0, policy.attempts - 1),
        // plugin-retry waits retryCount² × this: 1 s, 4 s, 9 s by default.
        retryAfterBaseValue: policy.baseDelayMs,
      },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    },
    retry,
    throttling,
  )
}

/** Turns an Octokit failure into a message naming the call, the cause, and the way out. */
function explain(call: ApiCall, error: unknown, policy: RetryPolicy): GitHubApiError {
  const where = `GitHub API call to ${call.what} (${call.method} ${stripQuery(call.path)})`
  const status = statusOf(error)
  const message = serverMessage(error)
  if (status === undefined) {
    const timedOut = /abort|timeout/i.test(errorMessage(error))
    return new GitHubApiError(
      `${where} failed${timedOut ? ' (deadline passed)' : ''} after up to ${policy.attempts} attempts: ${message}`,
      null,
      call,
      undefined,
      { cause: error },
    )
  }
  const rateLimited =
    status === 429 ||
    (status === 403 &&
      (/rate limit/i.test(message) || headerOf(error, 'x-ratelimit-remaining') === '0'))
  if (status === 403 && !rateLimited && /not accessible by integration|permission/i.test(message)) {
    return new GitHubApiError(
      `${where} failed: 403 ${message}. The token lacks the \`${call.permission}\` permission: add it under \`permissions:\` in the workflow (or job)`,
      status,
      call,
      call.permission,
      { cause: error },
    )
  }
  if (status === 401) {
    return new GitHubApiError(
      `${where} failed: 401 ${message}. Check the github-token input`,
      status,
      call,
      undefined,
      {
        cause: error,
      },
    )
  }
  const retried = status >= 500 || rateLimited ? ` after up to ${policy.attempts} attempts` : ''
  return new GitHubApiError(
    `${where} failed${retried}: ${status} ${message}`,
    status,
    call,
    undefined,
    {
      cause: error,
    },
  )
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  // Octokit reports a network failure as status 500 with no response.
  const response = (error as { response?: unknown } | null)?.response
  return typeof status === 'number' && response !== undefined ? status : undefined
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers
  const value = headers?.[name]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/** The server's own message (`{"message": ...}`), else the error's. */
function serverMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data
  if (typeof data === 'object' && data !== null && 'message' in data) return String(data.message)
  if (typeof data === 'string' && data) return data.slice(0, 200)
  return errorMessage(error)
}

function stripQuery(path: string): string {
  return path.split('?')[0]
}
