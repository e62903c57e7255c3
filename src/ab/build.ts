/** The `build` step of A/B mode: each distinct build command, once per checkout. */
import type { BenchConfig } from '../config/types.js'
import { lastLines, runShell } from '../run/process.js'
import type { Side } from './interleave.js'

/** A build command failed; the message names the side, the command and its output's tail. */
export class AbBuildError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AbBuildError'
  }
}

/** The distinct `build` commands of these benches, in first-use order. */
export function buildCommands(benches: readonly BenchConfig[]): string[] {
  return [
    ...new Set(benches.flatMap((b) => (b.settings.build === undefined ? [] : [b.settings.build]))),
  ]
}

/** Runs `commands` in `cwd` (one side's config folder), stopping at the first that fails. */
export async function runBuilds(
  side: Side,
  commands: readonly string[],
  cwd: string,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<void> {
  for (const command of commands) {
    log(`${side}: build \`${command}\``)
    const run = await runShell(command, {
      cwd,
      env,
      signal: new AbortController().signal,
      tailBytes: 4096,
    })
    if (run.code === 0) continue
    const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`
    const tail = lastLines(`${run.stdoutTail}\n${run.stderrTail}`, 10)
    throw new AbBuildError(
      `the ${side} side's build \`${command}\` ${how} (in ${cwd})${tail ? `:\n${tail}` : ' (no output)'}`,
    )
  }
}
