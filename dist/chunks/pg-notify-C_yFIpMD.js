import { j as _coercedNumber, Z as ZodNumber, s as string, i as int, u as union, b as boolean, c as literal, a as array, l as looseObject, n as number$1, e as strictObject, _ as _enum, r as record, t as tuple, d as unknown, p as preprocess, k as partialRecord } from './schemas-CtpLbXv5.js';
import { X as XMLParser } from './XMLParser-Ciolm0c3.js';
import { m as mean, s as standardDeviation, b as medianAbsoluteDeviation, c as quantileSorted, d as max, f as min, g as median } from './simple-statistics-OhbKzjWx.js';
import { b as parsePercentage, p as parseDuration } from './units-CFo0x0PP.js';
import path from 'node:path';

function number(params) {
    return _coercedNumber(ZodNumber, params);
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
/** The group of the calibration bench; its one function makes it `perfgate/calibration`. */
const CALIBRATION_GROUP = 'perfgate';

/** A tiny JSON path (`$.task.uuid`, `$.items[0].id`, `$['odd key']`): parse once, read values. Pure. */
const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;
/** The segments of `path`, or undefined when it is not a simple JSON path starting with `$`. */
function parseJsonPath(path) {
    const text = path.trim();
    if (!text.startsWith('$'))
        return undefined;
    const segments = [];
    let rest = text.slice(1);
    while (rest !== '') {
        const match = SEGMENT.exec(rest);
        if (!match)
            return undefined;
        const [whole, key, index, single, double] = match;
        segments.push(index !== undefined ? Number(index) : (key ?? single ?? double));
        rest = rest.slice(whole.length);
    }
    return segments;
}
/** The value at `segments` inside `value`, or undefined when any step is missing. */
function readJsonPath(value, segments) {
    let current = value;
    for (const segment of segments) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}

/** A tool's output file could not be read: names the file and what is wrong with it. */
class ImportFormatError extends Error {
    file;
    detail;
    constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.file = file;
        this.detail = detail;
        this.name = 'ImportFormatError';
    }
}
/** Parses a JSON text, throwing ImportFormatError (with the parser's reason) when it is not JSON. */
function parseJson(text, file, what) {
    if (text.trim() === '')
        throw new ImportFormatError(file, `is empty; expected ${what}`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ImportFormatError(file, `is not valid JSON (${reason}); expected ${what} — was the file cut short?`);
    }
}

/** Descriptive statistics of raw samples, computed with simple-statistics. */
/** The summary of `samples` (which must be non-empty); ops/s only for millisecond times. */
function summarize(samples, unit) {
    const values = [...samples];
    const sorted = [...values].sort((a, b) => a - b);
    const average = mean(values);
    const sd = values.length > 1 ? standardDeviation(values) : 0;
    return {
        n: values.length,
        mean: average,
        median: median(sorted),
        min: min(sorted),
        max: max(sorted),
        sd,
        cv: average === 0 ? 0 : sd / average,
        p75: quantileSorted(sorted, 0.75),
        p99: quantileSorted(sorted, 0.99),
        mad: medianAbsoluteDeviation(values),
        opsPerSecond: unit === 'ms' && average > 0 ? 1000 / average : null,
    };
}
/** A metric from its raw samples, with its summary computed. */
function makeMetric(fields) {
    const { better = 'smaller', ...rest } = fields;
    return { ...rest, better, summary: summarize(fields.samples, fields.unit) };
}

/** Unit normalisation for imported results: every time becomes milliseconds. */
const MS_PER = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1e3,
};
/** Milliseconds per one `unit` when it is a time unit (ns, us, µs, ms, s), else undefined. */
function msPer(unit) {
    return MS_PER[unit.trim()];
}
/** A metric from samples in `unit`: times are converted to ms, other units kept as given. */
function importedMetric(fields) {
    const factor = msPer(fields.unit);
    return makeMetric({
        name: fields.name,
        unit: factor === undefined ? fields.unit : 'ms',
        better: fields.better ?? 'smaller',
        samples: factor === undefined ? [...fields.samples] : fields.samples.map((v) => v * factor),
        ...(fields.rounds === undefined ? {} : { rounds: fields.rounds }),
    });
}

