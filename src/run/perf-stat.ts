/**
 * Counting with `perf stat` (Linux hardware counters): its CSV output (`-x,`), a probe of whether
 * this kernel lets it count instructions at all, and one counted run of a shell command.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { BenchError } from './outcome.js'
import { lastLines, runShell, type CommandRun, type ShellOptions } from './process.js'

/**
 * The event counted: user-space instructions. Kernel work (page faults, scheduling) varies run
 * to run, and counting it needs `perf_event_paranoid` ≤ 1; user space needs ≤ 2.
 */
export const PERF_EVENT = 'instructions:u'

/** One line of `perf stat -x,` output. */
export interface PerfCount {
  event: string
  /** The count, or null when perf printed `<not supported>` / `<not counted>` instead. */
  value: number | null
  /** perf's own word when there is no count, e.g. `<not supported>`. */
  status?: string
  unit: string
}

/** The counts in `perf stat -x,` output (comment and blank lines skipped). */
export function parsePerfStat(text: string): PerfCount[] {
  const counts: PerfCount[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    // value,unit,event,run-time,percent-running,metric,metric-unit
    const [value, unit = '', event] = line.split(',')
    if (event === undefined || event === '') continue
    const number = Number(value)
    counts.push(
      /^<.*>$/.test(value) || value === '' || !Number.isFinite(number)
        ? { event, value: null, status: value, unit }
        : { event, value: number, unit },
    )
  }
  return counts
}

/** Whether perf can count `PERF_EVENT` here, and if not, why (for the error a user reads). */
export type PerfProbe = { ok: true } | { ok: false; reason: string }

let probed: Promise<PerfProbe> | undefined

/** Probes once per process: `perf stat -x, -e instructions:u true`. */
export function probePerf(): Promise<PerfProbe> {
  probed ??= runProbe()
  return probed
}

async function runProbe(): Promise<PerfProbe> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-probe-'))
  const file = path.join(dir, 'stat.csv')
  try {
    const failure = await new Promise<string | undefined>((resolve) => {
      execFile(
        'perf',
        ['stat', '-x,', '-e', PERF_EVENT, '-o', file, 'true'],
        (error, _out, err) => {
          if (!error) return resolve(undefined)
          if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            return resolve('perf is not installed')
          resolve(describePerfFailure(String(err)))
        },
      )
    })
    if (failure !== undefined) return { ok: false, reason: failure }
    const count = findCount(parsePerfStat(await readFile(file, 'utf8').catch(() => '')))
    if (typeof count?.value === 'number') return { ok: true }
    return { ok: false, reason: notCounted(count) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** One counted run: how the command ended, and the count perf printed for `event`. */
export async function countWithPerf(
  command: string,
  shell: ShellOptions,
  event = PERF_EVENT,
): Promise<CommandRun & { count: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-'))
  const file = path.join(dir, 'stat.csv')
  const codeFile = path.join(dir, 'code')
  try {
    const quoted = `'${command.replace(/'/g, `'\\''`)}'`
    // -o keeps perf's table out of the command's own stderr; children are counted (inherit). On a
    // busy machine perf stat now and then exits 0 for a command that failed (1 in 40 `exit 3`s
    // next to two busy loops), so a wrapper shell writes the command's own exit code to a file.
    const wrapper = `'sh -c "$1"; echo $? > "$2"' perfgate ${quoted} '${codeFile}'`
    const perfRun = await runShell(
      `perf stat -x, -e ${event} -o '${file}' -- sh -c ${wrapper}`,
      shell,
    )
    const written = await readFile(codeFile, 'utf8').catch(() => undefined)
    const run = written === undefined ? perfRun : { ...perfRun, code: Number(written.trim()) }
    const text = await readFile(file, 'utf8').catch(() => undefined)
    if (text === undefined) {
      if (run.aborted) return { ...run, count: 0 }
      throw new BenchError(
        `perf stat did not run${run.code === 127 ? ' (perf is not installed)' : `: ${describePerfFailure(run.stderrTail)}`}`,
      )
    }
    const count = findCount(parsePerfStat(text), event)
    // A failed command is reported by the caller with its own output; its count means nothing.
    if (run.code !== 0) return { ...run, count: 0 }
    const value = count?.value
    if (typeof value !== 'number')
      throw new BenchError(`perf stat could not count: ${notCounted(count, event)}`)
    return { ...run, count: value }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function findCount(counts: PerfCount[], event = PERF_EVENT): PerfCount | undefined {
  return counts.find((c) => c.event === event) ?? counts[0]
}

function notCounted(count: PerfCount | undefined, event = PERF_EVENT): string {
  if (count === undefined) return `perf printed no ${event} count`
  if (count.status === '<not supported>')
    return `the kernel reports <not supported> for ${event}: no hardware performance counters here (usual in virtual machines)`
  return `perf printed ${count.status ?? 'no value'} for ${event}`
}

function describePerfFailure(stderr: string): string {
  if (/perf_event_paranoid/.test(stderr))
    return 'perf_event_paranoid forbids counting: run `sudo sysctl kernel.perf_event_paranoid=2` in a step before perfgate'
  if (/WARNING: perf not found for kernel/.test(stderr))
    return 'perf is not installed for this kernel (install linux-tools-$(uname -r))'
  return lastLines(stderr, 3) || 'perf failed with no output'
}
