/**
 * A part of `npm run demo:all` as `perfgate ab` runs it: a throwaway repository, a branch with
 * one change, and both commits measured on this machine in alternating rounds (the paired
 * design: base and head share every slowdown of the machine), then the PR comment.
 */
import { commitChange, diffLines, type Change } from './change.js'
import { commentIn, flaggedIn } from './comment.js'
import { throwawayRepo } from './git-repo.js'
import { perfgate } from './perfgate-cli.js'

/** One paired part: the repository's files, the change, and the environment the benches need. */
export interface PairedPart {
  label: string
  files: Record<string, string>
  change: Change
  env?: NodeJS.ProcessEnv
}

/** What a part found. */
export interface PartOutcome {
  /** The PR comment, as perfgate printed it with --format markdown. */
  comment: string
  /** The benches the comment flags as regressions. */
  flagged: string[]
  seconds: number
}

/** Runs `perfgate ab main --format markdown` on `part`'s branch; removes the repository afterwards. */
export async function pairedDemo(
  part: PairedPart,
  say: (line: string) => void,
): Promise<PartOutcome> {
  const started = performance.now()
  const { root, repo, remove } = throwawayRepo(part.label, part.files)
  try {
    say(`   branch ${part.change.branch}: ${part.change.message}`)
    for (const line of diffLines(part.change)) say(`   ${line}`)
    commitChange(repo, part.change)
    say(`   $ perfgate ab main --format markdown`)
    const run = await perfgate(['ab', 'main', '--format', 'markdown', '--out-dir', `${root}/ab`], {
      cwd: repo,
      env: part.env,
      progress: (line) => say(`    ${line}`),
    })
    if (run.code !== 0) {
      throw new Error(`perfgate ab exited with code ${run.code}:\n${run.stderr}${run.stdout}`)
    }
    const comment = commentIn(run.stdout)
    return { comment, flagged: flaggedIn(comment), seconds: (performance.now() - started) / 1000 }
  } finally {
    remove()
  }
}
