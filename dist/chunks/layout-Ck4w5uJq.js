import { f as commentInputSchema, g as baselineInfoSchema, s as stepVerdictSchema } from './model-CSX-gO8p.js';
import { o as object, i as int, c as literal, s as string } from './schemas-CtpLbXv5.js';

/** The files in a perfgate artifact, and the metadata file that describes it. */
/** File names inside the artifact. */
const FILES = {
    results: 'results.json',
    report: 'report.md',
    comparison: 'comparison.json',
    meta: 'perfgate-meta.json',
    history: 'history',
    /** In a shard artifact: which shard it is and the benches it planned to run. */
    shard: 'perfgate-shard.json',
    /** In a shard artifact: the shard's confirming re-run of its flagged benches (PRs only). */
    shardConfirm: 'confirm-results.json',
    /** In an A/B shard artifact (`baseline: base-ref`): the base side of the shard's benches. */
    shardBase: 'base-results.json',
    /** In an A/B shard artifact: the base side of the confirming re-run. */
    shardConfirmBase: 'confirm-base-results.json',
};
/** The artifact name of a PR's own results. */
function prArtifactName(artifactName, pr) {
    return `${artifactName}-pr-${pr}`;
}
/** The artifact name of one shard job's results: `<artifact-name>-shard-i-of-n`. */
function shardArtifactName(artifactName, shard) {
    return `${artifactName}-shard-${shard.index}-of-${shard.count}`;
}
/** The history file name of one run: sortable by time, then the commit. */
function historyFileName(timestamp, commit) {
    const stamp = timestamp.replace(/[:.]/g, '-');
    return `${stamp}-${(commit ?? 'unknown').slice(0, 12)}.json`;
}
const metaSchema = object({
    perfgateMeta: literal(1),
    pr: int().positive().optional(),
    headSha: string(),
    configPath: string(),
    verdict: stepVerdictSchema,
    // Links from another run are not trusted: they are dropped here and rebuilt by the caller.
    comment: commentInputSchema.omit({ runUrl: true, artifactsUrl: true, fixedSince: true }).extend({
        baseline: baselineInfoSchema.omit({ runUrl: true }).nullable(),
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

export { FILES as F, parseArtifactMeta as a, historyFileName as h, prArtifactName as p, shardArtifactName as s };
