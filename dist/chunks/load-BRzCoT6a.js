import path from 'node:path';
import { d as distExports, c as configSchema, K as KINDS, a as SERVE_KINDS, B as BUILT_IN_SETTINGS, m as mergeSettings, t as toServeSpec, b as budgetList, e as budgetFields, s as settingsFields } from './schema-CmhWBDOJ.js';
import { D as DETERMINISTIC_FORMATS } from './formats-B8atlvjM.js';
import { C as CALIBRATION_GROUP } from './pg-notify-C_yFIpMD.js';
import { d as didYouMean, a as describeIssue } from './messages-D8C6-ZlJ.js';
import { C as CALIBRATION_MODULE } from './calibration-module-CtkTGxWt.js';

/** Finds where in the YAML source a value (by its path) was written, for error lines. */
/** 1-based line and column of the deepest node along `path` (or of the key `key` inside it). */
function locate(doc, counter, path, key) {
    let node = doc.contents;
    for (let depth = 1; depth <= path.length; depth++) {
        const child = doc.getIn(path.slice(0, depth), true);
        if (!distExports.isNode(child))
            break;
        node = child;
    }
    if (key !== undefined && distExports.isMap(node)) {
        const pair = node.items.find((item) => distExports.isNode(item.key) && String(item.key.toJSON()) === key);
        if (pair && distExports.isNode(pair.key))
            node = pair.key;
    }
    const offset = distExports.isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? undefined : counter.linePos(offset);
}

/** Kinds whose bench can receive a data size. */
const SCALABLE_KINDS = ['js', 'command', 'sql', 'pg-notify'];
/** The placeholder a sql/pg-notify bench writes for the size, e.g. `{{tasks}}`. */
function scalePlaceholder(param) {
    return `{{${param}}}`;
}
/** The environment variable a command bench reads the size from: `tasks` → `TASKS`. */
function scaleEnvName(param) {
    return param.toUpperCase();
}
/** The name of one size of a scaled bench: `sql/ready[tasks=1000]`. */
function scaledName(bench, param, value) {
    return `${bench}[${param}=${value}]`;
}
/**
 * Why a scaled bench cannot receive its size, or undefined when it can. A sql/pg-notify bench that
 * never writes `{{param}}` would run every size on the same data, a curve of nothing.
 */
function scaleProblem(kind, spec, scale) {
    if (!SCALABLE_KINDS.includes(kind)) {
        return `is not supported by ${kind} benches: the size cannot reach them; use one of ${SCALABLE_KINDS.join(', ')}`;
    }
    if (new Set(scale.values).size !== scale.values.length)
        return 'values must not repeat a size';
    if (spec.kind === 'sql' || spec.kind === 'pg-notify') {
        const placeholder = scalePlaceholder(scale.param);
        const texts = [spec.setup, spec.teardown, spec.kind === 'sql' ? spec.query : spec.notifySql];
        if (!texts.some((text) => text?.includes(placeholder))) {
            return `param "${scale.param}" never reaches the bench: write ${placeholder} in setup (e.g. generate_series(1, ${placeholder})), query or teardown`;
        }
    }
    return undefined;
}
/** The spec of one size: the value templated, in the environment, or as the js argument. */
function specAtSize(spec, param, value) {
    const fill = (text) => text?.replaceAll(scalePlaceholder(param), String(value));
    switch (spec.kind) {
        case 'command':
            return { ...spec, env: { ...spec.env, [scaleEnvName(param)]: String(value) } };
        case 'js':
            return { ...spec, args: [value] };
        case 'sql':
            return {
                ...spec,
                query: fill(spec.query),
                ...(spec.setup === undefined ? {} : { setup: fill(spec.setup) }),
                ...(spec.teardown === undefined ? {} : { teardown: fill(spec.teardown) }),
                params: spec.params.from === 'query'
                    ? { ...spec.params, query: fill(spec.params.query) }
                    : spec.params,
            };
        case 'pg-notify':
            return {
                ...spec,
                notifySql: fill(spec.notifySql),
                ...(spec.setup === undefined ? {} : { setup: fill(spec.setup) }),
                ...(spec.teardown === undefined ? {} : { teardown: fill(spec.teardown) }),
            };
        default:
            return spec;
    }
}
/** The sizes of a scaled bench as points, one per value, in the order written. */
function scalePoints(bench, scale) {
    return scale.values.map((value) => ({ param: scale.param, value, bench }));
}

