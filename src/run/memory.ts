/**
 * Peak resident memory of a command's processes, measured by GNU time (`/usr/bin/time -f %M`).
 * time reads the kernel's rusage of the waited-for child, whose ru_maxrss is the largest peak RSS
 * of any process in the command's tree (not a sum) — exact, with no sampling gaps, unlike polling
 * /proc/<pid>/status, which misses short-lived processes and peaks between polls.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Where GNU time is expected (Debian/Ubuntu package `time`). */
export const GNU_TIME = '/usr/bin/time'

/** Wraps commands so each run's peak RSS can be read back. */
export interface PeakRssProbe {
  /** The shell command that runs `command` under GNU time. */
  wrap(command: string): string
  /** Peak RSS in bytes of the last wrapped run (its file is then removed), or undefined. */
  read(): Promise<number | undefined>
}

/** Why peak-rss is not recorded on this machine, for the bench's details. */
export const NO_GNU_TIME =
  'peak-rss was not recorded: GNU time (/usr/bin/time with -f) is not installed; on Debian or Ubuntu run `apt-get install time`'

/** A probe, or undefined when GNU time is not available. */
export async function createPeakRssProbe(): Promise<PeakRssProbe | undefined> {
  if (!existsSync(GNU_TIME)) return undefined
  const file = path.join(os.tmpdir(), `perfgate-rss-${process.pid}-${randomUUID()}`)
  const probe: PeakRssProbe = {
    wrap: (command) => `${GNU_TIME} -q -f %M -o ${file} sh -c ${shellQuote(command)}`,
    read: async () => {
      const text = await readFile(file, 'utf8').catch(() => '')
      await rm(file, { force: true })
      const kib = Number(text.trim().split('\n').pop())
      return text.trim() !== '' && Number.isFinite(kib) ? kib * 1024 : undefined
    },
  }
  // BSD/macOS time has no -f: check that this one works before relying on it.
  const works = await new Promise<boolean>((resolve) =>
    execFile(GNU_TIME, ['-q', '-f', '%M', '-o', file, 'true'], (error) => resolve(!error)),
  )
  return works && (await probe.read()) !== undefined ? probe : undefined
}

/** `text` as one single-quoted shell word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}
