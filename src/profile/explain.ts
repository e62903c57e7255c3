/**
 * From a confirmed regression to its cause: profile both sides (profile-pass.ts), attribute the
 * change to functions (attribute.ts), and write the files a profiler opens beside the results:
 * `profiles/<bench>.base.cpuprofile`, `.head.cpuprofile` and `.diff.folded`.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { BenchConfig } from '../config/types.js'
import { attribute, type RoundOrder } from './attribute.js'
import { captureFor, type CaptureSide, type ProfileSide } from './captures.js'
import { foldedDiff, formatFolded } from './folded.js'
import { PROFILE_ROUNDS, profileBothSides, profilePlan } from './profile-pass.js'
import { storeRounds } from './stored.js'
import type { Cause, CauseFiles, ProfileRound } from './types.js'

/** The folder of profile files, beside the results file. */
export const PROFILES_DIR = 'profiles'

/** One confirmed regression to explain: its result, each side's bench, the head's time per call. */
export interface ExplainTarget {
  result: string
  benches: Record<ProfileSide, BenchConfig | undefined>
  msPerCall: number
}

/** Where the profile files go: a folder (the results file's) and how to write there. */
export interface ProfileOutput {
  dir: string
  mkdir(dir: string): Promise<void>
  writeFile(file: string, text: string): Promise<void>
}

/**
 * The profile files of result `name`, relative to the results folder: its `/`-separated parts
 * as folders (`profiles/lib/checksum.base.cpuprofile`), other characters than letters, digits
 * and `._-` replaced by `_` (with a short hash of the name then, so two names never share files).
 */
export function profileFiles(name: string): Required<CauseFiles> {
  const parts = name.split('/').map((part) => {
    const safe = part.replace(/[^A-Za-z0-9._-]+/g, '_')
    return /^\.*$/.test(safe) ? '_' : safe
  })
  const plain = parts.join('/')
  const unique =
    plain === name ? plain : `${plain}-${createHash('sha1').update(name).digest('hex').slice(0, 6)}`
  const base = `${PROFILES_DIR}/${unique}`
  return {
    base: `${base}.base.cpuprofile`,
    head: `${base}.head.cpuprofile`,
    folded: `${base}.diff.folded`,
  }
}

/** The cause of the rounds both sides' profiles hold (what `perfgate explain` redoes). */
export function causeOf(
  base: readonly ProfileRound[],
  head: readonly ProfileRound[],
  order: RoundOrder = {},
): Cause {
  const found = attribute(base, head, order)
  return {
    kind: 'functions',
    lines: found.lines,
    ...(found.note === undefined ? {} : { note: found.note }),
  }
}

/** Profiles one confirmed regression on both sides and says what grew; writes its files to `output`. */
export async function explainTarget(
  sides: Record<ProfileSide, CaptureSide>,
  target: ExplainTarget,
  output?: ProfileOutput,
  rounds = PROFILE_ROUNDS,
): Promise<Cause | undefined> {
  const { base, head } = target.benches
  if (!head) return undefined
  const capture = captureFor(head)
  if (!capture) return undefined
  if (!base)
    return { kind: 'none', lines: [], note: 'the bench is new in the head: no base to profile' }
  const perSide = capture.rounds ?? rounds
  const plan = profilePlan(target.msPerCall, head.settings, perSide)
  const common = { result: target.result, msPerCall: target.msPerCall, ...plan }
  const pass = await profileBothSides(
    sides,
    { base: { ...common, bench: base }, head: { ...common, bench: head } },
    capture,
    perSide,
  )
  if ('note' in pass) return { kind: 'none', lines: [], note: pass.note }
  const order: RoundOrder = { sidesInTurn: capture.oneSideAtATime === true }
  const cause = causeOf(pass.rounds.base, pass.rounds.head, order)
  if (!output) return cause
  const files = profileFiles(target.result)
  await output.mkdir(path.dirname(path.join(output.dir, files.base)))
  await output.writeFile(
    path.join(output.dir, files.base),
    JSON.stringify(storeRounds(pass.rounds.base, order)),
  )
  await output.writeFile(
    path.join(output.dir, files.head),
    JSON.stringify(storeRounds(pass.rounds.head, order)),
  )
  await output.writeFile(
    path.join(output.dir, files.folded),
    formatFolded(foldedDiff(pass.rounds.base, pass.rounds.head)),
  )
  return { ...cause, files }
}
