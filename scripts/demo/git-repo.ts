/** A throwaway git repository for the demo: the "main branch" and a "pull request" on top. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A fixed identity and no signing: the demo must commit on any machine, whatever its git config.
const IDENTITY = {
  GIT_AUTHOR_NAME: 'perfgate demo',
  GIT_AUTHOR_EMAIL: 'demo@perfgate.invalid',
  GIT_COMMITTER_NAME: 'perfgate demo',
  GIT_COMMITTER_EMAIL: 'demo@perfgate.invalid',
}

/** Runs git in `dir` and returns its trimmed output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim()
}

/** Makes `dir` a repository whose branch `main` holds its files in one commit. */
export function initRepo(dir: string, message: string): void {
  git(dir, 'init', '--quiet')
  // Not `init -b main` (git 2.28+): the unborn branch is simply renamed.
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main')
  git(dir, 'add', '.')
  git(dir, 'commit', '--quiet', '-m', message)
}

/** Commits every change in `dir` on a new branch `branch`. */
export function commitOnBranch(dir: string, branch: string, message: string): void {
  git(dir, 'checkout', '--quiet', '-b', branch)
  git(dir, 'commit', '--quiet', '--all', '-m', message)
}

/** A throwaway folder holding `repo/`, a repository whose `main` commits `files` (path → text). */
export interface ThrowawayRepo {
  /** The folder around the repository: results files go here, outside the work tree. */
  root: string
  repo: string
  remove: () => void
}

/** Writes `files` into a new repository under the OS temp folder and commits them on `main`. */
export function throwawayRepo(label: string, files: Record<string, string>): ThrowawayRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), `perfgate-demo-${label}-`))
  const repo = path.join(root, 'repo')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true })
    writeFileSync(path.join(repo, name), text)
  }
  initRepo(repo, 'The examples')
  return { root, repo, remove: () => rmSync(root, { recursive: true, force: true }) }
}
