/**
 * The child process of a `js` bench: imports the module, runs its functions with tinybench and
 * sends every raw sample back. A fresh process per module and round keeps one bench's JIT and
 * GC state from bleeding into the next.
 */
import { Bench } from 'tinybench'
import type { JsJob, JsReply, JsTaskOutcome } from './js-protocol.js'

type Hook = () => unknown

process.once('message', (job: JsJob) => {
  void runJob(job)
    .catch((error: unknown): JsReply => ({ ok: false, error: describe(error) }))
    .then((reply) => process.send?.(reply, () => process.exit(0)))
})

async function runJob(job: JsJob): Promise<JsReply> {
  const module = (await import(job.moduleUrl)) as Record<string, unknown>
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

  await hook('setup')?.()
  const tasks: JsTaskOutcome[] = []
  try {
    for (const name of names) {
      tasks.push(
        await runOne(name, module[name] as Hook, job).catch((error: unknown): JsTaskOutcome => ({
          name,
          ok: false,
          error: describe(error),
        })),
      )
    }
  } finally {
    await hook('teardown')?.()
  }
  return { ok: true, tasks }
}

async function runOne(name: string, fn: Hook, job: JsJob): Promise<JsTaskOutcome> {
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
  bench.add(name, counted, { async: isAsync, signal: stop.signal })
  await bench.run()
  const result = bench.tasks[0].result
  if (result.state === 'errored') return { name, ok: false, error: describe(result.error) }
  const measured = result.state === 'completed' || result.state === 'aborted-with-statistics'
  if (!measured || !result.latency.samples) {
    return { name, ok: false, error: `tinybench ended in state "${result.state}"` }
  }
  // Nanosecond resolution is all the timer gives; fewer digits keep the results file small.
  return { name, ok: true, samples: result.latency.samples.map((s) => Math.round(s * 1e6) / 1e6) }
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

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))
    return frame ? `${error.message} (${frame.trim()})` : error.message
  }
  return String(error)
}
