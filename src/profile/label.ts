/** How notes quote a command: its first line, shortened. */

/** The first line of a command, at most 60 characters, as notes quote it. */
export function commandLabel(command: string): string {
  const first = command.split('\n')[0].trim()
  return first.length > 60 ? `${first.slice(0, 57)}…` : first
}
