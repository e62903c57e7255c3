/**
 * A cause (issue #24) in words, one line per function or plan node whose time grew, e.g.
 * `checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139%), 71% of the change` or
 * `Seq Scan on step_edges (was Index Scan): 0.08 → 3.9 ms (+4,775%), 97% of the change`; the
 * note (why nothing or not everything is named) last. The comment, the job summary and the CLI
 * text all show these lines under the row, as they show a plan change.
 */
import { formatCount, formatMilliseconds, formatShare } from '../format.js'
import type { Cause, CauseLine } from '../profile/types.js'

/** The lines that say why a regression is slower; empty without a cause. */
export function causeLines(cause: Cause | undefined): string[] {
  if (cause === undefined) return []
  const per = cause.kind === 'functions' ? ' per call' : ''
  return [...cause.lines.map((line) => causeLine(line, per)), ...(cause.note ? [cause.note] : [])]
}

/** One grown function or plan node: name (location): base → head ms (+x%), share of the change. */
export function causeLine(line: CauseLine, per = ''): string {
  const where = line.location ? ` (${line.location})` : ''
  const growth =
    line.baseMs > 0 ? ` (+${formatCount(Math.round((line.headMs / line.baseMs - 1) * 100))}%)` : ''
  const base = formatMilliseconds(line.baseMs).replace(/ ms$/, '')
  return `${line.name}${where}: ${base} → ${formatMilliseconds(line.headMs)}${per}${growth}, ${formatShare(line.share)} of the change`
}
