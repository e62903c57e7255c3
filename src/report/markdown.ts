/** Markdown report: a table reused by the PR comment; every untrusted text is escaped. */
import type { Comparison, MetricComparison } from '../compare/types.js'
import { escapeMarkdown } from './escape.js'
import { formatChange, formatValue } from '../format.js'
import { VERDICT_LABELS } from './verdicts.js'

function benchCell(row: MetricComparison): string {
  const name = escapeMarkdown(row.name)
  return row.metric === 'time' ? name : `${name} (${escapeMarkdown(row.metric)})`
}

/** One table row per metric comparison, its notes (plan, scaling) in rows under it, no header. */
export function renderMarkdownRows(comparison: Comparison): string[] {
  return comparison.comparisons.flatMap((row) => {
    const verdict = VERDICT_LABELS[row.verdict] + (row.confirmed ? ' (confirmed)' : '')
    const cells = [
      benchCell(row),
      escapeMarkdown(formatValue(row.base, row.unit)),
      escapeMarkdown(formatValue(row.head, row.unit)),
      escapeMarkdown(formatChange(row.change, row.ci)),
      verdict,
      escapeMarkdown(row.reason),
    ]
    const notes = (row.notes ?? []).map((note) => `| ↳ ${escapeMarkdown(note)} | | | | | |`)
    return [`| ${cells.join(' | ')} |`, ...notes]
  })
}

/** The comparison as Markdown: warnings as a quote, then the table. */
export function renderMarkdown(comparison: Comparison): string {
  const out: string[] = []
  for (const warning of comparison.warnings)
    out.push(`> **Warning:** ${escapeMarkdown(warning)}`, '')
  out.push(
    '| Bench | Baseline | Head | Change (95% CI) | Verdict | Reason |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...renderMarkdownRows(comparison),
  )
  return out.join('\n') + '\n'
}
