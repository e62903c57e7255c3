/** The `http` kind: one request per sample over keep-alive connections; or throughput at concurrency levels. */
import type { HttpSpec } from '../../config/kinds/http.js'
import { makeMetric } from '../../results/summary.js'
import type { KindRunner } from '../outcome.js'
import { closeClient } from '../http/request.js'
import { prepareHttp, sendChecked } from '../http/prepare.js'
import { collectSamples } from '../sampling.js'
import { measureThroughput, throughputOptions } from '../throughput.js'

/** Runs an `http` bench: health gate, warm-up, then timed requests (or throughput levels). */
export const runHttpBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as HttpSpec
  const { settings } = bench
  const { client, requests, bases } = await prepareHttp(spec, { request: spec.request }, ctx)
  try {
    let seq = 0
    const once = async (n = seq++): Promise<number> => {
      const base = bases[n % bases.length]
      const response = await sendChecked(
        client,
        requests.request,
        spec.request,
        base,
        { seq: n },
        ctx.signal,
      )
      return response.ms
    }
    if (settings.concurrency.length > 0) {
      const { metrics, scaling } = await measureThroughput(
        (_, n) => once(n),
        throughputOptions(settings, ctx),
      )
      return [{ name: bench.name, status: 'ok', metrics, details: { scaling } }]
    }
    const { samples, rounds } = await collectSamples(settings, () => once())
    return [
      {
        name: bench.name,
        status: 'ok',
        metrics: [makeMetric({ name: 'time', unit: 'ms', samples, rounds })],
      },
    ]
  } finally {
    closeClient(client)
  }
}
