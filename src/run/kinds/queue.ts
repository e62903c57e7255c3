/**
 * The `queue` kind: producer and consumer throughput of a PostgreSQL queue. One sample is one
 * cycle: send a batch, then read a batch and delete (or archive) it, so the depth stays as seeded.
 */
import type { QueueSpec } from '../../config/kinds/queue.js'
import type { Settings } from '../../config/settings.js'
import type { Metric } from '../../results/types.js'
import { makeMetric } from '../../results/summary.js'
import { BenchError, type KindRunner, type MeasuredBench } from '../outcome.js'
import { describeQueryError, openConnection, readDatabaseUrl } from '../postgres/connect.js'
import { createQueue, type BenchQueue } from '../postgres/queue-engines.js'
import { elapsedMs, sampleInRounds, warmUp } from '../postgres/sampling.js'
import { withSetup } from '../postgres/with-setup.js'

/** Unit of the send and read rates. */
export const MESSAGES_PER_SECOND = 'msg/s'

/**
 * Runs a `queue` bench: connect, setup, create the queue; then per depth reseed it (untimed) and
 * per batch size warm up and sample cycles; drop the queue, teardown, close. Each (depth, batch)
 * is its own result, `<bench>[depth=D,batch=B]`, with `send` and `read` (msg/s) and `latency`.
 */
export const runQueueBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as QueueSpec
  const url = readDatabaseUrl(spec, ctx)
  const connection = await openConnection(url, spec, ctx)
  try {
    return await withSetup(connection.client, spec, async () => {
      const queue = await createQueue(connection.client, spec)
      try {
        ctx.log(`${queue.description} on PostgreSQL ${connection.server.version}`)
        const results: MeasuredBench[] = []
        for (const depth of spec.depths) {
          for (const batch of spec.batches) {
            // Reseeded for every batch size: a cycle leaves the depth as it was, a failed one may not.
            await queue.reset(depth)
            const measured = await measureCycles(queue, spec, batch, bench.settings, ctx.signal)
            results.push({
              name: `${bench.name}[depth=${depth},batch=${batch}]`,
              status: 'ok',
              metrics: measured,
              details: {
                server: connection.server,
                queue: queue.description,
                engine: spec.engine,
                depth,
                batch,
                ack: spec.ack,
                index: spec.index,
                visibilityTimeoutSeconds: spec.visibilityTimeout,
                method: `per sample: send a batch (one statement), then read a batch (visibility timeout) and ${spec.ack} it; latency = send start to ${spec.ack} end`,
              },
            })
          }
        }
        return results
      } finally {
        await queue.drop().catch(() => undefined)
      }
    })
  } finally {
    await connection.close()
  }
}

/** Warms up and samples send → read → delete cycles of `batch` messages; the three metrics. */
async function measureCycles(
  queue: BenchQueue,
  spec: QueueSpec,
  batch: number,
  settings: Settings,
  signal: AbortSignal,
): Promise<Metric[]> {
  const message = JSON.stringify(spec.message)
  const messages = new Array<string>(batch).fill(message)
  const sendRates: number[] = []
  const readRates: number[] = []
  const cycle = async (): Promise<{ send: number; read: number; latency: number }> => {
    const start = process.hrtime.bigint()
    await step('send', () => queue.send(messages))
    const sent = process.hrtime.bigint()
    const ids = await step('read', () => queue.read(batch))
    await step(spec.ack, () => queue.ack(ids))
    const done = process.hrtime.bigint()
    if (ids.length < batch) {
      throw new BenchError(
        `read returned ${ids.length} of ${batch} messages just sent: is another consumer reading this queue?`,
      )
    }
    return {
      send: (batch * 1000) / elapsedMs(start, sent),
      read: (batch * 1000) / elapsedMs(sent, done),
      latency: elapsedMs(start, done),
    }
  }
  await warmUp(settings.warmup, cycle, signal)
  const [sampled] = await sampleInRounds(
    settings,
    1,
    async () => {
      const timed = await cycle()
      sendRates.push(timed.send)
      readRates.push(timed.read)
      return timed.latency
    },
    signal,
  )
  return [
    makeMetric({
      name: 'send',
      unit: MESSAGES_PER_SECOND,
      better: 'bigger',
      samples: sendRates,
      rounds: sampled.rounds,
    }),
    makeMetric({
      name: 'read',
      unit: MESSAGES_PER_SECOND,
      better: 'bigger',
      samples: readRates,
      rounds: sampled.rounds,
    }),
    makeMetric({ name: 'latency', unit: 'ms', samples: sampled.samples, rounds: sampled.rounds }),
  ]
}

/** Runs one queue operation; a database error becomes a BenchError naming the operation. */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof BenchError) throw error
    throw new BenchError(describeQueryError(error, `queue ${what}`, `queue ${what}`))
  }
}
