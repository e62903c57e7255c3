/**
 * The profile of one side of a `command` bench: the command run `calls` times with the profiling
 * preload in NODE_OPTIONS, every Node process it starts writing its own profile, all merged into
 * one round over `calls` calls. A command that starts no Node process writes none: it is
 * profiled with `perf record` where this runner allows it, else a note says no profiler applies.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CommandSpec } from '../config/kinds/command.js'
import { lastLines, runShell, type CommandRun, type ShellOptions } from '../run/process.js'
import { commandLabel, type Captured } from './captured.js'
import { mergeProfiles } from './merge.js'
import { capturePerfProfile, probePerfRecord } from './perf-record.js'
import { profiledEnv, writePreload } from './preload.js'
import { profileFiles, readProfile } from './read-profiles.js'

/** What profiling one side of a command bench needs. */
export interface CommandCaptureOptions {
  /** The side's environment; the bench's own `env` goes over it. */
  env: Readonly<Record<string, string | undefined>>
  signal: AbortSignal
  /** How many runs the profile covers. */
  calls: number
  /** Sampling interval, microseconds (samplingIntervalUs). */
  intervalUs: number
}

/** Runs `spec`'s command `calls` times under a profiler and returns the merged profile, or a note. */
export async function captureCommandProfile(
  spec: CommandSpec,
  options: CommandCaptureOptions,
): Promise<Captured> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'))
  try {
    const dir = path.join(scratch, 'profiles')
    await mkdir(dir)
    const preload = await writePreload(scratch)
    const plain: ShellOptions = {
      cwd: spec.cwd,
      env: { ...options.env, ...spec.env },
      signal: options.signal,
    }
    const profiled: ShellOptions = {
      ...plain,
      env: profiledEnv(plain.env, { preload, dir, intervalUs: options.intervalUs, mode: 'exit' }),
    }
    for (let call = 0; call < options.calls; call++) {
      // prepare is not timed, so it is not profiled either.
      if (spec.prepare !== undefined) {
        const failed = failure('prepare', spec.prepare, await runShell(spec.prepare, plain))
        if (failed) return { note: failed }
      }
      const failed = failure('command', spec.command, await runShell(spec.command, profiled))
      if (failed) return { note: failed }
      // Only running it shows whether it starts Node (npm scripts, wrappers, shell scripts do).
      if (call === 0 && (await profileFiles(dir)).length === 0) {
        return await profileNative(spec, options, plain)
      }
    }
    const files = await profileFiles(dir)
    const profiles = await Promise.all(files.map(readProfile))
    return { round: { profile: mergeProfiles(profiles), calls: options.calls } }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function profileNative(
  spec: CommandSpec,
  options: CommandCaptureOptions,
  shell: ShellOptions,
): Promise<Captured> {
  const perf = await probePerfRecord(shell.env)
  if (!perf.ok) {
    return {
      note: `no profiler applies to \`${commandLabel(spec.command)}\`: it starts no Node process, and perf is not available on this runner (${perf.reason})`,
    }
  }
  return capturePerfProfile(spec, { ...options, shell })
}

/** Why a profiled run failed, as a note; undefined when it succeeded. */
function failure(what: string, command: string, run: CommandRun): string | undefined {
  if (run.code === 0) return undefined
  const how = run.aborted
    ? 'was stopped at the timeout'
    : run.code === null
      ? `was killed by ${run.signal}`
      : `exited with code ${run.code}`
  const tail = lastLines(run.stderrTail, 2)
  return `profiling failed: ${what} \`${commandLabel(command)}\` ${how}${tail ? ` (${tail.replace(/\n/g, ' ')})` : ''}`
}
