import { mkdir, writeFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { s as serializeResults, p as parseResults } from './schema-CaXiwXd3.js';
import { F as FILES, h as historyFileName } from './layout-7R-fEXAy.js';

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

export { nextWindow as n, readWindow as r, writeWindow as w };
