/** The CLI's rule for runs whose names do not pair: nothing compared is never a pass. */
import type { Comparison } from '../compare/types.js'

/**
 * Prints each pairing problem of `comparison` through `say` (one line each) and returns the exit
 * code they call for: 1 under `--fail-on-regression`, as the action fails its step; else 0.
 */
export function unpairedExit(
  comparison: Comparison,
  failOnRegression: boolean | undefined,
  say: (line: string) => void,
): number {
  const problems = comparison.problems ?? []
  for (const problem of problems) say(`nothing compared: ${problem}\n`)
  return problems.length > 0 && failOnRegression === true ? 1 : 0
}
