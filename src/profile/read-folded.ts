/**
 * Reads the folded diffs of confirmed regressions for report.html, at the edge: a line that is
 * not `frame;frame <base> <head>` is skipped with a note, a missing file is a note, never a crash.
 */
import path from 'node:path'
import type { Comparison } from '../compare/types.js'
import type { FlameGraphEntry } from './flame-graph.js'
import type { FoldedDiffStack } from './types.js'

/** The stacks of a folded diff's text, and a note on the lines that were not stacks. */
export function parseFoldedDiff(
  text: string,
  file: string,
): { stacks: FoldedDiffStack[]; notes: string[] } {
  const stacks: FoldedDiffStack[] = []
  const bad: number[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    // Frames may hold spaces (`checksum (src/hash.js:12)`): the two values are the last words.
    const match = /^(.*\S) +(\S+) +(\S+)\s*$/.exec(line)
    const base = Number(match?.[2])
    const head = Number(match?.[3])
    const frames = match?.[1].split(';') ?? []
    const valid =
      match !== null &&
      Number.isFinite(base) &&
      Number.isFinite(head) &&
      base >= 0 &&
      head >= 0 &&
      frames.every((frame) => frame !== '')
    if (valid) stacks.push({ frames, base, head })
    else bad.push(index + 1)
  })
  const notes =
    bad.length === 0
      ? []
      : [
          `${bad.length} line(s) of ${file} are not \`frame;frame <base> <head>\` and are left out (line ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''})`,
        ]
  return { stacks, notes }
}

/**
 * One flame graph per regression row whose cause names a folded diff (relative to `resultsDir`),
 * read with `read`; a file that cannot be read gives an entry saying the profile is missing.
 */
export async function readFlameGraphs(
  comparison: Comparison | null | undefined,
  resultsDir: string,
  read: (file: string) => Promise<string>,
): Promise<FlameGraphEntry[]> {
  const rows = (comparison?.comparisons ?? []).filter(
    (row) => row.verdict === 'regression' && row.cause?.files?.folded !== undefined,
  )
  const entries: FlameGraphEntry[] = []
  for (const row of rows) {
    const file = row.cause?.files?.folded as string
    const bench = row.metric === 'time' ? row.name : `${row.name} (${row.metric})`
    const full = path.resolve(resultsDir, file)
    if (path.relative(path.resolve(resultsDir), full).startsWith('..')) {
      entries.push({
        bench,
        file,
        stacks: [],
        notes: [`${file} is outside the results folder; not read`],
      })
      continue
    }
    try {
      entries.push({ bench, file, ...parseFoldedDiff(await read(full), file) })
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message
      entries.push({ bench, file, stacks: [], notes: [`the profile is missing: ${file} ${why}`] })
    }
  }
  return entries
}
