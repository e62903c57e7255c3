/**
 * Instruction counts: a shell command run under valgrind's cachegrind (no cache simulation), the
 * `I refs` of every process it started summed. Deterministic to well under 1% run to run, and
 * the same on any x86-64 or arm64 machine valgrind supports, unlike wall time.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { BenchError } from './outcome.js'
import { runShell, type CommandRun, type ShellOptions } from './process.js'

/** One counted run: how the command ended, and the instructions it executed. */
export interface CountedRun extends CommandRun {
  instructions: number
}

/** Runs `command` under valgrind and returns its run plus the summed instruction count. */
export async function countInstructions(command: string, shell: ShellOptions): Promise<CountedRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-cachegrind-'))
  try {
    const quoted = `'${command.replace(/'/g, `'\\''`)}'`
    const wrapped = `valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file=/dev/null --log-file=${dir}/log.%p sh -c ${quoted}`
    const run = await runShell(wrapped, shell)
    if (run.code === 127 || /valgrind: not found|valgrind: command not found/.test(run.stderrTail))
      throw new BenchError(
        'measure: instructions needs valgrind: install it in a step before perfgate (`sudo apt-get install -y valgrind` on ubuntu runners)',
      )
    let total = 0
    let seen = 0
    for (const file of await readdir(dir)) {
      const count = parseInstructionRefs(await readFile(path.join(dir, file), 'utf8'))
      if (count !== undefined) {
        total += count
        seen++
      }
    }
    if (seen === 0 && run.code === 0)
      throw new BenchError('valgrind ran but reported no instruction count (I refs)')
    return { ...run, instructions: total }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The `I refs` total of one cachegrind log, or undefined when it has none. */
export function parseInstructionRefs(log: string): number | undefined {
  const match = /I\s+refs:\s+([\d,]+)/.exec(log)
  return match ? Number(match[1].replace(/,/g, '')) : undefined
}
