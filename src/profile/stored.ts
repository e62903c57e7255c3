/**
 * A side's profile rounds as one `.cpuprofile` file: the rounds' call trees under one root and
 * their samples in sequence, which Chrome DevTools and speedscope open as one profile, plus a
 * `perfgate` field (ignored by them) that says where each round starts and how many calls it
 * covers, so `perfgate explain` can split the rounds again and redo the attribution.
 */
import { z } from 'zod'
import type { RoundOrder } from './attribute.js'
import { cpuProfileSchema } from './read-profiles.js'
import type { CpuProfile, CpuProfileNode, ProfileRound } from './types.js'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

/** One round's place in a stored profile. */
const storedRoundSchema = z.object({
  /** Samples of this round (they follow the earlier rounds' in `samples`). */
  samples: z.int().min(0),
  calls: z.int().min(1),
  /** The calls' CPU time, ms, where the capture measured it (ProfileRound.cpuMs). */
  cpuMs: finite.optional(),
  startTime: finite,
  endTime: finite,
})

/** A stored side profile: a V8 CPU profile plus its rounds. */
export const storedProfileSchema = cpuProfileSchema.extend({
  perfgate: z.object({
    rounds: z.array(storedRoundSchema).min(1),
    /** The sides were profiled one after the other (a server's), not alternating. */
    sidesInTurn: z.boolean().optional(),
  }),
})

/** A stored side profile: a V8 CPU profile plus its rounds. */
export type StoredProfile = z.infer<typeof storedProfileSchema>

/** The rounds merged into one profile: each round's root's children under one root (id 1). */
export function storeRounds(
  rounds: readonly ProfileRound[],
  order: RoundOrder = {},
): StoredProfile {
  const root: CpuProfileNode = {
    id: 1,
    callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 },
    hitCount: 0,
    children: [],
  }
  const nodes: CpuProfileNode[] = [root]
  const samples: number[] = []
  const timeDeltas: number[] = []
  let next = 2
  for (const { profile } of rounds) {
    const ids = new Map<number, number>()
    const roots = new Set(
      profile.nodes.filter((n) => n.callFrame.functionName === '(root)').map((n) => n.id),
    )
    for (const node of profile.nodes) ids.set(node.id, roots.has(node.id) ? 1 : next++)
    for (const node of profile.nodes) {
      const children = (node.children ?? []).map((child) => ids.get(child) ?? 1)
      if (roots.has(node.id)) {
        root.children?.push(...children)
        continue
      }
      nodes.push({ ...node, id: ids.get(node.id) ?? 1, ...(node.children ? { children } : {}) })
    }
    for (const id of profile.samples) samples.push(ids.get(id) ?? 1)
    for (const delta of profile.timeDeltas) timeDeltas.push(delta)
  }
  const first = rounds[0]?.profile
  return {
    nodes,
    startTime: first?.startTime ?? 0,
    endTime: (first?.startTime ?? 0) + timeDeltas.reduce((sum, d) => sum + d, 0),
    samples,
    timeDeltas,
    perfgate: {
      rounds: rounds.map((r) => ({
        samples: r.profile.samples.length,
        calls: r.calls,
        ...(r.cpuMs === undefined ? {} : { cpuMs: r.cpuMs }),
        startTime: r.profile.startTime,
        endTime: r.profile.endTime,
      })),
      ...(order.sidesInTurn ? { sidesInTurn: true } : {}),
    },
  }
}

/** The rounds of a stored profile again, each with the merged call tree (its own samples only). */
export function splitRounds(stored: StoredProfile): ProfileRound[] {
  let at = 0
  return stored.perfgate.rounds.map((round): ProfileRound => {
    const profile: CpuProfile = {
      nodes: stored.nodes,
      startTime: round.startTime,
      endTime: round.endTime,
      samples: stored.samples.slice(at, at + round.samples),
      timeDeltas: stored.timeDeltas.slice(at, at + round.samples),
    }
    at += round.samples
    return {
      profile,
      calls: round.calls,
      ...(round.cpuMs === undefined ? {} : { cpuMs: round.cpuMs }),
    }
  })
}

/** Parses a stored profile file's text; the error names the file and the field. */
export function parseStoredProfile(text: string, file: string): StoredProfile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`)
  }
  const parsed = storedProfileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file'
    const hint =
      issue.path[0] === 'perfgate' ? ' (not a profile perfgate wrote: it has no rounds)' : ''
    throw new Error(`${file}: ${where}: ${issue.message}${hint}`)
  }
  const counted = parsed.data.perfgate.rounds.reduce((sum, r) => sum + r.samples, 0)
  if (counted !== parsed.data.samples.length || parsed.data.timeDeltas.length !== counted) {
    throw new Error(
      `${file}: perfgate.rounds counts ${counted} samples, but samples has ${parsed.data.samples.length} and timeDeltas ${parsed.data.timeDeltas.length}`,
    )
  }
  return parsed.data
}
