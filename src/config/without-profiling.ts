/** `profile: false` on every bench: the action's `profile: false` input and `perfgate ab --no-profile`. */
import type { Config } from './types.js'

/** `config` with every bench's confirmed regressions left unprofiled (as `profile: false`). */
export function withoutProfiling(config: Config): Config {
  return {
    ...config,
    benches: config.benches.map((bench) => ({
      ...bench,
      settings: { ...bench.settings, profile: false },
    })),
  }
}
