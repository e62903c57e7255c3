/** Reads a config file from disk and parses it; a missing or unreadable file is a located error too. */
import { readFile } from 'node:fs/promises'
import { parseConfig, type ParseOptions } from './load.js'
import type { ConfigOutcome } from './types.js'

/** Loads and validates the config at `file`. */
export async function readConfig(
  file: string,
  options: Omit<ParseOptions, 'file'> = {},
): Promise<ConfigOutcome> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    return {
      ok: false,
      errors: [
        {
          file,
          message: missing
            ? 'does not exist: write one with `perfgate init` (docs/init.md) or point the `config` input / --config option at yours'
            : `cannot be read: ${(error as Error).message}`,
        },
      ],
    }
  }
  return parseConfig(text, { ...options, file })
}
