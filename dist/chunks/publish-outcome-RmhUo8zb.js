import { O as OUTPUT } from './inputs-BGhQB0uF.js';
import './units-nscz4rrQ.js';

/** Sets `verdict` and `regressions`, and fails the step as `fail-on-regression` says. */
function publishOutcome(setup, comparison, decision, deps) {
    const { step } = deps;
    const { verdict, errors, regressions } = decision;
    step.setOutput(OUTPUT.verdict, verdict);
    step.setOutput(OUTPUT.regressions, regressions);
    if (verdict === 'regression' && setup.inputs.failOnRegression && decision.gate) {
        const names = comparison?.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.name) ?? [];
        step.setFailed(`${regressions} regression(s): ${names.join(', ')}. To accept them, add the "${setup.inputs.acknowledgeLabel}" label to the PR.`);
    }
    else if (verdict === 'error' || (errors.length > 0 && setup.inputs.failOnRegression)) {
        step.setFailed(`${errors.length} bench(es) failed: ${errors.map((e) => e.name).join(', ')}`);
    }
}

export { publishOutcome };
