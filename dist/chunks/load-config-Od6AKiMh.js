import { access } from 'node:fs/promises';
import path from 'node:path';
import { c as formatPercentage } from './format-Czr1TBQt.js';
import { p as parseConfig, f as formatConfigError } from './load-BRzCoT6a.js';
import { f as formatForTool, T as TOOL_NAMES, O as OUTPUT } from './inputs-r_jZhn4f.js';
import { r as readConfig } from './read-BZooBaWx.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';
import './schema-CmhWBDOJ.js';
import 'process';
import 'buffer';
import './pg-notify-C_yFIpMD.js';
import './schemas-CtpLbXv5.js';
import './XMLParser-Ciolm0c3.js';
import './simple-statistics-OhbKzjWx.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';
import './messages-D8C6-ZlJ.js';
import './calibration-module-CtkTGxWt.js';

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
 * Zero-config: the action's `tool` and `output-file-path` inputs stand for a one-bench config
 * that imports an existing harness output, so github-action-benchmark users need no perfgate.yml.
 * Pure: builds the config text and parses it like a file (the same validation and messages).
 */
/** Shown as the config's file in messages, since no file exists. */
const ZERO_CONFIG_FILE = '(inputs tool and output-file-path)';
/**
 * The config that imports `outputFilePath` with `tool`'s format. Result names are the tool's
 * bench names without a prefix, as github-action-benchmark names them (so imported history
 * lines up).
 */
function configFromTool(options) {
    const format = formatForTool(options.tool);
    if (format === undefined) {
        return {
            ok: false,
            errors: [
                {
                    file: ZERO_CONFIG_FILE,
                    field: 'tool',
                    message: `${JSON.stringify(options.tool)} is not a known tool; use one of ${TOOL_NAMES.join(', ')}`,
                },
            ],
        };
    }
    if (options.outputFilePath.trim() === '' && format !== 'criterion') {
        return {
            ok: false,
            errors: [
                {
                    file: ZERO_CONFIG_FILE,
                    field: 'output-file-path',
                    message: `is required with tool "${options.tool}": the file the benchmark run wrote`,
                },
            ],
        };
    }
    const bench = {
        name: options.name ?? 'benchmark',
        kind: 'import',
        format,
        prefix: '',
        ...(options.outputFilePath.trim() === '' ? {} : { path: options.outputFilePath.trim() }),
    };
    // JSON is YAML: parse it as a config file placed in the working directory.
    return parseConfig(JSON.stringify({ benches: [bench] }), {
        file: path.join(options.workingDirectory, ZERO_CONFIG_FILE),
        ...(options.regressionThreshold === undefined
            ? {}
            : { regressionThreshold: options.regressionThreshold }),
    });
}
/** A config file, when present, wins over `tool`; without either, the missing file is reported. */
function chooseConfigSource(fileExists, tool) {
    if (fileExists)
        return tool ? { kind: 'file', ignoredTool: tool } : { kind: 'file' };
    return tool ? { kind: 'tool', tool } : { kind: 'missing-file' };
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
