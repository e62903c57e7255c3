/** Reading the PR comment out of what `perfgate run|ab --format markdown` printed. */

/** The PR comment in the stdout of `--format markdown`: from its heading on (run tables and the A/B line come first). */
export function commentIn(stdout: string): string {
  const start = stdout.search(/^### /m)
  if (start < 0) throw new Error(`perfgate printed no PR comment:\n${stdout}`)
  return stdout.slice(start).trimEnd()
}

/**
 * The benches of a PR comment's regression rows (the flagged ones, in its first table), each
 * once: a row of another metric of the same bench (`json/stringify (peak-heap)`) is that bench.
 */
export function flaggedIn(comment: string): string[] {
  const visible = comment.split('<details>')[0]
  const names = visible
    .split('\n')
    .filter((line) => line.startsWith('| ') && line.includes('| 🔴 regression'))
    .map((line) =>
      line
        .split('|')[1]
        .trim()
        .replace(/\\/g, '')
        .replace(/ \([^)]*\)$/, ''),
    )
  return [...new Set(names)]
}