/** Config text → a validated Config, or every problem found, each located. Pure: no file access. */
/** Default noise threshold of `measure: instructions` benches (counts vary by well under 1%). */
const INSTRUCTIONS_NOISE_THRESHOLD = 0.01;
/** Parses and validates config text; never throws for bad input. */
function parseConfig(text, options) {
    const { file } = options;
    const counter = new distExports.LineCounter();
    const doc = distExports.parseDocument(text, { lineCounter: counter, prettyErrors: true });
    if (doc.errors.length > 0) {
        return {
            ok: false,
            errors: doc.errors.map((error) => ({
                file,
                line: error.linePos?.[0].line,
                column: error.linePos?.[0].col,
                message: `is not valid YAML: ${error.message.split('\n')[0]}`,
            })),
        };
    }
    const raw = doc.toJS();
    const parsed = configSchema.safeParse(raw ?? {});
    const errors = [];
    const at = (issuePath, message, key, field) => {
        const where = locate(doc, counter, issuePath, key);
        errors.push({
            file,
            line: where?.line,
            column: where?.col,
            bench: benchLabel(raw, issuePath),
            field: field ?? fieldName(issuePath),
            message,
        });
    };
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            if (issue.code === 'unrecognized_keys') {
                for (const key of issue.keys) {
                    const hint = didYouMean(key, knownKeys(raw, issue.path));
                    at(issue.path, `is not a known field${hint}`, key, fieldName([...issue.path, key]));
                }
            }
            else {
                at(issue.path, describeIssue(issue, valueAt(raw, issue.path)));
            }
        }
    }
    const seen = new Map();
    rawBenches(raw).forEach((name, index) => {
        if (name === '')
            return;
        const first = seen.get(name);
        if (first !== undefined) {
            at(['benches', index, 'name'], `is used by bench #${first + 1} too: names must be unique`);
        }
        seen.set(name, index);
    });
    rawBenchKinds(raw).forEach(({ kind, concurrency }, index) => {
        if (concurrency === undefined || !(kind in KINDS))
            return;
        if (KINDS[kind].concurrency === true)
            return;
        at(['benches', index, 'concurrency'], concurrencyUnsupported(kind));
    });
    rawBenchKinds(raw).forEach(({ kind, fields }, index) => {
        for (const where of relativeUrls(kind, fields)) {
            at(['benches', index, ...where], `is not an http(s) URL: write a full URL like http://127.0.0.1:8080${where[0] === 'health' ? '/health' : '/v1/tasks'}, or list base-urls and write a path`);
        }
    });
    rawBenchKinds(raw).forEach(({ kind, serve }, index) => {
        if (serve === undefined || !(kind in KINDS) || SERVE_KINDS.includes(kind))
            return;
        at(['benches', index, 'serve'], `is not supported by ${kind} benches: perfgate starts a server only for the benches that send it requests (${SERVE_KINDS.join(', ')})`);
    });
    if (!parsed.success || errors.length > 0)
        return { ok: false, errors: sortByLine(errors) };
    const config = parsed.data;
    const dir = path.dirname(path.resolve(file));
    const base = {
        ...BUILT_IN_SETTINGS,
        regressionThreshold: options.regressionThreshold ?? BUILT_IN_SETTINGS.regressionThreshold,
    };
    const benches = [];
    config.benches.forEach((bench, index) => {
        const definition = KINDS[bench.kind];
        const settings = mergeSettings([bench, config.defaults ?? {}], {
            ...base,
            ...definition.settings,
        });
        // `concurrency` in defaults applies only to the kinds that can run operations side by side.
        if (definition.concurrency !== true)
            settings.concurrency = [];
        // Instruction counts barely move: their own 1% noise threshold unless the bench sets one.
        const own = bench['noise-threshold'];
        if (countsInstructions(bench) && typeof own !== 'number')
            settings.noiseThreshold = INSTRUCTIONS_NOISE_THRESHOLD;
        const spec = definition.toSpec(bench, { configDir: dir });
        // Known only once defaults are merged: `concurrency` may come from them.
        if (spec.poolSize !== undefined &&
            settings.concurrency.length === 0) {
            at(['benches', index, 'pool-size'], 'only applies in throughput mode: add concurrency, e.g. [1, 4, 16], or remove it');
            return;
        }
        // `serve` in defaults applies to the kinds that send requests; its folder is the config's.
        const serve = bench.serve ?? config.defaults?.serve;
        if (serve !== undefined && SERVE_KINDS.includes(bench.kind)) {
            settings.serve = toServeSpec(serve, dir);
            if (settings.serve.health === undefined &&
                spec.health === undefined) {
                at(['benches', index, bench.serve === undefined ? 'kind' : 'serve'], 'needs a health check to know when the server is up: add `health: {url: /health}` to the bench, or `health:` under `serve`', undefined, 'serve');
                return;
            }
        }
        const budgets = budgetList(bench.budget);
        if (bench.scale === undefined) {
            benches.push({ name: bench.name, settings, spec, budgets });
            return;
        }
        const problem = scaleProblem(bench.kind, spec, bench.scale);
        if (problem !== undefined) {
            const field = problem.startsWith('values') ? 'scale.values' : 'scale';
            at(['benches', index, ...field.split('.')], problem.replace(/^values /, ''), undefined, field);
            return;
        }
        // One bench per size, so each size is measured, stored and compared like any other bench.
        for (const point of scalePoints(bench.name, bench.scale)) {
            benches.push({
                name: scaledName(bench.name, point.param, point.value),
                settings,
                spec: specAtSize(spec, point.param, point.value),
                budgets,
                scale: point,
            });
        }
    });
    if (errors.length > 0)
        return { ok: false, errors: sortByLine(errors) };
    if (config.calibration === true) {
        benches.push({
            name: CALIBRATION_GROUP,
            settings: mergeSettings([config.defaults ?? {}], base),
            budgets: [],
            spec: {
                kind: 'js',
                module: CALIBRATION_MODULE,
                functions: ['calibration'],
                leakCheck: false,
            },
        });
    }
    return { ok: true, config: { file, dir, benches } };
}
/** True for benches whose samples are instruction (event) counts, deterministic run to run. */
function countsInstructions(bench) {
    const { measure, format } = bench;
    if (measure === 'instructions')
        return true;
    return (bench.kind === 'import' && DETERMINISTIC_FORMATS.includes(format ?? ''));
}
/** A config error as one line: `perfgate.yml:14 bench "x": noise-threshold must be ...`. */
function formatConfigError(error) {
    const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
    const bench = error.bench === undefined ? '' : ` bench ${JSON.stringify(error.bench)}`;
    const field = error.field === undefined ? '' : `${error.field} `;
    return `${where}${bench}: ${field}${error.message}`;
}
function rawBenches(raw) {
    const benches = raw?.benches;
    if (!Array.isArray(benches))
        return [];
    return benches.map((bench) => {
        const name = bench?.name;
        return typeof name === 'string' ? name : '';
    });
}
/**
 * The paths of an http or e2e bench's urls that can never be sent: neither http(s):// nor a path
 * with base-urls. A url starting with a `$VAR`/`${VAR}` or `{{...}}` template may fill in the scheme.
 */
