/** The baseline window: the last K baseline runs, kept in the artifact under history/. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseResults, serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { FILES, historyFileName } from './layout.js'

/** The runs of a downloaded artifact (newest first) and notices about files that were unusable. */
export interface Window {
  runs: Results[]
  notices: string[]
  /** Every file that could not be used, with why (for no-baseline when nothing is left). */
  problem?: string
}

/** Reads the window from a downloaded artifact folder; a corrupt file is dropped with a notice. */
export async function readWindow(dir: string, label: string): Promise<Window> {
  const notices: string[] = []
  const problems: string[] = []
  const runs: Results[] = []
  let names: string[] = []
  try {
    names = (await readdir(path.join(dir, FILES.history))).filter((n) => n.endsWith('.json'))
  } catch {
    // An artifact without history/ (or a partial one) still has results.json.
  }
  names.sort().reverse()
  for (const name of names) {
    const file = `${label}/${FILES.history}/${name}`
    try {
      runs.push(parseResults(await readFile(path.join(dir, FILES.history, name), 'utf8'), file))
    } catch (error) {
      problems.push((error as Error).message)
      notices.push(`baseline history: ${(error as Error).message}; left out`)
    }
  }
  if (runs.length === 0) {
    try {
      runs.push(
        parseResults(
          await readFile(path.join(dir, FILES.results), 'utf8'),
          `${label}/${FILES.results}`,
        ),
      )
      if (names.length === 0)
        notices.push(
          `baseline history: ${label} has no ${FILES.history}/ folder; using its ${FILES.results} alone`,
        )
    } catch (error) {
      const message =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${label} has no ${FILES.results}`
          : (error as Error).message
      problems.push(message)
      notices.push(`baseline: ${message}`)
    }
  }
  return { runs, notices, ...(problems.length === 0 ? {} : { problem: problems.join('; ') }) }
}

/** The next window: this run first, then the previous runs, at most `keep` in all. */
export function nextWindow(previous: Results[], current: Results, keep: number): Results[] {
  const others = previous.filter(
    (run) =>
      !(run.meta.timestamp === current.meta.timestamp && run.meta.commit === current.meta.commit),
  )
  return [current, ...others].slice(0, Math.max(1, keep))
}

/** Writes `runs` as history/<timestamp>-<sha>.json files under `dir`. */
export async function writeWindow(dir: string, runs: Results[]): Promise<void> {
  await mkdir(path.join(dir, FILES.history), { recursive: true })
  for (const run of runs) {
    await writeFile(
      path.join(dir, FILES.history, historyFileName(run.meta.timestamp, run.meta.commit)),
      serializeResults(run),
    )
  }
}

/**
 * The next window from every window seen: runs of racing pushes each uploaded their own window
 * from the same predecessor, so the union (deduplicated, newest first) keeps both.
 */
export function mergeWindows(windows: Results[][], current: Results, keep: number): Results[] {
  const byKey = new Map<string, Results>()
  for (const run of windows.flat()) byKey.set(`${run.meta.timestamp} ${run.meta.commit}`, run)
  const merged = [...byKey.values()].sort(
    (a, b) => Date.parse(b.meta.timestamp) - Date.parse(a.meta.timestamp),
  )
  return nextWindow(merged, current, keep)
}
