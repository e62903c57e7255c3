/** Config of the `command` kind: an external command run repeatedly, each run one sample. */
import { z } from 'zod'
import { envName, percentage, text } from '../fields.js'

/** How `measure: instructions` counts: perf stat, valgrind, or whichever works here. */
export const COUNTERS = ['auto', 'perf', 'valgrind'] as const
/** How `measure: instructions` counts. */
export type Counter = (typeof COUNTERS)[number]

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
        'What a sample is: wall time (default), or instructions executed (deterministic; default noise threshold 1%), counted as `counter` says.',
    }),
  counter: z
    .enum(COUNTERS, { error: `must be ${COUNTERS.join(', ')}` })
    .optional()
    .meta({
      description:
        'measure: instructions: how to count them. `perf` (perf stat, hardware counters; not in most VMs), `valgrind` (cachegrind; works everywhere, 20-50x slower), or `auto` (default: perf when this machine can count with it, else valgrind).',
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
  /** `measure: instructions` only: the counter asked for. */
  counter?: Counter
  /** Regression threshold (fraction) of `peak-rss`. */
  memoryThreshold: number
}

/** `counter` only means something when instructions are counted. */
export function checkCommand(raw: { measure?: string; counter?: string }): {
  field: string
  message: string
}[] {
  if (raw.counter === undefined || raw.measure === 'instructions') return []
  return [{ field: 'counter', message: 'only applies with measure: instructions' }]
}
