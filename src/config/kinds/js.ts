/** Config of the `js` kind: exported functions of a JavaScript/TypeScript module, run by tinybench. */
import { z } from 'zod'
import { text } from '../fields.js'

/** Fields of a `js` bench. */
export const jsFields = {
  kind: z.literal('js'),
  module: text('a path to a .js, .mjs or .ts module, relative to the config file').meta({
    description: 'Module whose exported functions are the benches (relative to the config file).',
  }),
  functions: z.array(z.string()).min(1).optional().meta({
    description: 'Which exports to run (default: every exported function but setup/teardown).',
  }),
  'leak-check': z
    .union([z.boolean(), z.literal('error')], { error: 'must be true, false or error' })
    .optional()
    .meta({
      description:
        'Look for steady heap growth across GC-separated windows: true adds a note, error fails the bench.',
    }),
}

/** A validated `js` bench spec. */
export interface JsSpec {
  kind: 'js'
  /** Absolute path of the module. */
  module: string
  functions?: string[]
  /** false, a note on a leak (true), or an error on a leak. */
  leakCheck: boolean | 'error'
  /** Arguments of `setup` and of each function: the data size of a scaled bench (`scale:`). */
  args?: number[]
}

export { CALIBRATION_MODULE } from './calibration-module.js'

/** The group of the calibration bench; its one function makes it `perfgate/calibration`. */
export const CALIBRATION_GROUP = 'perfgate'
