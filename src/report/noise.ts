/**
 * The noise section of the comment's details, pure: each bench's measured spread (between rounds
 * of this run; base against base in A/B mode) and, for a bench too noisy for its threshold, how
 * many rounds it would need. The facts come from src/ab/noise.ts; this only puts them in words.
 */
import { z } from 'zod'
import { formatPercent, formatPercentage } from '../format.js'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

/** One bench's measured noise, as stored with the comment's facts. */
export const benchNoiseSchema = z.object({
  name: z.string(),
  metric: z.string(),
  rounds: z.int().min(0),
  samples: z.int().min(0),
  roundSpread: finite.nullable(),
  baseVsBase: finite.nullable(),
  threshold: finite,
  roundsNeeded: z.int().nullable(),
  hint: z.string().optional(),
  warmUp: z.boolean().optional(),
})
/** One bench's measured noise. */
export type BenchNoiseFacts = z.infer<typeof benchNoiseSchema>

/** One row of the noise table, in words. */
export interface NoiseRow {
  bench: string
  rounds: string
  spread: string
  baseVsBase: string
  threshold: string
  needed: string
}

/** The noise section: a summary line, the table and the hints. */
export interface NoiseSection {
  summary: string
  /** Whether there is a base-vs-base column (A/B mode). */
  baseVsBase: boolean
  rows: NoiseRow[]
  /** Benches with fewer rounds than their threshold needs, and what to do. */
  hints: { bench: string; hint: string }[]
  /** Whether any bench's cold first round was left out as warm-up (the note says so). */
  warmUp: boolean
}

/** The noise section of `noise`, or undefined when no bench was measured. */
export function noiseSection(noise: readonly BenchNoiseFacts[]): NoiseSection | undefined {
  if (noise.length === 0) return undefined
  // The benches that need more rounds first, then the noisiest.
  const sorted = [...noise].sort(
    (a, b) =>
      Number(b.hint !== undefined) - Number(a.hint !== undefined) ||
      (b.roundSpread ?? -1) - (a.roundSpread ?? -1),
  )
  const noisy = sorted.filter((n) => n.hint !== undefined)
  const benches = `${noise.length} ${noise.length === 1 ? 'bench' : 'benches'}`
  const summary =
    noisy.length > 0
      ? `Noise: ${noisy.length} of ${benches} too noisy for ${noisy.length === 1 ? 'its' : 'their'} threshold`
      : `Noise: spread of ${benches}, all within what their thresholds need`
  return {
    summary,
    baseVsBase: noise.some((n) => n.baseVsBase !== null),
    rows: sorted.map((n) => ({
      bench: n.metric === 'time' ? n.name : `${n.name} (${n.metric})`,
      rounds: `${n.rounds} × ${n.rounds === 0 ? 0 : Math.round(n.samples / n.rounds)}${n.warmUp ? ' (first: warm-up)' : ''}`,
      spread: n.roundSpread === null ? '—' : formatPercentage(n.roundSpread, 1),
      baseVsBase: n.baseVsBase === null ? '—' : formatPercent(n.baseVsBase),
      threshold: formatPercentage(n.threshold, n.threshold < 0.1 ? 1 : 0),
      needed: n.roundsNeeded === null ? '—' : `≥ ${n.roundsNeeded}`,
    })),
    hints: noisy.map((n) => ({ bench: n.name, hint: n.hint as string })),
    warmUp: noise.some((n) => n.warmUp === true),
  }
}
