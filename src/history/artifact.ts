/**
 * history.json in the baseline artifact folder: the edge where the baseline push reads the
 * previous history and writes the next one. Never fails for a missing or damaged file.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Results } from '../results/types.js'
import { appendHistory, previousHistory } from './history.js'
import { serializeHistory, type History } from './schema.js'

/** The file name inside the artifact (next to results.json). */
export const HISTORY_FILE = 'history.json'

/** The report page written next to it. */
export const REPORT_HTML_FILE = 'report.html'

/** The history.json text in `dir`, or undefined when there is none or it cannot be read. */
export async function readHistoryText(dir: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(dir, HISTORY_FILE), 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The history for a new baseline artifact: the previous artifact's history.json (from
 * `previousDir`, the downloaded artifact; undefined when there was none) or, when it is missing
 * or damaged, rebuilt from `window` (its baseline runs), with `results` appended and trimmed.
 */
export async function nextHistory(options: {
  previousDir: string | undefined
  window: readonly Results[]
  results: Results
  size?: number
}): Promise<{ history: History; notice?: string }> {
  const text =
    options.previousDir === undefined ? undefined : await readHistoryText(options.previousDir)
  // The very first baseline has neither: nothing to rebuild and nothing to say.
  const previous: { history?: History; notice?: string } =
    text === undefined && options.window.length === 0
      ? {}
      : previousHistory(text, options.window, options.size)
  const history = appendHistory(previous.history, options.results, { size: options.size })
  return { history, ...(previous.notice === undefined ? {} : { notice: previous.notice }) }
}

/** Writes history.json into the artifact folder `dir`. */
export async function writeHistoryFile(dir: string, history: History): Promise<void> {
  await writeFile(path.join(dir, HISTORY_FILE), serializeHistory(history))
}
