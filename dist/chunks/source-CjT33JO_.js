import { i as identityChanges } from './identity-B3jh3Sc_.js';

const LEGACY = 'the baseline was recorded before perfgate stored each bench’s measurement';
/**
 * Per-bench identity instead of one digest of the whole config: each baseline run keeps only the
 * benches whose measurement (see config/identity.ts) matches the head's, so editing one bench, a
 * threshold or a tag leaves every other bench compared. Benches absent from the head are kept
 * (compareRuns lists them as removed). A baseline bench without an identity (older results)
 * matches only when the whole config digest does.
 */
function matchBenches(outcome, head) {
    if (!outcome.found)
        return { outcome, match: { changed: [], added: [], removed: [] } };
    const { baselines, match, partly } = matchRuns(outcome.baselines, head);
    const notices = partly.length > 0
        ? [
            ...outcome.notices,
            `older baseline runs of ${partly.join(', ')} measured differently and were left out`,
        ]
        : outcome.notices;
    return { outcome: { ...outcome, baselines, notices }, match };
}
/**
 * matchBenches on plain runs (the CLI's --baseline files): the baseline runs narrowed to the
 * benches measured like the head's, the match, and the benches some older runs were dropped for.
 */
function matchRuns(runs, head) {
    const heads = new Map(head.benches.map((b) => [b.name, b]));
    const why = new Map();
    const baselines = runs.map((run) => {
        const sameConfig = run.meta.configDigest === head.meta.configDigest;
        const benches = run.benches.filter((base) => {
            const current = heads.get(base.name);
            if (!current)
                return true;
            const changes = measurementChanges(base, current, sameConfig);
            if (changes.length === 0)
                return true;
            if (!why.has(base.name))
                why.set(base.name, changes);
            return false;
        });
        return benches.length === run.benches.length ? run : { ...run, benches };
    });
    const kept = new Set(baselines.flatMap((run) => run.benches.map((b) => b.name)));
    const everywhere = new Set(runs.flatMap((run) => run.benches.map((b) => b.name)));
    const newest = runs[0]?.benches.map((b) => b.name) ?? [];
    return {
        baselines,
        match: {
            changed: [...why.entries()]
                .filter(([name]) => !kept.has(name))
                .map(([name, changes]) => ({ name, changes })),
            added: head.benches.map((b) => b.name).filter((name) => !everywhere.has(name)),
            removed: newest.filter((name) => !heads.has(name)),
        },
        partly: [...why.keys()].filter((name) => kept.has(name)),
    };
}
function measurementChanges(base, head, sameConfig) {
    if (base.identity && head.identity)
        return identityChanges(base.identity, head.identity);
    return sameConfig ? [] : [LEGACY];
}

export { matchBenches as a, matchRuns as m };
