/**
 * The `serve` setting of http and e2e benches: a server perfgate starts itself (in A/B mode once
 * per side, in that side's checkout), waits for until healthy, measures, and stops again.
 */
import path from 'node:path'
import { z } from 'zod'
import { envName, text } from './fields.js'
import { healthField, toHealthSpec, type HealthSpec } from './kinds/http.js'

const SHAPE = 'must be a shell command, or {command, env, cwd, health}'

/** The `serve` field: a shell command, or an object with its env, folder and health check. */
export const serveField = () =>
  z
    .union(
      [
        text('a shell command'),
        z.strictObject({
          command: text('a shell command').meta({
            description: 'Shell command that starts the server and keeps running.',
          }),
          cwd: z.string().optional().meta({
            description:
              'Folder to start it in, relative to the config file (default: its folder).',
          }),
          env: z
            .record(envName(), z.string())
            .optional()
            .meta({ description: 'Extra environment variables for the server, e.g. PORT.' }),
          health: healthField().meta({
            description:
              "Polled until 2xx before the bench's first sample (default: the bench's own health).",
          }),
        }),
      ],
      { error: SHAPE },
    )
    .optional()
    .meta({
      description:
        "http/e2e: a server perfgate starts before the bench (in A/B mode once per side, in that side's checkout, one side at a time), health-checks, and stops at the end.",
    })

/** `serve` as parsed. */
export type ServeInput = string | z.output<ReturnType<typeof serveField>>

/** A server to start for a bench, resolved: absolute folder, env, and its health check. */
export interface ServeSpec {
  command: string
  /** Absolute folder the command runs in. */
  cwd: string
  env: Record<string, string>
  /** Its own health check; undefined means the bench's `health`. */
  health?: HealthSpec
}

/** Parsed `serve` → a ServeSpec whose relative folder is resolved against `configDir`. */
export function toServeSpec(raw: NonNullable<ServeInput>, configDir: string): ServeSpec {
  const object: Exclude<NonNullable<ServeInput>, string> = typeof raw === 'string'
    ? { command: raw }
    : raw
  const health = toHealthSpec(object.health)
  return {
    command: object.command,
    cwd: path.resolve(configDir, object.cwd ?? '.'),
    env: object.env ?? {},
    ...(health === undefined ? {} : { health }),
  }
}

/** The kinds a `serve` server makes sense for (they send requests to it). */
export const SERVE_KINDS: readonly string[] = ['http', 'e2e']
