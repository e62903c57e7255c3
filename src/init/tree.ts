/**
 * The project as `perfgate init` sees it: a listing of file paths and a way to read one. Detection
 * is pure over this port, so it is tested on fixture trees; `readProjectTree` is the disk edge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** A project's files: POSIX paths relative to its root, and their text. */
export interface ProjectTree {
  /** Every file found, relative to the root, with `/` separators, sorted. */
  paths: readonly string[]
  /** The file's text; undefined when it is missing, unreadable or too big for a source file. */
  read(file: string): string | undefined
}

/**
 * Folders never searched: dependencies, build output and tool caches hold thousands of files and
 * other projects' benches (a crate's vendored criterion benches are not the user's), and test
 * fixtures hold sample projects (Go's tools ignore testdata/ for the same reason).
 */
export const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  'target',
  'dist',
  'build',
  'vendor',
  'venv',
  '.venv',
  '__pycache__',
  '.tox',
  '.perfgate',
  'coverage',
  '__fixtures__',
  'fixtures',
  'testdata',
])

/** How deep and how many files the walk goes: enough for bench layouts, bounded for monorepos. */
const MAX_DEPTH = 6
const MAX_FILES = 20_000
/** Source files bigger than this are not read (a generated bundle is no bench). */
const MAX_READ_BYTES = 512 * 1024

/** Lists `root` (skipping `SKIPPED_DIRS` and dot-folders) and reads files on demand. */
export function readProjectTree(root: string): ProjectTree {
  const paths: string[] = []
  const walk = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (paths.length >= MAX_FILES) return
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        const hidden = entry.name.startsWith('.') && entry.name !== '.github'
        if (!hidden && !SKIPPED_DIRS.has(entry.name) && depth < MAX_DEPTH) walk(rel, depth + 1)
      } else if (entry.isFile()) {
        paths.push(rel)
      }
    }
  }
  walk('', 0)
  paths.sort()
  return {
    paths,
    read(file) {
      const full = path.join(root, file)
      try {
        if (statSync(full).size > MAX_READ_BYTES) return undefined
        return readFileSync(full, 'utf8')
      } catch {
        return undefined
      }
    },
  }
}

/** A tree held in memory (`{ 'package.json': '{...}' }`), for tests and dry runs. */
export function memoryTree(files: Record<string, string>): ProjectTree {
  return {
    paths: Object.keys(files).sort(),
    read: (file) => files[file],
  }
}
