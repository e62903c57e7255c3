/** Where the baseline comes from, behind one small interface (artifact, file; same-runner next). */
import type { BaselineInfo } from '../report/comment.js'
import { identityChanges } from '../config/identity.js'
import type { BenchResult, Results } from '../results/types.js'

/** A baseline was found: its runs (newest first) and where they come from. */
export interface BaselineFound {
  found: true
  baselines: Results[]
  info: BaselineInfo
  /** Its age, its artifact about to expire, a degraded history window. */
  warnings: string[]
  notices: string[]
  /** The artifact's history.json text (long history of baseline runs), when it has one. */
  historyText?: string
}

/** No usable baseline: why, and how to get one. Never fails the step. */
export interface BaselineMissing {
  found: false
  reason: string
  hint: string
  notices: string[]
  /** True when the branch has no baseline at all (none recorded yet), not a bad or unreadable one. */
  none?: boolean
}

/** The outcome of looking for a baseline. */
export type BaselineOutcome = BaselineFound | BaselineMissing

/** Finds and loads the baseline for this run. */
export interface BaselineSource {
  load(): Promise<BaselineOutcome>
}

/** A bench whose measurement differs between the baseline and head: not compared, not gated. */
export interface ChangedBench {
  name: string
  /** What changed, e.g. `samples 10 → 20`, `command changed`. */
  changes: string[]
}

/** How the head's benches line up with the baseline's, bench by bench. */
export interface BenchMatch {
  /** In the baseline with a different measurement. */
  changed: ChangedBench[]
  /** In the head run only. */
  added: string[]
  /** In the newest baseline only. */
  removed: string[]
}

/** The baseline narrowed to the benches that measure what the head measures, and how they lined up. */
export interface MatchedBaseline {
  outcome: BaselineOutcome
  match: BenchMatch
}

const LEGACY = 'the baseline was recorded before perfgate stored each bench’s measurement'

/**
 * Per-bench identity instead of one digest of the whole config: each baseline run keeps only the
 * benches whose measurement (see config/identity.ts) matches the head's, so editing one bench, a
 * threshold or a tag leaves every other bench compared. Benches absent from the head are kept
 * (compareRuns lists them as removed). A baseline bench without an identity (older results)
 * matches only when the whole config digest does.
 */
export function matchBenches(outcome: BaselineOutcome, head: Results): MatchedBaseline {
  if (!outcome.found) return { outcome, match: { changed: [], added: [], removed: [] } }
  const { baselines, match, partly } = matchRuns(outcome.baselines, head)
  const notices =
    partly.length > 0
      ? [
          ...outcome.notices,
          `older baseline runs of ${partly.join(', ')} measured differently and were left out`,
        ]
      : outcome.notices
  return { outcome: { ...outcome, baselines, notices }, match }
}

/**
 * matchBenches on plain runs (the CLI's --baseline files): the baseline runs narrowed to the
 * benches measured like the head's, the match, and the benches some older runs were dropped for.
 */
export function matchRuns(
  runs: readonly Results[],
  head: Results,
): { baselines: Results[]; match: BenchMatch; partly: string[] } {
  const heads = new Map(head.benches.map((b) => [b.name, b]))
  const why = new Map<string, string[]>()
  const baselines = runs.map((run): Results => {
    const sameConfig = run.meta.configDigest === head.meta.configDigest
    const benches = run.benches.filter((base) => {
      const current = heads.get(base.name)
      if (!current) return true
      const changes = measurementChanges(base, current, sameConfig)
      if (changes.length === 0) return true
      if (!why.has(base.name)) why.set(base.name, changes)
      return false
    })
    return benches.length === run.benches.length ? run : { ...run, benches }
  })
  const kept = new Set(baselines.flatMap((run) => run.benches.map((b) => b.name)))
  const everywhere = new Set(runs.flatMap((run) => run.benches.map((b) => b.name)))
  const newest = runs[0]?.benches.map((b) => b.name) ?? []
  return {
    baselines,
    match: {
      changed: [...why.entries()]
        .filter(([name]) => !kept.has(name))
        .map(([name, changes]) => ({ name, changes })),
      added: head.benches.map((b) => b.name).filter((name) => !everywhere.has(name)),
      removed: newest.filter((name) => !heads.has(name)),
    },
    partly: [...why.keys()].filter((name) => kept.has(name)),
  }
}

function measurementChanges(base: BenchResult, head: BenchResult, sameConfig: boolean): string[] {
  if (base.identity && head.identity) return identityChanges(base.identity, head.identity)
  return sameConfig ? [] : [LEGACY]
}

/**
 * @deprecated The whole-config check is gone: this is `matchBenches(...).outcome`, kept so callers
 * build until they take the match (changed/added/removed) as well.
 */
export function sameConfig(
  outcome: BaselineOutcome,
  head: Results,
  _defaultBranch?: string,
): BaselineOutcome {
  return matchBenches(outcome, head).outcome
}