/** The value typed by `schema`, or ImportFormatError like `file: benchmarks[2].real_time ...`. */
function validate(schema, value, file, what) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const where = formatPath(issue.path);
    const got = describe(valueAt(value, issue.path));
    const field = where === '' ? 'the top level' : where;
    throw new ImportFormatError(file, `is not ${what}: ${field} ${issue.message.replace(/^Invalid input: /, '')}${got}`);
}
function formatPath(path) {
    return path
        .map((segment, index) => typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)
        .join('');
}
function valueAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
function describe(value) {
    if (value === undefined)
        return '';
    const text = JSON.stringify(value);
    if (text === undefined)
        return '';
    return `, got ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/**
 * github-action-benchmark's custom JSON (`customSmallerIsBetter` / `customBiggerIsBetter`):
 * `[{ name, unit, value, range?, extra? }]`, read as it is. The tool name, not the file, says
 * which direction is better.
 */
/** The leading action's custom shape: one value per bench. */
const benchmarkActionCustomSchema = array(looseObject({
    name: string().min(1, { error: 'must be a non-empty name' }),
    unit: string().min(1, { error: 'must be a unit like ms or Megabytes' }),
    value: number$1().refine(Number.isFinite, { error: 'must be a finite number' }),
    range: union([string(), number$1()]).optional(),
    extra: string().optional(),
}))
    .min(1, { error: 'must list at least one bench' });
const WHAT$a = 'github-action-benchmark custom JSON ([{"name", "unit", "value"}])';
/** Every entry of a custom JSON file in github-action-benchmark's shape. */
function parseBenchmarkActionCustom(text, file, better) {
    const data = validate(benchmarkActionCustomSchema, parseJson(text, file, WHAT$a), file, WHAT$a);
    const seen = new Set();
    return data.map((entry, index) => {
        if (seen.has(entry.name)) {
            throw new ImportFormatError(file, `[${index}] ("${entry.name}"): name is used twice`);
        }
        seen.add(entry.name);
        return {
            id: entry.name,
            metrics: [
                importedMetric({
                    name: msPer(entry.unit) === undefined ? 'value' : 'time',
                    unit: entry.unit,
                    better,
                    samples: [entry.value],
                }),
            ],
            details: {
                tool: better === 'bigger' ? 'customBiggerIsBetter' : 'customSmallerIsBetter',
                ...(entry.range === undefined ? {} : { range: entry.range }),
                ...(entry.extra === undefined ? {} : { extra: entry.extra }),
                singleValue: 'value',
            },
        };
    });
}

/** BenchmarkDotNet's full JSON export (`--exporters json`): Statistics.OriginalValues in ns/op. */
const fileSchema$7 = looseObject({
    Title: string().optional(),
    HostEnvironmentInfo: looseObject({ BenchmarkDotNetVersion: string().optional() }).optional(),
    Benchmarks: array(looseObject({
        FullName: string().min(1),
        Parameters: string().nullish(),
        Statistics: looseObject({
            OriginalValues: array(number$1()).optional(),
            Mean: number$1(),
            Median: number$1().optional(),
            StandardError: number$1().optional(),
        })
            .nullish(),
        Memory: looseObject({ BytesAllocatedPerOperation: number$1().optional() }).nullish(),
    })),
});
const WHAT$9 = 'a BenchmarkDotNet JSON export (*-report-full.json or *-report.json)';
/** Every benchmark in a BenchmarkDotNet JSON export, keyed by its FullName (as the leading action). */
function parseBenchmarkDotNet(text, file) {
    const data = validate(fileSchema$7, parseJson(text, file, WHAT$9), file, WHAT$9);
    if (data.Benchmarks.length === 0)
        throw new ImportFormatError(file, 'lists no Benchmarks');
    const seen = new Set();
    return data.Benchmarks.map((bench, index) => {
        // Parameterised benches share a FullName; the Parameters string tells them apart.
        const id = bench.Parameters ? `${bench.FullName}(${bench.Parameters})` : bench.FullName;
        if (seen.has(id))
            throw new ImportFormatError(file, `Benchmarks[${index}] ("${id}") is listed twice`);
        seen.add(id);
        const details = {
            tool: 'benchmarkdotnet',
            ...(data.HostEnvironmentInfo?.BenchmarkDotNetVersion
                ? { version: data.HostEnvironmentInfo.BenchmarkDotNetVersion }
                : {}),
        };
        const stats = bench.Statistics;
        if (!stats)
            return { id, metrics: [], details, error: 'no Statistics (the benchmark failed?)' };
        const raw = stats.OriginalValues ?? [];
        if (raw.length === 0)
            details.singleValue = 'Mean (the file has no OriginalValues)';
        details.meanMs = stats.Mean * 1e-6;
        const metrics = [
            importedMetric({ name: 'time', unit: 'ns', samples: raw.length > 0 ? raw : [stats.Mean] }),
        ];
        const allocated = bench.Memory?.BytesAllocatedPerOperation;
        if (allocated !== undefined) {
            metrics.push(importedMetric({ name: 'allocated-per-op', unit: 'bytes', samples: [allocated] }));
        }
        return { id, metrics, details };
    });
}

/**
 * Catch2 benchmark results, from its console reporter (the default) or its XML reporter
 * (`-r xml`). Catch2 prints no samples, only the mean with its bootstrap interval and the
 * standard deviation: each bench has the mean as one value.
 */
const TIME = String.raw `([\d.]+(?:e[-+]?\d+)?) (ns|us|µs|ms|s)`;
const TABLE_START = /^benchmark name\s+samples\s+iterations\s+(estimated|est run time)/;
const NAME_LINE = new RegExp(String.raw `^(.+?)\s+(\d+)\s+(\d+)\s+${TIME}\s*$`);
const STATS_LINE = new RegExp(String.raw `^\s*${TIME}\s+${TIME}\s+${TIME}\s*$`);
const toNs = (value, unit) => (Number(value) * msPer(unit)) / 1e-6;
function toBench$1(result, file, seen, testCase) {
    if (seen.has(result.name)) {
        throw new ImportFormatError(file, `benchmark "${result.name}" is listed twice`);
    }
    seen.add(result.name);
    return {
        id: result.name,
        metrics: [importedMetric({ name: 'time', unit: 'ns', samples: [result.meanNs] })],
        details: {
            tool: 'catch2',
            ...(testCase === undefined ? {} : { testCase }),
            samples: result.samples,
            iterations: result.iterations,
            meanIntervalMs: [result.lowMeanNs * 1e-6, result.highMeanNs * 1e-6],
            stdDevMs: result.stdDevNs * 1e-6,
            singleValue: 'mean (Catch2 prints no samples)',
        },
    };
}
/** Every benchmark in Catch2's console output (v2 and v3). */
function parseCatch2(text, file) {
    if (text.trimStart().startsWith('<'))
        return parseCatch2Xml(text, file);
    const lines = text.split(/\r?\n/);
    const benches = [];
    const seen = new Set();
    // out → header (the column titles) → rows (after the dashed rule) → out (at the next rule).
    let state = 'out';
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        if (TABLE_START.test(line)) {
            state = 'header';
            continue;
        }
        if (/^[-=]{10,}$/.test(line.trim())) {
            state = state === 'header' ? 'rows' : 'out';
            continue;
        }
        if (state !== 'rows')
            continue;
        const head = NAME_LINE.exec(line);
        if (!head)
            continue;
        const mean = STATS_LINE.exec(lines[index + 1] ?? '');
        const spread = STATS_LINE.exec(lines[index + 2] ?? '');
        const name = head[1].trim();
        if (!mean || !spread) {
            throw new ImportFormatError(file, `line ${index + 1}: benchmark "${name}" lacks its mean and std dev lines`);
        }
        benches.push(toBench$1({
            name,
            samples: Number(head[2]),
            iterations: Number(head[3]),
            meanNs: toNs(mean[1], mean[2]),
            lowMeanNs: toNs(mean[3], mean[4]),
            highMeanNs: toNs(mean[5], mean[6]),
            stdDevNs: toNs(spread[1], spread[2]),
        }, file, seen));
        index += 2;
    }
    if (benches.length === 0) {
        throw new ImportFormatError(file, 'has no Catch2 benchmark table ("benchmark name  samples  iterations  estimated"); run the benches with BENCHMARK and without -r for the console reporter, or -r xml');
    }
    return benches;
}
const estimate = looseObject({
    value: number(),
    lowerBound: number(),
    upperBound: number(),
});
const resultSchema = looseObject({
    name: string().min(1),
    samples: number(),
    iterations: number(),
    mean: estimate,
    standardDeviation: estimate,
});
const XML_WHAT = 'Catch2 XML output (-r xml) with <BenchmarkResults>';
/** Every <BenchmarkResults> in Catch2's XML reporter output (values in nanoseconds). */
function parseCatch2Xml(text, file) {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseAttributeValue: false,
    });
    let tree;
    try {
        tree = parser.parse(text, true);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ImportFormatError(file, `is not valid XML (${reason}); expected ${XML_WHAT}`);
    }
    const benches = [];
    const seen = new Set();
    // Benchmarks sit in TestCase elements, possibly inside nested Sections: walk the whole tree.
    const walk = (node, testCase) => {
        if (Array.isArray(node))
            return node.forEach((child) => walk(child, testCase));
        if (node === null || typeof node !== 'object')
            return;
        const record = node;
        for (const [key, value] of Object.entries(record)) {
            if (key === 'BenchmarkResults') {
                for (const raw of Array.isArray(value) ? value : [value]) {
                    const result = validate(resultSchema, raw, file, XML_WHAT);
                    benches.push(toBench$1({
                        name: result.name,
                        samples: result.samples,
                        iterations: result.iterations,
                        meanNs: result.mean.value,
                        lowMeanNs: result.mean.lowerBound,
                        highMeanNs: result.mean.upperBound,
                        stdDevNs: result.standardDeviation.value,
                    }, file, seen, testCase));
                }
            }
            else if (key === 'TestCase') {
                for (const child of Array.isArray(value) ? value : [value]) {
                    const name = child?.name;
                    walk(child, typeof name === 'string' ? name : testCase);
                }
            }
            else {
                walk(value, testCase);
            }
        }
    };
    walk(tree, undefined);
    if (benches.length === 0)
        throw new ImportFormatError(file, `has no <BenchmarkResults>; expected ${XML_WHAT}`);
    return benches;
}

/** perfgate's own import format for any other harness (documented in docs/import.md). */
const finite = number$1().refine(Number.isFinite, { error: 'must be a finite number' });
const unit = string().min(1, { error: 'must be a unit like ms, ns, s, bytes or ops/s' });
/** The custom format: `{ unit, benches: [{ name, samples | value, unit?, bigger-is-better? }] }` (or the leading action's `[{ name, unit, value }]`). */
const customSchema = strictObject({
    $schema: string().optional(),
    unit: unit.optional(),
    benches: array(strictObject({
        name: string().min(1, { error: 'must be a non-empty name' }),
        samples: array(finite).min(1, { error: 'must hold at least one number' }).optional(),
        value: finite.optional(),
        unit: unit.optional(),
        'bigger-is-better': boolean().optional(),
    }))
        .min(1, { error: 'must list at least one bench' }),
});
const WHAT$8 = 'perfgate custom import JSON ({"unit": "ms", "benches": [...]})';
/** Every bench in a custom-format file; times become ms, other units keep their direction. */
function parseCustom(text, file) {
    const json = parseJson(text, file, WHAT$8);
    // github-action-benchmark's custom shape, a top-level array, is read as it is (smaller is better).
    if (Array.isArray(json))
        return parseBenchmarkActionCustom(text, file, 'smaller');
    const data = validate(customSchema, json, file, WHAT$8);
    const seen = new Set();
    return data.benches.map((bench, index) => {
        const where = `benches[${index}] ("${bench.name}")`;
        if (seen.has(bench.name))
            throw new ImportFormatError(file, `${where}: name is used twice`);
        seen.add(bench.name);
        if ((bench.samples === undefined) === (bench.value === undefined)) {
            throw new ImportFormatError(file, `${where}: give either samples (a list) or value, not both`);
        }
        const benchUnit = bench.unit ?? data.unit;
        if (benchUnit === undefined) {
            throw new ImportFormatError(file, `${where}: has no unit; set "unit" on it or at the top`);
        }
        const better = bench['bigger-is-better'] ? 'bigger' : 'smaller';
        return {
            id: bench.name,
            metrics: [
                importedMetric({
                    // A time is the primary `time` metric; any other quantity is a plain `value`.
                    name: msPer(benchUnit) === undefined ? 'value' : 'time',
                    unit: benchUnit,
                    better,
                    samples: bench.samples ?? [bench.value],
                }),
            ],
            details: { tool: 'custom', ...(bench.samples ? {} : { singleValue: 'value' }) },
        };
    });
}

/** Google Benchmark's JSON (`--benchmark_format=json` or `--benchmark_out`). */
const rowSchema = looseObject({
    name: string().min(1),
    run_name: string().optional(),
    run_type: _enum(['iteration', 'aggregate']).optional(),
    aggregate_name: string().optional(),
    aggregate_unit: string().optional(),
    repetitions: number$1().optional(),
    threads: number$1().optional(),
    iterations: number$1().optional(),
    real_time: number$1().optional(),
    cpu_time: number$1().optional(),
    time_unit: string().optional(),
    error_occurred: boolean().optional(),
    error_message: string().optional(),
    items_per_second: number$1().optional(),
    bytes_per_second: number$1().optional(),
});
const fileSchema$6 = looseObject({
    context: looseObject({
        num_cpus: number$1().optional(),
        mhz_per_cpu: number$1().optional(),
        cpu_scaling_enabled: boolean().optional(),
        library_build_type: string().optional(),
    })
        .optional(),
    benchmarks: array(rowSchema),
});
const WHAT$7 = 'Google Benchmark JSON (--benchmark_format=json)';
const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;
/**
 * Every bench in a Google Benchmark JSON file. Per-repetition rows (run_type iteration) are the
 * samples, real_time being the per-iteration wall time; aggregate rows are kept in details only.
 */
function parseGoogleBenchmark(text, file) {
    const data = validate(fileSchema$6, parseJson(text, file, WHAT$7), file, WHAT$7);
    const groups = new Map();
    for (const row of data.benchmarks) {
        const aggregate = row.run_type === 'aggregate' || (!row.run_type && isOldAggregate(row));
        const key = row.run_name ?? (aggregate ? row.name.replace(AGGREGATE_SUFFIX, '') : row.name);
        const group = groups.get(key) ?? { runs: [], aggregates: [] };
        groups.set(key, group);
        if (aggregate)
            group.aggregates.push(row);
        else
            group.runs.push(row);
    }
    if (groups.size === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    const context = data.context;
    return [...groups].map(([id, { runs, aggregates }]) => {
        const details = {
            tool: 'google-benchmark',
            repetitions: runs.length,
            iterations: runs.map((row) => row.iterations),
            ...(runs[0]?.threads === undefined ? {} : { threads: runs[0].threads }),
            ...(aggregates.length > 0 ? { aggregates: aggregatesMs(aggregates, file) } : {}),
            ...(context ? { context: pick(context) } : {}),
        };
        const failed = runs.find((row) => row.error_occurred);
        if (failed) {
            return {
                id,
                metrics: [],
                details,
                error: failed.error_message ?? 'the bench reported an error',
            };
        }
        if (runs.length === 0) {
            throw new ImportFormatError(file, `bench "${id}" has aggregate rows but no repetition rows`);
        }
        return { id, metrics: metricsOf(runs, id, file), details };
    });
}
function metricsOf(runs, id, file) {
    const unit = runs[0].time_unit ?? 'ns';
    if (runs.some((row) => (row.time_unit ?? 'ns') !== unit) || msPer(unit) === undefined) {
        throw new ImportFormatError(file, `bench "${id}" has an unknown or mixed time_unit "${unit}"`);
    }
    const column = (key) => runs.map((row) => {
        const value = row[key];
        if (value === undefined)
            throw new ImportFormatError(file, `bench "${id}" lacks ${key}`);
        return value;
    });
    const metrics = [
        importedMetric({ name: 'time', unit, samples: column('real_time') }),
        importedMetric({ name: 'cpu-time', unit, samples: column('cpu_time') }),
    ];
    for (const [key, name, metricUnit] of [
        ['items_per_second', 'items-per-second', 'items/s'],
        ['bytes_per_second', 'bytes-per-second', 'bytes/s'],
    ]) {
        const values = runs.map((row) => row[key]);
        if (values.every((value) => value !== undefined)) {
            metrics.push(importedMetric({ name, unit: metricUnit, better: 'bigger', samples: values }));
        }
    }
    return metrics;
}
/** Google Benchmark before 1.5 wrote no run_type: aggregates were told apart by name suffix. */
function isOldAggregate(row) {
    return AGGREGATE_SUFFIX.test(row.name);
}
/** The tool's aggregates (real time in ms; cv as a fraction), keyed by aggregate name. */
function aggregatesMs(rows, file) {
    const out = {};
    for (const row of rows) {
        const name = row.aggregate_name ?? AGGREGATE_SUFFIX.exec(row.name)?.[1] ?? row.name;
        if (row.real_time === undefined)
            continue;
        // cv is a ratio (its time_unit is meaningless); the others are times.
        const ratio = row.aggregate_unit === 'percentage' || name === 'cv';
        const factor = ratio ? 1 : msPer(row.time_unit ?? 'ns');
        if (factor === undefined)
            throw new ImportFormatError(file, `unknown time_unit in ${row.name}`);
        out[name] = row.real_time * factor;
    }
    return out;
}
function pick(context) {
    const { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type } = context;
    return { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type };
}

/** JMH's JSON result file (`-rf json`): primaryMetric.rawData holds every measured iteration. */
const fileSchema$5 = array(looseObject({
    benchmark: string().min(1),
    mode: string(),
    threads: number$1().optional(),
    forks: number$1().optional(),
    jmhVersion: string().optional(),
    params: record(string(), string()).optional(),
    primaryMetric: looseObject({
        score: number$1(),
        scoreError: union([number$1(), string()]).optional(),
        scoreUnit: string().min(1),
        rawData: array(array(number$1())).optional(),
    }),
}));
const WHAT$6 = 'a JMH JSON result file (-rf json)';
/** `ns/op` → time unit `ns`; `ops/s` → rate per `s`; anything else undefined. */
function splitUnit(scoreUnit) {
    const [top, bottom] = scoreUnit.split('/');
    if (bottom === 'op' && msPer(top) !== undefined)
        return { time: top };
    if (top === 'ops' && bottom !== undefined) {
        const per = bottom === 'min' ? undefined : msPer(bottom);
        if (per !== undefined)
            return { ratePer: bottom };
    }
    return {};
}
/**
 * Every benchmark in a JMH JSON file, named like github-action-benchmark does (`benchmark` plus
 * ` ( {"param":"value"} )`). Each measured iteration is a sample; a throughput (ops/time) is
 * turned into the time per operation so that every bench's `time` is smaller-is-better.
 */
function parseJmh(text, file) {
    const data = validate(fileSchema$5, parseJson(text, file, WHAT$6), file, WHAT$6);
    if (data.length === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    const seen = new Set();
    return data.map((bench, index) => {
        const id = bench.benchmark + (bench.params ? ` ( ${JSON.stringify(bench.params)} )` : '');
        if (seen.has(id))
            throw new ImportFormatError(file, `[${index}] ("${id}") is listed twice`);
        seen.add(id);
        const metric = bench.primaryMetric;
        const raw = (metric.rawData ?? []).flat();
        const values = raw.length > 0 ? raw : [metric.score];
        const unit = splitUnit(metric.scoreUnit);
        const details = {
            tool: 'jmh',
            mode: bench.mode,
            score: metric.score,
            scoreUnit: metric.scoreUnit,
            ...(metric.scoreError === undefined ? {} : { scoreError: metric.scoreError }),
            ...(bench.forks === undefined ? {} : { forks: bench.forks }),
            ...(bench.threads === undefined ? {} : { threads: bench.threads }),
            ...(bench.jmhVersion === undefined ? {} : { jmhVersion: bench.jmhVersion }),
            ...(raw.length > 0 ? {} : { singleValue: 'score (the file has no rawData)' }),
        };
        if (unit.time !== undefined) {
            return {
                id,
                metrics: [importedMetric({ name: 'time', unit: unit.time, samples: values })],
                details,
            };
        }
        if (unit.ratePer !== undefined) {
            const perOp = values.map((rate) => 1 / rate);
            return {
                id,
                metrics: [importedMetric({ name: 'time', unit: unit.ratePer, samples: perOp })],
                details,
            };
        }
        return {
            id,
            metrics: [importedMetric({ name: 'value', unit: metric.scoreUnit, samples: values })],
            details,
        };
    });
}

/**
 * Julia BenchmarkTools JSON (`BenchmarkTools.save("out.json", results)`): nested BenchmarkGroups
 * whose leaves are a Trial (every sample's time) or a TrialEstimate (one estimate), in ns.
 */
const WHAT$5 = 'a BenchmarkTools JSON file (BenchmarkTools.save)';
const fileSchema$4 = tuple([record(string(), unknown()), array(unknown())]);
const groupSchema = tuple([
    literal('BenchmarkGroup'),
    looseObject({ data: record(string(), unknown()) }),
]);
const trialSchema = tuple([
    literal('Trial'),
    looseObject({ times: array(number$1()).min(1), memory: number$1(), allocs: number$1() }),
]);
const estimateSchema$1 = tuple([
    literal('TrialEstimate'),
    looseObject({ time: number$1(), memory: number$1(), allocs: number$1() }),
]);
/** Every Trial or TrialEstimate, keyed by its group path joined with `/` (as the leading action). */
function parseJulia(text, file) {
    const [versions, groups] = validate(fileSchema$4, parseJson(text, file, WHAT$5), file, WHAT$5);
    const benches = [];
    const visit = (node, labels) => {
        const where = labels.length > 0 ? labels.join('/') : 'the top group';
        const kind = Array.isArray(node) ? node[0] : undefined;
        if (kind === 'BenchmarkGroup') {
            const [, group] = validate(groupSchema, node, file, `${WHAT$5} (at ${where})`);
            for (const [key, child] of Object.entries(group.data))
                visit(child, [...labels, key]);
            return;
        }
        const details = { tool: 'julia', ...versions };
        let metrics;
        if (kind === 'Trial') {
            const [, trial] = validate(trialSchema, node, file, `${WHAT$5} (at ${where})`);
            metrics = [importedMetric({ name: 'time', unit: 'ns', samples: trial.times })];
            details.memoryBytes = trial.memory;
            details.allocs = trial.allocs;
        }
        else if (kind === 'TrialEstimate') {
            const [, estimate] = validate(estimateSchema$1, node, file, `${WHAT$5} (at ${where})`);
            metrics = [importedMetric({ name: 'time', unit: 'ns', samples: [estimate.time] })];
            details.memoryBytes = estimate.memory;
            details.allocs = estimate.allocs;
            details.singleValue = 'the saved TrialEstimate (save the Trial to keep every sample)';
        }
        else {
            throw new ImportFormatError(file, `${where} is ${JSON.stringify(kind)}; expected a BenchmarkGroup, Trial or TrialEstimate`);
        }
        benches.push({ id: labels.join('/'), metrics, details });
    };
    for (const group of groups)
        visit(group, []);
    if (benches.length === 0)
        throw new ImportFormatError(file, 'holds no Trial or TrialEstimate');
    return benches;
}

/** hyperfine's `--export-json` file: results[].times are the wall times of each run, in seconds. */
const fileSchema$3 = looseObject({
    results: array(looseObject({
        command: string().min(1),
        mean: number$1(),
        stddev: number$1().nullish(),
        median: number$1().optional(),
        user: number$1().optional(),
        system: number$1().optional(),
        min: number$1().optional(),
        max: number$1().optional(),
        times: array(number$1()).optional(),
        exit_codes: array(number$1().nullable()).optional(),
        memory_usage_byte: array(number$1()).optional(),
        parameters: record(string(), unknown()).optional(),
    })),
});
const WHAT$4 = 'a hyperfine JSON file (--export-json)';
/** Every command in a hyperfine export, keyed by its command (or its --command-name). */
function parseHyperfine(text, file) {
    const data = validate(fileSchema$3, parseJson(text, file, WHAT$4), file, WHAT$4);
    if (data.results.length === 0)
        throw new ImportFormatError(file, 'lists no results');
    return data.results.map((result) => {
        const raw = result.times !== undefined && result.times.length > 0;
        const metrics = [
            importedMetric({ name: 'time', unit: 's', samples: raw ? result.times : [result.mean] }),
        ];
        if (result.memory_usage_byte !== undefined && result.memory_usage_byte.length > 0) {
            metrics.push(importedMetric({ name: 'peak-rss', unit: 'bytes', samples: result.memory_usage_byte }));
        }
        const failedRuns = (result.exit_codes ?? []).filter((code) => code !== 0).length;
        return {
            id: result.command,
            metrics,
            details: {
                tool: 'hyperfine',
                ...(result.user === undefined ? {} : { userMs: result.user * 1e3 }),
                ...(result.system === undefined ? {} : { systemMs: result.system * 1e3 }),
                ...(result.parameters ? { parameters: result.parameters } : {}),
                ...(failedRuns > 0 ? { failedRuns } : {}),
                ...(raw ? {} : { singleValue: 'mean (the file has no times)' }),
            },
        };
    });
}

/** JSON summary keys → the labels the console prints (iai-callgrind-runner's Display impls). */
const LABELS = {
    // EventKind / CachegrindMetric (the others, Dr, Dw, I1mr, ..., print as their key).
    Ir: 'Instructions',
    L1hits: 'L1 Hits',
    LLhits: 'LL Hits',
    RamHits: 'RAM Hits',
    TotalRW: 'Total read+write',
    EstimatedCycles: 'Estimated Cycles',
    I1MissRate: 'I1 Miss Rate',
    D1MissRate: 'D1 Miss Rate',
    LLiMissRate: 'LLi Miss Rate',
    LLdMissRate: 'LLd Miss Rate',
    LLMissRate: 'LL Miss Rate',
    L1HitRate: 'L1 Hit Rate',
    LLHitRate: 'LL Hit Rate',
    RamHitRate: 'RAM Hit Rate',
    // DhatMetric
    TotalUnits: 'Total units',
    TotalEvents: 'Total events',
    TotalBytes: 'Total bytes',
    TotalBlocks: 'Total blocks',
    AtTGmaxBytes: 'At t-gmax bytes',
    AtTGmaxBlocks: 'At t-gmax blocks',
    AtTEndBytes: 'At t-end bytes',
    AtTEndBlocks: 'At t-end blocks',
    ReadsBytes: 'Reads bytes',
    WritesBytes: 'Writes bytes',
    TotalLifetimes: 'Total lifetimes',
    MaximumBytes: 'Maximum bytes',
    MaximumBlocks: 'Maximum blocks',
    // ErrorMetric (memcheck, helgrind, drd)
    Errors: 'Errors',
    Contexts: 'Contexts',
    SuppressedErrors: 'Suppressed Errors',
    SuppressedContexts: 'Suppressed Contexts',
};
/** The console label of a JSON summary key (unknown keys print as themselves). */
function labelOfKey(key) {
    return LABELS[key] ?? key;
}
/** The tools whose metrics keep their bare names; the others' names get the tool as a prefix. */
const MAIN_TOOLS = new Set(['callgrind', 'cachegrind']);
/**
 * The perfgate metric for `label` of `tool` (lowercase, e.g. `callgrind`, `dhat`):
 * `Instructions` → `instructions` (as `measure: instructions` names it), `L1 Hits` → `l1-hits`,
 * DHAT's `Total bytes` → `dhat-total-bytes`. Rates are percentages; a higher L1 hit rate is the
 * only rate where bigger is better (the other hit rates count slower levels).
 */
function metricShape(tool, label) {
    const slug = label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    const name = MAIN_TOOLS.has(tool) ? slug : `${tool}-${slug}`;
    if (/ rate$/i.test(label)) {
        return { name, unit: '%', better: label === 'L1 Hit Rate' ? 'bigger' : 'smaller' };
    }
    return { name, unit: /bytes$/i.test(label) ? 'bytes' : 'count', better: 'smaller' };
}
/** `instructions` first (it is the metric to gate on), then the tool's own order. */
function instructionsFirst(metrics) {
    const index = metrics.findIndex((metric) => metric.name === 'instructions');
    return index <= 0 ? metrics : [metrics[index], ...metrics.filter((_, i) => i !== index)];
}

/**
 * iai-callgrind's JSON summaries, format version 6 (iai-callgrind 0.16 and later; the shape of
 * iai-callgrind-runner/schemas/summary.v6.schema.json): one object per bench, as
 * `--output-format=json` prints them (a line each, maybe among cargo's own lines),
 * `pretty-json` (indented objects one after the other), `jq -s` (an array) or one `summary.json`.
 */
const WHAT$3 = 'an iai-callgrind JSON summary (format version 6, iai-callgrind >= 0.16)';
/** A `Metric`: an integer count or a derived float (a rate). */
const metricValue = union([
    strictObject({ Int: number$1().int().min(0) }),
    strictObject({ Float: number$1() }),
]);
/** `EitherOrBoth<Metric>`: Left is this run only, Both is [this run, the baseline], Right the baseline only. */
const eitherOrBoth = union([
    strictObject({ Left: metricValue }),
    strictObject({ Both: tuple([metricValue, metricValue]) }),
    strictObject({ Right: metricValue }),
]);
const metricsSummary = record(string(), looseObject({ metrics: eitherOrBoth }));
/** By tool kind; `"None"` for tools without metrics (massif, bbv), read as no metrics. */
const toolMetricSummary = preprocess((value) => (value === 'None' ? {} : value), partialRecord(_enum(['Callgrind', 'Cachegrind', 'Dhat', 'ErrorTool']), metricsSummary));
const profile = looseObject({
    tool: string().min(1),
    summaries: looseObject({
        total: looseObject({
            summary: toolMetricSummary,
            regressions: array(unknown()),
        }),
    }),
});
const summarySchema = looseObject({
    version: literal('6', { error: 'must be "6"' }),
    module_path: string().min(1),
    function_name: string(),
    id: string().nullable().optional(),
    details: string().nullable().optional(),
    kind: string(),
    profiles: array(profile),
});
/** Every benchmark in iai-callgrind JSON output (one or more version 6 summaries). */
function parseIaiCallgrindJson(text, file) {
    const values = jsonValues(text, file).flatMap((value) => Array.isArray(value) ? value : [value]);
    const benches = [];
    const seen = new Set();
    values.forEach((value, index) => {
        const where = values.length === 1 ? file : `${file} (summary #${index + 1})`;
        const version = value?.version;
        if (typeof version === 'string' && version !== '6') {
            throw new ImportFormatError(where, `is an iai-callgrind summary of format version ${version}; perfgate reads version 6 (iai-callgrind >= 0.16): upgrade iai-callgrind or use its console output`);
        }
        const summary = validate(summarySchema, value, where, WHAT$3);
        const bench = toBench(summary);
        if (seen.has(bench.id))
            throw new ImportFormatError(where, `benchmark "${bench.id}" is listed twice`);
        seen.add(bench.id);
        if (bench.metrics.length > 0)
            benches.push(bench);
    });
    if (benches.length === 0) {
        throw new ImportFormatError(file, `has no benchmark with metrics; expected ${WHAT$3}`);
    }
    return benches;
}
function toBench(summary) {
    const id = summary.id ? `${summary.module_path} ${summary.id}` : summary.module_path;
    const metrics = summary.profiles.flatMap((p) => {
        return Object.values(p.summaries.total.summary).flatMap((byKey) => Object.entries(byKey ?? {}).flatMap(([key, diff]) => {
            // Right alone: the baseline has the metric and this run has not.
            const current = 'Left' in diff.metrics
                ? diff.metrics.Left
                : 'Both' in diff.metrics
                    ? diff.metrics.Both[0]
                    : undefined;
            if (current === undefined)
                return [];
            const value = 'Int' in current ? current.Int : current.Float;
            const shape = metricShape(p.tool.toLowerCase(), labelOfKey(key));
            return [importedMetric({ ...shape, samples: [value] })];
        }));
    });
    const regressions = summary.profiles.flatMap((p) => p.summaries.total.regressions);
    return {
        id,
        metrics: instructionsFirst(metrics),
        details: {
            tool: 'iai-callgrind',
            modulePath: summary.module_path,
            kind: summary.kind,
            ...(summary.details ? { description: summary.details } : {}),
            ...(regressions.length === 0 ? {} : { toolRegressions: regressions }),
            singleValue: 'event counts are deterministic: one value per metric',
        },
    };
}
/**
 * The JSON values in `text`: the whole text when it is one value, else each object or array that
 * starts a line (cargo prints its own lines between the summaries).
 */
