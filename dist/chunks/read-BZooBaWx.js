import { readFile } from 'node:fs/promises';
import { p as parseConfig } from './load-BRzCoT6a.js';

/** Reads a config file from disk and parses it; a missing or unreadable file is a located error too. */
/** Loads and validates the config at `file`. */
async function readConfig(file, options = {}) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        return {
            ok: false,
            errors: [
                {
                    file,
                    message: missing
                        ? 'does not exist: write one with `perfgate init` (docs/init.md) or point the `config` input / --config option at yours'
                        : `cannot be read: ${error.message}`,
                },
            ],
        };
    }
    return parseConfig(text, { ...options, file });
}

export { readConfig as r };
