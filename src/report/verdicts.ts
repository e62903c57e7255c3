/** How each verdict is labelled in reports. */
import type { Verdict } from '../compare/types.js'

/** Short label with a symbol, for tables. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  regression: '❌ regression',
  improvement: '✅ improvement',
  slower: '⚠️ slower',
  faster: '🟢 faster',
  unchanged: '~ unchanged',
  inconclusive: '❔ inconclusive',
  new: '🆕 new',
  changed: '✏️ changed',
  removed: '➖ removed',
  skipped: '⏭️ skipped',
  error: '💥 error',
}
