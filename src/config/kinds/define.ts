/** The shape every bench kind's config definition has. */
import { z } from 'zod'
import type { Settings } from '../settings.js'

/** What a kind may know while turning its parsed fields into a spec. */
export interface SpecContext {
  /** Absolute folder of the config file, for resolving relative paths. */
  configDir: string
}

/** A bench kind's config: its fields (zod), how they become a typed spec, its own default settings. */
export interface KindDefinition<F extends z.core.$ZodLooseShape, S> {
  fields: F
  toSpec(raw: z.output<z.ZodObject<F>>, ctx: SpecContext): S
  /** Settings this kind defaults to differently (e.g. a 15% noise threshold for database benches). */
  settings?: Partial<Settings>
  /** Cross-field rules (e.g. `params` and `params-query` exclude each other): problems by field. */
  check?(raw: z.output<z.ZodObject<F>>): { field: string; message: string }[]
  /** True when the kind can run operations side by side (the `concurrency` setting). */
  concurrency?: boolean
}

/** Declares a kind definition with its types inferred. */
export function defineKind<F extends z.core.$ZodLooseShape, S>(
  definition: KindDefinition<F, S>,
): KindDefinition<F, S> {
  return definition
}
