import path from 'node:path';
import { n as nextWindow, w as writeWindow } from './history-DxLWfvpp.js';
import { p as prArtifactName, F as FILES } from './layout-7R-fEXAy.js';
import 'node:fs/promises';
import './schema-CaXiwXd3.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import './schemas-TYepb_3n.js';

/** Stage 9: the artifacts — the PR's own results, or the baseline window on a baseline branch. */
/** Writes meta.json and uploads this run's artifact: the PR's results, or the next baseline window. */
async function publishArtifacts(setup, results, model, finding, remote, deps) {
    const { inputs, pr, outDir } = setup;
    await writeMeta(setup, model, deps);
    if (pr) {
        await uploadPrResults(setup, remote, deps);
    }
    else if (setup.baselinePush) {
        const previous = finding.loaded?.found ? finding.loaded.baselines : [];
        const window = nextWindow(previous, results, inputs.baselineRuns);
        await writeWindow(outDir, window);
        const store = await remote.store();
        try {
            await store.upload(inputs.artifactName, outDir, inputs.retentionDays);
            deps.step.info(`Uploaded the baseline artifact ${inputs.artifactName} with ${window.length} run(s) of history`);
        }
        catch (error) {
            // A re-run attempt of the same run finds the first attempt's artifact: that one stays the baseline.
            if (!/\b409\b|already exists/i.test(error.message))
                throw error;
            deps.step.warning(`${error.message}; the artifact uploaded earlier in this run stays the baseline`);
        }
    }
}
/** meta.json: what `mode: comment` needs to post this run's comment from its artifact. */
async function writeMeta(setup, model, deps) {
    const meta = {
        perfgateMeta: 1,
        ...(setup.pr ? { pr: setup.pr.number } : {}),
        headSha: model.headCommit ?? '',
        configPath: setup.inputs.config,
        comment: model,
        verdict: model.verdict,
    };
    await deps.files.writeFile(path.join(setup.outDir, FILES.meta), `${JSON.stringify(meta, null, 2)}\n`);
}
/** Uploads the PR's results artifact; a failure is a warning, never the step's failure. */
async function uploadPrResults(setup, remote, deps) {
    const { inputs, pr } = setup;
    if (!pr)
        return;
    try {
        const store = await remote.store();
        await store.upload(prArtifactName(inputs.artifactName, pr.number), setup.outDir, inputs.retentionDays);
    }
    catch (error) {
        deps.step.warning(`Could not upload the PR's results artifact: ${error.message}`);
    }
}

export { publishArtifacts, uploadPrResults, writeMeta };
