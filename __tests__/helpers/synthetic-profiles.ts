/** Seeded synthetic profile rounds: an `entry` calling named functions for given times per call. */
import type { CpuProfile, CpuProfileNode, ProfileRound } from '../../src/profile/types.js'

/** Thirty functions' ms per call: f0 a quarter of the time (× `grow`), the others 0.02–0.06 ms. */
export const times = (grow: number): Record<string, number> =>
  Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`f${i}`, i === 0 ? 0.3 * grow : 0.02 + 0.01 * (i % 5)]),
  )

/**
 * A round: every function's time × a per-function jitter, all × 1.45 in 2 rounds in 5 (a CPU
 * hog) unless `hogShare` says otherwise.
 */
export function noisyRound(
  msPerCall: Record<string, number>,
  random: () => number,
  hogShare = 0.4,
): ProfileRound {
  const hog = random() < hogShare ? 1.45 : 1
  const jittered = Object.fromEntries(
    Object.entries(msPerCall).map(([name, ms]) => [name, ms * hog * (0.9 + 0.2 * random())]),
  )
  return { profile: synthetic(jittered, 10), calls: 10 }
}

/** A profile of `entry` calling each function for `msPerCall[name]` per call over `calls` calls, at 10 µs. */
export function synthetic(msPerCall: Record<string, number>, calls: number): CpuProfile {
  const frame = (id: number, functionName: string, url: string, line: number): CpuProfileNode => ({
    id,
    callFrame: { functionName, scriptId: '1', url, lineNumber: line, columnNumber: 0 },
  })
  const names = Object.keys(msPerCall)
  // `(garbage collector)` and the like are the runtime's: under the root, with no script.
  const runtime = (name: string) => name.startsWith('(')
  const ids = names.map((_, i) => i + 3)
  const nodes = [
    { ...frame(1, '(root)', '', -1), children: [2, ...ids.filter((_, i) => runtime(names[i]))] },
    { ...frame(2, 'entry', 'src/e.js', 0), children: ids.filter((_, i) => !runtime(names[i])) },
    ...names.map((name, i) =>
      runtime(name) ? frame(i + 3, name, '', -1) : frame(i + 3, name, 'src/e.js', i + 1),
    ),
  ]
  const samples: number[] = []
  names.forEach((name, i) => {
    const count = Math.round((msPerCall[name] * calls * 1000) / 10)
    for (let k = 0; k < count; k++) samples.push(i + 3)
  })
  return {
    nodes,
    startTime: 0,
    endTime: samples.length * 10 + 10,
    samples,
    timeDeltas: samples.map(() => 10),
  }
}

/** A small seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
