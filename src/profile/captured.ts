/** What capturing one side's profile gives: a profile over counted calls, or why there is none. */
import type { ProfileRound } from './types.js'

/** One side's profile, or the one-line note the comment shows instead of functions. */
export type Captured =
  { round: ProfileRound; note?: undefined } | { round?: undefined; note: string }

/** The first line of a command, as notes quote it. */
export function commandLabel(command: string): string {
  const first = command.split('\n')[0].trim()
  return first.length > 60 ? `${first.slice(0, 57)}…` : first
}
