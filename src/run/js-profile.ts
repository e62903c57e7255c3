/**
 * The profiling side of the js worker: the inspector's Profiler around a counted number of calls
 * of one bench function, after its timed rounds are over (a confirmed regression's profiling
 * pass). The function is warmed up first, so rounds profile optimised code as the timing did.
 */
import { Session } from 'node:inspector/promises'
import type { CpuProfile } from '../profile/types.js'
import type { JsProfileJob, JsProfileReply, JsProfileRequest } from './js-protocol.js'

type Hook = (...args: unknown[]) => unknown

/** A profiling worker's warm-up: at least this many rounds' worth of calls, and this long. */
const WARM_UP_ROUNDS = 5
const WARM_UP_MS = 100

/** How the profiling worker talks to its parent. */
export interface ProfileChannel {
  send(reply: JsProfileReply): Promise<void>
  onRequest(listener: (request: JsProfileRequest) => void): void
  exit(): void
  describe(error: unknown): string
}

/** Imports the module, warms up, replies ready, then answers round and close requests in order. */
export async function serveProfiles(job: JsProfileJob, channel: ProfileChannel): Promise<void> {
  let teardown: Hook | undefined
  let queue = Promise.resolve()
  const session = new Session()
  try {
    const module = (await import(job.moduleUrl)) as Record<string, unknown>
    const fn = module[job.function]
    if (typeof fn !== 'function')
      throw new Error(`the module exports no function "${job.function}"`)
    const args = job.args ?? []
    const call = (): unknown => (fn as Hook)(...args)
    if (typeof module.setup === 'function') await (module.setup as Hook)(...args)
    if (typeof module.teardown === 'function') teardown = module.teardown as Hook
    const isAsync = call() instanceof Promise
    const run = isAsync ? countedAsync(call) : countedSync(call)
    // Warm up until the optimiser is done with the function: rounds taken while it still tiers
    // up (on Node 24, the first two or three rounds' worth of calls) put the helpers' time on
    // the entry, and such rounds on one side hide the change from the rank test.
    const warmUntil = performance.now() + WARM_UP_MS
    for (let round = 0; round < WARM_UP_ROUNDS || performance.now() < warmUntil; round++)
      await run(job.calls)
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: job.intervalUs })
    channel.onRequest((request) => {
      queue = queue
        .then(async () => {
          if ('close' in request) {
            session.disconnect()
            await teardown?.()
            await channel.send({ ok: true, closed: true })
            channel.exit()
            return
          }
          await session.post('Profiler.start')
          const before = process.cpuUsage()
          await run(job.calls)
          const cpu = process.cpuUsage(before)
          const { profile } = await session.post('Profiler.stop')
          await channel.send({
            ok: true,
            profile: profile as unknown as CpuProfile,
            calls: job.calls,
            cpuMs: (cpu.user + cpu.system) / 1000,
          })
        })
        .catch(async (error: unknown) => {
          await channel.send({ ok: false, error: channel.describe(error) })
          channel.exit()
        })
    })
    await channel.send({ ok: true, ready: true })
  } catch (error) {
    await channel.send({ ok: false, error: channel.describe(error) })
    channel.exit()
  }
}

// One loop per kind of function: an await per call would profile promise machinery for sync code.
function countedSync(call: () => unknown): (calls: number) => Promise<void> {
  return (calls) => {
    for (let i = 0; i < calls; i++) call()
    return Promise.resolve()
  }
}

function countedAsync(call: () => unknown): (calls: number) => Promise<void> {
  return async (calls) => {
    for (let i = 0; i < calls; i++) await call()
  }
}
