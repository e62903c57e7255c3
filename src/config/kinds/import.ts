/** Config of the `import` kind: results another harness wrote (Criterion, Go, hyperfine, ...). */
import { z } from 'zod'
import { IMPORT_FORMATS, type ImportFormat } from '../../results/import/index.js'
import { text } from '../fields.js'

const pathText = text('a file, folder or glob, relative to the config file')

/** Fields of an `import` bench. */
export const importFields = {
  kind: z.literal('import'),
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` }).meta({
    description: 'Which tool wrote the files.',
  }),
  path: z
    .union([pathText, z.array(pathText).min(1)], {
      error: 'must be a file, folder or glob (or a list of them), relative to the config file',
    })
    .optional()
    .meta({
      description:
        'Files to read: a file, a folder (searched for the format’s files) or a glob, or a list. Relative to the config file. Required except for criterion (default $CRITERION_HOME or ${CARGO_TARGET_DIR:-target}/criterion).',
    }),
  run: text('a shell command').optional().meta({
    description:
      'Shell command that writes the files first (run in the config file’s folder, under the bench’s timeout). Files it did not rewrite are ignored as stale.',
  }),
  prefix: z.string().optional().meta({
    description:
      'What goes before each imported bench id in result names (default: this bench’s name; "" for the bare ids).',
  }),
}

/** A validated `import` bench spec. */
export interface ImportSpec {
  kind: 'import'
  format: ImportFormat
  /** Files, folders or globs as written (relative to `configDir`); none means the format's default. */
  paths: string[]
  /** Absolute folder of the config file: paths resolve and `run` runs here. */
  configDir: string
  run?: string
  prefix?: string
}
