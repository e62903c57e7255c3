/** Child processes with wall-clock timing, output tails and whole-group kill on abort. */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** How one run of a shell command ended. */
export interface CommandRun {
  /** Exit code, or null when killed by a signal. */
  code: number | null
  signal: NodeJS.Signals | null
  /** Wall time from spawn to exit, in milliseconds. */
  wallMs: number
  stdoutTail: string
  stderrTail: string
  /** True when the run was killed because `signal` aborted. */
  aborted: boolean
}

/** Options for a shell command run. */
export interface ShellOptions {
  cwd: string
  env: Record<string, string | undefined>
  signal: AbortSignal
  /** How many trailing bytes of each output stream to keep. */
  tailBytes?: number
}

/** Runs `command` with `sh -c` in its own process group; aborting kills the whole group. */
export function runShell(command: string, options: ShellOptions): Promise<CommandRun> {
  const tailBytes = options.tailBytes ?? 2048
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new Error('aborted before start'))
      return
    }
    const started = process.hrtime.bigint()
    const child = spawn('sh', ['-c', command], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdoutTail = ''
    let stderrTail = ''
    let aborted = false
    child.stdout.on(
      'data',
      (chunk: Buffer) => (stdoutTail = keepTail(stdoutTail, chunk, tailBytes)),
    )
    child.stderr.on(
      'data',
      (chunk: Buffer) => (stderrTail = keepTail(stderrTail, chunk, tailBytes)),
    )
    const onAbort = (): void => {
      aborted = true
      killGroup(child.pid)
    }
    options.signal.addEventListener('abort', onAbort, { once: true })
    child.on('error', (error) => {
      options.signal.removeEventListener('abort', onAbort)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      options.signal.removeEventListener('abort', onAbort)
      // Grandchildren that outlive the shell would keep running: end the group.
      killGroup(child.pid)
      child.stdout.destroy()
      child.stderr.destroy()
      resolve({ code, signal, wallMs, stdoutTail, stderrTail, aborted })
    })
  })
}

/** Sends SIGKILL to a whole process group, ignoring a group that is already gone. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already exited.
  }
}

/**
 * True while a process group has a member that is still running. A zombie does not count: it has
 * released its ports and files, and in a container whose PID 1 is slow to reap orphans it can
 * linger for seconds after it exited. Where there is no /proc (macOS), any member counts.
 */
export function groupRunning(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return true
  }
  return entries.some((entry) => {
    const stat = /^\d+$/.test(entry) ? procStat(Number(entry)) : undefined
    return stat !== undefined && stat.pgrp === pgid && stat.running
  })
}

/** A process's state and group from /proc (undefined without /proc or once it is gone). */
export function procStat(pid: number): { running: boolean; pgrp: number } | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so parse after the last ')'.
  const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { running: state !== 'Z' && state !== 'X', pgrp: Number(pgrp) }
}

/**
 * The CPU time a process's main thread has used, µs (Linux's schedstat, in ns), or undefined
 * where it cannot be read. A Node process's JavaScript runs on that thread.
 */
export function mainThreadCpuUs(pid: number): number | undefined {
  try {
    const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0])
    return Number.isFinite(ns) ? ns / 1000 : undefined
  } catch {
    return undefined
  }
}

function keepTail(tail: string, chunk: Buffer, limit: number): string {
  const joined = tail + chunk.toString('utf8')
  return joined.length > limit ? joined.slice(joined.length - limit) : joined
}

/** The last `lines` non-empty lines of a text, for error messages. */
export function lastLines(text: string, lines = 5): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(-lines)
    .join('\n')
}
