/**
 * The measurement overrides of `perfgate run` (`--rounds`, `--samples`, `--time`, `--warmup`,
 * `--threshold`, `--no-profile`): parsed with the config's own field types, so `--time 2s` means what `time: 2s`
 * means in perfgate.yml, and applied to every selected bench over its config.
 */
import { count, duration, percentage, warmup, type Warmup } from '../config/fields.js'
import type { Config } from '../config/types.js'
import type { Results } from '../results/types.js'

/** The parseArgs options of the overrides. */
export const OVERRIDE_OPTIONS = {
  rounds: { type: 'string' },
  samples: { type: 'string' },
  time: { type: 'string' },
  warmup: { type: 'string' },
  threshold: { type: 'string' },
  'no-profile': { type: 'boolean' },
} as const

/** Settings given on the command line; each one beats every bench's config. */
export interface Overrides {
  rounds?: number
  samples?: number
  /** Milliseconds. */
  time?: number
  warmup?: Warmup
  /** The regression threshold, a fraction. */
  regressionThreshold?: number
  /** `--no-profile`: confirmed regressions are not profiled. */
  profile?: false
}

/** The overrides among parsed flag values; throws an Error naming the flag for a bad value. */
export function parseOverrides(
  values: Partial<Record<Exclude<keyof typeof OVERRIDE_OPTIONS, 'no-profile'>, string>> & {
    'no-profile'?: boolean
  },
): Overrides {
  const out: Overrides = values['no-profile'] === true ? { profile: false } : {}
  const check = <T>(
    flag: string,
    text: string,
    result: { success: boolean; data?: T; error?: { issues: { message: string }[] } },
  ): T => {
    if (!result.success)
      throw new Error(
        `--${flag} ${result.error?.issues[0]?.message ?? 'is invalid'}, got "${text}"`,
      )
    return result.data as T
  }
  if (values.rounds !== undefined)
    out.rounds = check('rounds', values.rounds, count(1).safeParse(Number(values.rounds)))
  if (values.samples !== undefined)
    out.samples = check('samples', values.samples, count(1).safeParse(Number(values.samples)))
  if (values.time !== undefined)
    out.time = check('time', values.time, duration().safeParse(values.time))
  if (values.warmup !== undefined) {
    // A bare number is iterations, as `warmup: 3` in YAML; anything else must be a duration.
    const raw = /^\s*\d+\s*$/.test(values.warmup) ? Number(values.warmup) : values.warmup
    out.warmup = check('warmup', values.warmup, warmup().safeParse(raw))
  }
  if (values.threshold !== undefined) {
    // `--threshold 5` is read as 5%, as benchstat users type it.
    const text = values.threshold.trim().endsWith('%') ? values.threshold : `${values.threshold}%`
    out.regressionThreshold = check('threshold', values.threshold, percentage().safeParse(text))
  }
  return out
}

/** `config` with the overrides set on every bench. */
export function applyOverrides(config: Config, overrides: Overrides): Config {
  const { regressionThreshold, ...measurement } = overrides
  return {
    ...config,
    benches: config.benches.map((bench) => ({
      ...bench,
      settings: {
        ...bench.settings,
        ...measurement,
        ...(regressionThreshold === undefined ? {} : { regressionThreshold }),
      },
    })),
  }
}

/**
 * `results` judged under `regressionThreshold` instead of the threshold recorded with each bench
 * (`compare --threshold`): the comparison reads a bench's threshold from its result. A metric's
 * own threshold (memory metrics have theirs) stays, as a config's does under the action's input.
 */
export function withThreshold(results: Results, regressionThreshold: number): Results {
  return {
    ...results,
    benches: results.benches.map((bench) => ({ ...bench, regressionThreshold })),
  }
}
