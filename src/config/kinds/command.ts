/** Config of the `command` kind: an external command run repeatedly, each run one sample. */
import { z } from 'zod'
import { envName, percentage, text } from '../fields.js'

/** Fields of a `command` bench. */
export const commandFields = {
  kind: z.literal('command'),
  command: text('a shell command').meta({ description: 'Shell command timed once per sample.' }),
  prepare: text('a shell command')
    .optional()
    .meta({ description: 'Shell command run before every timed run (not timed).' }),
  cwd: z
    .string()
    .optional()
    .meta({ description: 'Working directory, relative to the config file (default: its folder).' }),
  env: z
    .record(envName(), z.string())
    .optional()
    .meta({ description: 'Extra environment variables for the command.' }),
  memory: z
    .boolean({ error: 'must be true or false' })
    .optional()
    .meta({ description: 'Record the peak resident memory of each run (default true).' }),
  measure: z
    .enum(['time', 'instructions'], { error: 'must be time or instructions' })
    .optional()
    .meta({
      description:
        'What a sample is: wall time (default), or instructions executed, counted under valgrind (deterministic; default noise threshold 1%).',
    }),
  'memory-threshold': percentage()
    .optional()
    .meta({ description: 'Peak memory growth bigger than this is a regression (default 10%).' }),
}

/** A validated `command` bench spec. */
export interface CommandSpec {
  kind: 'command'
  command: string
  prepare?: string
  /** Absolute working directory. */
  cwd: string
  env: Record<string, string>
  /** Record `peak-rss` per run. */
  memory: boolean
  /** `instructions`: each sample is the instruction count under valgrind, not wall time. */
  measure: 'time' | 'instructions'
  /** Regression threshold (fraction) of `peak-rss`. */
  memoryThreshold: number
}
