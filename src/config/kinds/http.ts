/** Config of the `http` kind (one timed request per sample) and the request fields `e2e` shares. */
import { z } from 'zod'
import { duration, text } from '../fields.js'
import { parseJsonPath } from '../json-path.js'

/** An HTTP method such as GET or post (upper-cased). */
const method = () =>
  z
    .string({ error: 'must be an HTTP method like GET or POST' })
    .regex(/^[A-Za-z]+$/, { error: 'must be an HTTP method like GET or POST' })
    .transform((m) => m.toUpperCase())

const status = () =>
  z
    .int({ error: 'must be an HTTP status like 201' })
    .min(100, { error: 'must be an HTTP status like 201' })
    .max(599, { error: 'must be an HTTP status like 201' })

/** A simple JSON path like `$.id` or `$.task.uuid`. */
export const jsonPath = () =>
  z
    .string({ error: 'must be a JSON path like $.id or $.task.uuid' })
    .refine((path) => parseJsonPath(path) !== undefined, {
      error: 'must be a JSON path like $.id, $.task.uuid or $.items[0].id',
    })

/** The fields of one HTTP request (the `http` bench itself, or e2e's create/poll/cleanup). */
export const requestFields = {
  method: method()
    .optional()
    .meta({ description: 'HTTP method (default GET, or POST with a body).' }),
  url: text(
    'a URL like http://127.0.0.1:8080/v1/tasks, or a path like /v1/tasks with base-urls',
  ).meta({
    description:
      'URL, or a path resolved against base-urls. May use ${VAR} (environment) and {{uuid}}, {{uuidv7}}, {{now}}, {{seq}}.',
  }),
  headers: z
    .record(z.string(), z.string({ error: 'must be a string' }))
    .optional()
    .meta({ description: 'Request headers; values may use ${VAR} and {{...}} templates.' }),
  body: z
    .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())], {
      error: 'must be a string or a JSON object',
    })
    .optional()
    .meta({
      description:
        'Request body: a mapping is sent as JSON, a string as is. Strings may use ${VAR} and {{uuid}}, {{uuidv7}}, {{now}}, {{seq}}.',
    }),
  'expect-status': z
    .union([status(), z.array(status()).min(1)], {
      error: 'must be an HTTP status like 201 or a list like [200, 201]',
    })
    .optional()
    .meta({ description: 'Accepted response status(es) (default: any 2xx).' }),
}

/** A `health` gate: polled until it answers 2xx before any sample. */
export const healthField = () =>
  z
    .strictObject({
      url: text('a URL like http://127.0.0.1:8080/health, or a path with base-urls'),
      timeout: duration().optional().meta({ description: 'Give up after this (default 30s).' }),
      interval: duration().optional().meta({ description: 'Time between checks (default 500ms).' }),
      'on-failure': z.enum(['skip', 'error'], { error: 'must be skip or error' }).optional().meta({
        description: 'Unhealthy at the deadline: skip the bench, or mark it error (default).',
      }),
    })
    .optional()
    .meta({ description: 'Health check polled until 2xx before any sample.' })

/** Several base URLs (a cluster), used round-robin; request urls are then paths. */
export const baseUrlsField = () =>
  z
    .array(text('a base URL like http://127.0.0.1:8080'))
    .min(1)
    .optional()
    .meta({ description: 'Base URLs used round-robin, one per sample (a cluster).' })

/** Fields of an `http` bench. */
export const httpFields = {
  kind: z.literal('http'),
  ...requestFields,
  'base-urls': baseUrlsField(),
  health: healthField(),
}

/** One request, as the runner sends it (templates still unexpanded). */
export interface RequestSpec {
  method: string
  url: string
  headers: Record<string, string>
  /** A JSON value (sent as JSON) or a string (sent as is). */
  body?: unknown
  /** Accepted statuses; undefined means any 2xx. */
  expectStatus?: number[]
}

/** A health gate, with its defaults applied. */
export interface HealthSpec {
  url: string
  /** Milliseconds. */
  timeout: number
  /** Milliseconds. */
  interval: number
  onFailure: 'skip' | 'error'
}

/** A validated `http` bench spec. */
export interface HttpSpec {
  kind: 'http'
  request: RequestSpec
  baseUrls: string[]
  health?: HealthSpec
}

/** The parsed request fields. */
export interface RawRequest {
  method?: string
  url: string
  headers?: Record<string, string>
  body?: unknown
  'expect-status'?: number | number[]
}

/** Parsed request fields → a RequestSpec with defaults. */
export function toRequestSpec(raw: RawRequest, defaultMethod = 'GET'): RequestSpec {
  const expect = raw['expect-status']
  return {
    method: raw.method ?? (raw.body === undefined ? defaultMethod : 'POST'),
    url: raw.url,
    headers: raw.headers ?? {},
    ...(raw.body === undefined ? {} : { body: raw.body }),
    ...(expect === undefined ? {} : { expectStatus: Array.isArray(expect) ? expect : [expect] }),
  }
}

/** Parsed health fields → a HealthSpec with defaults. */
export function toHealthSpec(
  raw:
    | { url: string; timeout?: number; interval?: number; 'on-failure'?: 'skip' | 'error' }
    | undefined,
): HealthSpec | undefined {
  if (raw === undefined) return undefined
  return {
    url: raw.url,
    timeout: raw.timeout ?? 30_000,
    interval: raw.interval ?? 500,
    onFailure: raw['on-failure'] ?? 'error',
  }
}
