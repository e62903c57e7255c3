/**
 * The action: config → measure → baseline → compare (→ confirm) → verdict → report → publish.
 * `run(deps)` only wires the stages in src/stages/, in order; every side effect goes through
 * `deps` (src/ports.ts), so tests pass their own. The one place that fails the step on an error.
 */
import { OUTPUT } from './inputs.js'
import type { Deps } from './ports.js'
import type { RunContext, RunReport } from './stages/context.js'
import type { Measured } from './stages/measure.js'
import { connect, readSetup, type Remote, type Setup } from './stages/setup.js'

export type { BenchRunner, Deps } from './ports.js'

/** The stages after setup, loaded once the run knows it needs them (a fast start). */
async function loadStages() {
  // One after another: concurrent dynamic imports of shared modules trip jest's ESM loader.
  const config = await import('./stages/load-config.js')
  const measure = await import('./stages/measure.js')
  const baseline = await import('./stages/find-baseline.js')
  const compare = await import('./stages/compare.js')
  const decide = await import('./stages/decide.js')
  const model = await import('./stages/report-model.js')
  const summary = await import('./stages/publish-summary.js')
  const artifacts = await import('./stages/publish-artifacts.js')
  const comment = await import('./stages/publish-comment.js')
  const outcome = await import('./stages/publish-outcome.js')
  const history = await import('./stages/history.js')
  const measureAb = await import('./stages/measure-ab.js')
  return {
    ...config,
    ...measure,
    ...baseline,
    ...compare,
    ...decide,
    ...model,
    ...summary,
    ...artifacts,
    ...comment,
    ...outcome,
    ...history,
    ...measureAb,
  }
}

/** Runs the action end to end. */
export async function run(deps: Deps): Promise<void> {
  let setup: Setup | undefined
  let remote: Remote | undefined
  let measured: Measured | undefined
  try {
    setup = await readSetup(deps)
    remote = connect(setup, deps)
    if (setup.inputs.mode === 'comment') {
      const { commentMode } = await import('./publish/comment-mode.js')
      const [api, store] = [await remote.api(), await remote.store()]
      await commentMode(setup.inputs, setup.ctx, { api, store, step: deps.step })
      return
    }
    const stage = await loadStages()
    const config = await stage.loadConfig(setup, deps)
    if (!config) return
    if (setup.inputs.shard) {
      const { shardJob } = await import('./stages/shard.js')
      await shardJob(setup, config, setup.inputs.shard, remote, deps)
      return
    }
    const run: RunContext = { setup, config, deps, remote }
    // Where this run's numbers come from: a merge of shard jobs, an A/B pair, or a measurement.
    const source =
      setup.inputs.mode === 'merge'
        ? await (await import('./stages/merge-shards.js')).mergeSource(run)
        : setup.ab
          ? await stage.abSource(run, setup.ab)
          : await stage.measureSource(run)
    try {
      measured = source.measured
      const { results } = measured
      const { finding, problems } = source
      const compared = await stage.compareAndConfirm(run, source)
      compared.comparison?.warnings.push(...problems)
      const decision = await stage.decide(run, results, compared)
      const tracked = stage.trackHistory(run, results, finding)
      const built = stage.reportModel(run, { results, compared, decision, tracked })
      // Without a comparison (no baseline yet) the comment still names a lost or duplicated shard.
      const model =
        compared.comparison || problems.length === 0
          ? built
          : { ...built, baselineWarnings: [...built.baselineWarnings, ...problems] }
      const report: RunReport = { results, finding, compared, decision, tracked, model }
      await stage.publishSummary(run, report)
      await stage.publishArtifacts(run, report)
      await stage.publishPrComment(run, model)
      stage.publishOutcome(run, report)
    } finally {
      await source.close()
    }
  } catch (error) {
    await fail(error, deps, setup && remote && measured ? { setup, remote, measured } : undefined)
  }
}

/** Fails the step with the error; what was measured still reaches the summary and the PR artifact. */
async function fail(
  error: unknown,
  deps: Deps,
  after?: { setup: Setup; remote: Remote; measured: Measured },
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  deps.step.setOutput(OUTPUT.verdict, 'error')
  deps.step.setFailed(message)
  const { escapeMarkdown } = await import('./report/escape.js')
  // The run table and the artifact only when something was measured (and only then loaded).
  const table = after
    ? `\n${(await import('./stages/publish-summary.js')).runTable(after.measured.results)}`
    : ''
  // Failing to write the summary or the artifact must not hide the real error.
  await deps.step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n${table}`).catch(() => {})
  if (after) {
    const { uploadPrResults } = await import('./stages/publish-artifacts.js')
    await uploadPrResults(after.setup, after.remote, deps).catch(() => {})
  }
}
