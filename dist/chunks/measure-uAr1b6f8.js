import path from 'node:path';
import { F as FILES } from './layout-CMZDXM95.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-D94USJLx.js';
import { s as serializeResults } from './schema-Cb0sQx1s.js';
import './model-BfkuJ1Mu.js';
import './schemas-DV3ev3NB.js';
import './format-D0xDIPJR.js';
import './units-CFo0x0PP.js';
import './formats-1A7RHUR4.js';
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
