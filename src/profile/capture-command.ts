/**
 * The `command` capture: each round runs the command `calls` times with the profiling preload in
 * NODE_OPTIONS, every Node process it starts writing its own profile, merged into one round. The
 * first round, taken while opening, shows whether the command starts Node at all (npm scripts,
 * wrappers and shell scripts do, so the command's text cannot tell); one that does not is
 * profiled with `perf record` where this runner allows it, else a note says so.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CommandSpec } from '../config/kinds/command.js'
import { lastLines, runShell, type CommandRun, type ShellOptions } from '../run/process.js'
import type { Capture, CaptureNote, CaptureTarget, SideProfiler } from './captures.js'
import { commandLabel } from './label.js'
import { openPerfProfiler, probePerfRecord } from './perf-record.js'
import { profiledEnv, writeNodeShim, writePreload } from './preload.js'
import { profileFiles, readRound } from './read-profiles.js'

/**
 * Profiled runs a side. Each is a whole run, 1.4 times a plain one, where the confirmation ran
 * about 10 a side: two keep the pass near a quarter of it. Ten (for the rank test) cost 126%.
 * Two are tested by their sample counts (attribute.ts). On bench:explain's command, pairs of
 * runs cut from 15 seeds named the slowed helper first in 72 of 75, unchanged code in none of
 * 75 A/A pairs (three runs: 45 of 45, but 1 of 45 A/A); on 15 other seeds, as run here, 13 of
 * 15 for 25% of the confirmation, and none of 15 A/A.
 */
export const COMMAND_ROUNDS = 2

/** Opens a side's profiler for a `command` bench: Node's own, perf, or a note why neither. */
const openCommand: Capture = async (side, target) => {
  const spec = target.bench.spec as CommandSpec
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'perfgate-profile-'))
  const remove = (): Promise<void> => rm(scratch, { recursive: true, force: true })
  try {
    const dir = path.join(scratch, 'profiles')
    await mkdir(dir)
    const preload = await writePreload(scratch)
    const plain: ShellOptions = {
      cwd: spec.cwd,
      env: { ...side.env, ...spec.env },
      signal: AbortSignal.timeout(target.bench.settings.timeout),
    }
    const profiled = {
      ...plain,
      env: profiledEnv(plain.env, {
        preload,
        shim: await writeNodeShim(scratch, plain.env),
        dir,
        intervalUs: target.intervalUs,
        mode: 'exit',
      }),
    }
    const first = await runCalls(spec, target.calls, timed(plain, target), timed(profiled, target))
    if (first !== undefined) {
      await remove()
      return first
    }
    const files = await profileFiles(dir)
    if (files.length === 0) {
      await remove()
      return openNative(spec, target, plain)
    }
    const profiler: SideProfiler = {
      // The first round: a run costs a command's pass the most, so none is spent on looking.
      opening: await readRound(files, preload, target.calls),
      async round() {
        await rm(dir, { recursive: true, force: true })
        await mkdir(dir)
        const failed = await runCalls(
          spec,
          target.calls,
          timed(plain, target),
          timed(profiled, target),
        )
        if (failed !== undefined) throw new Error(`${side.side} side: ${failed.note}`)
        return readRound(await profileFiles(dir), preload, target.calls)
      },
      close: remove,
    }
    return profiler
  } catch (error) {
    await remove()
    throw error
  }
}

/** Opens a side's profiler for a `command` bench (its first round taken while opening). */
export const captureCommand: Capture = Object.assign(openCommand, {
  opensWithRound: true,
  rounds: COMMAND_ROUNDS,
})

/** Runs prepare (unprofiled) and the command (profiled) `calls` times; a note when one fails. */
async function runCalls(
  spec: CommandSpec,
  calls: number,
  plain: ShellOptions,
  profiled: ShellOptions,
): Promise<CaptureNote | undefined> {
  for (let call = 0; call < calls; call++) {
    // prepare is not timed, so it is not profiled either.
    if (spec.prepare !== undefined) {
      const failed = failure('prepare', spec.prepare, await runShell(spec.prepare, plain))
      if (failed) return { note: failed }
    }
    const failed = failure('command', spec.command, await runShell(spec.command, profiled))
    if (failed) return { note: failed }
  }
  return undefined
}

async function openNative(
  spec: CommandSpec,
  target: CaptureTarget,
  shell: ShellOptions,
): Promise<SideProfiler | CaptureNote> {
  const perf = await probePerfRecord(shell.env)
  if (!perf.ok) {
    return {
      note: `no profiler applies to \`${commandLabel(spec.command)}\`: it starts no Node process, and perf is not available on this runner (${perf.reason})`,
    }
  }
  return openPerfProfiler(spec, {
    calls: target.calls,
    intervalUs: target.intervalUs,
    shell,
    timeoutMs: target.bench.settings.timeout,
  })
}

/** `shell` with a fresh timeout: each round gets the bench's whole timeout. */
function timed(shell: ShellOptions, target: CaptureTarget): ShellOptions {
  return { ...shell, signal: AbortSignal.timeout(target.bench.settings.timeout) }
}

/** Why a profiled run failed, as a note; undefined when it succeeded. */
function failure(what: string, command: string, run: CommandRun): string | undefined {
  if (run.code === 0) return undefined
  const how = run.aborted
    ? "was stopped at the bench's timeout"
    : run.code === null
      ? `was killed by ${run.signal}`
      : `exited with code ${run.code}`
  const tail = lastLines(run.stderrTail, 2)
  return `profiling failed: ${what} \`${commandLabel(command)}\` ${how}${tail ? ` (${tail.replace(/\n/g, ' ')})` : ''}`
}
