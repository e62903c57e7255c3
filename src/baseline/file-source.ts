/** The baseline from a results file (the `baseline` input set to a path). */
import { readFile } from 'node:fs/promises'
import { parseResults } from '../results/schema.js'
import type { BaselineSource } from './source.js'

/** Loads the results file at `file` (shown to users as `shown`). */
export function fileSource(file: string, shown: string): BaselineSource {
  return {
    async load() {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
        return {
          found: false,
          reason: missing
            ? `the baseline file ${shown} does not exist`
            : `the baseline file ${shown} cannot be read: ${(error as Error).message}`,
          hint: 'point the `baseline` input at a results file written by `perfgate run --out`, or leave it empty to use the default branch artifact',
          notices: [],
        }
      }
      try {
        const results = parseResults(text, shown)
        return {
          found: true,
          baselines: [results],
          info: { source: 'file', path: shown, commit: results.meta.commit, runs: 1 },
          warnings: [],
          notices: [],
        }
      } catch (error) {
        return {
          found: false,
          reason: (error as Error).message,
          hint: 'regenerate the baseline file with this perfgate version (`perfgate run --out FILE`)',
          notices: [],
        }
      }
    },
  }
}
