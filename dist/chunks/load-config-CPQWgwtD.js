import { access } from 'node:fs/promises';
import path from 'node:path';
import { f as formatPercentage } from './format-nSRY5rS4.js';
import { c as chooseConfigSource, a as configFromTool, Z as ZERO_CONFIG_FILE, O as OUTPUT } from './inputs-DN2g_ySq.js';
import { f as formatConfigError } from './load-BEydz6-R.js';
import { r as readConfig } from './read-sqUZ2i9q.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';
import './js-g6OoEpet.js';
import './schemas-BRUAGFw6.js';
import './pg-notify-C4R92_cz.js';
import './XMLParser-Ciolm0c3.js';
import 'process';
import 'buffer';

/** A warning when `threshold` (a fraction, 1.5 for 150%) looks like a ratio, else undefined. */
function ratioThresholdWarning(threshold, where) {
    if (!(threshold >= 1))
        return undefined;
    const asRatioChange = threshold - 1;
    return (`${where}: threshold ${formatPercentage(threshold, 0)} means a ${formatPercentage(threshold, 0)} slowdown ` +
        `(${(1 + threshold).toFixed(2)}× the baseline). perfgate's threshold is a percentage change, not ` +
        `github-action-benchmark's ratio: for its alert-threshold ${formatPercentage(threshold, 0)}, write ` +
        `${formatPercentage(asRatioChange, 0)}.`);
}
/** One warning per bench of `config` whose regression threshold looks like a ratio. */
function configThresholdWarnings(config) {
    return config.benches.flatMap((bench) => {
        const warning = ratioThresholdWarning(bench.settings.regressionThreshold, `bench ${bench.name}`);
        return warning === undefined ? [] : [warning];
    });
}

/**
 * Stage 2: the config — the file, or with no file the `tool` and `output-file-path` inputs
 * (zero-config, as github-action-benchmark users have it) — validated; every problem is
 * reported at its line, and nothing runs.
 */
/** The validated config, or undefined after reporting why there is none (the step has failed). */
async function loadConfig(setup, deps) {
    const { inputs, configPath, workdir } = setup;
    const { step } = deps;
    const exists = await access(configPath).then(() => true, () => false);
    const source = chooseConfigSource(exists, inputs.tool);
    if (source.kind === 'file' && source.ignoredTool) {
        step.notice(`tool "${source.ignoredTool}" ignored: ${inputs.config} exists and wins`);
    }
    const loaded = source.kind === 'tool'
        ? configFromTool({
            tool: source.tool,
            outputFilePath: inputs.outputFilePath ?? '',
            workingDirectory: workdir,
            regressionThreshold: inputs.threshold,
        })
        : await readConfig(configPath, { regressionThreshold: inputs.threshold });
    if (loaded.ok) {
        const ratio = ratioThresholdWarning(inputs.threshold, 'input threshold');
        for (const w of [...(ratio ? [ratio] : []), ...configThresholdWarnings(loaded.config)]) {
            step.warning(w, { title: 'perfgate threshold' });
        }
        return loaded.config;
    }
    const shown = source.kind === 'tool' ? ZERO_CONFIG_FILE : inputs.config;
    const messages = loaded.errors.map((e) => formatConfigError({ ...e, file: shown }));
    loaded.errors.forEach((error, i) => step.error(messages[i], {
        title: 'perfgate config',
        ...(source.kind === 'tool'
            ? {}
            : {
                file: path.relative(deps.env.GITHUB_WORKSPACE ?? workdir, configPath),
                startLine: error.line,
                startColumn: error.column,
            }),
    }));
    const message = `${loaded.errors.length} problem(s) in ${shown}; no bench was run`;
    step.setOutput(OUTPUT.verdict, 'error');
    step.setFailed(message);
    const list = messages.map((m) => `- ${escapeMarkdown(m)}`).join('\n');
    await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n\n${list}\n`);
    return undefined;
}

export { loadConfig };
