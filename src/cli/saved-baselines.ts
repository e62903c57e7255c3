/**
 * Named baselines (Criterion's `--save-baseline`): `perfgate run --save main` keeps the results
 * under .perfgate/baselines/main.json, and `--baseline main` finds them there again, so a user
 * compares branches without inventing file names.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

/** Where saved baselines live, relative to the working directory. */
export const BASELINES_DIR = path.join('.perfgate', 'baselines')

/** The file of the saved baseline `name`; throws for a name that would leave the folder. */
export function savedBaselinePath(name: string): string {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
    throw new Error(
      `a baseline name is letters, digits, ".", "_" and "-" (not starting with "."), got "${name}"`,
    )
  }
  return path.join(BASELINES_DIR, `${name}.json`)
}

/**
 * The file `--baseline ARG` means: ARG itself when it exists or looks like a path (a .json
 * name or a folder in it), else the saved baseline ARG. A missing saved name throws, listing
 * the saved ones.
 */
export async function resolveBaseline(arg: string): Promise<string> {
  if (existsSync(arg) || arg.endsWith('.json') || /[\\/]/.test(arg)) return arg
  const file = savedBaselinePath(arg)
  if (existsSync(file)) return file
  const saved = await savedNames()
  throw new Error(
    `no file or saved baseline named "${arg}"; ${
      saved.length === 0
        ? `nothing is saved in ${BASELINES_DIR} yet`
        : `saved in ${BASELINES_DIR}: ${saved.join(', ')}`
    } (save one with perfgate run --save NAME)`,
  )
}

async function savedNames(): Promise<string[]> {
  try {
    const files = await readdir(BASELINES_DIR)
    return files
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort()
  } catch {
    return []
  }
}
