import { p as parsePercentage } from './units-nscz4rrQ.js';

/** The action's inputs, read once into a typed object; names are declared once, here. */
/** Every input name, as in action.yml. */
const INPUT = {
    config: 'config',
    filter: 'filter',
    threshold: 'threshold',
    workingDirectory: 'working-directory',
    githubToken: 'github-token',
    failOnRegression: 'fail-on-regression',
    artifactName: 'artifact-name',
    mode: 'mode',
    baseline: 'baseline',
    baselineBranches: 'baseline-branches',
    baselineRuns: 'baseline-runs',
    retentionDays: 'retention-days',
    maxBaselineAge: 'max-baseline-age',
    confirm: 'confirm',
    normalize: 'normalize',
    comment: 'comment',
    acknowledgeLabel: 'acknowledge-label',
};
/** Every output name, as in action.yml. */
const OUTPUT = {
    results: 'results',
    verdict: 'verdict',
    regressions: 'regressions',
    comparison: 'comparison',
    commentUrl: 'comment-url',
};
/** Thrown for an input value that makes no sense; the message names the input and an example. */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** Reads and validates the inputs through `get` (core.getInput in the action). */
function readInputs(get) {
    const threshold = parsePercentage(get(INPUT.threshold) || '10%');
    if (threshold === undefined) {
        throw new InputError(`input "threshold" must be a percentage like 10%, got ${JSON.stringify(get(INPUT.threshold))}`);
    }
    const branches = get(INPUT.baselineBranches)
        .split(/[,\n]/)
        .map((b) => b.trim())
        .filter((b) => b !== '');
    const retention = get(INPUT.retentionDays).trim();
    return {
        config: get(INPUT.config) || 'perfgate.yml',
        filter: get(INPUT.filter) || undefined,
        threshold,
        workingDirectory: get(INPUT.workingDirectory) || '.',
        githubToken: get(INPUT.githubToken),
        failOnRegression: readBoolean(get, INPUT.failOnRegression, true),
        artifactName: get(INPUT.artifactName) || 'perfgate-results',
        mode: readChoice(get, INPUT.mode, ['run', 'comment'], 'run'),
        baseline: get(INPUT.baseline).trim() || undefined,
        baselineBranches: branches.length > 0 ? branches : undefined,
        baselineRuns: readCount(get, INPUT.baselineRuns, 5, 1, 100),
        retentionDays: retention === '' ? undefined : readCount(get, INPUT.retentionDays, 90, 1, 400),
        maxBaselineAgeDays: readDays(get, INPUT.maxBaselineAge, 30),
        confirm: readBoolean(get, INPUT.confirm, true),
        normalize: readChoice(get, INPUT.normalize, ['none', 'calibration'], 'none'),
        comment: readChoice(get, INPUT.comment, ['always', 'on-regression', 'never'], 'always'),
        acknowledgeLabel: get(INPUT.acknowledgeLabel).trim() || 'perfgate:accept',
    };
}
function readBoolean(get, name, fallback) {
    const value = get(name).trim().toLowerCase();
    if (value === '')
        return fallback;
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new InputError(`input "${name}" must be true or false, got ${JSON.stringify(value)}`);
}
function readChoice(get, name, choices, fallback) {
    const value = get(name).trim().toLowerCase();
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    throw new InputError(`input "${name}" must be one of ${choices.join(' | ')}, got ${JSON.stringify(value)}`);
}
function readCount(get, name, fallback, min, max) {
    const value = get(name).trim();
    if (value === '')
        return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
        throw new InputError(`input "${name}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    return n;
}
/** Days, written `30`, `30d` or `30 days`. */
function readDays(get, name, fallback) {
    const value = get(name).trim();
    if (value === '')
        return fallback;
    const match = /^(\d+(?:\.\d+)?)\s*(d|days?)?$/i.exec(value);
    if (!match)
        throw new InputError(`input "${name}" must be a number of days like 30 or 30d, got ${JSON.stringify(value)}`);
    return Number(match[1]);
}

export { OUTPUT as O, readInputs as r };
