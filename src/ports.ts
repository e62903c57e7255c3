/**
 * Every interface the action has to the outside world, declared in one place: the runner (step),
 * GitHub's REST API, the artifact store, the bench runner (processes, databases), files and the
 * clock. `defaultDeps()` binds them to the real things; tests pass their own.
 */
import type { ArtifactStore } from './baseline/store.js'
import type { Config } from './config/types.js'
import type { GitHubApi } from './github/api.js'
import type { GithubContext } from './github/context.js'
import type { RetryPolicy } from './github/retry.js'
import type { AbOptions, AbSession } from './ab/run-ab.js'
import type { Step } from './publish/step.js'
import type { Results } from './results/types.js'

export type { AbOptions, AbSession } from './ab/run-ab.js'
export type { ArtifactStore } from './baseline/store.js'
export type { GitHubApi } from './github/api.js'
export type { AnnotationProps, Step } from './publish/step.js'

/** Runs benches: all matching `filter`, or exactly the benches named in `names` (a confirming re-run). */
export type BenchRunner = (
  config: Config,
  select: { filter?: string; names?: string[] },
) => Promise<Results>

/** The files the action writes (results, comparison, report, artifact contents). */
export interface Files {
  mkdir(dir: string): Promise<void>
  writeFile(file: string, text: string): Promise<void>
  /** Reads a file the run wrote (a profile for report.html); fakes that write none may omit it. */
  readFile?(file: string): Promise<string>
}

/** The action's collaborators, passed in (dependency injection without a framework). */
export interface Deps {
  env: Readonly<Record<string, string | undefined>>
  /** One input's raw value (core.getInput). */
  input: (name: string) => string
  /** The event payload's text (GITHUB_EVENT_PATH), undefined when there is none. */
  readEvent: () => Promise<string | undefined>
  /** The clock. */
  now: () => Date
  sleep: (ms: number) => Promise<void>
  retry: RetryPolicy
  /** The bench runner. */
  runBenches: BenchRunner
  /** Same-runner A/B: checks out and builds the base beside the head (git, processes, databases). */
  abSession: (options: AbOptions) => Promise<AbSession>
  /** Whether the git checkout at `dir` has the commit `ref` (git, a process). */
  hasCommit: (dir: string, ref: string) => Promise<boolean>
  /** The GitHub REST API for this repository, with this token (loaded on first use). */
  github: (token: string, ctx: GithubContext) => Promise<GitHubApi>
  /** The baseline store, workflow artifacts (loaded on first use). */
  artifacts: (token: string, ctx: GithubContext) => Promise<ArtifactStore>
  files: Files
  /** The publisher to the runner: summary, outputs, annotations, logs, exit code. */
  step: Step
}
