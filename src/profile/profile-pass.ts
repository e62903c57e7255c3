/**
 * The profiling pass of one confirmed regression: both sides' profilers opened, then asked for
 * rounds in ABBA order (base, head, head, base, …) as the timing was, so a machine that slows
 * down during the pass slows both sides alike and the rounds show the noise (in blocks where a
 * switch of sides restarts a server).
 */
import type { Settings } from '../config/settings.js'
import type {
  Capture,
  CaptureNote,
  CaptureSide,
  CaptureTarget,
  ProfileSide,
  SideProfiler,
} from './captures.js'
import { relativizeProfile } from './self-time.js'
import type { ProfileRound } from './types.js'

/**
 * Profile rounds per side. Ten give the rank test room for a multiple-testing correction: among
 * 100 tested functions (the most attribute.ts tests) one is named at the 1% family-wise level
 * with up to 4 of its 100 round pairs out of order (one-sided p ≤ 1e-4; with 8 rounds, none).
 */
export const PROFILE_ROUNDS = 10

/** Samples a round aims at: enough that a function holding a tenth of the time gets dozens. */
const SAMPLES_PER_ROUND = 500

/** Calls per round and the sampling interval for a bench of `msPerCall` and its settings. */
export function profilePlan(
  msPerCall: number,
  settings: Pick<Settings, 'time'>,
  rounds = PROFILE_ROUNDS,
): { calls: number; intervalUs: number } {
  // A quarter of the bench's measurement time per side, 30-200 ms a round: the confirmation
  // measured each side for the whole time, in a process per round (bench/explain.ts: the cost).
  // Under 30 ms a loaded machine leaves a round a few dozen samples.
  const roundMs = Math.min(200, Math.max(30, settings.time / 4 / rounds))
  const calls = Math.max(1, Math.round(roundMs / Math.max(msPerCall, 1e-6)))
  const intervalUs = Math.round(
    Math.min(1000, Math.max(50, (calls * msPerCall * 1000) / SAMPLES_PER_ROUND)),
  )
  return { calls, intervalUs }
}

/** Both sides' rounds (URLs relative to each side's checkout), or why a side cannot be profiled. */
export type PassOutcome = { rounds: Record<ProfileSide, ProfileRound[]> } | CaptureNote

/** Opens both sides' profilers, takes `rounds` rounds each in ABBA order, closes both. */
export async function profileBothSides(
  sides: Record<ProfileSide, CaptureSide>,
  targets: Record<ProfileSide, CaptureTarget>,
  capture: Capture,
  rounds = PROFILE_ROUNDS,
): Promise<PassOutcome> {
  const open: Partial<Record<ProfileSide, SideProfiler>> = {}
  try {
    // Both at once: a worker's start and warm-up is most of a short pass's time.
    const opened = await Promise.allSettled(
      (['base', 'head'] as const).map(async (side) => {
        const profiler = await capture(sides[side], targets[side])
        if (!('note' in profiler)) open[side] = profiler
        return profiler
      }),
    )
    for (const outcome of opened) {
      if (outcome.status === 'rejected') throw outcome.reason
      if ('note' in outcome.value) return outcome.value
    }
    const taken: Record<ProfileSide, ProfileRound[]> = { base: [], head: [] }
    const blocked = Object.values(open).some((profiler) => profiler.restartsOnSwitch === true)
    const first = open.base?.running?.() === true ? 'base' : 'head'
    for (const { side, count } of runs(roundOrder(rounds, blocked, first))) {
      for (const round of await take(open[side] as SideProfiler, count))
        taken[side].push({ ...round, profile: relativizeProfile(round.profile, sides[side].root) })
    }
    return { rounds: taken }
  } catch (error) {
    return { note: `profiling failed: ${error instanceof Error ? error.message : String(error)}` }
  } finally {
    for (const profiler of Object.values(open)) await profiler.close().catch(() => undefined)
  }
}

/**
 * The sides in the order their rounds are taken: ABBA round by round, or, where a switch restarts
 * a server, ABBA in blocks (`first` ×⌈n/2⌉, the other ×n, `first` ×⌊n/2⌋): two restarts instead
 * of one per switch (each with its warm-up, most of a server pass's time), still balanced
 * against a machine that slows down during the pass. `first` is the side whose server runs.
 */
export function roundOrder(
  rounds: number,
  blocked: boolean,
  first: ProfileSide = 'base',
): ProfileSide[] {
  if (blocked) {
    const other: ProfileSide = first === 'base' ? 'head' : 'base'
    const lead = Math.ceil(rounds / 2)
    return [
      ...Array<ProfileSide>(lead).fill(first),
      ...Array<ProfileSide>(rounds).fill(other),
      ...Array<ProfileSide>(rounds - lead).fill(first),
    ]
  }
  const order: ProfileSide[] = []
  for (let round = 0; round < rounds; round++)
    order.push(...(round % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const)))
  return order
}

/** The order as runs of one side: `[base, head, head, base]` → base ×1, head ×2, base ×1. */
function runs(order: readonly ProfileSide[]): { side: ProfileSide; count: number }[] {
  const out: { side: ProfileSide; count: number }[] = []
  for (const side of order) {
    const last = out[out.length - 1]
    if (last?.side === side) last.count++
    else out.push({ side, count: 1 })
  }
  return out
}

/** `count` rounds of one side: in one go where its profiler can, else one at a time. */
async function take(profiler: SideProfiler, count: number): Promise<ProfileRound[]> {
  if (profiler.rounds) return profiler.rounds(count)
  const taken: ProfileRound[] = []
  for (let i = 0; i < count; i++) taken.push(await profiler.round())
  return taken
}
