import { b as benchResult } from './bench-BCpLDQqU.js';
import { R as RESULTS_SCHEMA_VERSION } from './types-CWpGVx7G.js';
import { n as number, o as object, i as int, a as array, _ as _enum, s as string, r as record, d as unknown, b as boolean, c as literal } from './schemas-CtpLbXv5.js';

/** Validation of results files read from disk or artifacts, into typed Results. */
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
const summarySchema = object({
    n: int().min(1),
    mean: finite,
    median: finite,
    min: finite,
    max: finite,
    sd: finite,
    cv: finite,
    p75: finite,
    p99: finite,
    mad: finite,
    opsPerSecond: finite.nullable(),
});
const metricSchema = object({
    name: string().min(1),
    unit: string().min(1),
    better: _enum(['smaller', 'bigger']),
    samples: array(finite).min(1, { error: 'must hold at least one sample' }),
    rounds: array(int().min(1)).optional(),
    summary: summarySchema,
    regressionThreshold: finite.min(0).optional(),
    resolution: finite.min(0).optional(),
    roundQuantile: finite.min(0).max(1).optional(),
});
const benchSchema = object({
    name: string().min(1),
    kind: string().min(1),
    status: _enum(['ok', 'error', 'skipped']),
    reason: string().optional(),
    tags: array(string()),
    noiseThreshold: finite.min(0),
    regressionThreshold: finite.min(0),
    metrics: array(metricSchema),
    details: record(string(), unknown()).optional(),
    durationMs: finite.min(0).optional(),
    machine: object({
        os: string(),
        arch: string(),
        cpuModel: string(),
        cores: int(),
        nodeVersion: string(),
    })
        .optional(),
    identity: object({ digest: string(), fields: record(string(), string()) }).optional(),
    scale: object({ bench: string().min(1), param: string().min(1), value: finite.min(0) })
        .optional(),
});
// Files keep one flat shape; reading them builds the union on `status` (older files may lack a reason).
const benchResultSchema = benchSchema.transform(({ status, reason, metrics, ...fields }) => benchResult(fields, { status, reason, metrics }));
const nullableText = string().nullable();
/** The zod schema of a results file (the current version). */
const resultsSchema = object({
    schemaVersion: literal(RESULTS_SCHEMA_VERSION),
    meta: object({
        commit: nullableText,
        ref: nullableText,
        event: nullableText,
        runId: nullableText,
        runAttempt: nullableText,
        workflow: nullableText,
        os: string(),
        arch: string(),
        cpuModel: string(),
        cores: int(),
        nodeVersion: string(),
        perfgateVersion: string(),
        timestamp: string(),
        configDigest: string(),
        gate: object({ threshold: finite.min(0), failOnRegression: boolean() }).optional(),
    }),
    benches: array(benchResultSchema),
});
/** Why a results file could not be read. */
class ResultsFormatError extends Error {
    source;
    constructor(source, detail) {
        super(`${source}: ${detail}`);
        this.source = source;
        this.name = 'ResultsFormatError';
    }
}
/** Parses results JSON text; throws ResultsFormatError naming `source` and what is wrong. */
function parseResults(text, source) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw new ResultsFormatError(source, `is not valid JSON (${error.message})`);
    }
    const version = raw?.schemaVersion;
    if (version === undefined) {
        throw new ResultsFormatError(source, 'is not a perfgate results file (no schemaVersion)');
    }
    if (version !== RESULTS_SCHEMA_VERSION) {
        throw new ResultsFormatError(source, `has results schema version ${JSON.stringify(version)}, but this perfgate reads version ${RESULTS_SCHEMA_VERSION}; re-run the benches with this version to make a new one`);
    }
    const parsed = resultsSchema.safeParse(raw);
    if (!parsed.success) {
        const first = parsed.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)
            .join('; ');
        throw new ResultsFormatError(source, `is not a valid results file: ${first}`);
    }
    return parsed.data;
}
/** Results as the JSON text written to disk. */
function serializeResults(results) {
    return `${JSON.stringify(results, null, 2)}\n`;
}

export { ResultsFormatError as R, parseResults as p, serializeResults as s };
