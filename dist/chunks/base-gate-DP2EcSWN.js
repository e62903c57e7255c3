/**
 * Plans the gate of a head run: thresholds of each bench from the newest baseline run that has it
 * (benches new in the PR keep their own), `fail-on-regression` from the baseline's recorded gate
 * (the head's inputs when the baseline recorded none). With `from: 'head'` the PR's own apply and
 * the changes say so.
 */
function planGate(baselines, head, inputs, from = 'base') {
    const baseBenches = new Map();
    for (const run of baselines) {
        for (const bench of run.benches)
            if (!baseBenches.has(bench.name))
                baseBenches.set(bench.name, bench);
    }
    const recorded = baselines.find((run) => run.meta.gate)?.meta.gate;
    const when = from === 'base' ? 'takes effect when merged' : 'applied now (thresholds-from: head)';
    const changes = [];
    const note = (change) => {
        const what = change.metric ? `${change.field} of ${change.metric}` : change.field;
        const who = change.bench === null ? '' : `${change.bench}: `;
        changes.push({ ...change, text: `${who}${what} ${change.base} → ${change.head} ${when}` });
    };
    if (recorded) {
        if (recorded.threshold !== inputs.threshold) {
            note({
                bench: null,
                field: 'threshold',
                base: pct(recorded.threshold),
                head: pct(inputs.threshold),
            });
        }
        if (recorded.failOnRegression !== inputs.failOnRegression) {
            note({
                bench: null,
                field: 'fail-on-regression',
                base: String(recorded.failOnRegression),
                head: String(inputs.failOnRegression),
            });
        }
    }
    for (const bench of head.benches) {
        const base = baseBenches.get(bench.name);
        if (!base)
            continue;
        if (base.noiseThreshold !== bench.noiseThreshold) {
            note({
                bench: bench.name,
                field: 'noise-threshold',
                base: pct(base.noiseThreshold),
                head: pct(bench.noiseThreshold),
            });
        }
        if (base.regressionThreshold !== bench.regressionThreshold) {
            note({
                bench: bench.name,
                field: 'regression-threshold',
                base: pct(base.regressionThreshold),
                head: pct(bench.regressionThreshold),
            });
        }
        for (const metric of bench.metrics) {
            const before = base.metrics.find((m) => m.name === metric.name)?.regressionThreshold;
            if (before === undefined || metric.regressionThreshold === undefined)
                continue;
            if (before === metric.regressionThreshold)
                continue;
            note({
                bench: bench.name,
                field: 'regression-threshold',
                metric: metric.name,
                base: pct(before),
                head: pct(metric.regressionThreshold),
            });
        }
    }
    const failOnRegression = from === 'base'
        ? (recorded?.failOnRegression ?? inputs.failOnRegression)
        : inputs.failOnRegression;
    const judge = (run) => from === 'head'
        ? run
        : { ...run, benches: run.benches.map((b) => withBaseThresholds(b, baseBenches.get(b.name))) };
    return { judge, failOnRegression, changes };
}
function withBaseThresholds(bench, base) {
    if (!base)
        return bench;
    const thresholds = {
        noiseThreshold: base.noiseThreshold,
        regressionThreshold: base.regressionThreshold,
    };
    if (bench.status !== 'ok')
        return { ...bench, ...thresholds };
    return {
        ...bench,
        ...thresholds,
        metrics: bench.metrics.map((metric) => {
            const before = base.metrics.find((m) => m.name === metric.name);
            if (!before)
                return metric;
            const judged = { ...metric };
            delete judged.regressionThreshold;
            if (before.regressionThreshold !== undefined) {
                judged.regressionThreshold = before.regressionThreshold;
            }
            return judged;
        }),
    };
}
function pct(fraction) {
    return `${Number((fraction * 100).toFixed(2))}%`;
}
/** `results` stamped with the action's gate inputs, so a later PR is judged by this gate. */
function recordGate(results, gate) {
    return { ...results, meta: { ...results.meta, gate } };
}

export { planGate as p, recordGate as r };
