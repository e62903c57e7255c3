/**
 * Stage: the long history of baseline runs. A baseline push appends this run to the history it
 * found in the previous artifact (rebuilt from the window when lost or damaged, never a failure);
 * a pull request reads the base branch's history to show trends and drift.
 */
import { appendHistory, previousHistory, readHistory } from '../history/history.js'
import type { History } from '../history/schema.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import type { RunContext } from './context.js'

/** The history this run shows, and on a baseline push the one its artifact carries forward. */
export interface Tracked {
  /** What the report shows: the new history on a push, the base branch's on a PR. */
  shown?: History
  /** The history the next baseline artifact carries (baseline pushes only). */
  next?: History
}

/** Reads (and on a baseline push extends) the history of baseline runs. */
export function trackHistory(
  { setup, deps }: RunContext,
  results: Results,
  finding: BaselineFinding,
): Tracked {
  const loaded = finding.loaded?.found ? finding.loaded : undefined
  const size = setup.inputs.historySize
  if (setup.baselinePush) {
    const window = loaded?.baselines ?? []
    // The very first baseline has neither a history nor a window: nothing to rebuild or say.
    const previous: { history?: History; notice?: string } =
      loaded?.historyText === undefined && window.length === 0
        ? {}
        : previousHistory(loaded?.historyText, window, size)
    if (previous.notice) deps.step.notice(previous.notice, { title: 'perfgate history' })
    const next = appendHistory(previous.history, results, { size })
    return { shown: next, next }
  }
  if (loaded?.historyText === undefined) return {}
  const read = readHistory(loaded.historyText)
  if (read.notice) deps.step.notice(read.notice, { title: 'perfgate history' })
  return { shown: read.history }
}
