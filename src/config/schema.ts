/** The config file's schema, built once from the settings and kind definitions. */
import { z } from 'zod'
import { KINDS } from './kinds/index.js'
import { settingsFields } from './settings.js'
import { text } from './fields.js'
import { budgetFields } from './budget.js'

/** Where the schema is published: the raw file on the default branch (docs/editors.md). */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/perfgate/perfgate/main/schema/perfgate.schema.json'

type CheckProblem = { field: string; message: string }

const benchName = text('a non-empty name').meta({
  description: 'Unique bench name; slashes group benches (e.g. sql/ready-tasks).',
})

/** One bench entry: a union of the kinds, told apart by `kind`. */
export const benchSchema = z.discriminatedUnion(
  'kind',
  Object.values(KINDS).map((definition) =>
    z
      .strictObject({ name: benchName, ...settingsFields, ...budgetFields, ...definition.fields })
      .superRefine((raw, ctx) => {
        const check = (definition as { check?: (raw: unknown) => CheckProblem[] }).check
        for (const problem of check?.(raw) ?? [])
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
      }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
)

/** The whole config file. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    defaults: z.strictObject(settingsFields).optional(),
    calibration: z.boolean({ error: 'must be true or false' }).optional().meta({
      description:
        'Also run perfgate/calibration, a fixed built-in workload whose ratio between runs estimates the runner speed difference.',
    }),
    benches: z.array(benchSchema).min(1, { error: 'must list at least one bench' }),
  })
  .meta({
    title: 'perfgate config',
    description: 'Benches perfgate runs and compares (perfgate.yml).',
  })

/** The JSON Schema of the config file, for editors (written to schema/perfgate.schema.json). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    // A URL that serves the file, so an editor can fetch the schema by its $id.
    $id: SCHEMA_URL,
  }
}
