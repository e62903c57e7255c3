/** The usual sampling loop: warm-up, then rounds that each run until their samples and time are met. */
import type { Settings } from '../config/settings.js'

/** Raw samples and how many each round produced. */
export interface Sampled {
  samples: number[]
  rounds: number[]
}

/** Calls `once(timed)` for warm-up and then in rounds; each timed call returns one sample. */
export async function collectSamples(
  settings: Settings,
  once: (timed: boolean) => Promise<number>,
): Promise<Sampled> {
  const { warmup } = settings
  if ('iterations' in warmup) {
    for (let i = 0; i < warmup.iterations; i++) await once(false)
  } else if (warmup.ms > 0) {
    const until = performance.now() + warmup.ms
    do await once(false)
    while (performance.now() < until)
  }
  const samples: number[] = []
  const rounds: number[] = []
  const perRound = Math.ceil(settings.samples / settings.rounds)
  for (let round = 0; round < settings.rounds; round++) {
    const until = performance.now() + settings.time / settings.rounds
    let count = 0
    while (count < perRound || performance.now() < until) {
      samples.push(await once(true))
      count++
    }
    rounds.push(count)
  }
  return { samples, rounds }
}
