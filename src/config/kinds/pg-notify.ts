/** Config of the `pg-notify` kind: LISTEN/NOTIFY round trip from a sender to a persistent listener. */
import { z } from 'zod'
import { duration, text } from '../fields.js'
import type { SpecContext } from './define.js'
import { connectionFields, toConnectionSpec, type ConnectionSpec } from './postgres-fields.js'

/** The placeholder a notify payload must contain: replaced by a unique token per sample. */
export const TOKEN_PLACEHOLDER = '{{token}}'

/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; keep room for the token. */
const MAX_PAYLOAD_BYTES = 7900

/** Fields of a `pg-notify` bench. */
export const pgNotifyFields = {
  kind: z.literal('pg-notify'),
  ...connectionFields,
  channel: text('a channel name')
    .optional()
    .meta({ description: 'Channel the listener LISTENs on (default perfgate_bench).' }),
  'notify-sql': text('SQL')
    .optional()
    .meta({
      description:
        'SQL the sender runs each sample; $1 is the payload (with its token), $2 the channel (default SELECT pg_notify($2, $1)).',
      examples: ["SELECT pgmq_send_with_notify('bench_queue', $1::jsonb, 0)"],
    }),
  payload: text('a payload containing {{token}}')
    .refine((value) => value.includes(TOKEN_PLACEHOLDER), {
      error: `must contain ${TOKEN_PLACEHOLDER} (replaced by a unique token per sample, to match the notification)`,
    })
    .refine((value) => new TextEncoder().encode(value).length < MAX_PAYLOAD_BYTES, {
      error: `must be shorter than ${MAX_PAYLOAD_BYTES} bytes (PostgreSQL's NOTIFY limit is 8000)`,
    })
    .optional()
    .meta({ description: 'Payload template (default {"token":"{{token}}"}).' }),
  'sample-timeout': duration()
    .optional()
    .meta({ description: 'How long one sample waits for its notification (default 1s).' }),
}

/** A validated `pg-notify` bench spec. */
export interface PgNotifySpec extends ConnectionSpec {
  kind: 'pg-notify'
  channel: string
  notifySql: string
  payload: string
  /** Milliseconds. */
  sampleTimeout: number
}

/** The spec of a parsed `pg-notify` bench. */
export function toPgNotifySpec(
  raw: z.output<z.ZodObject<typeof pgNotifyFields>>,
  ctx: SpecContext,
): PgNotifySpec {
  return {
    kind: 'pg-notify',
    ...toConnectionSpec(raw, ctx.configDir),
    channel: raw.channel ?? 'perfgate_bench',
    notifySql: raw['notify-sql'] ?? 'SELECT pg_notify($2, $1)',
    payload: raw.payload ?? `{"token":"${TOKEN_PLACEHOLDER}"}`,
    sampleTimeout: raw['sample-timeout'] ?? 1000,
  }
}
