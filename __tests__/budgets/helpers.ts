/** Seeded synthetic samples shaped like recorded bench noise, for budget and growth tests. */
import { execFileSync } from 'node:child_process'
import { seededRandom } from '../../src/compare/random.js'
import { makeMetric } from '../../src/results/summary.js'
import type { BenchResult } from '../../src/results/types.js'

/**
 * Samples of a bench whose typical time is `centre` ms: log-normal spread within a round (cv ~5%),
 * a per-round shift (~3%, the run-to-run drift seen between processes) and 2% slow outliers (2-4×,
 * a busy neighbour), the shapes recorded runs on the shared 2-core runner show.
 */
export function noisySamples(centre: number, seed: number, rounds = 5, perRound = 30): number[] {
  const random = seededRandom(seed)
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    const shift = Math.exp(0.03 * gauss())
    for (let i = 0; i < perRound; i++) {
      const outlier = random() < 0.02 ? 2 + 2 * random() : 1
      samples.push(centre * shift * Math.exp(0.05 * gauss()) * outlier)
    }
  }
  return samples
}

/** A result row with a time metric of `samples` in `rounds` equal rounds. */
export function timeRow(
  name: string,
  samples: number[],
  rounds = 5,
  scale?: BenchResult['scale'],
): BenchResult {
  const per = samples.length / rounds
  return {
    name,
    kind: 'js',
    status: 'ok',
    tags: [],
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    metrics: [makeMetric({ name: 'time', unit: 'ms', samples, rounds: Array(rounds).fill(per) })],
    ...(scale ? { scale } : {}),
  }
}

/** HTML of markdown through the real GFM parser (Debian cmark-gfm), as GitHub renders it. */
export function gfm(markdown: string): string {
  return execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough'], {
    input: markdown,
    encoding: 'utf8',
  })
}
