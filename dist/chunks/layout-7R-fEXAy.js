import { o as object, s as string, b as boolean, a as array, i as int, _ as _enum, l as literal, n as number, t as tuple } from './schemas-TYepb_3n.js';

/** File names inside the artifact. */
const FILES = {
    results: 'results.json',
    report: 'report.md',
    comparison: 'comparison.json',
    meta: 'perfgate-meta.json',
    history: 'history',
};
/** The artifact name of a PR's own results. */
function prArtifactName(artifactName, pr) {
    return `${artifactName}-pr-${pr}`;
}
/** The history file name of one run: sortable by time, then the commit. */
function historyFileName(timestamp, commit) {
    const stamp = timestamp.replace(/[:.]/g, '-');
    return `${stamp}-${(commit ?? 'unknown').slice(0, 12)}.json`;
}
const num = number().refine(Number.isFinite, { error: 'must be a finite number' });
const comparisonRow = object({
    name: string(),
    metric: string(),
    unit: string(),
    better: _enum(['smaller', 'bigger']),
    verdict: _enum([
        'regression',
        'improvement',
        'slower',
        'faster',
        'unchanged',
        'inconclusive',
        'new',
        'removed',
        'skipped',
        'error',
    ]),
    change: num.nullable(),
    ci: tuple([num, num]).nullable(),
    p: num.nullable(),
    reason: string(),
    base: num.nullable(),
    head: num.nullable(),
    baseSamples: num,
    headSamples: num,
    baseRuns: num,
    noiseThreshold: num,
    regressionThreshold: num,
    confirmed: boolean().optional(),
    notes: array(string()).optional(),
});
const verdict = _enum(['pass', 'regression', 'no-baseline', 'error']);
const metaSchema = object({
    perfgateMeta: literal(1),
    pr: int().positive().optional(),
    headSha: string(),
    configPath: string(),
    verdict,
    comment: object({
        configPath: string(),
        verdict,
        comparison: object({
            comparisons: array(comparisonRow),
            warnings: array(string()),
            regressions: num,
        })
            .nullable(),
        headCommit: string().nullable(),
        benchCount: num,
        errors: array(object({ name: string(), reason: string() })),
        baseline: object({
            source: _enum(['artifact', 'file']),
            commit: string().nullable(),
            runId: int().optional(),
            branch: string().optional(),
            lagCommits: num.optional(),
            ageDays: num.optional(),
            runs: num,
            path: string().optional(),
        })
            .nullable(),
        noBaseline: object({ reason: string(), hint: string() }).optional(),
        baselineWarnings: array(string()),
        rerun: boolean(),
        acknowledged: object({ label: string() }).optional(),
        acknowledgeLabel: string().optional(),
    }),
});
/**
 * Parses the metadata file of an artifact from another (possibly untrusted, fork) run. Links are
 * dropped here; the caller rebuilds them from what it knows, so none can point elsewhere.
 */
function parseArtifactMeta(text, source) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${source} is not valid JSON (${error.message})`);
    }
    const parsed = metaSchema.safeParse(raw);
    if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`${source} is not a perfgate metadata file: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
    }
    return parsed.data;
}

export { FILES as F, parseArtifactMeta as a, historyFileName as h, prArtifactName as p };
