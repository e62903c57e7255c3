/** Unit normalisation for imported results: every time becomes milliseconds. */
import { makeMetric } from '../summary.js'
import type { Better, Metric } from '../types.js'

const MS_PER: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1e3,
}

/** Milliseconds per one `unit` when it is a time unit (ns, us, µs, ms, s), else undefined. */
export function msPer(unit: string): number | undefined {
  return MS_PER[unit.trim()]
}

/** A metric from samples in `unit`: times are converted to ms, other units kept as given. */
export function importedMetric(fields: {
  name: string
  unit: string
  samples: readonly number[]
  better?: Better
  rounds?: number[]
}): Metric {
  const factor = msPer(fields.unit)
  return makeMetric({
    name: fields.name,
    unit: factor === undefined ? fields.unit : 'ms',
    better: fields.better ?? 'smaller',
    samples: factor === undefined ? [...fields.samples] : fields.samples.map((v) => v * factor),
    ...(fields.rounds === undefined ? {} : { rounds: fields.rounds }),
  })
}
