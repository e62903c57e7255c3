/** Parsing of the human units config files use: durations (`10s`, `500ms`) and percentages (`15%`). */

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
}

/** Milliseconds for a duration like `10s`, `500ms`, `1.5m`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|min|m|h)\s*$/.exec(text)
  if (!match) return undefined
  return Number(match[1]) * DURATION_UNITS_MS[match[2]]
}

/** A fraction (0.15) for a percentage like `15%`; undefined when it is not one. */
export function parsePercentage(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text)
  if (!match) return undefined
  return Number(match[1]) / 100
}
