/** The demo's pull requests: one small code change, committed on its own branch. */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { commitOnBranch } from './git-repo.js'

/** A change to one file: `before` replaced by `after`, on branch `branch`. */
export interface Change {
  file: string
  before: string
  after: string
  branch: string
  message: string
}

/** Applies `change` in the repository `dir` and commits it on its branch. */
export function commitChange(dir: string, change: Change): void {
  const file = path.join(dir, change.file)
  const source = readFileSync(file, 'utf8')
  // The examples may be edited; a change that no longer applies must say so, not do nothing.
  if (!source.includes(change.before)) {
    throw new Error(`${file}: the demo's change expects the text ${JSON.stringify(change.before)}`)
  }
  writeFileSync(file, source.replace(change.before, change.after))
  commitOnBranch(dir, change.branch, change.message)
}

/** The change as a two-line diff for the demo's output (its first differing lines). */
export function diffLines(change: Change): string[] {
  const before = change.before.split('\n')
  const after = change.after.split('\n')
  const removed = before.filter((line) => !after.includes(line))
  const added = after.filter((line) => !before.includes(line))
  return [...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)]
}
