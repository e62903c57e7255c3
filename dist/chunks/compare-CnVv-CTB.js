import path from 'node:path';
import { F as FILES } from './layout-Ck4w5uJq.js';
import { p as planGate } from './base-gate-DP2EcSWN.js';
import { c as compareAndConfirmRuns, m as markChanged } from './changed-benches-BbYxT3_L.js';
import { h as headline } from './model-CSX-gO8p.js';
import { D as DEFAULT_TAIL } from './compare-runs-Dp3QnuNF.js';
import { m as medianOf, C as CompareInputError } from './units-C0yKQs3w.js';
import { f as findSeries, r as readHistory } from './history-bL8sTFiw.js';
import { O as OUTPUT } from './inputs-r_jZhn4f.js';
import { b as benchesProducing } from './select-CftodHdB.js';
import './schemas-CtpLbXv5.js';
import './format-Czr1TBQt.js';
import './scaling-bBRpMboh.js';
import './permutation-CwRxd2mz.js';
import './mann-whitney-CizR9A4a.js';
import './simple-statistics-OhbKzjWx.js';
import './random-CRNsGjhb.js';
import './centre-C0y8xcZQ.js';
import './schema-Dqc1PyQi.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';

/**
 * `noise-threshold: auto`: a bench's noise threshold learned from its run-to-run variation in
 * the history. With c_i the run centres (oldest first) and r_i = ln(c_i / c_{i−1}) over the
 * last `window` runs, the threshold is
 *
 *   max(floor, min(cap, k × 1.4826 × MAD(r)))
 *
 * 1.4826 × MAD is a robust standard deviation (it ignores the one jump at a change point and the
 * odd disturbed run); r is already the ratio of two runs, which is what a PR compares (head run
 * vs baseline), so k = 2 puts about 95% of unchanged pairs inside the threshold.
 */
/** Constants of the auto formula (documented in docs/history.md). */
const AUTO_THRESHOLD = {
    /** Fewest runs before the history is trusted; below it the default applies. */
    minRuns: 10,
    /** Most recent runs considered, so an old noisier runner does not count forever. */
    window: 60,
    k: 2,
    floor: 0.01,
    cap: 0.5,
};
/** The robust sd of consecutive-run log ratios of the newest `window` entries; null if too few. */
function runToRunSpread(series, window = AUTO_THRESHOLD.window) {
    const centres = series.entries.slice(-window).map((e) => e.centre);
    if (centres.length < 2 || centres.some((c) => !(c > 0)))
        return null;
    const ratios = centres.slice(1).map((c, i) => Math.log(c / centres[i]));
    const centre = medianOf(ratios);
    const mad = medianOf(ratios.map((r) => Math.abs(r - centre)));
    return { spread: 1.4826 * mad, runs: centres.length };
}
/**
 * The noise threshold of one bench: the configured number as is; for `auto`, the learned value
 * once the history has `minRuns` runs, else `fallback` (the built-in or kind default).
 */
function resolveNoiseThreshold(setting, series, fallback) {
    if (setting !== 'auto')
        return { threshold: setting, source: 'config', runs: 0 };
    const measured = series ? runToRunSpread(series) : null;
    if (!measured || measured.runs < AUTO_THRESHOLD.minRuns) {
        return { threshold: fallback, source: 'default', runs: measured?.runs ?? 0 };
    }
    const { k, floor, cap } = AUTO_THRESHOLD;
    const threshold = Math.max(floor, Math.min(cap, k * measured.spread));
    return { threshold: +threshold.toFixed(4), source: 'auto', runs: measured.runs };
}
/** "5% (auto, from 42 runs)", "5% (config)", "5% (default: 3 of 10 runs of history)". */
function describeThreshold(resolved) {
    const percent = `${+(resolved.threshold * 100).toFixed(1)}%`;
    if (resolved.source === 'auto')
        return `${percent} (auto, from ${resolved.runs} runs)`;
    if (resolved.source === 'config')
        return `${percent} (config)`;
    return `${percent} (default: auto needs ${AUTO_THRESHOLD.minRuns} runs of history, has ${resolved.runs})`;
}

/**
 * The results with each auto bench's noiseThreshold learned from its `time` history (its
 * configured fallback while history is short), and the threshold every bench is judged with.
 * `isAuto` says whether a result bench (e.g. `json/parse` of config bench `json`) is auto.
 */
