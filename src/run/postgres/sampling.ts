/** The warm-up and rounds loop both PostgreSQL kinds share: one connection, raw per-sample times. */
import type { Settings } from '../../config/settings.js'
import { BenchError } from '../outcome.js'

/** Runs `once` for the warm-up setting: a number of iterations, or until a time has passed. */
export async function warmUp(
  warmup: Settings['warmup'],
  once: () => Promise<unknown>,
  signal: AbortSignal,
): Promise<void> {
  if ('iterations' in warmup) {
    for (let i = 0; i < warmup.iterations; i++) {
      stopIfAborted(signal)
      await once()
    }
    return
  }
  const until = performance.now() + warmup.ms
  do {
    stopIfAborted(signal)
    await once()
  } while (performance.now() < until)
}

/** Per case: every sample (ms) in run order, and how many samples each round produced. */
export interface Sampled {
  samples: number[]
  rounds: number[]
}

/**
 * Times every case in `settings.rounds` passes. Cases take turns within each pass, so slow
 * drift of the server (autovacuum, cache) spreads over all cases instead of hitting the last.
 * Each case gets at least samples/rounds samples and time/rounds of measuring per pass.
 */
export async function sampleInRounds(
  settings: Pick<Settings, 'samples' | 'time' | 'rounds'>,
  caseCount: number,
  once: (caseIndex: number) => Promise<number>,
  signal: AbortSignal,
): Promise<Sampled[]> {
  const sampled: Sampled[] = Array.from({ length: caseCount }, () => ({ samples: [], rounds: [] }))
  const perRound = Math.ceil(settings.samples / settings.rounds)
  for (let round = 0; round < settings.rounds; round++) {
    for (const [index, out] of sampled.entries()) {
      const until = performance.now() + settings.time / settings.rounds
      let count = 0
      while (count < perRound || performance.now() < until) {
        stopIfAborted(signal)
        out.samples.push(await once(index))
        count++
      }
      out.rounds.push(count)
    }
  }
  return sampled
}

/** Milliseconds between two process.hrtime.bigint() readings. */
export function elapsedMs(start: bigint, end: bigint): number {
  return Number(end - start) / 1e6
}

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new BenchError('stopped: the bench timed out')
}
