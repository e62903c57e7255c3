/** Decides the verdict; reads the PR's current labels only when there is a regression to accept. */
async function decide(setup, results, compared, remote, deps) {
    const { pr, inputs } = setup;
    const errors = results.benches
        .filter((b) => b.status === 'error')
        .map((b) => ({ name: b.name, reason: b.reason ?? 'errored' }));
    const regressions = compared.comparison?.regressions ?? 0;
    const label = inputs.acknowledgeLabel;
    const acknowledged = pr &&
        regressions > 0 &&
        (await currentLabels(remote, pr.number, pr.labels, deps)).includes(label);
    const outcome = compared.outcome;
    const verdict = regressions > 0 && !acknowledged
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
        gate: !setup.baselinePush,
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
