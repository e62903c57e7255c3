/** What http and e2e benches do before their first sample: expand `${VAR}`, check templates, wait for health. */
import { setMaxListeners } from 'node:events'
import type { HealthSpec, RequestSpec } from '../../config/kinds/http.js'
import { BenchError, type RunContext } from '../outcome.js'
import { waitHealthy } from './health.js'
import {
  createClient,
  describeNetworkError,
  expectedText,
  preview,
  send,
  statusAccepted,
  type HttpClient,
  type Response,
} from './request.js'
import { expandEnv, unknownTokens, type Tokens } from './template.js'

/** A ready client: requests with env expanded, the base URLs to rotate over. */
export interface Prepared<R> {
  client: HttpClient
  requests: R
  /** Base URLs (round-robin), or [undefined] when urls are absolute. */
  bases: (string | undefined)[]
}

/**
 * Expands env references in `requests` and the bases (registering their values as secrets),
 * rejects unknown `{{tokens}}`, opens a keep-alive client and waits for `health` when set.
 */
export async function prepareHttp<R extends Record<string, RequestSpec | undefined>>(
  spec: { baseUrls: string[]; health?: HealthSpec },
  requests: R,
  ctx: RunContext,
): Promise<Prepared<R>> {
  for (const [field, request] of Object.entries(requests)) {
    const unknown = unknownTokens(request)
    if (unknown.length > 0) {
      throw new BenchError(
        `${field} uses unknown template ${unknown.map((t) => `{{${t}}}`).join(', ')}; known: {{uuid}}, {{uuidv4}}, {{uuidv7}}, {{now}}, {{now-iso}}, {{seq}}, {{id}}`,
      )
    }
  }
  const secret = (value: string): void => ctx.secret(value)
  const expanded = Object.fromEntries(
    Object.entries(requests).map(([field, request]) => [
      field,
      expandEnv(request, ctx.env, secret, field),
    ]),
  ) as R
  const baseUrls = expandEnv(spec.baseUrls, ctx.env, secret, 'base-urls')
  const bases = baseUrls.length > 0 ? baseUrls : [undefined]
  // Every request in flight listens on the bench's signal: 16 concurrent ones are not a leak.
  setMaxListeners(0, ctx.signal)
  const client = createClient()
  if (spec.health) {
    const health = expandEnv(spec.health, ctx.env, secret, 'health.url')
    await waitHealthy(client, health, bases, ctx.signal, (line) => ctx.log(line))
  }
  return { client, requests: expanded, bases }
}

/**
 * Sends `request` and checks its status; `label` is the request as configured (no secrets).
 * A refused connection or an unexpected status is a BenchError saying which request and why.
 */
export async function sendChecked(
  client: HttpClient,
  request: RequestSpec,
  label: RequestSpec,
  base: string | undefined,
  tokens: Tokens,
  signal: AbortSignal,
): Promise<Response> {
  let response: Response
  try {
    response = await send(client, request, base, tokens, signal)
  } catch (error) {
    if (error instanceof BenchError) throw error
    if (signal.aborted)
      throw new BenchError(`${label.method} ${label.url} was stopped at the bench's timeout`)
    throw new BenchError(`${label.method} ${label.url} failed: ${describeNetworkError(error)}`)
  }
  if (!statusAccepted(response.status, request.expectStatus)) {
    const body = preview(response.body)
    throw new BenchError(
      `${label.method} ${label.url} answered ${response.status}, expected ${expectedText(request.expectStatus)}${body ? `: ${body}` : ''}`,
    )
  }
  return response
}
