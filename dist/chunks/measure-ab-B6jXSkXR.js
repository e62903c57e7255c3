import path from 'node:path';
import { F as FILES } from './layout-CMZDXM95.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { O as OUTPUT } from './inputs-D94USJLx.js';
import { s as serializeResults } from './schema-Cb0sQx1s.js';
import { a as matchBenches } from './source-CjT33JO_.js';
import './model-BfkuJ1Mu.js';
import './schemas-DV3ev3NB.js';
import './format-D0xDIPJR.js';
import './units-CFo0x0PP.js';
import './formats-1A7RHUR4.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import './identity-B3jh3Sc_.js';
import 'node:crypto';

/**
 * Stage 3, same-runner A/B (`baseline: base-ref` on a pull request): the base commit is checked
 * out beside the head and both are measured here, bench by bench in alternating rounds, so the
 * runner's speed and its drift hit both sides alike. The base run is the baseline.
 */
/** Prepares both trees, measures them interleaved and writes both results files. */
async function measureAb(setup, ab, deps) {
    const { inputs } = setup;
    const session = await deps.abSession({
        configFile: setup.configPath,
        baseRef: ab.baseRef,
        ...(inputs.filter ? { filter: inputs.filter } : {}),
        env: deps.env,
        now: deps.now,
        regressionThreshold: inputs.threshold,
    });
    try {
        const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression };
        const both = await session.measure();
        const results = recordGate(both.head, gate);
        await deps.files.mkdir(setup.outDir);
        const resultsPath = path.join(setup.outDir, FILES.results);
        await deps.files.writeFile(resultsPath, serializeResults(results));
        await deps.files.writeFile(path.join(setup.outDir, 'base-results.json'), serializeResults(both.base));
        deps.step.setOutput(OUTPUT.results, resultsPath);
        const loaded = {
            found: true,
            baselines: [recordGate(both.base, gate)],
            info: {
                source: 'base-ref',
                commit: session.baseSha,
                branch: session.baseRef,
                runs: 1,
            },
            warnings: [],
            notices: [],
        };
        const { outcome, match } = matchBenches(loaded, results);
        return {
            measured: { results, resultsPath },
            finding: { loaded, comparable: outcome, match },
            remeasure: (names) => session.measure(names),
            close: session.close,
        };
    }
    catch (error) {
        await session.close();
        throw error;
    }
}

export { measureAb };
