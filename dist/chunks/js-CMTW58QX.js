import { b as parsePercentage, p as parseDuration } from './units-CFo0x0PP.js';
import { s as string, i as int, u as union, b as boolean, c as literal, a as array } from './schemas-CtpLbXv5.js';

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

export { CALIBRATION_MODULE as C, CALIBRATION_GROUP as a, count as c, duration as d, envName as e, jsFields as j, percentage as p, text as t, warmup as w };
