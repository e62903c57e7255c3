/** Reading the `.cpuprofile` files profiled processes wrote, checked once here at the edge. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { dropOwnTime } from './drop-own-time.js'
import { mergeProfiles } from './merge.js'
import { CPU_SUFFIX, PROFILE_SUFFIX } from './preload.js'
import type { CpuProfile, ProfileRound } from './types.js'

const nodeSchema = z.object({
  id: z.number(),
  callFrame: z.object({
    functionName: z.string(),
    scriptId: z.union([z.string(), z.number()]).transform(String),
    url: z.string(),
    lineNumber: z.number(),
    columnNumber: z.number(),
  }),
  hitCount: z.number().optional(),
  children: z.array(z.number()).optional(),
})

/** A V8 CPU profile as Node writes it (scriptId a string or, from older writers, a number). */
export const cpuProfileSchema = z.object({
  nodes: z.array(nodeSchema).min(1),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
})

/** The profile files in `dir`, sorted by name (pid, then window). */
export async function profileFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir)
  return names
    .filter((name) => name.endsWith(PROFILE_SUFFIX))
    .sort()
    .map((name) => path.join(dir, name))
}

/** Reads and checks one `.cpuprofile`; the error names the file and what is wrong. */
export async function readProfile(file: string): Promise<CpuProfile> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file} is not a JSON CPU profile: ${(error as Error).message}`)
  }
  const parsed = cpuProfileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file} is not a V8 CPU profile: ${issue.path.join('.')} ${issue.message}`)
  }
  return parsed.data
}

/** Reads a profile the preload `preload` wrote, without the preload's own samples. */
export async function readOwnless(file: string, preload: string): Promise<CpuProfile> {
  return dropOwnTime(await readProfile(file), preload)
}

/**
 * One round from the profiles the preload wrote (one per process and window): merged, with the
 * CPU time of their windows summed when every one has it (the attribution then shares it out).
 */
export async function readRound(
  files: readonly string[],
  preload: string,
  calls: number,
): Promise<ProfileRound> {
  const profiles = await Promise.all(files.map((file) => readOwnless(file, preload)))
  const cpu = await Promise.all(files.map(cpuMicros))
  const known = cpu.every((us): us is number => us !== undefined)
  return {
    profile: mergeProfiles(profiles),
    calls,
    ...(known && files.length > 0 ? { cpuMs: cpu.reduce((sum, us) => sum + us, 0) / 1000 } : {}),
  }
}

async function cpuMicros(profileFile: string): Promise<number | undefined> {
  const file = profileFile.slice(0, -PROFILE_SUFFIX.length) + CPU_SUFFIX
  const text = await readFile(file, 'utf8').catch(() => undefined)
  const us = Number(text)
  return text === undefined || !Number.isFinite(us) || us < 0 ? undefined : us
}
