import { n as noiseReport } from './noise-6u9jYOx-.js';
import { a as runUrl } from './context-BzG_Rbo8.js';
import { a as runValue, f as findSeries } from './history-bL8sTFiw.js';
import { e as driftNote } from './report-BF2hC1PN.js';
import './format-Czr1TBQt.js';
import './permutation-CwRxd2mz.js';
import './random-CRNsGjhb.js';
import './units-C0yKQs3w.js';
import './schema-Dqc1PyQi.js';
import './schemas-CtpLbXv5.js';

/** Stage 7: the report model — everything the comment and the job summary show, as plain data. */
/** History charts in a PR comment: a few, for the benches that matter, to stay under its limit. */
const MAX_CHARTS = 3;
/** Builds the model the renderer turns into the PR comment and the job summary. */
function reportModel({ setup }, { results, compared, decision, tracked }) {
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
        ...(decision.beyondThreshold.length > 0 ? { beyondThreshold: decision.beyondThreshold } : {}),
        ...chartsOf(results, compared, decision, tracked),
        ...(decision.growth.markdown !== '' ? { budgets: decision.growth.markdown } : {}),
        ...(decision.growth.brokenBudgets > 0 ? { brokenBudgets: decision.growth.brokenBudgets } : {}),
        ...(decision.growth.growthRegressions.length > 0
            ? { growthRegressions: decision.growth.growthRegressions.length }
            : {}),
        ...(compared.thresholdChanges.length > 0
            ? { thresholdChanges: compared.thresholdChanges.map((c) => c.text) }
            : {}),
        ...noiseOf(results, compared),
    };
}
/**
 * Each bench's spread between the rounds of this run; in A/B mode also the base against itself
 * (a baseline from another run and machine says nothing about this job's noise).
 */
function noiseOf(results, { outcome }) {
    const base = outcome?.found && outcome.info.source === 'base-ref' ? outcome.baselines[0] : undefined;
    const noise = noiseReport(results, base);
    return noise.length > 0 ? { noise } : {};
}
function noBaseline(setup, { comparison, outcome }) {
    // A push to a baseline branch that finds none is the push that records the first one: telling
    // it to "push to main to record a baseline" would send the reader in a circle.
    if (setup.baselinePush && outcome && !outcome.found && outcome.none)
        return firstBaseline(setup);
    if (outcome && !outcome.found) {
        return { noBaseline: { reason: outcome.reason, hint: outcome.hint } };
    }
    if (outcome || comparison)
        return undefined;
    const { ctx, baselinePush, baselineBranches } = setup;
    if (baselinePush)
        return firstBaseline(setup);
    return {
        noBaseline: {
            reason: `${ctx.eventName || 'this'} runs are not compared`,
            hint: `pull requests are compared with the baseline recorded on pushes to ${baselineBranches.join(', ')}`,
        },
    };
}
/** The facts of the push that records a branch's first baseline. */
function firstBaseline({ ctx, baselineBranches }) {
    return {
        firstBaseline: true,
        noBaseline: {
            reason: `there is no earlier baseline on ${ctx.branch} to compare this push with`,
            hint: `pull requests and later pushes are compared with the baselines that pushes to ${baselineBranches.join(', ')} record`,
        },
    };
}
/** History charts, with this run's value marked, of the benches flagged on a pull request. */
function chartsOf(results, compared, decision, tracked) {
    const history = tracked.shown;
    if (!history || tracked.next)
        return {};
    const flagged = (compared.comparison?.comparisons ?? []).filter((c) => c.verdict === 'regression' || decision.beyondThreshold.includes(c.name));
    const charts = [];
    for (const row of flagged.slice(0, MAX_CHARTS)) {
        const bench = results.benches.find((b) => b.name === row.name);
        const metric = bench?.metrics.find((m) => m.name === row.metric);
        const markdown = driftNote(findSeries(history, row.name, row.metric), metric ? runValue(metric).centre : undefined);
        if (markdown !== '')
            charts.push({ bench: row.name, markdown });
    }
    return charts.length > 0 ? { charts } : {};
}

export { reportModel };
