import { parseConfig, formatConfigError } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'

/** A validated config from YAML text, as if read from `file` (paths resolve from its folder). */
export function config(text: string, file = '__fixtures__/benches/perfgate.yml'): Config {
  const outcome = parseConfig(text, { file })
  if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
  return outcome.config
}
