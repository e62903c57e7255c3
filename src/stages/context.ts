/** What every stage after setup is handed: the run's setting, its config and its edges. */
import type { Config } from '../config/types.js'
import type { Deps } from '../ports.js'
import type { CommentInput } from '../report/comment.js'
import type { Results } from '../results/types.js'
import type { Compared } from './compare.js'
import type { Decision } from './decide.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Tracked } from './history.js'
import type { Remote, Setup } from './setup.js'

/** One run of the action: its inputs and event, the loaded config, and its side effects. */
export interface RunContext {
  setup: Setup
  config: Config
  deps: Deps
  remote: Remote
}

/** What a run has found by the time it publishes: the publishing stages read from this. */
export interface RunReport {
  results: Results
  finding: BaselineFinding
  compared: Compared
  decision: Decision
  tracked: Tracked
  model: CommentInput
}
