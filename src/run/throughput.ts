/**
 * Throughput mode for any kind that can run an operation side by side: at each concurrency level,
 * N workers repeat the operation for a fixed duration; completions are counted per time slice,
 * so ops/s has a spread (one sample per slice), and each operation's latency is kept.
 */
import { quantile } from 'simple-statistics'
import type { Warmup } from '../config/fields.js'
import { formatTime, trim } from '../format.js'
import { makeMetric } from '../results/summary.js'
import type { Metric } from '../results/types.js'
import type { ScalingPoint } from '../results/scaling.js'
import type { Settings } from '../config/settings.js'
import { BenchError, type RunContext } from './outcome.js'

/**
 * One operation; `worker` is the worker's index (0..N-1), `seq` a run-wide counter. It may return
 * its own latency in ms (e.g. without an untimed cleanup), or a Timed with named parts of it;
 * otherwise its wall time is used.
 */
export type Operation = (worker: number, seq: number) => Promise<unknown>

/** An operation's latency and named parts of it in ms (e.g. `acquire`: waiting for a pooled connection). */
export interface Timed {
  ms: number
  parts: Record<string, number>
}

/** A part of each operation's latency recorded as its own `<name>@N` metric. */
export interface PartMetric {
  name: string
  /** Smallest change worth a verdict, in ms (a part that is near zero would swing by 100s of %). */
  resolution?: number
  /** Quantile of each round taken as its centre (Metric.roundQuantile); default p10. */
  roundQuantile?: number
}

/** How to measure. */
export interface ThroughputOptions {
  levels: readonly number[]
  /** Milliseconds of measurement per level. */
  duration: number
  /** Run before counting at each level (new connections, JIT). */
  warmup: Warmup
  signal: AbortSignal
  log(line: string): void
  /** Parts of the latency the operation reports (a Timed) that become metrics of their own. */
  parts?: readonly PartMetric[]
}

/** The throughput options a bench's settings give (levels, duration, warm-up) with its context. */
export function throughputOptions(settings: Settings, ctx: RunContext): ThroughputOptions {
  return {
    levels: settings.concurrency,
    duration: settings.duration ?? settings.time,
    warmup: settings.warmup,
    signal: ctx.signal,
    log: (line) => ctx.log(line),
  }
}

/** What one level measured. */
export interface LevelResult {
  concurrency: number
  /** ops/s in each slice of the duration. */
  slices: number[]
  /** Latency of every operation that completed within the duration, in ms. */
  latencies: number[]
  /** Each named part of those operations' latencies, in the same order. */
  parts: Record<string, number[]>
  opsPerSecond: number
}

/** What a throughput run adds to a bench: `throughput@N` and `time@N` metrics and the curve. */
export interface ThroughputResult {
  metrics: Metric[]
  scaling: ScalingPoint[]
}

/** Measures every level in order and returns the metrics and the scaling curve. */
export async function measureThroughput(
  operation: Operation,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const metrics: Metric[] = []
  const scaling: ScalingPoint[] = []
  let seq = 0
  const next = (): number => seq++
  for (const level of options.levels) {
    const result = await measureLevel(operation, level, options, next)
    if (result.latencies.length === 0) {
      throw new BenchError(
        `no operation completed within ${options.duration} ms at concurrency ${level}; make duration longer than one operation`,
      )
    }
    const sorted = [...result.latencies].sort((a, b) => a - b)
    const point: ScalingPoint = {
      concurrency: level,
      opsPerSecond: result.opsPerSecond,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      ...(options.parts?.length ? { parts: partMedians(result.parts) } : {}),
    }
    options.log(
      `concurrency ${level}: ${trim(point.opsPerSecond)} ops/s, p50 ${formatTime(point.p50)}, p99 ${formatTime(point.p99)}`,
    )
    scaling.push(point)
    metrics.push(
      makeMetric({
        name: `throughput@${level}`,
        unit: 'ops/s',
        better: 'bigger',
        samples: result.slices,
      }),
      makeMetric({ name: `time@${level}`, unit: 'ms', samples: result.latencies }),
      ...(options.parts ?? []).map((part) => ({
        ...makeMetric({
          name: `${part.name}@${level}`,
          unit: 'ms',
          samples: result.parts[part.name],
        }),
        ...(part.resolution === undefined ? {} : { resolution: part.resolution }),
        ...(part.roundQuantile === undefined ? {} : { roundQuantile: part.roundQuantile }),
      })),
    )
  }
  return { metrics, scaling }
}

/** Slices of 100 ms to 1 s, about ten per level, so ops/s has a spread without being too coarse. */
export function sliceCount(duration: number): number {
  const sliceMs = Math.min(1000, Math.max(100, duration / 10))
  return Math.max(1, Math.round(duration / sliceMs))
}

async function measureLevel(
  operation: Operation,
  concurrency: number,
  options: ThroughputOptions,
  next: () => number,
): Promise<LevelResult> {
  const { warmup, signal } = options
  if ('ms' in warmup && warmup.ms > 0) {
    const until = performance.now() + warmup.ms
    await runWorkers(concurrency, operation, next, signal, () => performance.now() < until)
  } else if ('iterations' in warmup && warmup.iterations > 0) {
    let started = 0
    await runWorkers(concurrency, operation, next, signal, () => started++ < warmup.iterations)
  }
  const slices = sliceCount(options.duration)
  const sliceMs = options.duration / slices
  const counts = new Array<number>(slices).fill(0)
  const latencies: number[] = []
  const parts: Record<string, number[]> = Object.fromEntries(
    (options.parts ?? []).map((part) => [part.name, []]),
  )
  const start = performance.now()
  const end = start + options.duration
  await runWorkers(
    concurrency,
    operation,
    next,
    signal,
    () => performance.now() < end,
    (latency, finished, reportedParts) => {
      if (finished > end) return
      counts[Math.min(slices - 1, Math.floor((finished - start) / sliceMs))]++
      latencies.push(latency)
      for (const [name, values] of Object.entries(parts)) values.push(reportedParts?.[name] ?? 0)
    },
  )
  const perSecond = 1000 / sliceMs
  return {
    concurrency,
    slices: counts.map((count) => count * perSecond),
    latencies,
    parts,
    opsPerSecond: latencies.length / (options.duration / 1000),
  }
}

/** N workers each repeat `operation` while `more()`; the first failure stops all and is thrown. */
async function runWorkers(
  concurrency: number,
  operation: Operation,
  next: () => number,
  signal: AbortSignal,
  more: () => boolean,
  done?: (latency: number, finished: number, parts?: Record<string, number>) => void,
): Promise<void> {
  let failed = false
  const worker = async (index: number): Promise<void> => {
    while (!failed && !signal.aborted && more()) {
      const began = performance.now()
      let reported: unknown
      try {
        reported = await operation(index, next())
      } catch (error) {
        failed = true
        throw error
      }
      const finished = performance.now()
      if (isTimed(reported)) done?.(reported.ms, finished, reported.parts)
      else done?.(typeof reported === 'number' ? reported : finished - began, finished)
    }
  }
  const outcomes = await Promise.allSettled(
    Array.from({ length: concurrency }, (_, index) => worker(index)),
  )
  const rejected = outcomes.find((outcome) => outcome.status === 'rejected')
  if (rejected) throw rejected.reason
  if (signal.aborted) throw new BenchError(`stopped at the bench's timeout`)
}

function isTimed(value: unknown): value is Timed {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Timed).ms === 'number' &&
    typeof (value as Timed).parts === 'object'
  )
}

function partMedians(parts: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(parts).map(([name, values]) => [name, quantile(values, 0.5)]),
  )
}
