/**
 * The `js` capture: one worker process per side (the bench's own worker in profiling mode), kept
 * up across rounds, each round the inspector's Profiler around a counted number of calls.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { CALIBRATION_MODULE, type JsSpec } from '../config/kinds/js.js'
import type { JsProfileJob, JsProfileReply, JsProfileRequest } from '../run/js-protocol.js'
import { workerPath } from '../run/kinds/js.js'
import { killGroup } from '../run/process.js'
import type { Capture, SideProfiler } from './captures.js'
import { NODE_FLAGS } from './preload.js'

/** Opens a profiling worker for the js function `target.result` names on one side. */
export const captureJs: Capture = async (side, target) => {
  const spec = target.bench.spec as JsSpec
  if (spec.module === CALIBRATION_MODULE) {
    return { note: 'the built-in calibration workload is not profiled' }
  }
  if (!existsSync(spec.module)) {
    return { note: `${spec.module} does not exist on the ${side.side} side` }
  }
  const job: JsProfileJob = {
    profile: true,
    moduleUrl: pathToFileURL(spec.module).href,
    function: target.result.slice(target.bench.name.length + 1),
    ...(spec.args === undefined ? {} : { args: spec.args }),
    calls: target.calls,
    intervalUs: target.intervalUs,
  }
  const worker = startWorker(side.env)
  const fail = (reply: JsProfileReply): never => {
    killGroup(worker.child.pid)
    throw new Error(`${spec.module} (${side.side}): ${'error' in reply ? reply.error : 'no reply'}`)
  }
  worker.child.send(job)
  const ready = await worker.next()
  if (!ready.ok) fail(ready)
  const profiler: SideProfiler = {
    async round() {
      worker.send({ round: true })
      const reply = await worker.next()
      if (!reply.ok || !('profile' in reply)) return fail(reply)
      return { profile: reply.profile, calls: reply.calls, cpuMs: reply.cpuMs }
    },
    async close() {
      if (worker.child.exitCode !== null) return
      worker.send({ close: true })
      await worker.next().catch(() => undefined)
      killGroup(worker.child.pid)
    },
  }
  return profiler
}

interface Worker {
  child: ChildProcess
  send(request: JsProfileRequest): void
  /** The next reply; rejects when the worker exits first (with its stderr's end). */
  next(): Promise<JsProfileReply>
}

function startWorker(env: Readonly<Record<string, string | undefined>>): Worker {
  const child = fork(workerPath(), [], {
    // Without inlining (preload.ts says why).
    execArgv: NODE_FLAGS,
    detached: true,
    env: { ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  const replies: JsProfileReply[] = []
  const waiting: { resolve(reply: JsProfileReply): void; reject(error: Error): void }[] = []
  let stderr = ''
  let exited: Error | undefined
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
  child.on('message', (reply: JsProfileReply) => {
    const waiter = waiting.shift()
    if (waiter) waiter.resolve(reply)
    else replies.push(reply)
  })
  child.on('exit', (code, signal) => {
    const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`
    exited = new Error(`the profiling process ${how}${stderr ? `:\n${stderr.trim()}` : ''}`)
    for (const waiter of waiting.splice(0)) waiter.reject(exited)
  })
  return {
    child,
    send: (request) => child.send(request),
    next: () => {
      const reply = replies.shift()
      if (reply) return Promise.resolve(reply)
      if (exited) return Promise.reject(exited)
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
    },
  }
}
