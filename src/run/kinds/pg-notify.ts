/** The `pg-notify` kind: time from sending a NOTIFY to a persistent listener receiving it. */
import { randomUUID } from 'node:crypto'
import { TOKEN_PLACEHOLDER, type PgNotifySpec } from '../../config/kinds/pg-notify.js'
import { formatDuration } from '../../format.js'
import { makeMetric } from '../../results/summary.js'
import { BenchError, type KindRunner } from '../outcome.js'
import { firstLine, openConnection, readDatabaseUrl, runSql } from '../postgres/connect.js'
import { elapsedMs, sampleInRounds, warmUp } from '../postgres/sampling.js'
import { withSetup } from '../postgres/with-setup.js'

/**
 * Runs a `pg-notify` bench. The listener connects and LISTENs once, before any timing (no
 * sleeps); each sample sends a payload with a fresh token from the sender connection and
 * stops the clock when the listener gets the notification carrying that token.
 */
export const runPgNotifyBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as PgNotifySpec
  const url = readDatabaseUrl(spec, ctx)
  const listener = await openConnection(url, spec, ctx)
  try {
    const sender = await openConnection(url, spec, ctx)
    try {
      return await withSetup(sender.client, spec, async () => {
        const channel = listener.client.escapeIdentifier(spec.channel)
        const waiting = new Map<string, (at: bigint) => void>()
        listener.client.on('notification', (message) => {
          const at = process.hrtime.bigint()
          if (message.channel !== spec.channel || message.payload === undefined) return
          for (const [token, resolve] of waiting) if (message.payload.includes(token)) resolve(at)
        })
        await runSql(listener.client, `LISTEN ${channel}`, 'LISTEN')
        try {
          const once = () => roundTrip(spec, sender.client, waiting)
          await warmUp(bench.settings.warmup, once, ctx.signal)
          const [sampled] = await sampleInRounds(bench.settings, 1, once, ctx.signal)
          return [
            {
              name: bench.name,
              status: 'ok' as const,
              metrics: [makeMetric({ name: 'time', unit: 'ms', ...sampled })],
              details: {
                server: listener.server,
                channel: spec.channel,
                notifySql: firstLine(spec.notifySql),
                payloadBytes: new TextEncoder().encode(payloadFor(spec, randomUUID())).length,
                sampleTimeoutMs: spec.sampleTimeout,
                method: 'persistent listener, LISTEN before timing; clock from send to receipt',
              },
            },
          ]
        } finally {
          await listener.client.query(`UNLISTEN ${channel}`).catch(() => undefined)
        }
      })
    } finally {
      await sender.close()
    }
  } finally {
    await listener.close()
  }
}

async function roundTrip(
  spec: PgNotifySpec,
  sender: import('pg').Client,
  waiting: Map<string, (at: bigint) => void>,
): Promise<number> {
  const token = randomUUID()
  let timer: NodeJS.Timeout | undefined
  const received = new Promise<bigint>((resolve, reject) => {
    waiting.set(token, resolve)
    timer = setTimeout(
      () =>
        reject(
          new BenchError(
            `no notification on channel "${spec.channel}" within ${formatDuration(spec.sampleTimeout)} ` +
              `(sample-timeout): does notify-sql \`${firstLine(spec.notifySql)}\` notify that channel with the payload?`,
          ),
        ),
      spec.sampleTimeout,
    )
  })
  // The send may fail first; the pending wait must not become an unhandled rejection then.
  received.catch(() => undefined)
  try {
    const start = process.hrtime.bigint()
    await runSql(sender, spec.notifySql, 'notify-sql', notifyParams(spec, token))
    return elapsedMs(start, await received)
  } finally {
    clearTimeout(timer)
    waiting.delete(token)
  }
}

/**
 * $1 = payload, $2 = channel: only as many as the SQL uses, since the server rejects extra
 * parameters (and cannot type an unused $1, so the payload, used by almost every SQL, is first).
 */
function notifyParams(spec: PgNotifySpec, token: string): string[] {
  const used = Math.max(0, ...[...spec.notifySql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))
  return [payloadFor(spec, token), spec.channel].slice(0, used)
}

function payloadFor(spec: PgNotifySpec, token: string): string {
  return spec.payload.split(TOKEN_PLACEHOLDER).join(token)
}
