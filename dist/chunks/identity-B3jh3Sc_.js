import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Per-bench identity: what changes a bench's measurement (its kind and spec, how many samples,
 * rounds, how long, which environment it needs), and nothing that only changes how it is judged
 * (thresholds, tags, `required`, the timeout) or other benches. Two runs of a bench are comparable
 * when their identities match.
 */
/** Spec fields that set a threshold, not the measurement. */
const JUDGING_SPEC_FIELDS = new Set(['memoryThreshold']);
/**
 * The identity of `bench`. Settings are kept as written (numbers, names); spec fields (commands,
 * queries, URLs) only as a short digest, so nothing from them reaches an artifact. Absolute paths
 * under `configDir` are made relative (checkout-independent).
 */
function benchIdentity(bench, configDir) {
    const portable = (value) => JSON.stringify(value, (_key, inner) => portablePath(inner, configDir)) ?? 'null';
    const { settings, spec } = bench;
    const fields = {
        kind: spec.kind,
        samples: String(settings.samples),
        time: `${settings.time}ms`,
        warmup: 'ms' in settings.warmup ? `${settings.warmup.ms}ms` : `${settings.warmup.iterations}x`,
        rounds: String(settings.rounds),
        requires: settings.requires.join(',') || '-',
        concurrency: settings.concurrency.join(',') || '-',
        duration: settings.duration === undefined ? '-' : `${settings.duration}ms`,
    };
    for (const [key, value] of Object.entries(spec).sort(([a], [b]) => a.localeCompare(b))) {
        if (key === 'kind' || JUDGING_SPEC_FIELDS.has(key))
            continue;
        fields[key] = `#${sha256(portable(value)).slice(0, 12)}`;
    }
    return { digest: `sha256:${sha256(JSON.stringify(fields))}`, fields };
}
/** What differs between two identities, e.g. `samples 10 → 20`, `command changed`. */
function identityChanges(base, head) {
    if (base.digest === head.digest)
        return [];
    const names = [...new Set([...Object.keys(base.fields), ...Object.keys(head.fields)])];
    const changes = [];
    for (const name of names) {
        const before = base.fields[name];
        const after = head.fields[name];
        if (before === after)
            continue;
        if (before === undefined)
            changes.push(`${name} added`);
        else if (after === undefined)
            changes.push(`${name} removed`);
        else if (before.startsWith('#') || after.startsWith('#'))
            changes.push(`${name} changed`);
        else
            changes.push(`${name} ${before} → ${after}`);
    }
    return changes.length > 0 ? changes : ['measurement changed'];
}
function portablePath(value, dir) {
    if (typeof value !== 'string' || !path.isAbsolute(value))
        return value;
    const relative = path.relative(dir, value);
    return relative === '' ? '.' : relative;
}
function sha256(text) {
    return createHash('sha256').update(text).digest('hex');
}

export { benchIdentity as b, identityChanges as i };
