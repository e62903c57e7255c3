/** Plain-text report in the style of benchstat: aligned columns, "~" for unchanged. */
import type { Comparison, MetricComparison } from '../compare/types.js'
import { formatChange, formatP, formatValue } from '../format.js'
import { budgetTrouble, type LocalBudgets } from './model.js'
import { CENTRE_LABEL } from '../compare/centre.js'
import { causeTexts } from './cause.js'

// Control characters (a newline in a bench name) would break the table's lines.
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ')

function label(row: MetricComparison): string {
  return oneLine(row.metric === 'time' ? row.name : `${row.name} (${row.metric})`)
}

function changeCell(row: MetricComparison): string {
  if (row.verdict === 'unchanged') {
    const p = row.p === null ? '' : ` ${formatP(row.p)}`
    return `~ (${row.baseSamples}+${row.headSamples} samples${p})`
  }
  return formatChange(row.change, row.ci)
}

// Memory that did not move is most rows of a js comparison and none of its news: the PR
// comment folds such rows away (report/model.ts), and the terminal does the same.
function unmovedMemory(row: MetricComparison): boolean {
  return row.unit === 'bytes' && row.verdict === 'unchanged'
}

/** The comparison as an aligned text table, warnings first, each reason under its row, the verdict last. */
export function renderText(comparison: Comparison, budgets?: LocalBudgets): string {
  const header = ['bench', 'baseline', 'head', 'change (95% CI)', 'verdict']
  const shown = comparison.comparisons.filter((row) => !unmovedMemory(row))
  const folded = comparison.comparisons.length - shown.length
  const rows = shown.map((row) => [
    label(row),
    formatValue(row.base, row.unit),
    formatValue(row.head, row.unit),
    changeCell(row),
    row.confirmed
      ? `${row.verdict} (confirmed${row.confirmation === 'base' ? ' against the base' : ''})`
      : row.verdict,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  const problems = comparison.problems ?? []
  const out: string[] = [
    ...problems.map((p) => `error: ${oneLine(p)}`),
    ...comparison.warnings.map((w) => `warning: ${oneLine(w)}`),
  ]
  out.push(line(header))
  shown.forEach((row, i) => {
    out.push(line(rows[i]))
    if (row.verdict !== 'unchanged') out.push(`    ${oneLine(row.reason)}`)
    for (const note of [...(row.notes ?? []), ...(row.cause ? causeTexts(row.cause) : [])])
      out.push(`    ${oneLine(note)}`)
  })
  if (folded > 0) {
    out.push(`${folded} memory metric${folded === 1 ? '' : 's'} unchanged`)
  }
  // Which number the columns hold: the same centre perfgate run prints for each bench.
  out.push(`baseline, head: ${CENTRE_LABEL}`)
  const regressions =
    comparison.regressions === 0
      ? 'no regressions'
      : `${comparison.regressions} regression${comparison.regressions === 1 ? '' : 's'}`
  // The last line is the verdict: a broken budget or a steeper growth is part of it.
  const trouble = budgetTrouble(budgets?.broken, budgets?.growthRegressions)
  // Names that do not pair compared nothing: "no regressions" would read as a pass.
  const verdict = problems.length > 0 ? 'nothing compared (see above)' : regressions
  out.push(trouble === '' ? verdict : `${verdict}, ${trouble}`)
  return out.join('\n') + '\n'
}
