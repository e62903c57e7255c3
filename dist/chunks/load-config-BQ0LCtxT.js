import path from 'node:path';
import { f as formatConfigError } from './load-D79zpSJ6.js';
import { r as readConfig } from './read-CdAkLy-L.js';
import { O as OUTPUT } from './inputs-Cz3BlVRS.js';
import { escapeMarkdown } from './escape-DUX7g4yH.js';
import 'process';
import 'buffer';
import './js-Dh6HGazh.js';
import './units-Stbnh1sW.js';
import './schemas-TYepb_3n.js';
import './pg-notify-DsPofxV8.js';
import './simple-statistics-Dw7N4kWf.js';
import 'node:fs/promises';

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
