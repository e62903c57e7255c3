import path from 'node:path';
import { F as FILES } from './layout-mFYPh5Pj.js';
import { p as planGate } from './base-gate-DP2EcSWN.js';
import { m as markChanged, c as compareRuns, b as benchesToConfirm, a as confirmRegressions, h as headline } from './changed-benches-ISYm0nsz.js';
import { C as CompareInputError } from './units-C0yKQs3w.js';
import { O as OUTPUT } from './inputs-D94USJLx.js';
import './model-CK91-K7Z.js';
import './schemas-DV3ev3NB.js';
import './format-nSRY5rS4.js';
import './scaling-bBRpMboh.js';
import './permutation-CwRxd2mz.js';
import './simple-statistics-Dw7N4kWf.js';
import './random-CRNsGjhb.js';
import './units-CFo0x0PP.js';
import './formats-1A7RHUR4.js';

/**
 * Stage 5: compare with the baseline under the base branch's gate, then confirm what looks
 * slower (flagged regressions, and inconclusive benches beyond their threshold under the
 * `rerun` policy) by re-running just those benches.
 */
/** Compares this run with the baseline and confirms what looks slower (on pull requests). */
async function compareAndConfirm(setup, config, results, finding, deps, 
/** Same-runner A/B: confirmation re-measures both sides, interleaved. */
remeasure) {
    const { inputs } = setup;
    const options = inputs.normalize === 'calibration' ? { normalize: 'calibration' } : {};
    const outcome = finding.comparable;
    const none = { comparison: null, rerun: false, thresholdChanges: [] };
    if (!outcome?.found)
        return { ...none, ...(outcome ? { outcome } : {}) };
    const gate = planGate(outcome.baselines, results, inputs, inputs.thresholdsFrom);
    const judged = gate.judge(results);
    const changed = finding.match?.changed ?? [];
    let comparison;
    try {
        comparison = markChanged(compareRuns(outcome.baselines, judged, options), changed);
    }
    catch (error) {
        // A baseline that passed the schema but holds impossible numbers degrades to no baseline.
        if (!(error instanceof CompareInputError))
            throw error;
        const missing = {
            found: false,
            reason: `the baseline cannot be compared: ${error.message}`,
            hint: `push to ${setup.defaultBranch} to record a new baseline`,
            notices: outcome.notices,
        };
        return { ...none, outcome: missing };
    }
    let rerun = false;
    const names = setup.pr && inputs.confirm ? benchesToConfirm(comparison, inputs.inconclusive === 'rerun') : [];
    if (names.length > 0) {
        deps.step.info(`Re-running ${names.length} bench(es) to confirm: ${names.join(', ')}`);
        const both = remeasure ? await remeasure(names) : undefined;
        const again = gate.judge(both ? both.head : await deps.runBenches(config, { names }));
        const baselines = both ? [...outcome.baselines, both.base] : outcome.baselines;
        comparison = markChanged(confirmRegressions(baselines, judged, again, comparison, options), changed);
        rerun = true;
    }
    const file = path.join(setup.outDir, FILES.comparison);
    await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`);
    deps.step.setOutput(OUTPUT.comparison, file);
    return {
        comparison,
        outcome,
        rerun,
        headline: headline(comparison, {
            policy: inputs.inconclusive,
            failOnRegression: gate.failOnRegression,
        }),
        thresholdChanges: gate.changes,
    };
}

export { compareAndConfirm };
