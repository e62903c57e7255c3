import { a as formatPercentage } from './units-nscz4rrQ.js';
import { codeSpan, escapeMarkdown } from './escape-DUX7g4yH.js';
import { f as formatValue } from './format-BGEBbMaQ.js';

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

export { commentMarker as c, previousVerdict as p, renderComment as r };
