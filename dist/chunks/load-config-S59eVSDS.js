import path from 'node:path';
import { r as readConfig, f as formatConfigError } from './read-EUV1Z3Pw.js';
import { O as OUTPUT } from './inputs-BGhQB0uF.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import './js-Qh7qM8EE.js';
import './units-nscz4rrQ.js';
import './schemas-TYepb_3n.js';
import './pg-notify-CkHnPk87.js';
import './simple-statistics-Dw7N4kWf.js';

/** Stage 2: the config file, validated; every problem is reported at its line, and nothing runs. */
/** The validated config, or undefined after reporting why there is none (the step has failed). */
async function loadConfig(setup, deps) {
    const { inputs, configPath, workdir } = setup;
    const { step } = deps;
    const loaded = await readConfig(configPath, { regressionThreshold: inputs.threshold });
    if (loaded.ok)
        return loaded.config;
    const messages = loaded.errors.map((e) => formatConfigError({ ...e, file: inputs.config }));
    loaded.errors.forEach((error, i) => step.error(messages[i], {
        title: 'perfgate config',
        file: path.relative(deps.env.GITHUB_WORKSPACE ?? workdir, configPath),
        startLine: error.line,
        startColumn: error.column,
    }));
    const message = `${loaded.errors.length} problem(s) in ${inputs.config}; no bench was run`;
    step.setOutput(OUTPUT.verdict, 'error');
    step.setFailed(message);
    const list = messages.map((m) => `- ${escapeMarkdown(m)}`).join('\n');
    await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n\n${list}\n`);
    return undefined;
}

export { loadConfig };
