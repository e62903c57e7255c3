/** The bundled examples the demo copies into its throwaway repositories. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const EXAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples')

/** The text of `examples/NAME`. */
export function example(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8')
}
