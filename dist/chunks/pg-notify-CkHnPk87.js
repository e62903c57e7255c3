import { m as mean, s as standardDeviation, b as medianAbsoluteDeviation, c as quantileSorted, d as max, e as min, f as median } from './simple-statistics-Dw7N4kWf.js';
import { n as number, s as string, d as strictObject, a as array, b as boolean, g as looseObject, _ as _enum, r as record, c as unknown, u as union, l as literal } from './schemas-TYepb_3n.js';
import { t as text, e as envName, d as duration } from './js-Qh7qM8EE.js';
import path from 'node:path';

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

/** perfgate's own import format for any other harness (documented in docs/import.md). */
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
const unit = string().min(1, { error: 'must be a unit like ms, ns, s, bytes or ops/s' });
/** The custom format: `{ unit, benches: [{ name, samples | value, unit?, bigger-is-better? }] }`. */
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
const WHAT$5 = 'perfgate custom import JSON ({"unit": "ms", "benches": [...]})';
/** Every bench in a custom-format file; times become ms, other units keep their direction. */
function parseCustom(text, file) {
    const data = validate(customSchema, parseJson(text, file, WHAT$5), file, WHAT$5);
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

const BENCH_LINE = /^(Benchmark\S*)\s+(\d+)\s+(.*)$/;
const HEADER = /^(goos|goarch|pkg|cpu):\s*(.*)$/;
const FAIL_LINE = /^--- FAIL: (Benchmark\S*)/;
/** Go appends -GOMAXPROCS to a bench's name when it is not 1. */
const PROCS_SUFFIX = /-(\d+)$/;
/** Go's units → perfgate metric names (others keep their unit as the name). */
const KNOWN_UNITS = {
    'ns/op': { name: 'time', unit: 'ns', better: 'smaller' },
    'B/op': { name: 'bytes-per-op', unit: 'bytes', better: 'smaller' },
    'allocs/op': { name: 'allocs-per-op', unit: 'allocs', better: 'smaller' },
    'MB/s': { name: 'mb-per-s', unit: 'MB/s', better: 'bigger' },
};
/** Every bench in the text output of `go test -bench` (several -count lines become samples). */
function parseGoBench(text, file) {
    const headers = {};
    const benches = new Map();
    const lines = text.split(/\r?\n/);
    let pkg = '';
    const benchFor = (fullName) => {
        const procs = PROCS_SUFFIX.exec(fullName);
        const name = fullName.replace(PROCS_SUFFIX, '');
        const key = `${pkg}\u0000${fullName}`;
        let bench = benches.get(key);
        if (!bench) {
            bench = { name, fullName, pkg, iterations: [], values: new Map() };
            if (procs)
                bench.procs = Number(procs[1]);
            benches.set(key, bench);
        }
        return bench;
    };
    lines.forEach((line, index) => {
        const header = HEADER.exec(line);
        if (header) {
            headers[header[1]] = header[2];
            if (header[1] === 'pkg')
                pkg = header[2];
            return;
        }
        const failed = FAIL_LINE.exec(line);
        if (failed) {
            const message = lines
                .slice(index + 1, index + 6)
                .filter((next) => /^\s+\S/.test(next))
                .map((next) => next.trim());
            benchFor(failed[1]).error =
                `go reported FAIL${message.length ? `: ${message.join(' ')}` : ''}`;
            return;
        }
        const match = BENCH_LINE.exec(line.trimEnd());
        if (!match)
            return;
        const bench = benchFor(match[1]);
        const fields = match[3].trim().split(/\s+/);
        if (fields.length % 2 !== 0 || !fields.includes('ns/op')) {
            throw new ImportFormatError(file, `line ${index + 1} is not a complete benchmark result (want "<value> ns/op ..." pairs), got ${JSON.stringify(line.trim())} — was the output cut short?`);
        }
        bench.iterations.push(Number(match[2]));
        for (let i = 0; i < fields.length; i += 2) {
            const value = Number(fields[i]);
            if (!Number.isFinite(value)) {
                throw new ImportFormatError(file, `line ${index + 1}: ${JSON.stringify(fields[i])} is not a number (before ${fields[i + 1]})`);
            }
            const unit = fields[i + 1];
            const values = bench.values.get(unit) ?? [];
            bench.values.set(unit, [...values, value]);
        }
    });
    if (benches.size === 0) {
        throw new ImportFormatError(file, 'holds no benchmark result lines (like "BenchmarkX-8  1000  123 ns/op"); was it written by `go test -bench`?');
    }
    const packages = new Set([...benches.values()].map((bench) => bench.pkg));
    // `-cpu 1,2` runs a bench at several GOMAXPROCS: those keep their suffix to stay apart.
    const variants = new Map();
    for (const bench of benches.values()) {
        const key = `${bench.pkg}\u0000${bench.name}`;
        variants.set(key, (variants.get(key) ?? 0) + 1);
    }
    return [...benches.values()].map((bench) => {
        const several = (variants.get(`${bench.pkg}\u0000${bench.name}`) ?? 0) > 1;
        const name = several ? bench.fullName : bench.name;
        const id = packages.size > 1 && bench.pkg ? `${bench.pkg}/${name}` : name;
        const details = {
            tool: 'go',
            ...(bench.procs === undefined ? {} : { gomaxprocs: bench.procs }),
            iterations: bench.iterations,
            ...(bench.pkg ? { pkg: bench.pkg } : {}),
            ...(headers.goos ? { goos: headers.goos } : {}),
            ...(headers.goarch ? { goarch: headers.goarch } : {}),
            ...(headers.cpu ? { cpu: headers.cpu } : {}),
        };
        if (bench.error !== undefined)
            return { id, metrics: [], details, error: bench.error };
        return { id, metrics: metricsOf$1(bench), details };
    });
}
function metricsOf$1(bench) {
    const metrics = [];
    for (const [goUnit, samples] of bench.values) {
        const known = KNOWN_UNITS[goUnit];
        const metric = known
            ? importedMetric({ ...known, samples })
            : // A b.ReportMetric unit: rates (x/s) are better bigger, like Go's benchstat assumes.
                importedMetric({
                    name: goUnit,
                    unit: goUnit,
                    samples,
                    better: goUnit.endsWith('/s') ? 'bigger' : 'smaller',
                });
        if (known?.name === 'time')
            metrics.unshift(metric);
        else
            metrics.push(metric);
    }
    return metrics;
}

/** Google Benchmark's JSON (`--benchmark_format=json` or `--benchmark_out`). */
const rowSchema = looseObject({
    name: string().min(1),
    run_name: string().optional(),
    run_type: _enum(['iteration', 'aggregate']).optional(),
    aggregate_name: string().optional(),
    aggregate_unit: string().optional(),
    repetitions: number().optional(),
    threads: number().optional(),
    iterations: number().optional(),
    real_time: number().optional(),
    cpu_time: number().optional(),
    time_unit: string().optional(),
    error_occurred: boolean().optional(),
    error_message: string().optional(),
    items_per_second: number().optional(),
    bytes_per_second: number().optional(),
});
const fileSchema$4 = looseObject({
    context: looseObject({
        num_cpus: number().optional(),
        mhz_per_cpu: number().optional(),
        cpu_scaling_enabled: boolean().optional(),
        library_build_type: string().optional(),
    })
        .optional(),
    benchmarks: array(rowSchema),
});
const WHAT$4 = 'Google Benchmark JSON (--benchmark_format=json)';
const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;
/**
 * Every bench in a Google Benchmark JSON file. Per-repetition rows (run_type iteration) are the
 * samples, real_time being the per-iteration wall time; aggregate rows are kept in details only.
 */
function parseGoogleBenchmark(text, file) {
    const data = validate(fileSchema$4, parseJson(text, file, WHAT$4), file, WHAT$4);
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

/** hyperfine's `--export-json` file: results[].times are the wall times of each run, in seconds. */
const fileSchema$3 = looseObject({
    results: array(looseObject({
        command: string().min(1),
        mean: number(),
        stddev: number().nullish(),
        median: number().optional(),
        user: number().optional(),
        system: number().optional(),
        min: number().optional(),
        max: number().optional(),
        times: array(number()).optional(),
        exit_codes: array(number().nullable()).optional(),
        memory_usage_byte: array(number()).optional(),
        parameters: record(string(), unknown()).optional(),
    })),
});
const WHAT$3 = 'a hyperfine JSON file (--export-json)';
/** Every command in a hyperfine export, keyed by its command (or its --command-name). */
function parseHyperfine(text, file) {
    const data = validate(fileSchema$3, parseJson(text, file, WHAT$3), file, WHAT$3);
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

/** pytest-benchmark's `--benchmark-json` file: stats.data holds every round's per-iteration time (s). */
const statsSchema = looseObject({
    min: number(),
    max: number(),
    mean: number(),
    stddev: number(),
    median: number(),
    rounds: number(),
    iterations: number().optional(),
    ops: number().optional(),
    data: array(number()).optional(),
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
    mean: number(),
    p50: number().optional(),
    min: number().optional(),
    max: number().optional(),
    sd: number().optional(),
    rme: number().nullish(),
    samples: array(number()).nullish(),
    samplesCount: number().optional(),
});
/** tinybench ≥3 (latency/throughput objects) or tinybench 2 (flat fields), all times in ms. */
const taskResultSchema = looseObject({
    state: string().optional(),
    latency: statisticsSchema.optional(),
    throughput: statisticsSchema.optional(),
    mean: number().optional(),
    median: number().optional(),
    p50: number().optional(),
    samples: array(number()).nullish(),
    rme: number().nullish(),
    totalTime: number().optional(),
    period: number().optional(),
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
                rank: number().optional(),
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
const positive = number().positive();
const sampleSchema = looseObject({
    sampling_mode: _enum(['Linear', 'Flat', 'Auto']).optional(),
    iters: array(positive).min(1),
    times: array(number().nonnegative()).min(1),
});
const estimateSchema = looseObject({
    confidence_interval: looseObject({
        confidence_level: number(),
        lower_bound: number(),
        upper_bound: number(),
    }),
    point_estimate: number(),
    standard_error: number(),
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

/** The import formats perfgate reads and each one's parser (criterion reads a folder per bench). */
/** Every tool output format the `import` kind reads. */
const IMPORT_FORMATS = [
    'criterion',
    'google-benchmark',
    'pytest-benchmark',
    'hyperfine',
    'go',
    'vitest',
    'tinybench',
    'custom',
];
/** Parsers of the single-file formats: file text (and its path for messages) → benches. */
const FILE_PARSERS = {
    'google-benchmark': parseGoogleBenchmark,
    'pytest-benchmark': parsePytestBenchmark,
    hyperfine: parseHyperfine,
    go: parseGoBench,
    vitest: parseVitest,
    tinybench: parseTinybench,
    custom: parseCustom,
};

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

export { FILE_PARSERS as F, ImportFormatError as I, TOKEN_PLACEHOLDER as T, parseCriterion as a, IMPORT_FORMATS as b, connectionFields as c, toPgNotifySpec as d, pgNotifyFields as e, makeMetric as m, parseJsonPath as p, readJsonPath as r, toConnectionSpec as t };
