import { p as previousHistory, b as appendHistory, r as readHistory } from './history-bL8sTFiw.js';
import './permutation-CwRxd2mz.js';
import './random-CRNsGjhb.js';
import './units-C0yKQs3w.js';
import './schema-Dqc1PyQi.js';
import './schemas-CtpLbXv5.js';

/**
 * Stage: the long history of baseline runs. A baseline push appends this run to the history it
 * found in the previous artifact (rebuilt from the window when lost or damaged, never a failure);
 * a pull request reads the base branch's history to show trends and drift.
 */
/** Reads (and on a baseline push extends) the history of baseline runs. */
function trackHistory({ setup, deps }, results, finding) {
    const loaded = finding.loaded?.found ? finding.loaded : undefined;
    const size = setup.inputs.historySize;
    if (setup.baselinePush) {
        const window = loaded?.baselines ?? [];
        // The very first baseline has neither a history nor a window: nothing to rebuild or say.
        const previous = loaded?.historyText === undefined && window.length === 0
            ? {}
            : previousHistory(loaded?.historyText, window, size);
        if (previous.notice)
            deps.step.notice(previous.notice, { title: 'perfgate history' });
        const next = appendHistory(previous.history, results, { size });
        return { shown: next, next };
    }
    if (loaded?.historyText === undefined)
        return {};
    const read = readHistory(loaded.historyText);
    if (read.notice)
        deps.step.notice(read.notice, { title: 'perfgate history' });
    return { shown: read.history };
}

export { trackHistory };
