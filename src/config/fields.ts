/** Zod field types for the human-written values of a config file (durations, percentages, names). */
import { z } from 'zod'
import { parseDuration, parsePercentage } from './units.js'

/** A duration like `10s` or `500ms`, parsed to milliseconds. */
export const duration = () =>
  z
    .string({ error: 'must be a duration like 10s or 500ms' })
    .regex(/^\s*\d+(\.\d+)?\s*(ns|us|µs|ms|s|min|m|h)\s*$/, {
      error: 'must be a duration like 10s or 500ms',
    })
    .transform((text) => parseDuration(text) as number)
    .meta({ description: 'A duration such as 10s, 500ms or 2m.', examples: ['10s', '500ms'] })

/** A percentage like `15%`, parsed to a fraction (0.15). */
export const percentage = () =>
  z
    .string({ error: 'must be a percentage like 15%' })
    .regex(/^\s*\d+(\.\d+)?\s*%\s*$/, { error: 'must be a percentage like 15%' })
    .transform((text) => parsePercentage(text) as number)
    .meta({ description: 'A percentage such as 15%.', examples: ['15%'] })

/** A whole number of at least `min`. */
export const count = (min = 1) =>
  z
    .int({ error: `must be a whole number of at least ${min}` })
    .min(min, { error: `must be a whole number of at least ${min}` })

/** Warm-up before timing: a duration (`500ms`) or a number of iterations/runs (`3`). */
export const warmup = () =>
  z
    .union([z.int().min(0), duration()], {
      error: 'must be a duration like 500ms or a number of iterations like 3',
    })
    .transform((value): Warmup =>
      typeof value === 'number' ? { iterations: value } : { ms: value },
    )
    .meta({ description: 'Warm-up: a duration (500ms) or a number of iterations (3).' })

/** Warm-up before timing: for a time, or for a number of iterations. */
export type Warmup = { ms: number } | { iterations: number }

/** The name of an environment variable. */
export const envName = () =>
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: 'must be an environment variable name like DATABASE_URL',
  })

/** A non-empty string. */
export const text = (what: string) =>
  z.string({ error: `must be ${what}` }).min(1, { error: `must be ${what}, not empty` })
