/** Config of the `command` kind: an external command run repeatedly, each run one sample. */
import { z } from 'zod'
import { envName, text } from '../fields.js'

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
}

/** A validated `command` bench spec. */
export interface CommandSpec {
  kind: 'command'
  command: string
  prepare?: string
  /** Absolute working directory. */
  cwd: string
  env: Record<string, string>
}
