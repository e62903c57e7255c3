/**
 * The profiling pass of one confirmed regression: both sides' profilers opened, then asked for
 * rounds in ABBA order (base, head, head, base, …) as the timing was, so a machine that slows
 * down during the pass slows both sides alike and the rounds show the noise; or, where the
 * sides cannot run at once (servers on one port), one side's rounds after the other's.
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
  // Fewer rounds (a command's two runs) are tested by their sample counts: each side is sampled
  // as finely as ten rounds would be, within the 50 µs floor.
  const samples = SAMPLES_PER_ROUND * Math.max(1, PROFILE_ROUNDS / rounds)
  const intervalUs = Math.round(Math.min(1000, Math.max(50, (calls * msPerCall * 1000) / samples)))
  return { calls, intervalUs }
}

/** Both sides' rounds (URLs relative to each side's checkout), or why a side cannot be profiled. */
export type PassOutcome = { rounds: Record<ProfileSide, ProfileRound[]> } | CaptureNote

/**
 * Opens both sides' profilers and takes `rounds` rounds of each in ABBA order, or, for a capture
 * whose sides cannot run at once, all of the base's rounds and then all of the head's.
 */
export async function profileBothSides(
  sides: Record<ProfileSide, CaptureSide>,
  targets: Record<ProfileSide, CaptureTarget>,
  capture: Capture,
  rounds = PROFILE_ROUNDS,
): Promise<PassOutcome> {
  try {
    const taken = capture.oneSideAtATime
      ? await inTurn(sides, targets, capture, rounds)
      : await alternating(sides, targets, capture, rounds)
    if ('note' in taken) return taken
    const relative = (side: ProfileSide): ProfileRound[] =>
      taken[side].map((round) => ({
        ...round,
        profile: relativizeProfile(round.profile, sides[side].root),
      }))
    return { rounds: { base: relative('base'), head: relative('head') } }
  } catch (error) {
    return { note: `profiling failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

type Taken = Record<ProfileSide, ProfileRound[]> | CaptureNote

/** Both sides open at once, their rounds alternating in ABBA order. */
async function alternating(
  sides: Record<ProfileSide, CaptureSide>,
  targets: Record<ProfileSide, CaptureTarget>,
  capture: Capture,
  rounds: number,
): Promise<Taken> {
  const open: Partial<Record<ProfileSide, SideProfiler>> = {}
  const openSide = async (side: ProfileSide): Promise<SideProfiler | CaptureNote> => {
    const profiler = await capture(sides[side], targets[side])
    if (!('note' in profiler)) open[side] = profiler
    return profiler
  }
  try {
    if (capture.opensWithRound) {
      // One after the other: their opening rounds are the order's first two (base, head).
      for (const side of ['base', 'head'] as const) {
        const opened = await openSide(side)
        if ('note' in opened) return opened
      }
    } else {
      // Both at once: a worker's start and warm-up is most of a short pass's time.
      const opened = await Promise.allSettled((['base', 'head'] as const).map(openSide))
      for (const outcome of opened) {
        if (outcome.status === 'rejected') throw outcome.reason
        if ('note' in outcome.value) return outcome.value
      }
    }
    const [base, head] = [open.base as SideProfiler, open.head as SideProfiler]
    const taken: Record<ProfileSide, ProfileRound[]> = { base: [], head: [] }
    let order = roundOrder(rounds)
    if (base.opening && head.opening) {
      taken.base.push(base.opening)
      taken.head.push(head.opening)
      order = order.slice(2)
    }
    for (const { side, count } of runs(order))
      taken[side].push(...(await take(side === 'base' ? base : head, count)))
    return taken
  } finally {
    for (const profiler of Object.values(open)) await profiler.close().catch(() => undefined)
  }
}

/**
 * One side after the other, each opened (its server started and warmed up) just before its
 * rounds: two starts in all. Alternating restarted a server at every switch, and blocks in ABBA
 * order (×5, ×10, ×5) still took four starts and gave the sides' rounds different times since
 * their server's start (in A/A runs the block order once named an unchanged helper, 1 of 12
 * seeds). In turn, each side's rounds come at the same times after its own start.
 */
async function inTurn(
  sides: Record<ProfileSide, CaptureSide>,
  targets: Record<ProfileSide, CaptureTarget>,
  capture: Capture,
  rounds: number,
): Promise<Taken> {
  const taken: Record<ProfileSide, ProfileRound[]> = { base: [], head: [] }
  for (const side of ['base', 'head'] as const) {
    const profiler = await capture(sides[side], targets[side])
    if ('note' in profiler) return profiler
    try {
      taken[side] = await take(profiler, rounds)
    } finally {
      await profiler.close().catch(() => undefined)
    }
  }
  return taken
}

/** The sides in the order their rounds are taken: base, head, head, base, … (ABBA). */
export function roundOrder(rounds: number): ProfileSide[] {
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
