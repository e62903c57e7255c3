/**
 * Instruction counts: a shell command's executed instructions, counted by `perf stat` (the CPU's
 * own counter, user space) where the kernel exposes hardware counters, or else under valgrind's
 * cachegrind (no cache simulation, the `I refs` of every process summed). Both are
 * deterministic to well under 1% run to run, unlike wall time; they do not count alike, so one
 * bench's runs must use one counter (`counter:` pins it).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Counter } from '../config/kinds/command.js'
import { BenchError } from './outcome.js'
import { countWithPerf, PERF_EVENT, probePerf } from './perf-stat.js'
import { runShell, type CommandRun, type ShellOptions } from './process.js'

/** One counted run: how the command ended, and the instructions it executed. */
export interface CountedRun extends CommandRun {
  instructions: number
}

/** The counter a bench's runs use, and how results describe it. */
export interface ChosenCounter {
  counter: 'perf' | 'valgrind'
  description: string
}

const DESCRIPTIONS = {
  perf: `instructions counted by perf stat -e ${PERF_EVENT}`,
  valgrind: 'instructions counted by valgrind --tool=cachegrind',
} as const

const INSTALL_VALGRIND =
  'install it in a step before perfgate (`sudo apt-get install -y valgrind` on ubuntu runners)'

/**
 * Resolves `counter` on this machine: `perf` and `valgrind` as asked (a BenchError saying why
 * when it cannot work here), `auto` perf when it can count instructions, else valgrind.
 */
export async function chooseCounter(counter: Counter): Promise<ChosenCounter> {
  const chosen = (name: 'perf' | 'valgrind'): ChosenCounter => ({
    counter: name,
    description: DESCRIPTIONS[name],
  })
  if (counter === 'valgrind') return chosen('valgrind')
  const perf = await probePerf()
  if (perf.ok) return chosen('perf')
  if (counter === 'perf')
    throw new BenchError(
      `counter: perf cannot count instructions here: ${perf.reason}; use counter: valgrind (or auto, which falls back to it)`,
    )
  if (await valgrindInstalled()) return chosen('valgrind')
  throw new BenchError(
    `measure: instructions needs perf with hardware counters or valgrind, and neither works here (perf: ${perf.reason}; valgrind: not installed): ${INSTALL_VALGRIND}`,
  )
}

/** Runs `command` under the chosen counter and returns its run plus the instruction count. */
export async function countInstructions(
  command: string,
  shell: ShellOptions,
  counter: ChosenCounter['counter'] = 'valgrind',
): Promise<CountedRun> {
  if (counter === 'perf') {
    const { count, ...run } = await countWithPerf(command, shell)
    return { ...run, instructions: count }
  }
  return countWithValgrind(command, shell)
}

async function countWithValgrind(command: string, shell: ShellOptions): Promise<CountedRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-cachegrind-'))
  try {
    const quoted = `'${command.replace(/'/g, `'\\''`)}'`
    const wrapped = `valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file=/dev/null --log-file=${dir}/log.%p sh -c ${quoted}`
    const run = await runShell(wrapped, shell)
    if (run.code === 127 || /valgrind: not found|valgrind: command not found/.test(run.stderrTail))
      throw new BenchError(
        `measure: instructions with valgrind needs valgrind: ${INSTALL_VALGRIND}`,
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

function valgrindInstalled(): Promise<boolean> {
  return new Promise((resolve) =>
    execFile('valgrind', ['--version'], (error) => resolve(error === null)),
  )
}

/** The `I refs` total of one cachegrind log, or undefined when it has none. */
export function parseInstructionRefs(log: string): number | undefined {
  const match = /I\s+refs:\s+([\d,]+)/.exec(log)
  return match ? Number(match[1].replace(/,/g, '')) : undefined
}
