/**
 * Config of the `queue` kind: producer and consumer throughput of a PostgreSQL message queue
 * (a small queue table perfgate creates, or PGMQ), at several batch sizes and backlog depths.
 */
import { z } from 'zod'
import { count, duration } from '../fields.js'
import type { SpecContext } from './define.js'
import { connectionFields, toConnectionSpec, type ConnectionSpec } from './postgres-fields.js'

/** The queue implementations a `queue` bench can drive. */
export const QUEUE_ENGINES = ['table', 'pgmq'] as const

/** True when no value repeats: a repeated depth or batch would give two results one name. */
function distinct(values: readonly number[]): boolean {
  return new Set(values).size === values.length
}

/** What a consumer does with a message it has read. */
export const QUEUE_ACKS = ['delete', 'archive'] as const

/** Fields of a `queue` bench. */
export const queueFields = {
  kind: z.literal('queue'),
  ...connectionFields,
  engine: z
    .enum(QUEUE_ENGINES, { error: `must be one of ${QUEUE_ENGINES.join(', ')}` })
    .optional()
    .meta({
      description:
        'table: a queue table perfgate creates in a throwaway schema; pgmq: a PGMQ queue (pgmq.create), skipped where the extension is absent (default table).',
    }),
  batch: z
    .array(count(1))
    .min(1, { error: 'must list at least one batch size' })
    .refine(distinct, { error: 'must not list a size twice (each is its own result)' })
    .optional()
    .meta({
      description: 'Messages sent and read per operation, e.g. [1, 10, 100] (default [1]).',
    }),
  depth: z
    .array(count(0))
    .min(1, { error: 'must list at least one depth' })
    .refine(distinct, { error: 'must not list a depth twice (each is its own result)' })
    .optional()
    .meta({
      description:
        'Messages already waiting in the queue, seeded before timing and removed after, e.g. [0, 10000, 100000] (default [0]).',
    }),
  ack: z
    .enum(QUEUE_ACKS, { error: `must be one of ${QUEUE_ACKS.join(', ')}` })
    .optional()
    .meta({
      description:
        'What the consumer does with a read message: delete it, or archive it (pgmq.archive; an archive table for engine: table) (default delete).',
    }),
  index: z.boolean({ error: 'must be true or false' }).optional().meta({
    description:
      "Keep the queue table's indexes (default true); false drops them, to see what an index-less read costs at depth.",
  }),
  'visibility-timeout': duration().optional().meta({
    description:
      'How long a read message stays invisible to other readers before it is deleted (default 30s).',
  }),
  message: z
    .record(z.string(), z.unknown(), { error: 'must be a JSON object' })
    .optional()
    .meta({ description: 'The JSON message sent (default {"kind":"perfgate"}).' }),
}

/** A validated `queue` bench spec. */
export interface QueueSpec extends ConnectionSpec {
  kind: 'queue'
  engine: (typeof QUEUE_ENGINES)[number]
  batches: number[]
  depths: number[]
  ack: (typeof QUEUE_ACKS)[number]
  index: boolean
  /** Whole seconds (PGMQ's unit). */
  visibilityTimeout: number
  message: Record<string, unknown>
}

/** The spec of a parsed `queue` bench. */
export function toQueueSpec(
  raw: z.output<z.ZodObject<typeof queueFields>>,
  ctx: SpecContext,
): QueueSpec {
  return {
    kind: 'queue',
    ...toConnectionSpec(raw, ctx.configDir),
    engine: raw.engine ?? 'table',
    batches: raw.batch ?? [1],
    depths: raw.depth ?? [0],
    ack: raw.ack ?? 'delete',
    index: raw.index ?? true,
    visibilityTimeout: Math.max(1, Math.round((raw['visibility-timeout'] ?? 30_000) / 1000)),
    message: raw.message ?? { kind: 'perfgate' },
  }
}
