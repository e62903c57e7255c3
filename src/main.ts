/**
 * The action: config → run → results → baseline → compare (→ confirm) → report → publish.
 * `run(deps)` wires the stages in order; every side effect goes through `deps`, so tests and
 * other hosts can pass their own (index.ts passes `defaultDeps()`). The one place that fails the step.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { artifactSource } from './baseline/artifact-source.js'
import { fileSource } from './baseline/file-source.js'
import { nextWindow, writeWindow } from './baseline/history.js'
import { FILES, prArtifactName, type ArtifactMeta } from './baseline/layout.js'
import { sameConfig, type BaselineOutcome, type BaselineSource } from './baseline/source.js'
import type { ArtifactStore } from './baseline/store.js'
// The ONLY import of the comparison engine: point it at the real engine when it lands.
import {
  benchesToConfirm,
  compareRuns,
  CompareInputError,
  confirmRegressions,
} from './compare/index.js'
import type { Comparison } from './compare/types.js'
import { formatConfigError } from './config/load.js'
import { readConfig } from './config/read.js'
import type { Config } from './config/types.js'
import type { GitHubApi } from './github/api.js'
import { readContext, runUrl, type GithubContext } from './github/context.js'
import type { RetryPolicy } from './github/retry.js'
import { OUTPUT, readInputs, type Inputs } from './inputs.js'
import { publishComment, readOnlyNotice } from './publish/comment.js'
import { commentMode } from './publish/comment-mode.js'
import type { Step } from './publish/step.js'
import { renderComment, type CommentModel, type StepVerdict } from './report/comment.js'
import { escapeMarkdown } from './report/escape.js'
import { runSummaryMarkdown } from './report/run-summary.js'
import { serializeResults } from './results/schema.js'
import type { Results } from './results/types.js'

/** Runs benches: all matching `filter`, or exactly the benches named in `names` (a confirming re-run). */
export type BenchRunner = (
  config: Config,
  select: { filter?: string; names?: string[] },
) => Promise<Results>

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
  /** The GitHub REST API for this repository, with this token. */
  github: (token: string, ctx: GithubContext) => GitHubApi
  /** The baseline store (workflow artifacts). */
  artifacts: (token: string, ctx: GithubContext) => ArtifactStore
  /** The publisher to the runner: summary, outputs, annotations, logs, exit code. */
  step: Step
}

