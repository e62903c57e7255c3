/** Where the baseline comes from, behind one small interface (artifact, file; same-runner next). */
import type { BaselineInfo } from '../report/comment.js'
import type { Results } from '../results/types.js'

/** A baseline was found: its runs (newest first) and where they come from. */
export interface BaselineFound {
  found: true
  baselines: Results[]
  info: BaselineInfo
  /** Its age, its artifact about to expire, a degraded history window. */
  warnings: string[]
  notices: string[]
}

/** No usable baseline: why, and how to get one. Never fails the step. */
export interface BaselineMissing {
  found: false
  reason: string
  hint: string
  notices: string[]
}

/** The outcome of looking for a baseline. */
export type BaselineOutcome = BaselineFound | BaselineMissing

/** Finds and loads the baseline for this run. */
export interface BaselineSource {
  load(): Promise<BaselineOutcome>
}

/** The baseline runs of the same config as `head`; a different config digest means no baseline. */
export function sameConfig(
  outcome: BaselineOutcome,
  head: Results,
  defaultBranch: string,
): BaselineOutcome {
  if (!outcome.found) return outcome
  const matching = outcome.baselines.filter(
    (run) => run.meta.configDigest === head.meta.configDigest,
  )
  if (matching.length === 0) {
    return {
      found: false,
      reason: `the baseline was made with a different config (digest ${short(outcome.baselines[0]?.meta.configDigest)}, this run ${short(head.meta.configDigest)}), so its numbers are not comparable`,
      hint: `the baseline is recorded again when this change reaches ${defaultBranch}; until then there is nothing to compare with`,
      notices: outcome.notices,
    }
  }
  const dropped = outcome.baselines.length - matching.length
  return {
    ...outcome,
    baselines: matching,
    info: { ...outcome.info, runs: matching.length },
    notices:
      dropped > 0
        ? [
            ...outcome.notices,
            `${dropped} older baseline run(s) used a different config and were left out`,
          ]
        : outcome.notices,
  }
}

function short(digest: string | undefined): string {
  return digest ? digest.replace(/^sha256:/, '').slice(0, 12) : 'unknown'
}
