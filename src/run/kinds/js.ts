/** The `js` kind: a module's exported functions, timed by tinybench in a fresh process per round. */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CALIBRATION_MODULE, type JsSpec } from '../../config/kinds/js.js'
import { makeMetric } from '../../results/summary.js'
import type { Metric } from '../../results/types.js'
import type { JsJob, JsLeakWindows, JsReply } from '../js-protocol.js'
import { judgeLeak } from '../leak.js'
import { BenchError, type KindRunner, type MeasuredBench } from '../outcome.js'
import { killGroup } from '../process.js'

/** Heap growth differences below this many bytes are GC noise, not a change. */
export const HEAP_GROWTH_RESOLUTION = 1024 * 1024

/** Samples kept per function across all rounds, unless `samples` asks for more. */
export const MAX_SAMPLES = 10_000

/** Runs a `js` bench: each round forks a worker that runs every selected export once. */
export const runJsBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as JsSpec
  const { settings } = bench
  const builtIn = spec.module === CALIBRATION_MODULE
  if (!builtIn && !existsSync(spec.module)) {
    throw new BenchError(`module ${spec.module} does not exist`)
  }
  if (/\.[cm]?ts$/.test(spec.module) && !canStripTypes()) {
    throw new BenchError(
      `${spec.module} is TypeScript, which Node ${process.versions.node} cannot load; run on Node 22.18+ or 24 (the action uses 24), or compile the bench to JavaScript first`,
    )
  }
  const job: JsJob = {
    moduleUrl: builtIn ? CALIBRATION_MODULE : pathToFileURL(spec.module).href,
    functions: spec.functions,
    ...(spec.args === undefined ? {} : { args: spec.args }),
    time: settings.time / settings.rounds,
    iterations: Math.max(1, Math.ceil(settings.samples / settings.rounds)),
    warmupTime: 'ms' in settings.warmup ? settings.warmup.ms : 0,
    warmupIterations: 'iterations' in settings.warmup ? settings.warmup.iterations : 0,
    maxSamples: Math.max(
      Math.ceil(MAX_SAMPLES / settings.rounds),
      Math.ceil(settings.samples / settings.rounds),
    ),
  }
  // Leak windows of about a tenth of the time each (20-200 ms), in the first round only.
  const leakCheck = { windowMs: Math.min(200, Math.max(20, settings.time / 10)), windows: 8 }
  const collected = new Map<string, Collected>()
  for (let round = 0; round < settings.rounds; round++) {
    const leakRound = spec.leakCheck !== false && round === 0
    const reply = await runWorker(leakRound ? { ...job, leakCheck } : job, ctx.signal, ctx.env)
    if (!reply.ok) throw new BenchError(`${spec.module}: ${reply.error}`)
    for (const task of reply.tasks) {
      const entry = collected.get(task.name) ?? { samples: [], rounds: [], growth: [], peak: [] }
      if (task.ok) {
        // Not push(...samples): a fast function yields more samples than the call stack holds.
        for (const sample of task.samples) entry.samples.push(sample)
        entry.rounds.push(task.samples.length)
        if (task.memory) {
          entry.growth.push(task.memory.heapGrowth)
          entry.peak.push(task.memory.peakHeap)
        }
        entry.leak ??= task.leak
      } else {
        entry.error ??= task.error
      }
      collected.set(task.name, entry)
    }
  }
  return [...collected].map(([fn, entry]): MeasuredBench => {
    const name = `${bench.name}/${fn}`
    if (entry.error !== undefined || entry.samples.length === 0) {
      return { name, status: 'error', reason: entry.error ?? 'no samples', metrics: [] }
    }
    const metrics: Metric[] = [
      makeMetric({ name: 'time', unit: 'ms', samples: entry.samples, rounds: entry.rounds }),
    ]
    if (entry.growth.length === entry.rounds.length) {
      metrics.push(
        // GC timing alone moves heap growth by a few hundred KiB either way (seen: -164 to
        // +173 KiB for unchanged code); smaller differences are not a change.
        makeMetric({
          name: 'heap-growth',
          unit: 'bytes',
          samples: entry.growth,
          resolution: HEAP_GROWTH_RESOLUTION,
        }),
        makeMetric({ name: 'peak-heap', unit: 'bytes', samples: entry.peak }),
      )
    }
    if (!entry.leak) return { name, status: 'ok', metrics }
    const verdict = judgeLeak(entry.leak)
    // A leak is a note unless the config asks for `leak-check: error`: timings stay valid.
    if (verdict.leak && spec.leakCheck === 'error') {
      return { name, status: 'error', reason: `memory leak: ${verdict.reason}`, metrics: [] }
    }
    return { name, status: 'ok', metrics, details: { leak: verdict.leak, leakCheck: verdict } }
  })
}

interface Collected {
  samples: number[]
  rounds: number[]
  /** heap-growth and peak-heap, one per round. */
  growth: number[]
  peak: number[]
  leak?: JsLeakWindows
  error?: string
}

function runWorker(
  job: JsJob,
  signal: AbortSignal,
  env: Readonly<Record<string, string | undefined>>,
): Promise<JsReply> {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath(), [], {
      detached: true,
      env: { ...env },
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let stderr = ''
    let reply: JsReply | undefined
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
    const onAbort = (): void => killGroup(child.pid)
    signal.addEventListener('abort', onAbort, { once: true })
    child.on('message', (message: JsReply) => (reply = message))
    child.on('error', reject)
    child.on('exit', (code, killedBy) => {
      signal.removeEventListener('abort', onAbort)
      if (reply) resolve(reply)
      else if (signal.aborted) reject(new BenchError(`killed at the bench's timeout`))
      else {
        const how = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`
        reject(new BenchError(`the bench process ${how}${stderr ? `:\n${stderr.trim()}` : ''}`))
      }
    })
    child.send(job)
  })
}

/** True when this Node can import TypeScript modules by stripping types. */
function canStripTypes(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major > 22 || (major === 22 && minor >= 18)
}

// In the bundle the worker is dist/js-worker.js, beside the entry or one up from a chunk in
// dist/chunks/; from the sources (tests), it is the bundled worker in dist/.
/** The bundled js worker: beside this module, one folder up, or (from the sources) in dist/. */
export function workerPath(): string {
  for (const candidate of ['./js-worker.js', '../js-worker.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(file)) return file
  }
  return fileURLToPath(new URL('../../../dist/js-worker.js', import.meta.url))
}
