/** Stage 7: the report model — everything the comment and the job summary show, as plain data. */
import { runUrl } from '../github/context.js'
import type { CommentModel } from '../report/comment.js'
import type { Results } from '../results/types.js'
import type { Compared } from './compare.js'
import type { Decision } from './decide.js'
import type { Setup } from './setup.js'

/** Builds the model the renderer turns into the PR comment and the job summary. */
export function reportModel(
  setup: Setup,
  results: Results,
  compared: Compared,
  decision: Decision,
): CommentModel {
  const { inputs, ctx, pr } = setup
  const { comparison, outcome } = compared
  const here = runUrl(ctx, ctx.runId)
  return {
    configPath: inputs.config,
    verdict: decision.verdict,
    comparison,
    headCommit: pr?.headSha ?? (ctx.sha || null),
    benchCount: results.benches.length,
    errors: decision.errors,
    baseline: outcome?.found ? outcome.info : null,
    ...(noBaseline(setup, compared) ?? {}),
    baselineWarnings: outcome?.found ? outcome.warnings : [],
    runUrl: here,
    artifactsUrl: `${here}#artifacts`,
    rerun: compared.rerun,
    ...(decision.acknowledged ? { acknowledged: decision.acknowledged } : {}),
    acknowledgeLabel: inputs.acknowledgeLabel,
  }
}

function noBaseline(setup: Setup, { comparison, outcome }: Compared) {
  if (outcome && !outcome.found) {
    return { noBaseline: { reason: outcome.reason, hint: outcome.hint } }
  }
  if (outcome || comparison) return undefined
  const { ctx, baselinePush, baselineBranches } = setup
  return {
    noBaseline: {
      reason: baselinePush
        ? `this push to ${ctx.branch} records the first baseline`
        : `${ctx.eventName || 'this'} runs are not compared`,
      hint: `pull requests are compared with the baseline recorded on pushes to ${baselineBranches.join(', ')}`,
    },
  }
}
