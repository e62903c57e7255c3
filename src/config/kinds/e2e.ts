/** Config of the `e2e` kind: create something over HTTP, then poll until it is done; one sample each. */
import { z } from 'zod'
import { duration, text } from '../fields.js'
import {
  baseUrlsField,
  healthField,
  jsonPath,
  requestFields,
  type HealthSpec,
  type RequestSpec,
} from './http.js'

const values = (what: string) =>
  z
    .union([z.string(), z.array(z.string()).min(1)], {
      error: `must be a value or a list of values ${what}`,
    })
    .transform((value) => (Array.isArray(value) ? value : [value]))

/** Fields of an `e2e` bench. */
export const e2eFields = {
  kind: z.literal('e2e'),
  'base-urls': baseUrlsField(),
  health: healthField(),
  create: z.strictObject(requestFields).meta({ description: 'The request that starts the work.' }),
  id: jsonPath().meta({ description: 'Where the new id is in the create response, e.g. $.id.' }),
  poll: z
    .strictObject({
      ...requestFields,
      url: text('a URL or path containing {{id}}').meta({
        description: 'Status URL; {{id}} is replaced by the id from the create response.',
      }),
      field: jsonPath().meta({ description: 'Status field in the poll response, e.g. $.status.' }),
      success: values('meaning done, like all_complete').meta({
        description: 'Status value(s) that mean done: the sample ends.',
      }),
      failure: values('meaning failed, like error')
        .optional()
        .meta({ description: 'Status value(s) that mean the work failed: the bench errors.' }),
    })
    .meta({ description: 'How to ask for the status, and which values end the wait.' }),
  'poll-interval': duration().optional().meta({
    description: 'Time between polls (default 50ms); it is the resolution of every sample.',
  }),
  'sample-timeout': duration()
    .optional()
    .meta({ description: 'Give up waiting for one sample after this (default 30s).' }),
  cleanup: z.strictObject(requestFields).optional().meta({
    description: 'A request sent after each sample (not timed), e.g. DELETE /v1/tasks/{{id}}.',
  }),
}

/** A validated `e2e` bench spec. */
export interface E2eSpec {
  kind: 'e2e'
  baseUrls: string[]
  health?: HealthSpec
  create: RequestSpec
  /** JSON path of the id in the create response. */
  id: string
  poll: RequestSpec & { field: string; success: string[]; failure: string[] }
  /** Milliseconds. */
  pollInterval: number
  /** Milliseconds. */
  sampleTimeout: number
  cleanup?: RequestSpec
}
