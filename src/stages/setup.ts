/** Stage 1: the inputs and the event, read once into what every later stage needs to know. */
import path from 'node:path'
import type { GithubContext, PullRequestContext } from '../github/context.js'
import { readContext } from '../github/context.js'
import { readInputs, type Inputs } from '../inputs.js'
import type { ArtifactStore, Deps, GitHubApi } from '../ports.js'

/** The run's setting: inputs, context, where files go, and what kind of run this is. */
export interface Setup {
  inputs: Inputs
  ctx: GithubContext
  workdir: string
  configPath: string
  /** Where results, comparison, report and artifact files are written. */
  outDir: string
  defaultBranch: string
  baselineBranches: string[]
  pr?: PullRequestContext
  /** A push to a baseline branch: records the baseline and never fails on a regression. */
  baselinePush: boolean
  /** The `baseline` input when it names a results file (not `base-ref`). */
  baselineFile?: string
  /** Same-runner A/B on this pull request (`baseline: base-ref`): the base commit to measure. */
  ab?: { baseRef: string }
}

/** The GitHub API and the artifact store, each created on first use (they are slow to load). */
export interface Remote {
  api(): Promise<GitHubApi>
  store(): Promise<ArtifactStore>
}

/** Reads the inputs and the event payload. */
export async function readSetup(deps: Deps): Promise<Setup> {
  const inputs = readInputs(deps.input)
  if (inputs.githubToken) deps.step.setSecret(inputs.githubToken)
  const ctx = readContext(deps.env, await deps.readEvent())
  const workdir = path.resolve(inputs.workingDirectory)
  const defaultBranch = ctx.defaultBranch ?? 'main'
  const baselineBranches = inputs.baselineBranches ?? [defaultBranch]
  return {
    inputs,
    ctx,
    workdir,
    configPath: path.resolve(workdir, inputs.config),
    outDir: path.join(deps.env.RUNNER_TEMP ?? path.join(workdir, '.perfgate'), 'perfgate'),
    defaultBranch,
    baselineBranches,
    ...(ctx.pullRequest ? { pr: ctx.pullRequest } : {}),
    baselinePush:
      ctx.eventName === 'push' && ctx.branch !== undefined && baselineBranches.includes(ctx.branch),
    ...baselineMode(inputs.baseline, ctx.pullRequest),
  }
}

/**
 * The `baseline` input: a results file, or `base-ref[:REF]` — on a pull request the PR's base
 * commit (or REF) is measured here too; on other events the artifact baseline applies.
 */
function baselineMode(baseline: string | undefined, pr: PullRequestContext | undefined) {
  if (baseline === undefined) return {}
  const match = /^base-ref(?::(.+))?$/.exec(baseline.trim())
  if (!match) return { baselineFile: baseline }
  return pr ? { ab: { baseRef: match[1]?.trim() || pr.baseSha } } : {}
}

/** The remote side for this run's token, loaded lazily and once. */
export function connect(setup: Setup, deps: Deps): Remote {
  const token = setup.inputs.githubToken
  return {
    api: once(() => deps.github(token, setup.ctx)),
    store: once(() => deps.artifacts(token, setup.ctx)),
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}
