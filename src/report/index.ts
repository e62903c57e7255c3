/** Public API of the report renderers. */
import type { Comparison } from '../compare/types.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderText } from './text.js'

export { renderJson, COMPARISON_FORMAT_VERSION } from './json.js'
export { renderMarkdown, renderMarkdownRows } from './markdown.js'
export { renderText } from './text.js'
export { escapeMarkdown } from './escape.js'
export { formatTime, formatValue, formatChange, formatPercent } from '../format.js'

/** Report formats the CLI offers. */
export type ReportFormat = 'text' | 'markdown' | 'json'

/** Renders a comparison in the given format. */
export function renderReport(comparison: Comparison, format: ReportFormat): string {
  if (format === 'json') return renderJson(comparison)
  if (format === 'markdown') return renderMarkdown(comparison)
  return renderText(comparison)
}
