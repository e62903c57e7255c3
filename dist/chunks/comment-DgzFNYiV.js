import { p as parsePercentage, n as number, o as object, a as array, b as boolean, t as tuple, _ as _enum, s as string, i as int, l as literal, g as formatPercentage } from './units-DnnM7sfd.js';
import { GitHubApiError } from './client-Zeac2swB.js';
import { c as codeSpan, e as escapeMarkdown } from './escape-Dl9CKZ7h.js';
import { f as formatValue } from './format-BGEBbMaQ.js';

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

/** The workflow run's context (repository, event, PR) from the runner's variables and event payload. */
/** Thrown when the runner's variables are missing (the action is not running on GitHub Actions). */
class ContextError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ContextError';
    }
}
/** Reads the context from `env` (GITHUB_*) and the event payload's JSON text. */
function readContext(env, payloadText) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) {
        throw new ContextError('GITHUB_REPOSITORY is not set (expected owner/name): perfgate must run as a GitHub Actions step');
    }
    let payload = {};
    if (payloadText) {
        try {
            payload = JSON.parse(payloadText);
        }
        catch (error) {
            throw new ContextError(`the event payload (GITHUB_EVENT_PATH) is not JSON: ${error.message}`);
        }
    }
    const ref = env.GITHUB_REF ?? '';
    const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
    const pathMatch = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef);
    const pr = payload.pull_request;
    const run = payload.workflow_run;
    return {
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref,
        runId: Number(env.GITHUB_RUN_ID ?? 0),
        workflow: env.GITHUB_WORKFLOW ?? '',
        ...(pathMatch ? { workflowPath: pathMatch[1] } : {}),
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        ...(typeof payload.repository?.default_branch === 'string'
            ? { defaultBranch: payload.repository.default_branch }
            : {}),
        ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {}),
        ...(pr
            ? {
                pullRequest: {
                    number: Number(pr.number ?? payload.number),
                    baseRef: String(pr.base?.ref ?? ''),
                    baseSha: String(pr.base?.sha ?? ''),
                    headSha: String(pr.head?.sha ?? ''),
                    headRepo: String(pr.head?.repo?.full_name ?? repository),
                    fork: Boolean(pr.head?.repo?.fork) ||
                        (pr.head?.repo?.full_name ?? repository) !== repository,
                    labels: Array.isArray(pr.labels)
                        ? pr.labels.map((l) => String(l.name))
                        : [],
                },
            }
            : {}),
        ...(run
            ? {
                workflowRun: {
                    id: Number(run.id),
                    headSha: String(run.head_sha ?? ''),
                    event: String(run.event ?? ''),
                    conclusion: run.conclusion ?? null,
                    pullRequests: Array.isArray(run.pull_requests)
                        ? run.pull_requests.map((p) => Number(p.number))
                        : [],
                },
            }
            : {}),
    };
}
/** The URL of a workflow run's page. */
function runUrl(ctx, runId) {
    return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}`;
}

/** GitHub rejects issue comments longer than this many characters. */
const COMMENT_LIMIT = 65_536;
/** The hidden marker that identifies the comment of one config on a PR. */
function commentMarker(configPath) {
    // `--` would end an HTML comment early; nothing else in a path can break out of it.
    return `<!-- perfgate:${configPath.replace(/-{2,}/g, (m) => m.split('').join(' '))} -->`;
}
/** A second hidden marker records the verdict, so the next run can say "fixed". */
function verdictMarker(verdict) {
    return `<!-- perfgate-verdict:${verdict} -->`;
}
/** The verdict an earlier comment body recorded, if any. */
function previousVerdict(body) {
    const match = /<!-- perfgate-verdict:(pass|regression|no-baseline|error) -->/.exec(body);
    return match ? match[1] : undefined;
}
const ORDER = [
    'regression',
    'error',
    'improvement',
    'inconclusive',
    'slower',
    'faster',
    'new',
    'removed',
    'skipped',
    'unchanged',
];
const MATTERS = new Set(['regression', 'error', 'improvement', 'inconclusive']);
const ICON = {
    regression: '🔴 regression',
    error: '⚠️ error',
    improvement: '🟢 improvement',
    inconclusive: '❔ inconclusive',
    slower: 'slower',
    faster: 'faster',
    unchanged: 'unchanged',
    new: 'new',
    removed: 'removed',
    skipped: 'skipped',
};
/** The comment's first line: the verdict in words. */
function headline(model) {
    const comparisons = model.comparison?.comparisons ?? [];
    const regressions = comparisons.filter((c) => c.verdict === 'regression');
    const errors = model.errors.length;
    const errorText = errors > 0 ? `, ${errors} ${plural(errors, 'bench', 'benches')} failed` : '';
    if (model.verdict === 'no-baseline') {
        return `⚪ **No baseline to compare with** (${model.benchCount} ${plural(model.benchCount, 'bench', 'benches')} run${errorText})`;
    }
    if (regressions.length > 0) {
        const thresholds = new Set(regressions.map((c) => c.regressionThreshold));
        const over = thresholds.size === 1
            ? `over ${formatPercentage([...thresholds][0], 0)}`
            : 'over their thresholds';
        const confirmed = regressions.every((c) => c.confirmed) ? ', confirmed on re-run' : '';
        const text = `${regressions.length} ${plural(regressions.length, 'regression', 'regressions')} ${over}${confirmed}${errorText}`;
        return model.acknowledged
            ? `☑️ **${text}**, accepted with the ${codeSpan(model.acknowledged.label)} label`
            : `❌ **${text}**`;
    }
    const benches = new Set(comparisons.map((c) => c.name)).size;
    if (errors > 0)
        return `⚠️ **No regressions in ${benches} benches${errorText}**`;
    const improvements = comparisons.filter((c) => c.verdict === 'improvement').length;
    const better = improvements > 0
        ? `, ${improvements} ${plural(improvements, 'improvement', 'improvements')}`
        : '';
    return `✅ **No regressions in ${benches} ${plural(benches, 'bench', 'benches')}**${better}`;
}
/** Renders the PR comment (or, with a bigger limit and no marker, the job summary). */
function renderComment(model, options = {}) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const head = [];
    if (options.marker !== false)
        head.push(commentMarker(model.configPath), verdictMarker(model.verdict));
    head.push(`### ${options.title ?? 'perfgate'} · ${codeSpan(model.configPath)}`, '', headline(model), '');
    if (model.fixedSince && model.verdict === 'pass') {
        head.push(`✅ The regression reported earlier on this PR is fixed as of ${commitText(model.headCommit)}.`, '');
    }
    if (model.acknowledged) {
        head.push(`The ${codeSpan(model.acknowledged.label)} label accepts these regressions, so the check passes; remove the label to gate again.`, '');
    }
    if (model.noBaseline) {
        head.push(`**Why:** ${escapeMarkdown(model.noBaseline.reason)}`, '', `**How to get one:** ${escapeMarkdown(model.noBaseline.hint)}`, '');
    }
    for (const warning of [...model.baselineWarnings, ...(model.comparison?.warnings ?? [])]) {
        head.push(`> [!WARNING]`, `> ${escapeMarkdown(warning)}`, '');
    }
    if (model.errors.length > 0 && !model.comparison) {
        head.push('| bench | error |', '| --- | --- |');
        for (const e of model.errors)
            head.push(`| ${escapeMarkdown(e.name)} | ${escapeMarkdown(e.reason)} |`);
        head.push('');
    }
    const sorted = [...(model.comparison?.comparisons ?? [])].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
    const mattering = sorted.filter((c) => MATTERS.has(c.verdict));
    const rest = sorted.filter((c) => !MATTERS.has(c.verdict));
    const foot = footer(model);
    const out = [...head];
    let used = size(out) + size(foot) + 400;
    if (mattering.length > 0) {
        const table = [TABLE_HEAD, TABLE_RULE];
        let shown = 0;
        for (const c of mattering) {
            const lines = rowLines(c, model.rerun);
            // Regressions sort first, so only more regressions than fit in a comment can cut one.
            if (used + size(lines) > limit)
                break;
            table.push(...lines);
            used += size(lines);
            shown++;
        }
        out.push(...table, '');
        if (shown < mattering.length) {
            const more = mattering.length - shown;
            out.push(`… and ${more} more ${plural(more, 'row', 'rows')} that do not fit in a comment: see the job summary or the results artifact.`, '');
        }
    }
    if (rest.length > 0) {
        const details = [
            `<details><summary>${rest.length} other ${plural(rest.length, 'result', 'results')} (${describeCounts(rest)})</summary>`,
            '',
            TABLE_HEAD,
            TABLE_RULE,
        ];
        used += size(details) + 20;
        let shown = 0;
        for (const c of rest) {
            const lines = rowLines(c, model.rerun);
            if (used + size(lines) > limit)
                break;
            details.push(...lines);
            used += size(lines);
            shown++;
        }
        if (shown < rest.length) {
            details.push('', `… ${rest.length - shown} more not shown (the comment size limit); all are in the job summary and the results artifact.`);
        }
        details.push('', '</details>', '');
        out.push(...details);
    }
    out.push(...foot);
    return out.join('\n');
}
const TABLE_HEAD = '| bench | baseline | head | change (CI) | verdict | reason |';
const TABLE_RULE = '| --- | ---: | ---: | ---: | --- | --- |';
function rowLines(c, rerun) {
    const name = c.metric === 'time' ? c.name : `${c.name} (${c.metric})`;
    const value = (v) => (v === null ? '—' : formatValue(v, c.unit));
    const confirmed = c.confirmed ? ' (confirmed on re-run)' : '';
    const verdict = `${ICON[c.verdict]}${c.verdict === 'regression' && rerun ? confirmed : ''}`;
    const lines = [
        `| ${escapeMarkdown(name)} | ${value(c.base)} | ${value(c.head)} | ${changeText(c)} | ${verdict} | ${escapeMarkdown(c.reason)} |`,
    ];
    for (const note of c.notes ?? [])
        lines.push(`| ↳ ${escapeMarkdown(note)} | | | | | |`);
    return lines;
}
/** `+12.3% [+8.1%, +16.0%]`, or an em dash when not comparable. */
function changeText(c) {
    if (c.change === null)
        return '—';
    const pct = (x) => `${x >= 0 ? '+' : '−'}${formatPercentage(Math.abs(x))}`;
    return c.ci ? `${pct(c.change)} [${pct(c.ci[0])}, ${pct(c.ci[1])}]` : pct(c.change);
}
function footer(model) {
    const lines = [];
    const b = model.baseline;
    if (b) {
        const run = b.runId !== undefined
            ? b.runUrl
                ? `[run ${b.runId}](${b.runUrl})`
                : `run ${b.runId}`
            : undefined;
        const where = b.source === 'file'
            ? `the file ${codeSpan(b.path ?? '')}${b.commit ? ` (${commitText(b.commit)})` : ''}`
            : `${commitText(b.commit)}${b.branch ? ` on ${codeSpan(b.branch)}` : ''}${run ? `, ${run}` : ''}`;
        const lag = b.lagCommits === undefined
            ? ''
            : b.lagCommits === 0
                ? ', at the merge base'
                : `, ${b.lagCommits} ${plural(b.lagCommits, 'commit', 'commits')} before the merge base`;
        const age = b.ageDays === undefined ? '' : `, ${formatAge(b.ageDays)} old`;
        const pooled = b.runs > 1 ? `; ${b.runs} baseline runs pooled` : '';
        lines.push(`Baseline: ${where}${lag}${age}${pooled}.`);
    }
    if (model.headCommit)
        lines.push(`Head: ${commitText(model.headCommit)}.`);
    const links = [
        model.runUrl ? `[this run](${model.runUrl})` : undefined,
        model.artifactsUrl ? `[results artifacts](${model.artifactsUrl})` : undefined,
    ].filter((x) => x !== undefined);
    if (links.length > 0)
        lines.push(`Details: ${links.join(' · ')}.`);
    if (model.verdict === 'regression' && !model.acknowledged && model.acknowledgeLabel) {
        lines.push(`To accept these regressions, add the ${codeSpan(model.acknowledgeLabel)} label to the PR (anyone with triage or write access can).`);
    }
    return lines.length > 0 ? ['<sub>', lines.join('<br>\n'), '</sub>'] : [];
}
/** A commit as a short sha; anything that is not a hex sha is escaped text. */
function commitText(commit) {
    if (!commit)
        return 'an unknown commit';
    return /^[0-9a-f]{7,40}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : `${codeSpan(commit)}`;
}
function formatAge(days) {
    if (days < 1 / 24)
        return 'under an hour';
    if (days < 1)
        return `${Math.round(days * 24)} h`;
    return `${Math.round(days)} ${plural(Math.round(days), 'day', 'days')}`;
}
function describeCounts(rows) {
    const counts = new Map();
    for (const r of rows)
        counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
}
function plural(n, one, many) {
    return n === 1 ? one : many;
}
function size(lines) {
    return lines.reduce((n, line) => n + line.length + 1, 0);
}

