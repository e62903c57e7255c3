import { writeFile, readFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { s as serializeHistory } from './schema-Dqc1PyQi.js';
import { s as serializeResults, p as parseResults } from './schema-uKiMc1C5.js';
import { F as FILES, h as historyFileName } from './layout-Ck4w5uJq.js';

/** How many earlier runs to check for ancestry before giving up. */
const MAX_CANDIDATES = 20;
/** The runs of the same workflow as this one (by file path when known, else by name). */
function sameWorkflow(ctx, runs) {
    return runs.filter((run) => run.id !== ctx.runId &&
        (ctx.workflowPath && run.path ? run.path === ctx.workflowPath : run.name === ctx.workflow));
}
async function liveArtifact(api, runId, name) {
    const artifacts = (await api.listRunArtifacts(runId, name)).filter((a) => a.name === name);
    if (artifacts.length === 0)
        return undefined;
    const live = artifacts.filter((a) => !a.expired).sort((a, b) => b.id - a.id);
    return live[0] ?? 'expired';
}
/** The baseline run for `commit` on `branch`: a run at that commit, else the nearest ancestor's. */
async function findBaselineRun(api, ctx, branch, commit, artifactName) {
    let expired = 0;
    const exact = sameWorkflow(ctx, await api.listRuns({ branch, headSha: commit }));
    for (const run of newestFirst(exact)) {
        const artifact = await liveArtifact(api, run.id, artifactName);
        if (artifact === 'expired')
            expired++;
        else if (artifact)
            return { run, artifact, lagCommits: 0 };
    }
    const runs = newestFirst(sameWorkflow(ctx, await api.listRuns({ branch }))).filter((run) => run.head_sha !== commit);
    let checked = 0;
    for (const run of runs) {
        if (checked++ >= MAX_CANDIDATES)
            break;
        const artifact = await liveArtifact(api, run.id, artifactName);
        if (artifact === 'expired') {
            expired++;
            continue;
        }
        if (!artifact)
            continue;
        // Only an ancestor of the wanted commit is a fair baseline: later commits may hold other changes.
        const cmp = await api.compare(run.head_sha, commit);
        if (cmp.status === 'identical')
            return { run, artifact, lagCommits: 0 };
        if (cmp.status === 'ahead')
            return { run, artifact, lagCommits: cmp.aheadBy };
    }
    const workflow = ctx.workflowPath ?? ctx.workflow;
    if (expired > 0) {
        return {
            why: `the \`${artifactName}\` artifact of the last baseline run on ${branch} has expired`,
        };
    }
    if (exact.length + runs.length === 0) {
        return {
            why: `no successful run of the workflow ${workflow} on ${branch} was found (this looks like the first run)`,
        };
    }
    return {
        why: `no successful run of the workflow ${workflow} on ${branch} at or before ${commit.slice(0, 7)} has a \`${artifactName}\` artifact`,
    };
}
function newestFirst(runs) {
    return [...runs].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
}

/**
 * history.json in the baseline artifact folder: the edge where the baseline push reads the
 * previous history and writes the next one. Never fails for a missing or damaged file.
 */
/** The file name inside the artifact (next to results.json). */
const HISTORY_FILE = 'history.json';
/** The report page written next to it. */
const REPORT_HTML_FILE = 'report.html';
/** The history.json text in `dir`, or undefined when there is none or it cannot be read. */
async function readHistoryText(dir) {
    try {
        return await readFile(path.join(dir, HISTORY_FILE), 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Writes history.json into the artifact folder `dir`. */
async function writeHistoryFile(dir, history) {
    await writeFile(path.join(dir, HISTORY_FILE), serializeHistory(history));
}

/** The baseline window: the last K baseline runs, kept in the artifact under history/. */
/** Reads the window from a downloaded artifact folder; a corrupt file is dropped with a notice. */
async function readWindow(dir, label) {
    const notices = [];
    const problems = [];
    const runs = [];
    let names = [];
    try {
        names = (await readdir(path.join(dir, FILES.history))).filter((n) => n.endsWith('.json'));
    }
    catch {
        // An artifact without history/ (or a partial one) still has results.json.
    }
    names.sort().reverse();
    for (const name of names) {
        const file = `${label}/${FILES.history}/${name}`;
        try {
            runs.push(parseResults(await readFile(path.join(dir, FILES.history, name), 'utf8'), file));
        }
        catch (error) {
            problems.push(error.message);
            notices.push(`baseline history: ${error.message}; left out`);
        }
    }
    if (runs.length === 0) {
        try {
            runs.push(parseResults(await readFile(path.join(dir, FILES.results), 'utf8'), `${label}/${FILES.results}`));
            if (names.length === 0)
                notices.push(`baseline history: ${label} has no ${FILES.history}/ folder; using its ${FILES.results} alone`);
        }
        catch (error) {
            const message = error.code === 'ENOENT'
                ? `${label} has no ${FILES.results}`
                : error.message;
            problems.push(message);
            notices.push(`baseline: ${message}`);
        }
    }
    return { runs, notices, ...(problems.length === 0 ? {} : { problem: problems.join('; ') }) };
}
/** The next window: this run first, then the previous runs, at most `keep` in all. */
function nextWindow(previous, current, keep) {
    const others = previous.filter((run) => !(run.meta.timestamp === current.meta.timestamp && run.meta.commit === current.meta.commit));
    return [current, ...others].slice(0, Math.max(1, keep));
}
/** Writes `runs` as history/<timestamp>-<sha>.json files under `dir`. */
async function writeWindow(dir, runs) {
    await mkdir(path.join(dir, FILES.history), { recursive: true });
    for (const run of runs) {
        await writeFile(path.join(dir, FILES.history, historyFileName(run.meta.timestamp, run.meta.commit)), serializeResults(run));
    }
}
/**
 * The next window from every window seen: runs of racing pushes each uploaded their own window
 * from the same predecessor, so the union (deduplicated, newest first) keeps both.
 */
function mergeWindows(windows, current, keep) {
    const byKey = new Map();
    for (const run of windows.flat())
        byKey.set(`${run.meta.timestamp} ${run.meta.commit}`, run);
    const merged = [...byKey.values()].sort((a, b) => Date.parse(b.meta.timestamp) - Date.parse(a.meta.timestamp));
    return nextWindow(merged, current, keep);
}

export { REPORT_HTML_FILE as R, writeHistoryFile as a, readHistoryText as b, findBaselineRun as f, mergeWindows as m, readWindow as r, sameWorkflow as s, writeWindow as w };
