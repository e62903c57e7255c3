import { s as string, i as int, u as union, d as boolean, b as literal, a as array } from './schemas-BRUAGFw6.js';

/** Parsing of the human units config files use: durations (`10s`, `500ms`) and percentages (`15%`). */
const DURATION_UNITS_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    min: 60_000,
    h: 3_600_000,
};
/** Milliseconds for a duration like `10s`, `500ms`, `1.5m`; undefined when it is not one. */
function parseDuration(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|min|m|h)\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) * DURATION_UNITS_MS[match[2]];
}
/** A fraction (0.15) for a percentage like `15%`; undefined when it is not one. */
function parsePercentage(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) / 100;
}
const SIZE_UNITS_BYTES = {
    B: 1,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    KiB: 1024,
    MiB: 1024 ** 2,
    GiB: 1024 ** 3,
};
/** Bytes for a size like `200MiB`, `1.5GB`, `512KiB`; undefined when it is not one. */
function parseSize(text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*$/.exec(text);
    if (!match)
        return undefined;
    return Number(match[1]) * SIZE_UNITS_BYTES[match[2]];
}

/** Zod field types for the human-written values of a config file (durations, percentages, names). */
/** A duration like `10s` or `500ms`, parsed to milliseconds. */
const duration = () => string({ error: 'must be a duration like 10s or 500ms' })
    .regex(/^\s*\d+(\.\d+)?\s*(ns|us|µs|ms|s|min|m|h)\s*$/, {
    error: 'must be a duration like 10s or 500ms',
})
    .transform((text) => parseDuration(text))
    .meta({ description: 'A duration such as 10s, 500ms or 2m.', examples: ['10s', '500ms'] });
/** A percentage like `15%`, parsed to a fraction (0.15). */
const percentage = () => string({ error: 'must be a percentage like 15%' })
    .regex(/^\s*\d+(\.\d+)?\s*%\s*$/, { error: 'must be a percentage like 15%' })
    .transform((text) => parsePercentage(text))
    .meta({ description: 'A percentage such as 15%.', examples: ['15%'] });
/** A whole number of at least `min`. */
const count = (min = 1) => int({ error: `must be a whole number of at least ${min}` })
    .min(min, { error: `must be a whole number of at least ${min}` });
/** Warm-up before timing: a duration (`500ms`) or a number of iterations/runs (`3`). */
const warmup = () => union([int().min(0), duration()], {
    error: 'must be a duration like 500ms or a number of iterations like 3',
})
    .transform((value) => typeof value === 'number' ? { iterations: value } : { ms: value })
    .meta({ description: 'Warm-up: a duration (500ms) or a number of iterations (3).' });
/** The name of an environment variable. */
const envName = () => string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: 'must be an environment variable name like DATABASE_URL',
});
/** A non-empty string. */
const text = (what) => string({ error: `must be ${what}` }).min(1, { error: `must be ${what}, not empty` });

/** Config of the `js` kind: exported functions of a JavaScript/TypeScript module, run by tinybench. */
/** Fields of a `js` bench. */
const jsFields = {
    kind: literal('js'),
    module: text('a path to a .js, .mjs or .ts module, relative to the config file').meta({
        description: 'Module whose exported functions are the benches (relative to the config file).',
    }),
    functions: array(string()).min(1).optional().meta({
        description: 'Which exports to run (default: every exported function but setup/teardown).',
    }),
    'leak-check': union([boolean(), literal('error')], { error: 'must be true, false or error' })
        .optional()
        .meta({
        description: 'Look for steady heap growth across GC-separated windows: true adds a note, error fails the bench.',
    }),
};
/** The `module` of the built-in calibration workload (`calibration: true` in the config). */
const CALIBRATION_MODULE = 'perfgate:calibration';
/** The group of the calibration bench; its one function makes it `perfgate/calibration`. */
const CALIBRATION_GROUP = 'perfgate';

export { CALIBRATION_MODULE as C, percentage as a, parseDuration as b, count as c, duration as d, envName as e, parseSize as f, CALIBRATION_GROUP as g, jsFields as j, parsePercentage as p, text as t, warmup as w };
