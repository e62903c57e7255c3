/** Stage 6: the step's verdict, from the comparison, the benches that failed and the PR's labels. */
import type { StepVerdict } from '../report/comment.js'
import type { Deps, GitHubApi } from '../ports.js'
import type { Results } from '../results/types.js'
import type { Compared } from './compare.js'
import type { Remote, Setup } from './setup.js'

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
}

/** Decides the verdict; reads the PR's current labels only when there is a regression to accept. */
export async function decide(
  setup: Setup,
  results: Results,
  compared: Compared,
  remote: Remote,
  deps: Deps,
): Promise<Decision> {
  const { pr, inputs } = setup
  const errors = results.benches
    .filter((b) => b.status === 'error')
    .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }))
  const regressions = compared.comparison?.regressions ?? 0
  const label = inputs.acknowledgeLabel
  const acknowledged =
    pr &&
    regressions > 0 &&
    (await currentLabels(remote, pr.number, pr.labels, deps)).includes(label)
  const outcome = compared.outcome
  const verdict: StepVerdict =
    regressions > 0 && !acknowledged
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
    gate: !setup.baselinePush,
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
