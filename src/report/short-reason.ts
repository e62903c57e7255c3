/**
 * A reason short enough for a table cell. The full reason (the change again, the thresholds, the
 * p-value, the rounds, how it was confirmed) runs to 35 words and squeezes the number columns
 * onto three lines; the table keeps its gist and the comment shows the full text folded below.
 */

/** Most words a reason shows in a table cell. */
export const REASON_WORDS = 12

/**
 * The gist of `reason` in at most `REASON_WORDS` words: its first clause (before a `;`), without
 * parenthesised statistics or the leading change the row's change column already shows, cut
 * with an ellipsis when still longer.
 */
export function shortReason(reason: string): string {
  const first = reason.split(';')[0]
  let text = first
  // Nested parentheses are rare; removing the innermost until none is left handles them too.
  while (/\([^()]*\)/.test(text)) text = text.replace(/\s*\([^()]*\)/g, '')
  // "25.0% slower, beyond …", "+25.0%, but most benches …": the change is in its own column.
  text = text
    .replace(/^[+\-−]?\d[\d.,]*\s*%(\s+(slower|faster|more|less))?,\s+(but\s+)?/, '')
    .replace(/[\s,:]+$/, '')
    .trim()
  if (text === '') text = reason.trim()
  const words = text.split(/\s+/)
  if (words.length <= REASON_WORDS) return text
  return `${words
    .slice(0, REASON_WORDS)
    .join(' ')
    .replace(/[\s,:;]+$/, '')}…`
}
