import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';

/** Stage 11: the outputs and the step's exit status. */
/** Sets `verdict` and `regressions`, and fails the step as `fail-on-regression` says. */
function publishOutcome({ setup, deps }, { compared, decision }) {
    const { comparison } = compared;
    const { step } = deps;
    const { verdict, errors, regressions } = decision;
    step.setOutput(OUTPUT.verdict, verdict);
    step.setOutput(OUTPUT.regressions, regressions);
    step.setOutput(OUTPUT.budgetsBroken, decision.growth.brokenBudgets);
    const problems = comparison?.problems ?? [];
    if (decision.fails && problems.length > 0) {
        step.setFailed(`Nothing compared: ${problems.join('; ')}`);
    }
    else if (decision.fails) {
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
    else if (
    // An error verdict fails through its bench errors; unpaired names alone failed above, or
    // do not fail at all on a baseline push (whose names become the next baseline's).
    (verdict === 'error' && (problems.length === 0 || errors.length > 0)) ||
        (errors.length > 0 && setup.inputs.failOnRegression)) {
        step.setFailed(`${errors.length} bench(es) failed: ${errors.map((e) => e.name).join(', ')}`);
    }
}

export { publishOutcome };
