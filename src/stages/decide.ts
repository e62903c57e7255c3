/** Stage 6: the step's verdict, from the comparison, the benches that failed and the PR's labels. */
import { growthReport } from '../budgets/index.js'
import type { GrowthReport } from '../budgets/report.js'
import type { StepVerdict } from '../report/comment.js'
import type { Deps, GitHubApi } from '../ports.js'
import type { Results } from '../results/types.js'
import type { Compared } from './compare.js'
import type { RunContext } from './context.js'
import type { Remote } from './setup.js'

/** What the run concludes, before anything is published. */
export interface Decision {
  verdict: StepVerdict
  regressions: number
  /** Benches that errored, with their reasons. */
  errors: { name: string; reason: string }[]
  /** Set when the acknowledge label accepts the regressions. */
  acknowledged?: { label: string }
  /** Whether a regression may fail the step: a baseline push never does (it must become the next baseline). */
  gate: boolean
  /** Whether the step fails on the comparison (the headline's rule, the label, the gate). */
  fails: boolean
  /** Inconclusive benches beyond their threshold: counted in the headline, warned about. */
  beyondThreshold: string[]
  /** Absolute budgets and growth with data size, checked on every run, baseline or not. */
  growth: GrowthReport
}

/** Decides the verdict; reads the PR's current labels only when there is a regression to accept. */
export async function decide(
  run: RunContext,
  results: Results,
  compared: Compared,
): Promise<Decision> {
  const { setup, config, remote, deps } = run
  const { pr, inputs } = setup
  const errors = results.benches
    .filter((b) => b.status === 'error')
    .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }))
  // Benches, as the headline counts them: an iai bench's three regressed metrics are one regression.
  const regressions = compared.headline?.regressions ?? 0
  const beyondThreshold = compared.headline?.beyondThreshold ?? []
  const newest = compared.outcome?.found ? compared.outcome.baselines[0] : undefined
  const growth = growthReport(config.benches, results.benches, newest?.benches ?? [])
  // A broken budget or a steeper growth is flagged even without a baseline, and fails the PR as a
  // regression does: unless fail-on-regression (the base's, when the gate took it from there) is off.
  const failOnRegression = compared.failOnRegression ?? inputs.failOnRegression
  const failing = (compared.headline?.fail ?? false) || (failOnRegression && growth.failed)
  const flagged = regressions > 0 || failing || growth.failed
  // Runs whose names do not pair compared nothing: an error, which no label accepts.
  const unpaired = compared.headline?.status === 'error'
  const label = inputs.acknowledgeLabel
  const acknowledged =
    pr &&
    flagged &&
    !unpaired &&
    (await currentLabels(remote, pr.number, pr.labels, deps)).includes(label)
  const outcome = compared.outcome
  const gate = !setup.baselinePush
  const verdict: StepVerdict = unpaired
    ? 'error'
    : flagged && !acknowledged
      ? 'regression'
      : errors.length > 0
        ? 'error'
        : compared.comparison && outcome?.found
          ? 'pass'
          : 'no-baseline'
  return {
    verdict,
    regressions,
    errors,
    ...(acknowledged ? { acknowledged: { label } } : {}),
    gate,
    fails: (unpaired || (failing && !acknowledged)) && gate,
    beyondThreshold,
    growth,
  }
}

/** The PR's labels now (a label may have been added since the event); the event's if that fails. */
async function currentLabels(
  remote: Remote,
  pr: number,
  fromEvent: string[],
  deps: Deps,
): Promise<string[]> {
  try {
    const api: GitHubApi = await remote.api()
    return (await api.getPull(pr)).labels
  } catch (error) {
    deps.step.info(
      `Could not read the PR's current labels (${(error as Error).message}); using the event's`,
    )
    return fromEvent
  }
}
