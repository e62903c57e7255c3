/** Sending one HTTP request over keep-alive connections and timing it to the last body byte. */
import http from 'node:http'
import https from 'node:https'
import type { RequestSpec } from '../../config/kinds/http.js'
import { BenchError } from '../outcome.js'
import { fillJson, fillText, type Tokens } from './template.js'

/** Keep-alive agents shared by every request of one bench. */
export interface HttpClient {
  http: http.Agent
  https: https.Agent
}

/** The response of one request. */
export interface Response {
  status: number
  body: string
  /** Milliseconds from sending to the last byte of the body. */
  ms: number
}

/** Keep-alive agents; call closeClient when the bench is done. */
export function createClient(): HttpClient {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    https: new https.Agent({ keepAlive: true, maxSockets: Infinity }),
  }
}

/** Closes the client's idle connections. */
export function closeClient(client: HttpClient): void {
  client.http.destroy()
  client.https.destroy()
}

/** The absolute URL of `url` (a URL, or a path when `base` is given), tokens filled. */
export function resolveUrl(url: string, base: string | undefined, tokens: Tokens): URL {
  const filled = fillText(url, tokens)
  if (/^https?:\/\//i.test(filled)) return new URL(filled)
  if (base === undefined) {
    throw new BenchError(
      `url ${JSON.stringify(url)} is not an http(s) URL; write a full URL, or list base-urls and write a path`,
    )
  }
  return new URL(filled.replace(/^\/?/, '/'), base.replace(/\/+$/, '') + '/')
}

/** Sends `request` (env already expanded) with tokens filled; rejects on network errors. */
export function send(
  client: HttpClient,
  request: RequestSpec,
  base: string | undefined,
  tokens: Tokens,
  signal: AbortSignal,
): Promise<Response> {
  const url = resolveUrl(request.url, base, tokens)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = fillText(value, tokens)
  let body: string | undefined
  if (typeof request.body === 'string') body = fillText(request.body, tokens)
  else if (request.body !== undefined) {
    body = JSON.stringify(fillJson(request.body, tokens))
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json'
    }
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  const secure = url.protocol === 'https:'
  const attempt = (retryStale: boolean): Promise<Response> =>
    new Promise((resolve, reject) => {
      const started = performance.now()
      const req = (secure ? https : http).request(
        url,
        { method: request.method, headers, agent: secure ? client.https : client.http, signal },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          )
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed while idle fails at once on reuse; that is the
        // connection's fault, not the API's: send again on a fresh socket, once.
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
        if (retryStale && stale && !signal.aborted) attempt(false).then(resolve, reject)
        else reject(error)
      })
      req.end(body)
    })
  return attempt(true)
}

/** True when `status` is accepted: one of `expect`, or any 2xx without one. */
export function statusAccepted(status: number, expect: readonly number[] | undefined): boolean {
  return expect === undefined ? status >= 200 && status < 300 : expect.includes(status)
}

/** What was expected, for messages (`2xx`, `201`, `200 or 204`). */
export function expectedText(expect: readonly number[] | undefined): string {
  return expect === undefined ? '2xx' : expect.join(' or ')
}

/** A short preview of a response body for an error message. */
export function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat
}

/** A network error as a short phrase (`ECONNREFUSED 127.0.0.1:9`). */
export function describeNetworkError(error: unknown): string {
  const err = error as NodeJS.ErrnoException
  if (err?.name === 'AbortError') return 'no answer in time'
  return err?.code
    ? `${err.code}${err.message ? ` (${err.message})` : ''}`
    : String(err?.message ?? error)
}
