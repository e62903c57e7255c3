import path from 'node:path';
import { F as FILES } from './layout-7R-fEXAy.js';
import { c as compareRuns, C as CompareInputError, b as benchesToConfirm, a as confirmRegressions } from './confirm-Cv_mp3YF.js';
import { O as OUTPUT } from './inputs-BGhQB0uF.js';
import './schemas-TYepb_3n.js';
import './scaling-bBRpMboh.js';
import './simple-statistics-Dw7N4kWf.js';
import './random-CRNsGjhb.js';
import './units-nscz4rrQ.js';

/** Stage 5: compare with the baseline, then confirm flagged regressions by re-running just those. */
/** Compares this run with the baseline and confirms what looks slower (on pull requests). */
async function compareAndConfirm(setup, config, results, finding, deps) {
    const options = setup.inputs.normalize === 'calibration' ? { normalize: 'calibration' } : {};
    const outcome = finding.comparable;
    if (!outcome?.found)
        return { comparison: null, ...(outcome ? { outcome } : {}), rerun: false };
    let comparison;
    try {
        comparison = compareRuns(outcome.baselines, results, options);
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
        return { comparison: null, outcome: missing, rerun: false };
    }
    let rerun = false;
    const names = setup.pr && setup.inputs.confirm ? benchesToConfirm(comparison) : [];
    if (names.length > 0) {
        deps.step.info(`Re-running ${names.length} bench(es) flagged as regressions to confirm: ${names.join(', ')}`);
        const again = await deps.runBenches(config, { names });
        comparison = confirmRegressions(outcome.baselines, results, again, comparison, options);
        rerun = true;
    }
    const file = path.join(setup.outDir, FILES.comparison);
    await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`);
    deps.step.setOutput(OUTPUT.comparison, file);
    return { comparison, outcome, rerun };
}

export { compareAndConfirm };
