import path from 'node:path';
import { measureOnce } from './measure-once-Bmtm0bU3.js';
import { F as FILES } from './layout-Ck4w5uJq.js';
import { r as recordGate } from './base-gate-DP2EcSWN.js';
import { w as withoutProfiling } from './without-profiling-BgwVM14H.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { s as serializeResults } from './schema-uKiMc1C5.js';
import { findBaseline } from './find-baseline-DMqsWstH.js';
import './model-CSX-gO8p.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import 'node:fs/promises';
import 'node:os';
import './errors-Dy4gbjRe.js';
import './client-Dbi04l1v.js';
import './index-CxCZlPsB.js';
import 'fs';
import 'os';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './_commonjsHelpers-Bgu_3bK-.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import './context-BzG_Rbo8.js';
import './history-B40oR8-d.js';
import './schema-Dqc1PyQi.js';
import './store-DTzP2jjh.js';
import './retry-CpO8x6Qg.js';
import 'crypto';
import 'path';
import 'child_process';
import 'timers';
import 'stream';
import 'node:module';
import 'buffer';
import 'node:process';
import 'node:https';
import 'node:crypto';
import 'tty';
import 'url';
import './XMLParser-Ciolm0c3.js';
import 'node:fs';
import 'fs/promises';
import 'constants';
import 'node:string_decoder';
import 'zlib';
import 'module';
import './source-CjT33JO_.js';
import './identity-B3jh3Sc_.js';

/**
 * Stage 3, the plain source: run the benches here and keep their results (results.json, the
 * `results` output); find the stored baseline; confirm what it leaves in doubt on this runner.
 */
/** Runs every bench the filter selects, writes results.json and finds the baseline. */
async function measureSource(run) {
    const { setup, config, deps, remote } = run;
    const measured = await measure(setup, config, deps);
    const finding = await findBaseline(setup, measured.results, remote, deps);
    return await storedBaselineSource(run, measured, finding);
}
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
/**
 * The source of numbers measured here against a stored baseline (an artifact or a file): what
 * that baseline leaves in doubt is measured again here — base and head, interleaved, when the
 * PR's base commit is in the checkout, else the head alone.
 */
async function storedBaselineSource(run, measured, finding) {
    const confirm = await confirmMode(run, finding);
    return {
        measured,
        finding,
        confirm,
        problems: [],
        remeasure: (names) => confirm === 'base' ? measureBothSides(run, names) : rerunHead(run.config, run.deps, names),
        close: () => Promise.resolve(),
    };
}
/** The `confirm` input resolved for this run: `auto` becomes `base` where the base commit is here. */
async function confirmMode(run, finding) {
    const { setup, deps } = run;
    const { pr, inputs } = setup;
    if (!pr || inputs.confirm === 'false')
        return 'none';
    if (inputs.confirm === 'rerun')
        return 'rerun';
    // Nothing to confirm against: no need to look for the base commit (or to say it is missing).
    if (!finding.comparable?.found)
        return 'rerun';
    if (await deps.hasCommit(setup.workdir, pr.baseSha))
        return 'base';
    const how = `To confirm against the base on this runner, check out with full history (actions/checkout with fetch-depth: 0).`;
    const message = `Confirming doubts by re-running the head only: the PR's base commit ${pr.baseSha.slice(0, 12)} is not in this checkout. ${how}`;
    if (inputs.confirm === 'base')
        deps.step.warning(message, { title: 'perfgate confirm' });
    else
        deps.step.notice(message, { title: 'perfgate confirm' });
    return 'rerun';
}
/** The benches producing `names`, base and head, measured interleaved on this runner. */
async function measureBothSides(run, names) {
    const { setup, deps } = run;
    const baseSha = setup.pr?.baseSha ?? '';
    const open = () => deps.abSession({
        configFile: setup.configPath,
        baseRef: baseSha,
        names,
        env: deps.env,
        now: deps.now,
        regressionThreshold: setup.inputs.threshold,
        ...(setup.inputs.profile ? {} : { adjust: withoutProfiling }),
    });
    const both = await measureOnce(open, names, (why) => deps.step.warning(`Could not measure the base ${baseSha.slice(0, 12)} on this runner (${why}); re-running the head only`, { title: 'perfgate confirm' }), 
    // Profiles of confirmed regressions go beside results.json, into the PR's artifact.
    { dir: setup.outDir, ...deps.files });
    // Nothing is lost without the base: the head alone is re-run, and the verdicts say so.
    return both ?? rerunHead(run.config, deps, names);
}
async function rerunHead(config, deps, names) {
    return { head: await deps.runBenches(config, { names: [...names] }) };
}

export { measure, measureSource, storedBaselineSource };
