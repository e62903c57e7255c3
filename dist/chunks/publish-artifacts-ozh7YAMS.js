import path from 'node:path';
import { s as sameWorkflow, r as readWindow, R as REPORT_HTML_FILE, m as mergeWindows, w as writeWindow, a as writeHistoryFile } from './history-B40oR8-d.js';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { e as errorMessage } from './errors-Dy4gbjRe.js';
import { d as describeChangePoint, a as analyseHistory } from './report-BF2hC1PN.js';
import { e as emptyHistory } from './schema-Dqc1PyQi.js';
import { h as htmlReport } from './html-Cjdc78fu.js';
import { p as prArtifactName, F as FILES } from './layout-Ck4w5uJq.js';
import './schema-uKiMc1C5.js';
import './bench-BCpLDQqU.js';
import './types-CWpGVx7G.js';
import './schemas-CtpLbXv5.js';
import './random-CRNsGjhb.js';
import './units-C0yKQs3w.js';
import './format-Czr1TBQt.js';
import './render-CYu9eebb.js';
import './escape-DUX7g4yH.js';
import './model-CSX-gO8p.js';

/** Uploading the baseline window on a push, as a typed outcome the stage reports (never a throw). */
/** Uploads `dir` as the baseline artifact `name` of `commit` (the store retries transient faults). */
async function uploadBaseline(store, options) {
    try {
        const { id } = await store.upload(options.name, options.dir, options.retentionDays);
        return { kind: 'uploaded', id };
    }
    catch (error) {
        const message = errorMessage(error);
        if (/\b409\b|already exists/i.test(message))
            return { kind: 'exists', message };
        return {
            kind: 'failed',
            commit: options.commit,
            message,
            warning: `No baseline was recorded for ${options.commit.slice(0, 7)}: ${message}. PRs compare with the last baseline before it; the next push to ${options.branch} carries the window forward from that one (or re-run this job to record it).`,
        };
    }
}
/** How many recent baseline runs the window is rebuilt from. */
const RECENT_RUNS = 5;
/**
 * The windows of the recent successful runs of this workflow on `branch` (newest first), read
 * from their artifacts: a push racing another one finds the other's run here even though it was
 * not the baseline it compared with. Unreadable artifacts are skipped with a notice.
 */
async function recentWindows(api, store, ctx, options) {
    const notices = [];
    const windows = [];
    let runs;
    try {
        runs = sameWorkflow(ctx, await api.listRuns({ branch: options.branch, event: 'push' }));
    }
    catch (error) {
        return {
            windows,
            notices: [`baseline history: listing recent runs failed: ${errorMessage(error)}`],
        };
    }
    runs.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
    for (const run of runs.slice(0, options.recent ?? RECENT_RUNS)) {
        try {
            const artifact = (await api.listRunArtifacts(run.id, options.artifactName))
                .filter((a) => a.name === options.artifactName && !a.expired)
                .sort((a, b) => b.id - a.id)[0];
            if (!artifact)
                continue;
            const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-window-'));
            await store.download(artifact.id, run.id, dir);
            const window = await readWindow(dir, `artifact ${options.artifactName} of run ${run.id}`);
            windows.push(window.runs);
            notices.push(...window.notices);
        }
        catch (error) {
            notices.push(`baseline history: run ${run.id} left out: ${errorMessage(error)}`);
        }
    }
    return { windows, notices };
}

/**
 * Reads the folded diffs of confirmed regressions for report.html, at the edge: a line that is
 * not `frame;frame <base> <head>` is skipped with a note, a missing file is a note, never a crash.
 */
/** The stacks of a folded diff's text, and a note on the lines that were not stacks. */
function parseFoldedDiff(text, file) {
    const stacks = [];
    const bad = [];
    text.split('\n').forEach((line, index) => {
        if (line.trim() === '')
            return;
        // Frames may hold spaces (`checksum (src/hash.js:12)`): the two values are the last words.
        const match = /^(.*\S) +(\S+) +(\S+)\s*$/.exec(line);
        const base = Number(match?.[2]);
        const head = Number(match?.[3]);
        const frames = match?.[1].split(';') ?? [];
        const valid = match !== null &&
            Number.isFinite(base) &&
            Number.isFinite(head) &&
            base >= 0 &&
            head >= 0 &&
            frames.every((frame) => frame !== '');
        if (valid)
            stacks.push({ frames, base, head });
        else
            bad.push(index + 1);
    });
    const notes = bad.length === 0
        ? []
        : [
            `${bad.length} line(s) of ${file} are not \`frame;frame <base> <head>\` and are left out (line ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''})`,
        ];
    return { stacks, notes };
}
/**
 * One flame graph per regression row whose cause names a folded diff (relative to `resultsDir`),
 * read with `read`; a file that cannot be read gives an entry saying the profile is missing.
 */
