import { g as growthReport } from './report-YefOr9Oy.js';
import './units-C0yKQs3w.js';
import './random-CRNsGjhb.js';
import './render-CYu9eebb.js';
import './escape-DUX7g4yH.js';
import './format-Czr1TBQt.js';

/** Stage 6: the step's verdict, from the comparison, the benches that failed and the PR's labels. */
/** Decides the verdict; reads the PR's current labels only when there is a regression to accept. */
async function decide(run, results, compared) {
    const { setup, config, remote, deps } = run;
    const { pr, inputs } = setup;
    const errors = results.benches
        .filter((b) => b.status === 'error')
        .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }));
    // Benches, as the headline counts them: an iai bench's three regressed metrics are one regression.
    const regressions = compared.headline?.regressions ?? 0;
    const beyondThreshold = compared.headline?.beyondThreshold ?? [];
    const newest = compared.outcome?.found ? compared.outcome.baselines[0] : undefined;
    const growth = growthReport(config.benches, results.benches, newest?.benches ?? []);
    // A broken budget or a steeper growth is flagged even without a baseline, and fails the PR as a
    // regression does: unless fail-on-regression (the base's, when the gate took it from there) is off.
    const failOnRegression = compared.failOnRegression ?? inputs.failOnRegression;
    const failing = (compared.headline?.fail ?? false) || (failOnRegression && growth.failed);
    const flagged = regressions > 0 || failing || growth.failed;
    // Runs whose names do not pair compared nothing: an error, which no label accepts.
    const unpaired = compared.headline?.status === 'error';
    const label = inputs.acknowledgeLabel;
    const acknowledged = pr &&
        flagged &&
        !unpaired &&
        (await currentLabels(remote, pr.number, pr.labels, deps)).includes(label);
    const outcome = compared.outcome;
    const gate = !setup.baselinePush;
    const verdict = unpaired
        ? 'error'
        : flagged && !acknowledged
            ? 'regression'
            : errors.length > 0
                ? 'error'
                : compared.comparison && outcome?.found
                    ? 'pass'
                    : 'no-baseline';
    return {
        verdict,
        regressions,
        errors,
        ...(acknowledged ? { acknowledged: { label } } : {}),
        gate,
        fails: (unpaired || (failing && !acknowledged)) && gate,
        beyondThreshold,
        growth,
    };
}
/** The PR's labels now (a label may have been added since the event); the event's if that fails. */
async function currentLabels(remote, pr, fromEvent, deps) {
    try {
        const api = await remote.api();
        return (await api.getPull(pr)).labels;
    }
    catch (error) {
        deps.step.info(`Could not read the PR's current labels (${error.message}); using the event's`);
        return fromEvent;
    }
}

export { decide };
