/** git in a test's own repository, with a fixed identity so commits work on any machine. */
import { execFileSync } from 'node:child_process'

/** A `git(...args)` bound to the repository folder `repo()` returns when called. */
export function gitIn(repo: () => string) {
  return (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo(),
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    }).trim()
}
