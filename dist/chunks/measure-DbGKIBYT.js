import path from 'node:path';
import { F as FILES } from './layout-DW02LZXb.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-klKNwkwY.js';
import { s as serializeResults } from './schema-BsTnE9bS.js';
import './model-DqWSNY5w.js';
import './schemas-CtpLbXv5.js';
import './format-Cn2Guq1L.js';
import './units-CFo0x0PP.js';
import './messages-NUcMpfN4.js';
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
