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
    for (const name of names) tasks.push(await runOne(name, module[name] as Hook, job))
  } finally {
    await hook('teardown')?.()
  }
  return { ok: true, tasks }
}

async function runOne(name: string, fn: Hook, job: JsJob): Promise<JsTaskOutcome> {
  const bench = new Bench({
    time: job.time,
    iterations: job.iterations,
    warmupTime: job.warmupTime,
    warmupIterations: job.warmupIterations,
    retainSamples: true,
    throws: false,
  })
  bench.add(name, fn)
  await bench.run()
  const result = bench.tasks[0].result
  if (result.state === 'errored') return { name, ok: false, error: describe(result.error) }
  if (result.state !== 'completed' || !result.latency.samples) {
    return { name, ok: false, error: `tinybench ended in state "${result.state}"` }
  }
  return { name, ok: true, samples: [...result.latency.samples] }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))
    return frame ? `${error.message} (${frame.trim()})` : error.message
  }
  return String(error)
}