/** Runs the action end to end. */
export async function run(deps: Deps): Promise<void> {
  const { step } = deps
  try {
    const inputs = readInputs(deps.input)
    if (inputs.githubToken) step.setSecret(inputs.githubToken)
    const ctx = readContext(deps.env, await deps.readEvent())
    if (inputs.mode === 'comment') {
      await commentMode(inputs, ctx, {
        api: deps.github(inputs.githubToken, ctx),
        store: deps.artifacts(inputs.githubToken, ctx),
        step,
      })
      return
    }
    await measureAndReport(inputs, ctx, deps)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    step.setOutput(OUTPUT.verdict, 'error')
    step.setFailed(message)
    // The summary is written in every case; failing to write it must not hide the real error.
    await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n`).catch(() => undefined)
  }
}

async function measureAndReport(inputs: Inputs, ctx: GithubContext, deps: Deps): Promise<void> {
  const { step } = deps
  const workdir = path.resolve(inputs.workingDirectory)
  const configPath = path.resolve(workdir, inputs.config)

  // 1. Config.
  const loaded = await readConfig(configPath, { regressionThreshold: inputs.threshold })
  if (!loaded.ok) {
    for (const error of loaded.errors) {
      step.error(formatConfigError({ ...error, file: inputs.config }), {
        title: 'perfgate config',
        file: path.relative(deps.env.GITHUB_WORKSPACE ?? workdir, configPath),
        startLine: error.line,
        startColumn: error.column,
      })
    }
    const message = `${loaded.errors.length} problem(s) in ${inputs.config}; no bench was run`
    step.setOutput(OUTPUT.verdict, 'error')
    step.setFailed(message)
    const list = loaded.errors.map(
      (e) => `- ${escapeMarkdown(formatConfigError({ ...e, file: inputs.config }))}`,
    )
    await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n\n${list.join('\n')}\n`)
    return
  }
  const config = loaded.config

  // 2. Run.
  const results = await deps.runBenches(config, { filter: inputs.filter })
  const outDir = path.join(deps.env.RUNNER_TEMP ?? path.join(workdir, '.perfgate'), 'perfgate')
  await mkdir(outDir, { recursive: true })
  const resultsPath = path.join(outDir, FILES.results)
  await writeFile(resultsPath, serializeResults(results))
  step.setOutput(OUTPUT.results, resultsPath)

  // 3. Baseline.
  const api = deps.github(inputs.githubToken, ctx)
  const store = deps.artifacts(inputs.githubToken, ctx)
  const defaultBranch = ctx.defaultBranch ?? 'main'
  const baselineBranches = inputs.baselineBranches ?? [defaultBranch]
  const pr = ctx.pullRequest
  const baselinePush =
    ctx.eventName === 'push' && ctx.branch !== undefined && baselineBranches.includes(ctx.branch)
  const source = baselineSource(inputs, ctx, { api, store, deps, workdir, defaultBranch })
  let rawOutcome: BaselineOutcome | undefined
  if (source) {
    step.startGroup('Baseline')
    rawOutcome = await source.load()
    step.endGroup()
    for (const notice of rawOutcome.notices) step.notice(notice, { title: 'perfgate baseline' })
  }
  let outcome = rawOutcome ? sameConfig(rawOutcome, results, defaultBranch) : undefined

  // 4. Compare, and confirm flagged regressions by re-running just those benches.
  let comparison: Comparison | null = null
  const compareOptions =
    inputs.normalize === 'calibration' ? { normalize: 'calibration' as const } : {}
  let rerun = false
  if (outcome?.found) {
    try {
      comparison = compareRuns(outcome.baselines, results, compareOptions)
    } catch (error) {
      // A baseline that passed the schema but holds impossible numbers degrades to no baseline.
      if (!(error instanceof CompareInputError)) throw error
      outcome = {
        found: false,
        reason: `the baseline cannot be compared: ${error.message}`,
        hint: `push to ${defaultBranch} to record a new baseline`,
        notices: outcome.notices,
      }
    }
  }
  if (outcome?.found && comparison) {
    const names = pr && inputs.confirm ? benchesToConfirm(comparison) : []
    if (names.length > 0) {
      step.info(
        `Re-running ${names.length} bench(es) flagged as regressions to confirm: ${names.join(', ')}`,
      )
      const again = await deps.runBenches(config, { names })
      comparison = confirmRegressions(outcome.baselines, results, again, comparison, compareOptions)
      rerun = true
    }
  }
  let comparisonPath: string | undefined
  if (comparison) {
    comparisonPath = path.join(outDir, FILES.comparison)
    await writeFile(comparisonPath, `${JSON.stringify(comparison, null, 2)}\n`)
    step.setOutput(OUTPUT.comparison, comparisonPath)
  }

  // 5. Verdict.
  const errors = results.benches
    .filter((b) => b.status === 'error')
    .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }))
  const regressions = comparison?.regressions ?? 0
  let acknowledged: { label: string } | undefined
  if (
    pr &&
    regressions > 0 &&
    (await currentLabels(api, pr.number, pr.labels, step)).includes(inputs.acknowledgeLabel)
  ) {
    acknowledged = { label: inputs.acknowledgeLabel }
  }
  const verdict: StepVerdict =
    regressions > 0 && !acknowledged
      ? 'regression'
      : errors.length > 0
        ? 'error'
        : outcome && !outcome.found
          ? 'no-baseline'
          : comparison
            ? 'pass'
            : 'no-baseline'
  const model: CommentModel = {
    configPath: inputs.config,
    verdict,
    comparison,
    headCommit: pr?.headSha ?? (ctx.sha || null),
    benchCount: results.benches.length,
    errors,
    baseline: outcome?.found ? outcome.info : null,
    ...(outcome && !outcome.found
      ? { noBaseline: { reason: outcome.reason, hint: outcome.hint } }
      : {}),
    ...(!outcome && !comparison
      ? {
          noBaseline: {
            reason: baselinePush
              ? `this push to ${ctx.branch} records the first baseline`
              : `${ctx.eventName || 'this'} runs are not compared`,
            hint: `pull requests are compared with the baseline recorded on pushes to ${baselineBranches.join(', ')}`,
          },
        }
      : {}),
    baselineWarnings: outcome?.found ? outcome.warnings : [],
    runUrl: runUrl(ctx, ctx.runId),
    artifactsUrl: `${runUrl(ctx, ctx.runId)}#artifacts`,
    rerun,
    ...(acknowledged ? { acknowledged } : {}),
    acknowledgeLabel: inputs.acknowledgeLabel,
  }

  // 6. Report: job summary (always; GitHub caps it at 1 MiB), annotations.
  const report = renderComment(model, { marker: false, limit: 600_000 })
  await writeFile(path.join(outDir, FILES.report), report)
  const runTable = runSummaryMarkdown(results)
  await step.summary(
    runTable.length < 350_000
      ? `${report}\n\n<details><summary>This run</summary>\n\n${runTable}\n\n</details>\n`
      : `${report}\n\nThe per-bench table of this run is in the results artifact.\n`,
  )
  // A baseline push never fails on a regression: a failed run would never become the next baseline.
  const gate = !baselinePush
  for (const c of comparison?.comparisons ?? []) {
    if (c.verdict !== 'regression') continue
    const message = `${c.name}: ${c.reason}${c.confirmed ? ' (confirmed on re-run)' : ''}`
    if (acknowledged) step.warning(message, { title: 'perfgate regression (accepted)' })
    else if (!gate) step.warning(message, { title: 'perfgate regression since the last baseline' })
    else step.error(message, { title: 'perfgate regression' })
  }
  for (const e of errors) step.error(`${e.name}: ${e.reason}`, { title: 'perfgate bench failed' })
  for (const b of results.benches.filter((b) => b.status === 'skipped')) {
    step.notice(`${b.name} skipped: ${b.reason ?? ''}`)
  }
  if (outcome && !outcome.found)
    step.notice(`No baseline: ${outcome.reason}. ${outcome.hint}.`, { title: 'perfgate' })
  for (const w of model.baselineWarnings) step.warning(w, { title: 'perfgate baseline' })
  for (const w of comparison?.warnings ?? []) step.warning(w, { title: 'perfgate' })

  // 7. Artifacts: the PR's own results, or the baseline window on a baseline branch.
  const meta: ArtifactMeta = {
    perfgateMeta: 1,
    ...(pr ? { pr: pr.number } : {}),
    headSha: model.headCommit ?? '',
    configPath: inputs.config,
    comment: model,
    verdict,
  }
  await writeFile(path.join(outDir, FILES.meta), `${JSON.stringify(meta, null, 2)}\n`)
  if (pr) {
    try {
      await store.upload(
        prArtifactName(inputs.artifactName, pr.number),
        outDir,
        inputs.retentionDays,
      )
    } catch (error) {
      step.warning(`Could not upload the PR's results artifact: ${(error as Error).message}`)
    }
  } else if (baselinePush) {
    const previous = rawOutcome?.found ? rawOutcome.baselines : []
    const window = nextWindow(previous, results, inputs.baselineRuns)
    await writeWindow(outDir, window)
    try {
      await store.upload(inputs.artifactName, outDir, inputs.retentionDays)
      step.info(
        `Uploaded the baseline artifact ${inputs.artifactName} with ${window.length} run(s) of history`,
      )
    } catch (error) {
      // A re-run attempt of the same run finds the first attempt's artifact: that one stays the baseline.
      if (!/\b409\b|already exists/i.test((error as Error).message)) throw error
      step.warning(
        `${(error as Error).message}; the artifact uploaded earlier in this run stays the baseline`,
      )
    }
  }

  // 8. The PR comment.
  if (pr) {
    const posted = await publishComment(api, pr.number, model, inputs.comment)
    if (posted.kind === 'posted') {
      step.setOutput(OUTPUT.commentUrl, posted.url)
      step.info(`${posted.updated ? 'Updated' : 'Created'} the PR comment: ${posted.url}`)
    } else if (posted.kind === 'read-only' && pr.fork) {
      step.notice(readOnlyNotice(posted.message), { title: 'perfgate comment' })
    } else if (posted.kind === 'read-only') {
      throw new Error(posted.message)
    } else {
      step.info(`No PR comment: ${posted.why}`)
    }
  }

  // 9. Outputs and the exit code.
  step.setOutput(OUTPUT.verdict, verdict)
  step.setOutput(OUTPUT.regressions, regressions)
  if (verdict === 'regression' && inputs.failOnRegression && gate) {
    const names =
      comparison?.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.name) ?? []
    step.setFailed(
      `${regressions} regression(s): ${names.join(', ')}. To accept them, add the "${inputs.acknowledgeLabel}" label to the PR.`,
    )
  } else if (verdict === 'error' || (errors.length > 0 && inputs.failOnRegression)) {
    step.setFailed(`${errors.length} bench(es) failed: ${errors.map((e) => e.name).join(', ')}`)
  }
}

