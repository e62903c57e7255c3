import path from 'node:path';
import { F as FILES } from './layout-DlJxQhOt.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-DN2g_ySq.js';
import { s as serializeResults } from './schema-BgC1s-lu.js';
import './model-BVJG5SpP.js';
import './schemas-BRUAGFw6.js';
import './format-nSRY5rS4.js';
import './js-g6OoEpet.js';
import './pg-notify-C4R92_cz.js';
import './XMLParser-Ciolm0c3.js';
import './load-BEydz6-R.js';
import 'process';
import 'buffer';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';

/** Stage 3: run the benches and keep their results (results.json, the `results` output). */
/** Runs every bench the filter selects and writes results.json. */
async function measure(setup, config, deps) {
    const { threshold, failOnRegression } = setup.inputs;
    // The gate is recorded with the results, so a later PR is judged by this run's gate, not its own.
    const results = recordGate(await deps.runBenches(config, { filter: setup.inputs.filter }), {
        threshold,
        failOnRegression,
    });
    await deps.files.mkdir(setup.outDir);
    const resultsPath = path.join(setup.outDir, FILES.results);
    await deps.files.writeFile(resultsPath, serializeResults(results));
    deps.step.setOutput(OUTPUT.results, resultsPath);
    return { results, resultsPath };
}

export { measure };
