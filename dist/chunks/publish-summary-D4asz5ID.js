import path from 'node:path';
import { F as FILES } from './layout-7R-fEXAy.js';
import { r as renderComment } from './comment-loA4x1Pt.js';
import { a as runSummaryMarkdown } from './run-summary-yGUxnqbc.js';
import './schemas-TYepb_3n.js';
import './units-nscz4rrQ.js';
import './escape-DUX7g4yH.js';
import './format-BGEBbMaQ.js';
import './scaling-bBRpMboh.js';

/** Stage 8: the job summary (always), report.md, and the annotations on the run. */
/** GitHub caps a job summary at 1 MiB; the comparison and this run's table share it. */
const REPORT_LIMIT = 600_000;
const RUN_TABLE_LIMIT = 350_000;
/** Writes report.md and the job summary, and annotates regressions, failures and warnings. */
async function publishSummary(setup, results, model, compared, decision, deps) {
    const { step } = deps;
    const report = renderComment(model, { marker: false, limit: REPORT_LIMIT });
    await deps.files.writeFile(path.join(setup.outDir, FILES.report), report);
    await step.summary(`${report}\n\n${runTable(results)}`);
    for (const c of compared.comparison?.comparisons ?? []) {
        if (c.verdict !== 'regression')
            continue;
        const message = `${c.name}: ${c.reason}${c.confirmed ? ' (confirmed on re-run)' : ''}`;
        if (decision.acknowledged)
            step.warning(message, { title: 'perfgate regression (accepted)' });
        else if (!decision.gate) {
            step.warning(message, { title: 'perfgate regression since the last baseline' });
        }
        else
            step.error(message, { title: 'perfgate regression' });
    }
    for (const e of decision.errors) {
        step.error(`${e.name}: ${e.reason}`, { title: 'perfgate bench failed' });
    }
    for (const b of results.benches.filter((b) => b.status === 'skipped')) {
        step.notice(`${b.name} skipped: ${b.reason ?? ''}`);
    }
    const outcome = compared.outcome;
    if (outcome && !outcome.found) {
        step.notice(`No baseline: ${outcome.reason}. ${outcome.hint}.`, { title: 'perfgate' });
    }
    for (const w of model.baselineWarnings)
        step.warning(w, { title: 'perfgate baseline' });
    for (const w of compared.comparison?.warnings ?? [])
        step.warning(w, { title: 'perfgate' });
}
/** This run's per-bench table, folded under the report (or a pointer when it is too large). */
function runTable(results) {
    const table = runSummaryMarkdown(results);
    return table.length < RUN_TABLE_LIMIT
        ? `<details><summary>This run</summary>\n\n${table}\n\n</details>\n`
        : `The per-bench table of this run is in the results artifact.\n`;
}

export { publishSummary, runTable };
