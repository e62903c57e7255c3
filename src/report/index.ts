/** Public API of the report renderers. */
import type { Comparison } from '../compare/types.js'
import { renderComment } from './comment.js'
import { renderJson } from './json.js'
import { buildCommentModel, localCommentInput, type LocalRunFacts } from './model.js'
import { renderText } from './text.js'

export { renderJson, COMPARISON_FORMAT_VERSION } from './json.js'
export { renderText } from './text.js'
export { escapeMarkdown } from './escape.js'
export { renderComment } from './comment.js'
export {
  buildCommentModel,
  localCommentInput,
  type LocalBudgets,
  type LocalRunFacts,
} from './model.js'

/** Report formats the CLI offers. */
export type ReportFormat = 'text' | 'markdown' | 'json'

/**
 * Renders a comparison in the given format; markdown is the PR comment itself (same model, same
 * renderer, without the hidden markers), so what a developer sees locally is what the PR shows.
 */
export function renderReport(
  comparison: Comparison,
  format: ReportFormat,
  facts: LocalRunFacts,
): string {
  if (format === 'json') return renderJson(comparison)
  if (format === 'markdown')
    return `${renderComment(buildCommentModel(localCommentInput(comparison, facts)), { marker: false })}\n`
  return renderText(comparison, facts.budgets)
}
