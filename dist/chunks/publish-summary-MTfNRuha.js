import path from 'node:path';
import { F as FILES } from './layout-Ck4w5uJq.js';
import { r as renderComment } from './comment-D07EH1nV.js';
import { a as runSummaryMarkdown } from './run-summary-CXeoHX5F.js';
import { b as historyMarkdown, a as analyseHistory } from './report-BF2hC1PN.js';
import { d as buildCommentModel } from './model-CSX-gO8p.js';
import './schemas-CtpLbXv5.js';
import './escape-DUX7g4yH.js';
import './scaling-bBRpMboh.js';
import './format-Czr1TBQt.js';
import './centre-C0y8xcZQ.js';
import './permutation-CwRxd2mz.js';
import './units-C0yKQs3w.js';
import './random-CRNsGjhb.js';

/** Stage 8: the job summary (always), report.md, and the annotations on the run. */
/** GitHub caps a job summary at 1 MiB; the comparison and this run's table share it. */
const REPORT_LIMIT = 600_000;
const RUN_TABLE_LIMIT = 350_000;
/** Trend charts in the job summary (those with lasting shifts first). */
const SUMMARY_CHARTS = 10;
/** Writes report.md and the job summary, and annotates regressions, failures and warnings. */
async function publishSummary(run, found) {
    const { setup, deps } = run;
    const { results, model, compared, decision, tracked } = found;
    const { step } = deps;
    const { report, summary } = jobSummary(model, results, tracked.shown);
    await deps.files.writeFile(path.join(setup.outDir, FILES.report), report);
    await step.summary(summary);
    for (const c of compared.comparison?.comparisons ?? []) {
        if (c.verdict !== 'regression')
            continue;
        const confirmed = c.confirmed && !/confirmed/.test(c.reason) ? ' (confirmed on re-run)' : '';
        const message = `${c.name}: ${c.reason}${confirmed}`;
        if (decision.acknowledged)
            step.warning(message, { title: 'perfgate regression (accepted)' });
        else if (!decision.gate) {
            step.warning(message, { title: 'perfgate regression since the last baseline' });
        }
        else
            step.error(message, { title: 'perfgate regression' });
    }
    if (decision.beyondThreshold.length > 0) {
        step.warning(`${decision.beyondThreshold.join(', ')}: beyond the regression threshold, but the evidence is inconclusive (inconclusive: ${setup.inputs.inconclusive})`, { title: 'perfgate inconclusive' });
    }
    for (const check of decision.growth.checks.filter((c) => c.status === 'broken')) {
        const title = decision.gate ? 'perfgate budget broken' : 'perfgate budget broken (baseline run)';
        step[decision.gate ? 'error' : 'warning'](`${check.bench}: budget ${check.budget.text} broken`, { title });
    }
    for (const g of decision.growth.growthRegressions) {
        step[decision.gate ? 'error' : 'warning'](g.reason, { title: 'perfgate growth regression' });
    }
    for (const e of decision.errors) {
        step.error(`${e.name}: ${e.reason}`, { title: 'perfgate bench failed' });
    }
    for (const b of results.benches.filter((b) => b.status === 'skipped')) {
        step.notice(`${b.name} skipped: ${b.reason ?? ''}`);
    }
    const outcome = compared.outcome;
    if (model.firstBaseline) {
        step.notice(`This push records the first baseline: ${model.noBaseline?.hint ?? ''}.`, {
            title: 'perfgate',
        });
    }
    else if (outcome && !outcome.found) {
        step.notice(`No baseline: ${outcome.reason}. ${outcome.hint}.`, { title: 'perfgate' });
    }
    for (const w of model.baselineWarnings)
        step.warning(w, { title: 'perfgate baseline' });
    for (const w of compared.comparison?.warnings ?? [])
        step.warning(w, { title: 'perfgate' });
}
/**
 * report.md (the comparison, as the comment shows it but without its size limit) and the job
 * summary (report.md, this run's table, and the history when there is one). Pure, so tests can
 * lay the summary out as GitHub draws it.
 */
function jobSummary(model, results, history) {
    const report = renderComment(buildCommentModel(model), { marker: false, limit: REPORT_LIMIT });
    const trend = history
        ? `\n${historyMarkdown(analyseHistory(history), { charts: SUMMARY_CHARTS })}\n`
        : '';
    return { report, summary: `${report}\n\n${runTable(results)}${trend}` };
}
/** This run's per-bench table, folded under the report (or a pointer when it is too large). */
function runTable(results) {
    const table = runSummaryMarkdown(results);
    return table.length < RUN_TABLE_LIMIT
        ? `<details><summary>This run</summary>\n\n${table}\n\n</details>\n`
        : `The per-bench table of this run is in the results artifact.\n`;
}

export { jobSummary, publishSummary, runTable };
