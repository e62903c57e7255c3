import { b as parsePercentage } from './units-CFo0x0PP.js';
import { I as IMPORT_FORMATS } from './formats-B8atlvjM.js';
import { d as didYouMean } from './messages-D8C6-ZlJ.js';

/** The `tool` input's names (github-action-benchmark's and ours), apart from the config loader. */
/** github-action-benchmark's `tool` names → perfgate import formats. */
const LEADING_ACTION_TOOLS = {
    cargo: 'cargo',
    go: 'go',
    benchmarkjs: 'benchmarkjs',
    pytest: 'pytest-benchmark',
    googlecpp: 'google-benchmark',
    catch2: 'catch2',
    julia: 'julia',
    jmh: 'jmh',
    benchmarkdotnet: 'benchmarkdotnet',
    customSmallerIsBetter: 'custom-smaller-is-better',
    customBiggerIsBetter: 'custom-bigger-is-better',
};
/** Every accepted `tool` value: the leading action's names, then perfgate's own format names. */
const TOOL_NAMES = [
    ...Object.keys(LEADING_ACTION_TOOLS),
    ...IMPORT_FORMATS.filter((format) => !Object.values(LEADING_ACTION_TOOLS).includes(format)),
];
/** The import format a `tool` value names, or undefined for an unknown tool. */
function formatForTool(tool) {
    const trimmed = tool.trim();
    if (trimmed in LEADING_ACTION_TOOLS)
        return LEADING_ACTION_TOOLS[trimmed];
    return IMPORT_FORMATS.includes(trimmed)
        ? trimmed
        : undefined;
}

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
    historySize: 'history-size',
    retentionDays: 'retention-days',
    maxBaselineAge: 'max-baseline-age',
    confirm: 'confirm',
    profile: 'profile',
    normalize: 'normalize',
    tail: 'tail',
    comment: 'comment',
    acknowledgeLabel: 'acknowledge-label',
    tool: 'tool',
    outputFilePath: 'output-file-path',
    shard: 'shard',
    thresholdsFrom: 'thresholds-from',
    inconclusive: 'inconclusive',
};
/** Every output name, as in action.yml. */
const OUTPUT = {
    results: 'results',
    verdict: 'verdict',
    regressions: 'regressions',
    comparison: 'comparison',
    commentUrl: 'comment-url',
    budgetsBroken: 'budgets-broken',
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
    const tool = get(INPUT.tool).trim() || undefined;
    const outputFilePath = get(INPUT.outputFilePath).trim() || undefined;
    if (tool !== undefined && formatForTool(tool) === undefined) {
        throw new InputError(`input "tool" must be one of ${TOOL_NAMES.join(', ')}, got ${JSON.stringify(tool)}${didYouMean(tool, TOOL_NAMES)}`);
    }
    if (tool !== undefined && outputFilePath === undefined && formatForTool(tool) !== 'criterion') {
        throw new InputError(`input "output-file-path" is required with tool "${tool}": the file your benchmark run wrote (e.g. output.txt)`);
    }
    if (outputFilePath !== undefined && tool === undefined) {
        throw new InputError('input "output-file-path" needs input "tool" too (e.g. tool: cargo), which says how to read the file');
    }
    const mode = readChoice(get, INPUT.mode, ['run', 'comment', 'merge'], 'run');
    const shard = parseShard(get(INPUT.shard));
    if (shard && mode !== 'run') {
        throw new InputError(`input "shard" is for the matrix jobs that measure (mode: run); the ${mode} job takes no shard, got ${JSON.stringify(get(INPUT.shard))}`);
    }
    return {
        config: get(INPUT.config) || 'perfgate.yml',
        filter: get(INPUT.filter) || undefined,
        threshold,
        workingDirectory: get(INPUT.workingDirectory) || '.',
        githubToken: get(INPUT.githubToken),
        failOnRegression: readBoolean(get, INPUT.failOnRegression, true),
        artifactName: get(INPUT.artifactName) || 'perfgate-results',
        mode,
        baseline: get(INPUT.baseline).trim() || undefined,
        baselineBranches: branches.length > 0 ? branches : undefined,
        baselineRuns: readCount(get, INPUT.baselineRuns, 5, 1, 100),
        historySize: readCount(get, INPUT.historySize, 500, 2, 10_000),
        retentionDays: retention === '' ? undefined : readCount(get, INPUT.retentionDays, 90, 1, 400),
        maxBaselineAgeDays: readDays(get, INPUT.maxBaselineAge, 30),
        confirm: readConfirm(get),
        profile: readBoolean(get, INPUT.profile, true),
        normalize: readChoice(get, INPUT.normalize, ['none', 'calibration'], 'none'),
        tail: readChoice(get, INPUT.tail, ['off', 'p75'], 'off'),
        comment: readChoice(get, INPUT.comment, ['always', 'on-regression', 'never'], 'always'),
        thresholdsFrom: readChoice(get, INPUT.thresholdsFrom, ['base', 'head'], 'base'),
        inconclusive: readChoice(get, INPUT.inconclusive, ['fail', 'warn', 'rerun'], 'rerun'),
        acknowledgeLabel: get(INPUT.acknowledgeLabel).trim() || 'perfgate:accept',
        ...(tool === undefined ? {} : { tool }),
        ...(outputFilePath === undefined ? {} : { outputFilePath }),
        ...(shard ? { shard } : {}),
    };
}
/** The most shards a matrix may have (GitHub allows 256 jobs per matrix). */
const MAX_SHARDS = 256;
/** Parses `i/n` (e.g. `2/4`, 1-based); empty = no sharding. Throws InputError on anything else. */
function parseShard(text) {
    const value = text.trim();
    if (value === '')
        return undefined;
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
    if (!match) {
        throw new InputError(`input "shard" must look like 2/4 (this job's number / the number of shards), got ${JSON.stringify(value)}`);
    }
    const index = Number(match[1]);
    const count = Number(match[2]);
    if (count < 1 || count > MAX_SHARDS) {
        throw new InputError(`input "shard" must have from 1 to ${MAX_SHARDS} shards, got ${JSON.stringify(value)}`);
    }
    if (index < 1 || index > count) {
        throw new InputError(`input "shard" must number this job from 1 to ${count}, got ${JSON.stringify(value)} (the matrix should list 1..${count})`);
    }
    return { index, count };
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
/** `confirm`: a policy; `true` (its old boolean form) means `auto`. */
function readConfirm(get) {
    const value = get(INPUT.confirm).trim().toLowerCase();
    if (value === 'true')
        return 'auto';
    return readChoice(get, INPUT.confirm, ['auto', 'base', 'rerun', 'false'], 'auto');
}
function readChoice(get, name, choices, fallback) {
    const value = get(name).trim().toLowerCase();
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    throw new InputError(`input "${name}" must be one of ${choices.join(' | ')}, got ${JSON.stringify(value)}${didYouMean(value, choices)}`);
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

export { OUTPUT as O, TOOL_NAMES as T, formatForTool as f, readInputs as r };
