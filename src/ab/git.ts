/** The git side of A/B mode: which commit is the base, and a separate checkout of it. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)

/** Something about the repository stops A/B mode; the message says what to do. */
export class AbSetupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AbSetupError'
  }
}

async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd: repo, maxBuffer: 16 * 1024 * 1024 })
  return stdout.trim()
}

async function tryGit(repo: string, args: string[]): Promise<string | undefined> {
  try {
    return await git(repo, args)
  } catch {
    return undefined
  }
}

const FETCH_HINT =
  'check out with full history (actions/checkout with `fetch-depth: 0`) or fetch the base first, e.g. `git fetch origin <base-branch>`'

/** The top folder of the git work tree holding `dir`. */
export async function repoRoot(dir: string): Promise<string> {
  const root = await tryGit(dir, ['rev-parse', '--show-toplevel'])
  if (root === undefined) throw new AbSetupError(`${dir} is not inside a git repository`)
  return root
}

/** The full sha of `ref`; a ref git does not have is an error that says how to fetch it. */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
  const sha = await tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  if (sha === undefined || sha === '') {
    const shallow = (await tryGit(repo, ['rev-parse', '--is-shallow-repository'])) === 'true'
    throw new AbSetupError(
      `base commit ${ref} is not in this clone${shallow ? ' (it is a shallow clone)' : ''}: ${FETCH_HINT}`,
    )
  }
  return sha
}

/** True when `ref` names a commit this clone has (the PR's base, for confirming against it). */
export async function hasCommit(dir: string, ref: string): Promise<boolean> {
  const sha = await tryGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  return sha !== undefined && sha !== ''
}

/**
 * The default base: the merge base of HEAD with the default branch (origin/HEAD, else origin/main,
 * main, origin/master, master: the first that exists).
 */
export async function defaultBase(repo: string): Promise<{ ref: string; sha: string }> {
  const candidates = ['origin/HEAD', 'origin/main', 'main', 'origin/master', 'master']
  for (const ref of candidates) {
    if ((await tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) === undefined)
      continue
    const sha = await tryGit(repo, ['merge-base', 'HEAD', ref])
    if (sha === undefined || sha === '') {
      throw new AbSetupError(
        `HEAD and ${ref} have no common commit in this clone (too shallow?): ${FETCH_HINT}`,
      )
    }
    return { ref: `merge-base(HEAD, ${ref})`, sha }
  }
  throw new AbSetupError(
    `no default branch found (tried ${candidates.join(', ')}); name the base commit explicitly, or ${FETCH_HINT}`,
  )
}

/** A detached checkout of one commit in a temporary folder; remove() deletes it again. */
export interface Checkout {
  dir: string
  sha: string
  remove: () => Promise<void>
}

/** Checks out `sha` into a new detached worktree of `repo` (no branch is created or moved). */
export async function checkoutWorktree(repo: string, sha: string): Promise<Checkout> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'perfgate-base-'))
  const dir = path.join(parent, 'tree')
  try {
    await git(repo, ['worktree', 'add', '--detach', '--quiet', dir, sha])
  } catch (error) {
    await rm(parent, { recursive: true, force: true })
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? String(error)
    throw new AbSetupError(`could not check out base ${sha} into a worktree: ${stderr}`)
  }
  return {
    dir,
    sha,
    remove: async () => {
      await tryGit(repo, ['worktree', 'remove', '--force', dir])
      await rm(parent, { recursive: true, force: true })
      await tryGit(repo, ['worktree', 'prune'])
    },
  }
}
