/**
 * A cause in words, for the comment, the job summary and the terminal: one line per function
 * (or plan node) whose time grew — `checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139%),
 * 71% of the change` — or the note saying why none is named. Plain text; callers escape.
 */
import { formatPercent } from '../format.js'
import type { Cause, CauseLine } from '../profile/types.js'

/** The cause's lines in words: the functions by growth, then the note (when there is one). */
export function causeTexts(cause: Cause): string[] {
  const per = cause.kind === 'plan-nodes' ? 'per execution' : 'per call'
  const lines = cause.lines.map((line) => causeLineText(line, per))
  return cause.note === undefined ? lines : [...lines, cause.note]
}

/** What the cause was measured by, for the heading above its lines. */
export function causeSource(cause: Cause): string {
  if (cause.kind === 'plan-nodes') return 'plans of base and head on this runner'
  return 'CPU profiles of base and head on this runner'
}

/** `checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139%), 71% of the change`. */
export function causeLineText(line: CauseLine, per = 'per call'): string {
  const where = line.location === undefined ? '' : ` (${line.location})`
  const [base, head] = pairOfTimes(line.baseMs, line.headMs)
  const growth = line.baseMs > 0 ? ` (${formatPercent(line.headMs / line.baseMs - 1)})` : ' (new)'
  const share = `${Math.round(line.share * 100)}% of the change`
  return `${line.name}${where}: ${base} → ${head} ${per}${growth}, ${share}`
}

/** Both times in one unit (the larger's): `0.41 → 0.98 ms`, `41 → 98 µs`. */
function pairOfTimes(baseMs: number, headMs: number): [string, string] {
  const larger = Math.max(Math.abs(baseMs), Math.abs(headMs))
  const [scale, unit] = larger >= 0.1 ? [1, 'ms'] : [1000, 'µs']
  const digits = (v: number): string => {
    const x = v * scale
    return String(+x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2))
  }
  return [digits(baseMs), `${digits(headMs)} ${unit}`]
}