async function readFlameGraphs(comparison, resultsDir, read) {
    const rows = (comparison?.comparisons ?? []).filter((row) => row.verdict === 'regression' && row.cause?.files?.folded !== undefined);
    const entries = [];
    for (const row of rows) {
        const file = row.cause?.files?.folded;
        const bench = row.metric === 'time' ? row.name : `${row.name} (${row.metric})`;
        const full = path.resolve(resultsDir, file);
        if (path.relative(path.resolve(resultsDir), full).startsWith('..')) {
            entries.push({
                bench,
                file,
                stacks: [],
                notes: [`${file} is outside the results folder; not read`],
            });
            continue;
        }
        try {
            entries.push({ bench, file, ...parseFoldedDiff(await read(full), file) });
        }
        catch (error) {
            const why = error.code === 'ENOENT' ? 'not found' : error.message;
            entries.push({ bench, file, stacks: [], notes: [`the profile is missing: ${file} ${why}`] });
        }
    }
    return entries;
}

/** Stage 9: the artifacts — the PR's own results, or the baseline window on a baseline branch. */
/**
 * Writes meta.json and uploads this run's artifact: the PR's results, or the next baseline window.
 * `growth` (the scaled benches' curves, head beside baseline) goes into report.html: the baseline
 * artifact's always, the PR's when there are curves or flame graphs (confirmed regressions'
 * profiles) to draw.
 */
async function publishArtifacts(run, report) {
    const { setup, remote, deps } = run;
    const { results, model, finding, tracked } = report;
    const growth = report.decision.growth.growth;
    const { pr } = setup;
    await writeMeta(setup, model, deps);
    if (pr) {
        const flameGraphs = await readFlameGraphs(report.compared.comparison, setup.outDir, (file) => deps.files.readFile ? deps.files.readFile(file) : Promise.reject(new Error('not readable')));
        if (growth.length > 0 || flameGraphs.length > 0)
            await writeReportHtml(setup, tracked.shown, growth, deps, flameGraphs);
        await uploadPrResults(setup, remote, deps);
    }
    else if (setup.baselinePush) {
        await uploadBaselineWindow(setup, results, finding, tracked, remote, deps, growth);
    }
}
/**
 * The next baseline window: rebuilt from every recent baseline run's artifact (so two racing
 * pushes both end up in it), this run added; uploaded with retries. Nothing here throws: a
 * failed upload is a warning naming the commit whose baseline is missing.
 */
async function uploadBaselineWindow(setup, results, finding, tracked, remote, deps, growth) {
    const { inputs, ctx, outDir } = setup;
    const branch = ctx.branch ?? setup.defaultBranch;
    const [api, store] = [await remote.api(), await remote.store()];
    const previous = finding.loaded?.found ? finding.loaded.baselines : [];
    const recent = await recentWindows(api, store, ctx, { branch, artifactName: inputs.artifactName });
    for (const notice of recent.notices)
        deps.step.notice(notice, { title: 'perfgate baseline' });
    const window = mergeWindows([previous, ...recent.windows], results, inputs.baselineRuns);
    await writeWindow(outDir, window);
    if (tracked.next) {
        await writeHistoryFile(setup.outDir, tracked.next);
        await writeReportHtml(setup, tracked.next, growth, deps);
    }
    const upload = await uploadBaseline(store, {
        name: inputs.artifactName,
        dir: outDir,
        ...(inputs.retentionDays === undefined ? {} : { retentionDays: inputs.retentionDays }),
        commit: results.meta.commit ?? ctx.sha,
        branch,
    });
    if (upload.kind === 'uploaded') {
        deps.step.info(`Uploaded the baseline artifact ${inputs.artifactName} with ${window.length} run(s) of history`);
    }
    else if (upload.kind === 'exists') {
        // A re-run attempt of the same run finds the first attempt's artifact: that one stays the baseline.
        deps.step.warning(`${upload.message}; the artifact uploaded earlier in this run stays the baseline`);
    }
    else {
        deps.step.warning(upload.warning, { title: 'perfgate baseline' });
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
/** The self-contained report.html: the growth curves of this run, then the history's charts. */
async function writeReportHtml(setup, history, growth, deps, flameGraphs = []) {
    const shown = history ?? emptyHistory();
    const html = htmlReport({
        history: shown,
        changePoints: analyseHistory(shown).flatMap((r) => r.changePoints),
        title: `perfgate ${history ? 'history' : 'report'} · ${setup.ctx.owner}/${setup.ctx.repo}`,
        generatedAt: deps.now().toISOString(),
        growth,
        flameGraphs,
    }, describeChangePoint);
    await deps.files.writeFile(path.join(setup.outDir, REPORT_HTML_FILE), html);
}

export { publishArtifacts, uploadPrResults, writeMeta };