/** Creates or updates the comment for `model` on PR `pr`, as `policy` allows. */
async function publishComment(api, pr, model, policy) {
    if (policy === 'never')
        return { kind: 'skipped', why: 'the comment input is never' };
    const marker = commentMarker(model.configPath);
    const existing = (await api.listComments(pr)).find((c) => c.body?.includes(marker));
    const regressed = (model.comparison?.regressions ?? 0) > 0;
    if (policy === 'on-regression' && !regressed && !existing) {
        return { kind: 'skipped', why: 'no regression and no earlier comment (comment: on-regression)' };
    }
    const previous = existing?.body ? previousVerdict(existing.body) : undefined;
    const body = renderComment({ ...model, fixedSince: previous === 'regression' && !regressed });
    try {
        const posted = existing
            ? await api.updateComment(existing.id, body)
            : await api.createComment(pr, body);
        return { kind: 'posted', url: posted.html_url, updated: existing !== undefined };
    }
    catch (error) {
        if (error instanceof GitHubApiError && error.status === 403) {
            return { kind: 'read-only', message: error.message };
        }
        throw error;
    }
}
/** The notice for a read-only token: how to comment from a `workflow_run` workflow instead. */
function readOnlyNotice(message) {
    return (`perfgate could not comment on the PR (${message}). Pull requests from forks get a read-only token, ` +
        'so the results are in the job summary and the PR artifact instead. To comment on fork PRs, add a ' +
        'second workflow triggered by `workflow_run` (types: completed) of this one that runs perfgate with ' +
        '`mode: comment` and `permissions: pull-requests: write, actions: read` (see docs/github.md).');
}

export { FILES as F, OUTPUT as O, publishComment as a, readOnlyNotice as b, renderComment as c, readInputs as d, readContext as e, parseArtifactMeta as f, historyFileName as h, prArtifactName as p, runUrl as r };