function relativeUrls(kind, bench) {
    if ((kind !== 'http' && kind !== 'e2e') || bench['base-urls'] !== undefined)
        return [];
    const fields = kind === 'http'
        ? [['url'], ['health', 'url']]
        : [
            ['health', 'url'],
            ['create', 'url'],
            ['poll', 'url'],
            ['cleanup', 'url'],
        ];
    return fields.filter((field) => {
        const value = field.reduce((node, key) => node !== null && typeof node === 'object'
            ? node[key]
            : undefined, bench);
        return typeof value === 'string' && value !== '' && !/^(https?:\/\/|\$|\{\{)/i.test(value);
    });
}
function rawBenchKinds(raw) {
    const benches = raw?.benches;
    if (!Array.isArray(benches))
        return [];
    return benches.map((bench) => {
        const fields = (bench !== null && typeof bench === 'object' ? bench : {});
        const { kind, concurrency, serve } = fields;
        return { kind: typeof kind === 'string' ? kind : '', concurrency, serve, fields };
    });
}
function concurrencyUnsupported(kind) {
    const supported = Object.entries(KINDS)
        .filter(([, definition]) => definition.concurrency === true)
        .map(([name]) => name);
    const why = kind === 'js'
        ? 'a js sample is one call on a single-threaded event loop, so calls cannot run side by side'
        : `${kind} benches do not measure throughput`;
    return `is not supported by ${kind} benches: ${why}; remove it, or measure throughput with a ${supported.slice(0, -1).join(', ')} or ${supported.at(-1)} bench`;
}
function benchLabel(raw, issuePath) {
    if (issuePath[0] !== 'benches' || typeof issuePath[1] !== 'number')
        return undefined;
    const name = valueAt(raw, issuePath.slice(0, 2))?.name;
    return typeof name === 'string' && name !== '' ? name : `#${issuePath[1] + 1}`;
}
function fieldName(issuePath) {
    const inBench = issuePath[0] === 'benches' && typeof issuePath[1] === 'number';
    const rest = inBench ? issuePath.slice(2) : issuePath;
    if (rest.length === 0)
        return inBench ? undefined : 'config';
    return rest.map(String).join('.');
}
function valueAt(raw, issuePath) {
    let value = raw;
    for (const segment of issuePath) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[segment];
    }
    return value;
}
function knownKeys(raw, issuePath) {
    const settings = Object.keys(settingsFields);
    if (issuePath.length === 0)
        return ['defaults', 'benches', '$schema'];
    if (issuePath[0] === 'defaults')
        return settings;
    const kind = valueAt(raw, issuePath)?.kind;
    const kindFields = typeof kind === 'string' && kind in KINDS ? KINDS[kind].fields : {};
    return ['name', ...settings, ...Object.keys(budgetFields), ...Object.keys(kindFields)];
}
function sortByLine(errors) {
    return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export { formatConfigError as f, parseConfig as p };
