import { a as runUrl } from './context-BzG_Rbo8.js';

/** Stage 7: the report model — everything the comment and the job summary show, as plain data. */
/** Builds the model the renderer turns into the PR comment and the job summary. */
function reportModel(setup, results, compared, decision) {
    const { inputs, ctx, pr } = setup;
    const { comparison, outcome } = compared;
    const here = runUrl(ctx, ctx.runId);
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
    };
}
function noBaseline(setup, { comparison, outcome }) {
    if (outcome && !outcome.found) {
        return { noBaseline: { reason: outcome.reason, hint: outcome.hint } };
    }
    if (outcome || comparison)
        return undefined;
    const { ctx, baselinePush, baselineBranches } = setup;
    return {
        noBaseline: {
            reason: baselinePush
                ? `this push to ${ctx.branch} records the first baseline`
                : `${ctx.eventName || 'this'} runs are not compared`,
            hint: `pull requests are compared with the baseline recorded on pushes to ${baselineBranches.join(', ')}`,
        },
    };
}

export { reportModel };
