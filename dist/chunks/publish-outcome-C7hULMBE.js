import { O as OUTPUT } from './inputs-DN2g_ySq.js';
import './js-g6OoEpet.js';
import './schemas-BRUAGFw6.js';
import 'node:path';
import './pg-notify-C4R92_cz.js';
import './XMLParser-Ciolm0c3.js';
import './load-BEydz6-R.js';
import 'process';
import 'buffer';

/** Sets `verdict` and `regressions`, and fails the step as `fail-on-regression` says. */
function publishOutcome(setup, comparison, decision, deps) {
    const { step } = deps;
    const { verdict, errors, regressions } = decision;
    step.setOutput(OUTPUT.verdict, verdict);
    step.setOutput(OUTPUT.regressions, regressions);
    step.setOutput(OUTPUT.budgetsBroken, decision.growth.brokenBudgets);
    if (decision.fails) {
        const names = [
            ...new Set(comparison?.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.name) ?? []),
        ];
        const beyond = decision.beyondThreshold;
        const what = [
            ...(regressions > 0 ? [`${regressions} regression(s): ${names.join(', ')}`] : []),
            ...(beyond.length > 0
                ? [`${beyond.length} inconclusive bench(es) beyond the threshold: ${beyond.join(', ')}`]
                : []),
            ...(decision.growth.brokenBudgets > 0
                ? [`${decision.growth.brokenBudgets} budget(s) broken`]
                : []),
            ...decision.growth.growthRegressions.map((g) => `growth regression: ${g.reason}`),
        ];
        step.setFailed(`${what.join('; ')}. To accept them, add the "${setup.inputs.acknowledgeLabel}" label to the PR.`);
    }
    else if (verdict === 'error' || (errors.length > 0 && setup.inputs.failOnRegression)) {
        step.setFailed(`${errors.length} bench(es) failed: ${errors.map((e) => e.name).join(', ')}`);
    }
}

export { publishOutcome };
