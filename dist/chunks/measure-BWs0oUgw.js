import path from 'node:path';
import { F as FILES } from './layout-7R-fEXAy.js';
import { O as OUTPUT } from './inputs-BGhQB0uF.js';
import { s as serializeResults } from './schema-CaXiwXd3.js';
import './schemas-TYepb_3n.js';
import './units-nscz4rrQ.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';

/** Stage 3: run the benches and keep their results (results.json, the `results` output). */
/** Runs every bench the filter selects and writes results.json. */
async function measure(setup, config, deps) {
    const results = await deps.runBenches(config, { filter: setup.inputs.filter });
    await deps.files.mkdir(setup.outDir);
    const resultsPath = path.join(setup.outDir, FILES.results);
    await deps.files.writeFile(resultsPath, serializeResults(results));
    deps.step.setOutput(OUTPUT.results, resultsPath);
    return { results, resultsPath };
}

export { measure };
