/**
 * `perfgate run -- 'cmd' ['cmd2' …]`: one-off command benches without a config file (as
 * hyperfine does), each named by its command. The config is built as text and parsed by the
 * config loader, so the benches get the same defaults and checks as ones written in a file.
 */
import { parseConfig } from '../config/load.js'
import type { ConfigOutcome } from '../config/types.js'

/** What a one-off run's config is called in messages and reports. */
export const ONE_OFF_SOURCE = 'the command line'

/** A config of `command` benches for `commands`, relative paths resolving against the cwd. */
export function oneOffConfig(commands: readonly string[]): ConfigOutcome {
  const benches = commands.map((command) => ({ name: command, kind: 'command', command }))
  // JSON is YAML: the loader's checks (unique names, non-empty commands) apply as to a file.
  return parseConfig(JSON.stringify({ benches }), { file: ONE_OFF_SOURCE })
}
