/**
 * The `e2e` kind: create something over HTTP, then poll its status until done. A sample is the
 * time from sending the create request to the poll answer that says done, so its resolution is
 * the poll interval.
 */
import type { E2eSpec } from '../../config/kinds/e2e.js'
import { parseJsonPath, readJsonPath, type PathSegment } from '../../config/json-path.js'
import { formatDuration, formatPercentage } from '../../format.js'
import { makeMetric } from '../../results/summary.js'
import type { Metric } from '../../results/types.js'
import { BenchError, type KindRunner } from '../outcome.js'
import { sleep } from '../http/health.js'
import { prepareHttp, sendChecked } from '../http/prepare.js'
import { closeClient, preview } from '../http/request.js'
import { collectSamples } from '../sampling.js'
import { measureThroughput, throughputOptions } from '../throughput.js'

/** Runs an `e2e` bench: health gate, warm-up, then timed create-and-wait samples (or throughput). */
export const runE2eBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as E2eSpec
  const { settings } = bench
  const idPath = parseJsonPath(spec.id) as PathSegment[]
  const fieldPath = parseJsonPath(spec.poll.field) as PathSegment[]
  const { client, requests, bases } = await prepareHttp(
    spec,
    { create: spec.create, poll: spec.poll, cleanup: spec.cleanup },
    ctx,
  )
  const { create, poll, cleanup } = requests

  const sample = async (n: number): Promise<number> => {
    const base = bases[n % bases.length]
    const started = performance.now()
    const deadline = started + spec.sampleTimeout
    const created = await sendChecked(client, create, spec.create, base, { seq: n }, ctx.signal)
    const rawId = readJsonPath(parseJson(created.body, 'create', spec.create.url), idPath)
    if (typeof rawId !== 'string' && typeof rawId !== 'number') {
      throw new BenchError(
        `the create response has no ${spec.id} (a string or number); set id to where the new id is: ${preview(created.body)}`,
      )
    }
    const tokens = { seq: n, id: String(rawId) }
    let last: unknown = 'no answer yet'
    const notDone = (): BenchError =>
      new BenchError(
        `${tokens.id} was not done within sample-timeout ${formatDuration(spec.sampleTimeout)}; last ${spec.poll.field} was ${JSON.stringify(last)}`,
      )
    for (;;) {
      const polled = performance.now()
      if (polled > deadline) throw notDone()
      const expired = AbortSignal.timeout(Math.ceil(deadline - polled) + 1)
      const signal = AbortSignal.any([ctx.signal, expired])
      let answer: Awaited<ReturnType<typeof sendChecked>>
      try {
        answer = await sendChecked(client, poll, spec.poll, base, tokens, signal)
      } catch (error) {
        // A poll still in flight at the deadline is the sample's timeout, not the bench's.
        if (expired.aborted && !ctx.signal.aborted) throw notDone()
        throw error
      }
      last = readJsonPath(parseJson(answer.body, 'poll', spec.poll.url), fieldPath)
      const status = String(last)
      if (spec.poll.success.includes(status)) break
      if (spec.poll.failure.includes(status)) {
        throw new BenchError(`${tokens.id} failed: ${spec.poll.field} is ${JSON.stringify(last)}`)
      }
      await sleep(Math.max(0, polled + spec.pollInterval - performance.now()), ctx.signal)
      if (ctx.signal.aborted) throw new BenchError(`stopped at the bench's timeout`)
    }
    const elapsed = performance.now() - started
    if (cleanup && spec.cleanup) {
      await sendChecked(client, cleanup, spec.cleanup, base, tokens, ctx.signal)
    }
    return elapsed
  }

  try {
    let seq = 0
    const withResolution = (metric: Metric): Metric =>
      metric.unit === 'ms' ? { ...metric, resolution: spec.pollInterval } : metric
    if (settings.concurrency.length > 0) {
      const { metrics, scaling } = await measureThroughput(
        (_, n) => sample(n),
        throughputOptions(settings, ctx),
      )
      const median = scaling[0].p50
      return [
        {
          name: bench.name,
          status: 'ok',
          metrics: metrics.map(withResolution),
          details: {
            scaling,
            resolution: resolutionNote(
              spec.pollInterval,
              median,
              bench.settings.regressionThreshold,
            ),
          },
        },
      ]
    }
    const { samples, rounds } = await collectSamples(settings, () => sample(seq++))
    const metric = withResolution(makeMetric({ name: 'time', unit: 'ms', samples, rounds }))
    return [
      {
        name: bench.name,
        status: 'ok',
        metrics: [metric],
        details: {
          resolution: resolutionNote(
            spec.pollInterval,
            metric.summary.median,
            settings.regressionThreshold,
          ),
        },
      },
    ]
  } finally {
    closeClient(client)
  }
}

/** The note on what a poll interval can and cannot show, against the bench's median and threshold. */
export function resolutionNote(intervalMs: number, medianMs: number, threshold: number): string {
  const smallest = medianMs * threshold
  const example = Math.max(1, Math.round(intervalMs / 5))
  const base = `Completion is seen by polling every ${formatDuration(intervalMs)}, so each sample is only accurate to about ${formatDuration(intervalMs)}: a regression smaller than that (e.g. ${formatDuration(example)}) cannot be told apart from polling jitter.`
  const scale =
    intervalMs > smallest
      ? ` At a median of ${formatDuration(medianMs)}, the ${formatPercentage(threshold)} regression threshold is ${formatDuration(smallest)}, finer than this resolution: set poll-interval to ${formatDuration(Math.max(1, Math.floor(smallest / 2)))} or less to see such a change.`
      : ` To resolve smaller changes, lower poll-interval (e.g. ${formatDuration(Math.max(1, Math.floor(intervalMs / 5)))}), at the cost of more status requests.`
  return base + scale
}

function parseJson(body: string, what: string, url: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    throw new BenchError(`the ${what} response of ${url} is not JSON: ${preview(body)}`)
  }
}
