/**
 * The child process of a `js` bench: imports the module, runs its functions with tinybench and
 * sends every raw sample back. A fresh process per module and round keeps one bench's JIT and
 * GC state from bleeding into the next.
 */
import { getHeapStatistics } from 'node:v8'
import { Bench } from 'tinybench'
import { CALIBRATION_MODULE } from '../config/kinds/calibration-module.js'
import { calibration } from './calibration-workload.js'
import type {
  JsJob,
  JsLeakWindows,
  JsProfileJob,
  JsProfileReply,
  JsProfileRequest,
  JsReply,
  JsTaskOutcome,
} from './js-protocol.js'
import { serveProfiles } from './js-profile.js'

type Hook = (...args: unknown[]) => unknown

// The parent forks this worker with --expose-gc, so heap can be read after a full collection.
const gc = (globalThis as { gc?: () => void }).gc
const heapUsed = (): number => getHeapStatistics().used_heap_size
/** Heap in use after a full GC (twice: the first may only queue finalizers). */
const heapAfterGc = (): number => {
  gc?.()
  gc?.()
  return heapUsed()
}

process.once('message', (job: JsJob | JsProfileJob) => {
  if ('profile' in job) {
    void serveProfiles(job, {
      send: (reply: JsProfileReply) =>
        new Promise<void>((resolve) => process.send?.(reply, () => resolve())),
      onRequest: (listener: (request: JsProfileRequest) => void) => process.on('message', listener),
      exit: () => process.exit(0),
      describe,
    })
    return
  }
  void runJob(job)
    .catch((error: unknown): JsReply => ({ ok: false, error: describe(error) }))
    .then((reply) => process.send?.(reply, () => process.exit(0)))
})

async function runJob(job: JsJob): Promise<JsReply> {
  const module: Record<string, unknown> =
    job.moduleUrl === CALIBRATION_MODULE
      ? { calibration }
      : ((await import(job.moduleUrl)) as Record<string, unknown>)
  const hook = (name: string): Hook | undefined =>
    typeof module[name] === 'function' ? (module[name] as Hook) : undefined
  const names =
    job.functions ??
    Object.keys(module).filter(
      (name) => typeof module[name] === 'function' && name !== 'setup' && name !== 'teardown',
    )
  const missing = names.filter((name) => typeof module[name] !== 'function')
  if (missing.length > 0) {
    const exported = Object.keys(module).filter((name) => typeof module[name] === 'function')
    return {
      ok: false,
      error: `the module exports no function ${missing.map((n) => `"${n}"`).join(', ')} (it exports: ${exported.join(', ') || 'no functions'})`,
    }
  }
  if (names.length === 0) return { ok: false, error: 'the module exports no bench functions' }

  // A scaled bench's size is the argument of setup and of every call (`scale:` in the config).
  const args = job.args ?? []
  await hook('setup')?.(...args)
  const tasks: JsTaskOutcome[] = []
  try {
    for (const name of names) {
      tasks.push(
        await runOne(name, withArgs(module[name] as Hook, args), job).catch(
          (error: unknown): JsTaskOutcome => ({
            name,
            ok: false,
            error: describe(error),
          }),
        ),
      )
    }
  } finally {
    await hook('teardown')?.()
  }
  return { ok: true, tasks }
}

/** `fn` called with `args`; `fn` itself when there are none (so async detection sees it). */
function withArgs(fn: Hook, args: readonly unknown[]): Hook {
  if (args.length === 0) return fn
  return fn.bind(undefined, ...args)
}

async function runOne(name: string, fn: Hook, job: JsJob): Promise<JsTaskOutcome> {
  const before = heapAfterGc()
  let peakHeap = before
  let lastRead = 0
  // Reading the heap costs ~1 µs: at most every 0.5 ms, so fast functions are not slowed down.
  const timed = await timeTask(name, fn, job, () => {
    const now = performance.now()
    if (now - lastRead < 0.5) return
    lastRead = now
    peakHeap = Math.max(peakHeap, heapUsed())
  })
  const heapGrowth = heapAfterGc() - before
  if ('error' in timed) return { name, ok: false, error: timed.error }
  const samples = Array.from(timed.samples)
  const memory = { heapGrowth, peakHeap }
  if (!job.leakCheck || !gc) return { name, ok: true, samples, memory }
  return { name, ok: true, samples, memory, leak: await leakWindows(fn, job.leakCheck) }
}

/**
 * Times `fn` with tinybench; `afterEach` runs outside the timed window. Samples come back in a
 * Float64Array (off the JS heap) and the Bench is dropped, so heap growth measured after this
 * returns is the function's, not tinybench's sample storage.
 */
async function timeTask(
  name: string,
  fn: Hook,
  job: JsJob,
  afterEach: () => void,
): Promise<{ samples: Float64Array } | { error: string }> {
  // A nanosecond-fast function would produce millions of samples in the time budget; stopping at
  // maxSamples keeps every sample taken while bounding the results file.
  const stop = new AbortController()
  let calls = 0
  let measuring = false
  const isAsync = await returnsPromise(fn)
  const counted = isAsync
    ? async () => {
        if (measuring && ++calls >= job.maxSamples) stop.abort()
        await fn()
      }
    : () => {
        if (measuring && ++calls >= job.maxSamples) stop.abort()
        fn()
      }
  const bench = new Bench({
    time: job.time,
    iterations: job.iterations,
    warmupTime: job.warmupTime,
    warmupIterations: job.warmupIterations,
    retainSamples: true,
    throws: false,
    // Warm-up calls do not count towards the cap: only the measured phase is bounded.
    setup: (_task, mode) => {
      measuring = mode === 'run'
    },
  })
  bench.add(name, counted, { async: isAsync, signal: stop.signal, afterEach })
  await bench.run()
  const result = bench.tasks[0].result
  if (result.state === 'errored') return { error: describe(result.error) }
  const measured = result.state === 'completed' || result.state === 'aborted-with-statistics'
  if (!measured || !result.latency.samples) {
    return { error: `tinybench ended in state "${result.state}"` }
  }
  // Nanosecond resolution is all the timer gives; fewer digits keep the results file small.
  return { samples: Float64Array.from(result.latency.samples, (s) => Math.round(s * 1e6) / 1e6) }
}

// tinybench must know whether to await; a function that returns a promise counts as async.
async function returnsPromise(fn: Hook): Promise<boolean> {
  if (fn.constructor.name === 'AsyncFunction') return true
  const value = fn()
  if (value instanceof Promise) {
    await value
    return true
  }
  return false
}

/** Calibrates a window to about windowMs, then records heap-after-GC around `windows` windows. */
async function leakWindows(
  fn: Hook,
  { windowMs, windows }: { windowMs: number; windows: number },
): Promise<JsLeakWindows> {
  let iterationsPerWindow = 0
  const until = performance.now() + windowMs
  while (performance.now() < until || iterationsPerWindow < 10) {
    await fn()
    iterationsPerWindow++
  }
  const heap = [heapAfterGc()]
  for (let window = 0; window < windows; window++) {
    for (let i = 0; i < iterationsPerWindow; i++) await fn()
    heap.push(heapAfterGc())
  }
  return { iterationsPerWindow, heapAfterGc: heap }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))
    return frame ? `${error.message} (${frame.trim()})` : error.message
  }
  return String(error)
}
