/**
 * The unit a chart's axis shows: a history of 0.001488 ms or 11320000 bytes reads as µs or MiB,
 * as the comment's tables print them. One unit for the whole chart, picked by its largest value.
 */

/** A display unit and the factor that turns stored values into it. */
export interface ChartScale {
  unit: string
  factor: number
}

const TIME: readonly { unit: string; ms: number }[] = [
  { unit: 's', ms: 1000 },
  { unit: 'ms', ms: 1 },
  { unit: 'µs', ms: 1e-3 },
  { unit: 'ns', ms: 1e-6 },
]
const BYTES = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']

/** The scale for `values` stored in `unit` (ms and bytes are humanized; others kept as they are). */
export function chartScale(values: readonly number[], unit: string): ChartScale {
  const largest = Math.max(0, ...values.map((v) => Math.abs(v)).filter(Number.isFinite))
  if (unit === 'ms') {
    if (largest === 0) return { unit: 'ms', factor: 1 }
    const step = TIME.find((t) => largest >= t.ms) ?? TIME[TIME.length - 1]
    return { unit: step.unit, factor: 1 / step.ms }
  }
  if (unit === 'bytes') {
    let index = 0
    while (largest >= 1024 ** (index + 1) && index < BYTES.length - 1) index++
    return { unit: BYTES[index], factor: 1 / 1024 ** index }
  }
  return { unit, factor: 1 }
}
