/**
 * The action: config → measure → baseline → compare (→ confirm) → verdict → report → publish.
 * `run(deps)` only wires the stages in src/stages/, in order; every side effect goes through
 * `deps` (src/ports.ts), so tests pass their own. The one place that fails the step on an error.
 */
import { OUTPUT } from './inputs.js'
import type { Deps } from './ports.js'
import { escapeMarkdown } from './report/escape.js'
import { compareAndConfirm } from './stages/compare.js'
import { decide } from './stages/decide.js'
import { findBaseline } from './stages/find-baseline.js'
import { loadConfig } from './stages/load-config.js'
import { measure, type Measured } from './stages/measure.js'
import { publishArtifacts, uploadPrResults } from './stages/publish-artifacts.js'
import { publishPrComment } from './stages/publish-comment.js'
import { publishOutcome } from './stages/publish-outcome.js'
import { publishSummary, runTable } from './stages/publish-summary.js'
import { reportModel } from './stages/report-model.js'
import { connect, readSetup, type Remote, type Setup } from './stages/setup.js'

export type { BenchRunner, Deps } from './ports.js'

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
    const config = await loadConfig(setup, deps)
    if (!config) return
    measured = await measure(setup, config, deps)
    const { results } = measured
    const finding = await findBaseline(setup, results, remote, deps)
    const compared = await compareAndConfirm(setup, config, results, finding, deps)
    const decision = await decide(setup, results, compared, remote, deps)
    const model = reportModel(setup, results, compared, decision)
    await publishSummary(setup, results, model, compared, decision, deps)
    await publishArtifacts(setup, results, model, finding, remote, deps)
    await publishPrComment(setup, model, remote, deps)
    publishOutcome(setup, compared.comparison, decision, deps)
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
  const table = after ? `\n${runTable(after.measured.results)}` : ''
  // Failing to write the summary or the artifact must not hide the real error.
  await deps.step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n${table}`).catch(() => {})
  if (after) await uploadPrResults(after.setup, after.remote, deps).catch(() => {})
}
