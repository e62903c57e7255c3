/** The health gate: poll a URL until it answers 2xx, up to a deadline, never past the bench's abort. */
import type { HealthSpec } from '../../config/kinds/http.js'
import { formatDuration } from '../../format.js'
import { BenchError, BenchSkipped } from '../outcome.js'
import { describeNetworkError, send, type HttpClient } from './request.js'

/** Waits until `health.url` answers 2xx on every base (or the URL itself); throws at the deadline. */
export async function waitHealthy(
  client: HttpClient,
  health: HealthSpec,
  bases: readonly (string | undefined)[],
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  const deadline = performance.now() + health.timeout
  for (const base of bases) {
    let last = 'no answer yet'
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted)
        throw new BenchError(
          `health check ${health.url} was stopped at the bench's timeout (last: ${last})`,
        )
      const remaining = deadline - performance.now()
      try {
        const attemptSignal = AbortSignal.any([
          signal,
          AbortSignal.timeout(Math.max(1, Math.ceil(remaining))),
        ])
        const res = await send(
          client,
          { method: 'GET', url: health.url, headers: {} },
          base,
          { seq: 0 },
          attemptSignal,
        )
        if (res.status >= 200 && res.status < 300) {
          if (attempt > 1) log(`healthy after ${attempt} checks`)
          break
        }
        last = `status ${res.status}`
      } catch (error) {
        if (error instanceof BenchError) throw error
        // A check cut off by the deadline says less than the answer before it.
        const cutOff = (error as Error).name === 'AbortError' && !signal.aborted
        if (!cutOff || attempt === 1) last = describeNetworkError(error)
      }
      if (performance.now() + health.interval > deadline) {
        const where = base === undefined ? '' : ` on ${base}`
        const message = `health check ${health.url}${where} was not 2xx within ${formatDuration(health.timeout)} (last: ${last})`
        throw health.onFailure === 'skip' ? new BenchSkipped(message) : new BenchError(message)
      }
      await sleep(health.interval, signal)
    }
  }
}

/** Resolves after `ms`, or early when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