/** Where the baseline comes from: the `baseline` file, else the artifact on the base branch. */
function baselineSource(
  inputs: Inputs,
  ctx: GithubContext,
  env: { api: GitHubApi; store: ArtifactStore; deps: Deps; workdir: string; defaultBranch: string },
): BaselineSource | undefined {
  if (inputs.baseline)
    return fileSource(path.resolve(env.workdir, inputs.baseline), inputs.baseline)
  const common = {
    api: env.api,
    store: env.store,
    ctx,
    artifactName: inputs.artifactName,
    now: () => env.deps.now(),
    maxAgeDays: inputs.maxBaselineAgeDays,
    defaultBranch: env.defaultBranch,
  }
  const pr = ctx.pullRequest
  if (pr) {
    return artifactSource({
      ...common,
      branch: pr.baseRef,
      mergeBaseOf: { base: pr.baseSha, head: pr.headSha },
    })
  }
  const branches = inputs.baselineBranches ?? [env.defaultBranch]
  if (ctx.eventName === 'push' && ctx.branch && branches.includes(ctx.branch)) {
    // The previous baseline on this branch: its window is extended, and this push is compared with it.
    return artifactSource({ ...common, branch: ctx.branch, commit: ctx.sha })
  }
  return undefined
}

/** The PR's labels now (a label may have been added since the event); the event's if that fails. */
async function currentLabels(
  api: GitHubApi,
  pr: number,
  fromEvent: string[],
  step: Step,
): Promise<string[]> {
  try {
    return (await api.getPull(pr)).labels
  } catch (error) {
    step.info(
      `Could not read the PR's current labels (${(error as Error).message}); using the event's`,
    )
    return fromEvent
  }
}
