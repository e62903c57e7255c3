/**
 * The capture registry: how each bench kind is profiled on one side of a confirmed regression.
 * A capture opens a side's profiler once; the profiling pass (profile-pass.ts) then asks the base
 * and head profilers for rounds in turn (ABBA), so noise between rounds can be estimated and
 * drift hits both sides alike. Kinds without a capture get a note, never a guess.
 */
import type { KindName } from '../config/kinds/index.js'
import type { BenchConfig } from '../config/types.js'
import type { Secrets } from '../results/redact.js'
import type { Servers } from '../run/serve.js'
import { captureCommand } from './capture-command.js'
import { captureJs } from './capture-js.js'
import { captureServer } from './capture-server.js'
import type { ProfileRound } from './types.js'

/** The two checkouts a profiling pass profiles. */
export type ProfileSide = 'base' | 'head'

/** One side of a profiling pass: its checkout and what its benches run with. */
export interface CaptureSide {
  side: ProfileSide
  /** Absolute root of this side's checkout: profile URLs under it become repo-relative paths. */
  root: string
  /** Absolute folder of this side's config file (bench paths are resolved against it). */
  configDir: string
  env: Readonly<Record<string, string | undefined>>
  /** The pass's one keeper of `serve:` servers: one side's server is up at a time. */
  servers: Servers
  secrets: Secrets
  log(line: string): void
}

/** What to profile on one side: one result of one bench, and how much per round. */
export interface CaptureTarget {
  /** This side's config of the bench (its paths resolved in this side's checkout). */
  bench: BenchConfig
  /** The result's name (`lib/checksum`: a js bench's function follows the bench name). */
  result: string
  /** Bench calls per round, the same on both sides (profile-plan.ts). */
  calls: number
  /** The profiler's sampling interval, µs (fine enough for the time per call). */
  intervalUs: number
  /** The head's measured time per call, ms. */
  msPerCall: number
}

/** A side's profiler, opened once and asked for rounds in turn (interleaved with the other side's). */
export interface SideProfiler {
  /** Profiles `calls` bench calls; the profile's URLs are as the runtime gave them. */
  round(): Promise<ProfileRound>
  close(): Promise<void>
  /** Profiles `count` rounds in a row, where that is cheaper than a round at a time. */
  rounds?(count: number): Promise<ProfileRound[]>
  /** The round the opening took (a command's first run, which shows whether it runs Node): the side's first. */
  opening?: ProfileRound
}

/** Why a side cannot be profiled, in words for the comment ("no profiler applies to …"). */
export interface CaptureNote {
  note: string
}

/** Opens one side's profiler for a target, or says why none applies. */
export interface Capture {
  (side: CaptureSide, target: CaptureTarget): Promise<SideProfiler | CaptureNote>
  /**
   * The sides cannot run at once (their servers share a port), so a switch restarts a process:
   * the pass then takes all of one side's rounds, then all of the other's, each after its own
   * start, instead of alternating.
   */
  oneSideAtATime?: boolean
  /** Rounds per side when not the pass's default (rounds cut from one window cost no restart). */
  rounds?: number
  /**
   * Opening a side takes a round (SideProfiler.opening): the pass opens the base, then the head,
   * so their opening rounds are the first two of the ABBA order, not run at once.
   */
  opensWithRound?: boolean
}

/** The capture of each kind that has one; a kind missing here is noted, not profiled. */
export const CAPTURES: Partial<Record<KindName, Capture>> = {
  js: captureJs,
  command: captureCommand,
  http: captureServer,
  e2e: captureServer,
}

/** The capture for `bench`'s kind, or undefined when none applies. */
export function captureFor(bench: BenchConfig): Capture | undefined {
  return CAPTURES[bench.spec.kind]
}