function jsonValues(text, file) {
    try {
        return [JSON.parse(text)];
    }
    catch {
        // Not a single value: scan for the values that start a line.
    }
    const values = [];
    let index = 0;
    while (index < text.length) {
        const lineStart = index === 0 || text[index - 1] === '\n';
        const char = text[index];
        if (lineStart && (char === '{' || char === '[')) {
            const end = valueEnd(text, index);
            if (end === undefined) {
                const line = text.slice(0, index).split('\n').length;
                return [parseJson(text.slice(index), `${file}:${line}`, WHAT$3)];
            }
            values.push(parseJson(text.slice(index, end), file, WHAT$3));
            index = end;
            continue;
        }
        index++;
    }
    if (values.length === 0)
        parseJson(text, file, WHAT$3);
    return values;
}
/** The index just past the object or array starting at `start`, or undefined when it is cut short. */
function valueEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const char = text[i];
        if (inString) {
            if (char === '\\')
                i++;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"')
            inString = true;
        else if (char === '{' || char === '[')
            depth++;
        else if (char === '}' || char === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return undefined;
}

/** pytest-benchmark's `--benchmark-json` file: stats.data holds every round's per-iteration time (s). */
const statsSchema = looseObject({
    min: number$1(),
    max: number$1(),
    mean: number$1(),
    stddev: number$1(),
    median: number$1(),
    rounds: number$1(),
    iterations: number$1().optional(),
    ops: number$1().optional(),
    data: array(number$1()).optional(),
});
const fileSchema$2 = looseObject({
    benchmarks: array(looseObject({
        name: string().min(1),
        fullname: string().min(1),
        group: string().nullish(),
        params: record(string(), unknown()).nullish(),
        stats: statsSchema.nullable(),
    })),
    version: string().optional(),
});
const WHAT$2 = 'a pytest-benchmark JSON file (--benchmark-json)';
/**
 * Every bench in a pytest-benchmark JSON file, keyed by its full test id. Raw rounds come from
 * stats.data; without them (saved with data left out) the median is used as a single value.
 */
function parsePytestBenchmark(text, file) {
    const data = validate(fileSchema$2, parseJson(text, file, WHAT$2), file, WHAT$2);
    if (data.benchmarks.length === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    return data.benchmarks.map((bench) => {
        const details = {
            tool: 'pytest-benchmark',
            ...(data.version ? { version: data.version } : {}),
            ...(bench.group ? { group: bench.group } : {}),
            ...(bench.params ? { params: bench.params } : {}),
        };
        const stats = bench.stats;
        if (stats === null)
            return { id: bench.fullname, metrics: [], details, error: 'no stats' };
        const raw = stats.data !== undefined && stats.data.length > 0;
        details.iterationsPerRound = stats.iterations;
        details.rounds = stats.rounds;
        details.summaryMs = {
            min: stats.min * 1e3,
            max: stats.max * 1e3,
            mean: stats.mean * 1e3,
            median: stats.median * 1e3,
            stddev: stats.stddev * 1e3,
        };
        if (!raw)
            details.singleValue = 'median (the file has no stats.data)';
        return {
            id: bench.fullname,
            metrics: [
                importedMetric({ name: 'time', unit: 's', samples: raw ? stats.data : [stats.median] }),
            ],
            details,
        };
    });
}

/** A tinybench task result (shared by the tinybench and vitest formats), in both of its shapes. */
const statisticsSchema = looseObject({
    mean: number$1(),
    p50: number$1().optional(),
    min: number$1().optional(),
    max: number$1().optional(),
    sd: number$1().optional(),
    rme: number$1().nullish(),
    samples: array(number$1()).nullish(),
    samplesCount: number$1().optional(),
});
/** tinybench ≥3 (latency/throughput objects) or tinybench 2 (flat fields), all times in ms. */
const taskResultSchema = looseObject({
    state: string().optional(),
    latency: statisticsSchema.optional(),
    throughput: statisticsSchema.optional(),
    mean: number$1().optional(),
    median: number$1().optional(),
    p50: number$1().optional(),
    samples: array(number$1()).nullish(),
    rme: number$1().nullish(),
    totalTime: number$1().optional(),
    period: number$1().optional(),
});
/** The time metric (ms) and notes of a task result, or undefined when it holds no statistics. */
function timeFromTaskResult(result) {
    const latency = result.latency;
    const samples = latency ? latency.samples : result.samples;
    const mean = latency ? latency.mean : result.mean;
    if (mean === undefined)
        return undefined;
    const median = latency ? latency.p50 : (result.median ?? result.p50);
    const details = {
        summaryMs: {
            mean,
            ...(median === undefined ? {} : { median }),
            ...(latency?.min === undefined ? {} : { min: latency.min }),
            ...(latency?.max === undefined ? {} : { max: latency.max }),
            ...(latency?.sd === undefined ? {} : { sd: latency.sd }),
        },
        ...((latency?.rme ?? result.rme) == null ? {} : { rmePercent: latency?.rme ?? result.rme }),
        ...(latency?.samplesCount === undefined ? {} : { samplesCount: latency.samplesCount }),
    };
    if (samples && samples.length > 0) {
        // tinybench sorts the samples it keeps, so their run order is lost.
        details.samplesSorted = true;
        return { metric: importedMetric({ name: 'time', unit: 'ms', samples }), details };
    }
    details.singleValue = median === undefined ? 'mean (no samples kept)' : 'median (no samples kept)';
    return {
        metric: importedMetric({ name: 'time', unit: 'ms', samples: [median ?? mean] }),
        details,
    };
}

/** tinybench results serialised as JSON: `bench.tasks.map(({ name, result }) => ({ name, result }))`. */
const fileSchema$1 = array(looseObject({ name: string().min(1), result: taskResultSchema.nullish() }));
const WHAT$1 = 'a JSON array of tinybench tasks ({ name, result })';
/** Every task in a tinybench JSON file; raw samples with `retainSamples`, else the summary. */
function parseTinybench(text, file) {
    const tasks = validate(fileSchema$1, parseJson(text, file, WHAT$1), file, WHAT$1);
    if (tasks.length === 0)
        throw new ImportFormatError(file, 'lists no tasks');
    return tasks.map(({ name, result }) => {
        const time = result ? timeFromTaskResult(result) : undefined;
        const state = result?.state;
        if (!time || state === 'errored') {
            return {
                id: name,
                metrics: [],
                details: { tool: 'tinybench' },
                error: `tinybench reports the task as ${state ?? 'without a result'}, with no statistics`,
            };
        }
        return {
            id: name,
            metrics: [time.metric],
            details: { tool: 'tinybench', ...(state ? { state } : {}), ...time.details },
        };
    });
}

/**
 * `vitest bench --outputJson` files. Written against vitest's json-formatter: it empties every
 * bench's `samples`, so a bench usually yields its median as a single value.
 */
const fileSchema = looseObject({
    files: array(looseObject({
        filepath: string(),
        groups: array(looseObject({
            fullName: string(),
            benchmarks: array(taskResultSchema.extend({
                name: string().min(1),
                id: string().optional(),
                rank: number$1().optional(),
            })),
        })),
    })),
});
const WHAT = 'a vitest bench JSON file (--outputJson)';
/** Every bench in a vitest bench JSON file, keyed `<group full name> > <bench name>`. */
function parseVitest(text, file) {
    const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT);
    const benches = [];
    for (const source of data.files) {
        for (const group of source.groups) {
            for (const bench of group.benchmarks) {
                const id = `${group.fullName} > ${bench.name}`;
                const time = timeFromTaskResult(bench);
                if (!time)
                    throw new ImportFormatError(file, `bench "${id}" has no mean time`);
                benches.push({
                    id,
                    metrics: [time.metric],
                    details: {
                        tool: 'vitest',
                        file: source.filepath,
                        ...(bench.rank === undefined ? {} : { rank: bench.rank }),
                        ...time.details,
                    },
                });
            }
        }
    }
    if (benches.length === 0)
        throw new ImportFormatError(file, 'lists no benches');
    return benches;
}

/** Criterion.rs results: one bench per `<id>/new/` folder (benchmark.json, sample.json, estimates.json). */
const benchmarkSchema = looseObject({
    full_id: string().min(1),
    group_id: string().optional(),
    function_id: string().nullish(),
    value_str: string().nullish(),
    throughput: unknown().optional(),
    directory_name: string().optional(),
});
const positive = number$1().positive();
const sampleSchema = looseObject({
    sampling_mode: _enum(['Linear', 'Flat', 'Auto']).optional(),
    iters: array(positive).min(1),
    times: array(number$1().nonnegative()).min(1),
});
const estimateSchema = looseObject({
    confidence_interval: looseObject({
        confidence_level: number$1(),
        lower_bound: number$1(),
        upper_bound: number$1(),
    }),
    point_estimate: number$1(),
    standard_error: number$1(),
});
const estimatesSchema = looseObject({
    mean: estimateSchema,
    median: estimateSchema,
    median_abs_dev: estimateSchema.optional(),
    slope: estimateSchema.nullish(),
    std_dev: estimateSchema.optional(),
});
/**
 * One Criterion bench from the files of its `new/` folder (`dir` names it in messages).
 * Each sample of Criterion times `iters[i]` iterations in `times[i]` ns, in both Linear and Flat
 * mode, so the per-iteration time is the ratio times[i] / iters[i] (Linear iters are not
 * cumulative: differences between samples would be wrong).
 */
function parseCriterion(files, dir) {
    const benchmarkFile = `${dir}/benchmark.json`;
    const sampleFile = `${dir}/sample.json`;
    const benchmark = validate(benchmarkSchema, parseJson(files.benchmark, benchmarkFile, "Criterion's benchmark.json"), benchmarkFile, "Criterion's benchmark.json");
    const sample = validate(sampleSchema, parseJson(files.sample, sampleFile, "Criterion's sample.json"), sampleFile, "Criterion's sample.json");
    if (sample.iters.length !== sample.times.length) {
        throw new ImportFormatError(sampleFile, `has ${sample.iters.length} iters but ${sample.times.length} times; they must pair up`);
    }
    const perIterationNs = sample.times.map((time, i) => time / sample.iters[i]);
    const details = {
        tool: 'criterion',
        samplingMode: sample.sampling_mode ?? 'unknown',
        iterations: sample.iters.reduce((sum, n) => sum + n, 0),
        groupId: benchmark.group_id,
        ...(benchmark.function_id ? { functionId: benchmark.function_id } : {}),
        ...(benchmark.value_str ? { value: benchmark.value_str } : {}),
        ...(benchmark.throughput ? { throughput: benchmark.throughput } : {}),
    };
    if (files.estimates !== undefined) {
        const estimatesFile = `${dir}/estimates.json`;
        const estimates = validate(estimatesSchema, parseJson(files.estimates, estimatesFile, "Criterion's estimates.json"), estimatesFile, "Criterion's estimates.json");
        details.estimatesMs = toMs(estimates);
    }
    return {
        id: benchmark.full_id,
        metrics: [importedMetric({ name: 'time', unit: 'ns', samples: perIterationNs })],
        details,
    };
}
/** Criterion's own estimates (ns) in ms, for reference next to perfgate's statistics. */
function toMs(estimates) {
    const out = {};
    const entries = [
        ['mean', estimates.mean],
        ['median', estimates.median],
        ['medianAbsDev', estimates.median_abs_dev],
        ['slope', estimates.slope],
        ['stdDev', estimates.std_dev],
    ];
    for (const [name, estimate] of entries) {
        if (!estimate)
            continue;
        out[name] = {
            point: estimate.point_estimate / 1e6,
            lower: estimate.confidence_interval.lower_bound / 1e6,
            upper: estimate.confidence_interval.upper_bound / 1e6,
            confidence: estimate.confidence_interval.confidence_level,
        };
    }
    return out;
}

/** Config fields both PostgreSQL kinds (`sql`, `pg-notify`) share: where to connect and how. */
/** Connection fields of a PostgreSQL bench. */
const connectionFields = {
    'database-url-env': envName().optional().meta({
        description: 'Environment variable holding the connection URL (default DATABASE_URL). The URL itself never goes in the config.',
    }),
    'search-path': union([text('a schema name'), array(text('a schema name')).min(1)], {
        error: 'must be a schema name or a list of schema names',
    })
        .optional()
        .meta({ description: 'search_path for the bench connection(s), e.g. [tasker, public].' }),
    'setup-file': text('a path to an .sql file, relative to the config file').optional().meta({
        description: 'SQL file run once before the bench, before `setup` (e.g. an idempotent schema and seed).',
    }),
    setup: text('SQL')
        .optional()
        .meta({ description: 'SQL run once before the bench (not timed), e.g. schema and seed.' }),
    teardown: text('SQL')
        .optional()
        .meta({ description: 'SQL run once after the bench, even when it failed (not timed).' }),
};
/** The connection part of a spec from the parsed fields; paths resolve against `configDir`. */
function toConnectionSpec(raw, configDir) {
    const searchPath = raw['search-path'];
    const setupFile = raw['setup-file'];
    return {
        urlEnv: raw['database-url-env'] ?? 'DATABASE_URL',
        searchPath: searchPath === undefined ? [] : typeof searchPath === 'string' ? [searchPath] : searchPath,
        ...(setupFile === undefined ? {} : { setupFile: path.resolve(configDir, setupFile) }),
        setup: raw.setup,
        teardown: raw.teardown,
    };
}

/** Config of the `pg-notify` kind: LISTEN/NOTIFY round trip from a sender to a persistent listener. */
/** The placeholder a notify payload must contain: replaced by a unique token per sample. */
const TOKEN_PLACEHOLDER = '{{token}}';
/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; keep room for the token. */
const MAX_PAYLOAD_BYTES = 7900;
/** Fields of a `pg-notify` bench. */
const pgNotifyFields = {
    kind: literal('pg-notify'),
    ...connectionFields,
    channel: text('a channel name')
        .optional()
        .meta({ description: 'Channel the listener LISTENs on (default perfgate_bench).' }),
    'notify-sql': text('SQL')
        .optional()
        .meta({
        description: 'SQL the sender runs each sample; $1 is the payload (with its token), $2 the channel (default SELECT pg_notify($2, $1)).',
        examples: ["SELECT pgmq_send_with_notify('bench_queue', $1::jsonb, 0)"],
    }),
    payload: text('a payload containing {{token}}')
        .refine((value) => value.includes(TOKEN_PLACEHOLDER), {
        error: `must contain ${TOKEN_PLACEHOLDER} (replaced by a unique token per sample, to match the notification)`,
    })
        .refine((value) => new TextEncoder().encode(value).length < MAX_PAYLOAD_BYTES, {
        error: `must be shorter than ${MAX_PAYLOAD_BYTES} bytes (PostgreSQL's NOTIFY limit is 8000)`,
    })
        .optional()
        .meta({ description: 'Payload template (default {"token":"{{token}}"}).' }),
    'sample-timeout': duration()
        .optional()
        .meta({ description: 'How long one sample waits for its notification (default 1s).' }),
};
/** The spec of a parsed `pg-notify` bench. */
function toPgNotifySpec(raw, ctx) {
    return {
        kind: 'pg-notify',
        ...toConnectionSpec(raw, ctx.configDir),
        channel: raw.channel ?? 'perfgate_bench',
        notifySql: raw['notify-sql'] ?? 'SELECT pg_notify($2, $1)',
        payload: raw.payload ?? `{"token":"${TOKEN_PLACEHOLDER}"}`,
        sampleTimeout: raw['sample-timeout'] ?? 1000,
    };
}

export { parsePytestBenchmark as A, parseGoogleBenchmark as B, CALIBRATION_GROUP as C, parseBenchmarkActionCustom as D, readJsonPath as E, parseCriterion as F, ImportFormatError as I, TOKEN_PLACEHOLDER as T, makeMetric as a, parseJsonPath as b, count as c, duration as d, envName as e, connectionFields as f, toConnectionSpec as g, toPgNotifySpec as h, pgNotifyFields as i, jsFields as j, importedMetric as k, parseIaiCallgrindJson as l, msPer as m, metricShape as n, instructionsFirst as o, percentage as p, parseJulia as q, parseBenchmarkDotNet as r, parseJmh as s, text as t, parseCatch2 as u, parseCustom as v, warmup as w, parseTinybench as x, parseVitest as y, parseHyperfine as z };