function applyAutoThresholds(results, history, isAuto) {
    const thresholds = new Map();
    const benches = results.benches.map((bench) => {
        const series = history
            ? findSeries(history, bench.name, bench.metrics[0]?.name ?? 'time')
            : undefined;
        const resolved = isAuto(bench.name)
            ? resolveNoiseThreshold('auto', series, bench.noiseThreshold)
            : resolveNoiseThreshold(bench.noiseThreshold, series, bench.noiseThreshold);
        thresholds.set(bench.name, resolved);
        return { ...bench, noiseThreshold: resolved.threshold };
    });
    return { results: { ...results, benches }, thresholds };
}

/**
 * Stage 5: compare with the baseline under the base branch's gate, then confirm what it leaves
 * in doubt by measuring just those benches again, as the source can: base and head on this
 * runner, or the head alone (src/compare/confirmation.ts).
 */
/** Compares this run with the baseline and confirms what is in doubt (on pull requests). */
async function compareAndConfirm(run, source) {
    const { setup, config, deps } = run;
    const { results } = source.measured;
    const { inputs } = setup;
    const options = {
        ...(inputs.normalize === 'calibration' ? { normalize: 'calibration' } : {}),
        ...(inputs.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
    };
    const outcome = source.finding.comparable;
    const none = { comparison: null, rerun: false, thresholdChanges: [] };
    if (!outcome?.found)
        return { ...none, ...(outcome ? { outcome } : {}) };
    const gate = planGate(outcome.baselines, results, inputs, inputs.thresholdsFrom);
    // `noise-threshold: auto` learns each such bench's threshold from the base branch's history.
    const history = outcome.historyText ? readHistory(outcome.historyText).history : undefined;
    const isAuto = (name) => benchesProducing(config, [name]).some((b) => b.settings.noiseThresholdAuto === true);
    const learn = (run) => applyAutoThresholds(run, history, isAuto);
    const { results: judged, thresholds } = learn(gate.judge(results));
    const changed = source.finding.match?.changed ?? [];
    let confirmed;
    try {
        confirmed = await compareAndConfirmRuns({
            baselines: outcome.baselines,
            head: judged,
            options,
            mode: source.confirm,
            // The base measured here beside the head (A/B): nothing to guess about the runner.
            sameRunner: outcome.info.source === 'base-ref',
            includeInconclusive: inputs.inconclusive === 'rerun',
            remeasure: (names) => {
                const how = source.confirm === 'base'
                    ? `against the base ${setup.pr?.baseSha.slice(0, 12) ?? ''} on this runner`
                    : 'by re-running the head';
                deps.step.info(`Confirming ${names.length} bench(es) ${how}: ${names.join(', ')}`);
                return source.remeasure(names);
            },
            finish: (comparison) => markChanged(comparison, changed),
            prepare: (again) => learn(gate.judge(again)).results,
        });
    }
    catch (error) {
        // A baseline that passed the schema but holds impossible numbers degrades to no baseline.
        if (!(error instanceof CompareInputError))
            throw error;
        const missing = {
            found: false,
            reason: `the baseline cannot be compared: ${error.message}`,
            hint: `push to ${setup.defaultBranch} to record a new baseline`,
            notices: outcome.notices,
        };
        return { ...none, outcome: missing };
    }
    const comparison = noteAutoThresholds(confirmed.comparison, thresholds, isAuto);
    const file = path.join(setup.outDir, FILES.comparison);
    await deps.files.writeFile(file, `${JSON.stringify(comparison, null, 2)}\n`);
    deps.step.setOutput(OUTPUT.comparison, file);
    return {
        comparison,
        outcome,
        rerun: confirmed.confirmedWith !== undefined,
        ...(confirmed.confirmedWith ? { confirmedWith: confirmed.confirmedWith } : {}),
        headline: headline(comparison, {
            policy: inputs.inconclusive,
            failOnRegression: gate.failOnRegression,
        }),
        thresholdChanges: gate.changes,
        failOnRegression: gate.failOnRegression,
    };
}
/** Each auto bench's row says which noise threshold judged it and where it came from. */
function noteAutoThresholds(comparison, thresholds, isAuto) {
    const comparisons = comparison.comparisons.map((row) => {
        const resolved = thresholds.get(row.name);
        if (!resolved || !isAuto(row.name))
            return row;
        return {
            ...row,
            notes: [...(row.notes ?? []), `noise threshold ${describeThreshold(resolved)}`],
        };
    });
    return { ...comparison, comparisons };
}

export { compareAndConfirm };
