import path from 'node:path';
import { F as FILES } from './layout-Ck4w5uJq.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { w as withoutProfiling } from './without-profiling-BgwVM14H.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { s as serializeResults } from './schema-uKiMc1C5.js';
import { a as matchBenches } from './source-CjT33JO_.js';
import './model-CSX-gO8p.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import './identity-B3jh3Sc_.js';
import 'node:crypto';

/**
 * Stage 3, same-runner A/B (`baseline: base-ref` on a pull request): the base commit is checked
 * out beside the head and both are measured here, bench by bench in alternating rounds, so the
 * runner's speed and its drift hit both sides alike. The base run is the baseline.
 */
/** The A/B source: both sides measured here; confirmation re-measures both, interleaved. */
async function abSource(run, ab) {
    const { setup, deps } = run;
    const both = await measureAb(setup, ab, deps);
    return {
        measured: both.measured,
        finding: both.finding,
        confirm: setup.pr && setup.inputs.confirm !== 'false' ? 'base' : 'none',
        remeasure: both.remeasure,
        problems: [],
        close: both.close,
    };
}
/** Prepares both trees, measures them (or the benches producing `names`) interleaved and writes both results files. */
async function measureAb(setup, ab, deps, 
/** A shard's share of the config benches; all of them when undefined. */
names) {
    const { inputs } = setup;
    const session = await deps.abSession({
        configFile: setup.configPath,
        baseRef: ab.baseRef,
        ...(inputs.filter ? { filter: inputs.filter } : {}),
        env: deps.env,
        now: deps.now,
        regressionThreshold: inputs.threshold,
        ...(inputs.profile ? {} : { adjust: withoutProfiling }),
    });
    try {
        const gate = { threshold: inputs.threshold, failOnRegression: inputs.failOnRegression };
        const both = await session.measure(names);
        const results = recordGate(both.head, gate);
        await deps.files.mkdir(setup.outDir);
        const resultsPath = path.join(setup.outDir, FILES.results);
        await deps.files.writeFile(resultsPath, serializeResults(results));
        await deps.files.writeFile(path.join(setup.outDir, 'base-results.json'), serializeResults(both.base));
        deps.step.setOutput(OUTPUT.results, resultsPath);
        return {
            measured: { results, resultsPath },
            base: both.base,
            side: { baseSha: session.baseSha, baseRef: session.baseRef },
            finding: abFinding(recordGate(both.base, gate), results, session),
            remeasure: async (names) => ({
                ...(await session.measure(names)),
                // Profiles of confirmed regressions go beside results.json, into the PR's artifact.
                explain: (targets) => session.profile(targets, { dir: setup.outDir, ...deps.files }),
            }),
            close: session.close,
        };
    }
    catch (error) {
        await session.close();
        throw error;
    }
}
/**
 * The base side as the baseline of `head`: one run from `base-ref`, as the comment names it
 * ("A/B on this runner against …"). A merge job builds it from its shards' base sides too.
 */
function abFinding(base, head, side) {
    const loaded = {
        found: true,
        baselines: [base],
        info: { source: 'base-ref', commit: side.baseSha, branch: side.baseRef, runs: 1 },
        warnings: [],
        notices: [],
    };
    const { outcome, match } = matchBenches(loaded, head);
    return { loaded, comparable: outcome, match };
}

export { abFinding, abSource, measureAb };
