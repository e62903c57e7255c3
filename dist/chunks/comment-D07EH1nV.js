import { codeSpan, escapeMarkdown } from './escape-DUX7g4yH.js';
import './model-CSX-gO8p.js';

/** The PR comment (and job summary) body: renders a `CommentModel`, escaping every text it holds. */
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
/** Renders the PR comment (or, with a bigger limit and no marker, the job summary). */
function renderComment(model, options = {}) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const head = [];
    if (options.marker !== false)
        head.push(commentMarker(model.configPath), verdictMarker(model.verdict));
    head.push(`### ${options.title ?? 'perfgate'} · ${codeSpan(model.configPath)}`, '', `${model.headline.icon} ${inline(model.headline.text)}`, '');
    for (const paragraph of model.paragraphs)
        head.push(inline(paragraph), '');
    for (const warning of model.warnings) {
        head.push(`> [!WARNING]`, `> ${escapeMarkdown(warning)}`, '');
    }
    if (model.errors.length > 0) {
        head.push('| bench | error |', '| --- | --- |');
        for (const e of model.errors)
            head.push(`| ${escapeMarkdown(e.name)} | ${escapeMarkdown(e.reason)} |`);
        head.push('');
    }
    const foot = footer(model);
    const out = [...head];
    let used = size(out) + size(foot) + 400;
    // The rows drawn in a table, whose full reasons the folded statistics section repeats.
    const drawn = [];
    if (model.rows.length > 0) {
        const table = [TABLE_HEAD, TABLE_RULE];
        let shown = 0;
        for (const row of model.rows) {
            const lines = rowLines(row);
            // Regressions sort first, so only more regressions than fit in a comment can cut one.
            if (used + size(lines) > limit)
                break;
            table.push(...lines);
            used += size(lines);
            drawn.push(row);
            shown++;
        }
        out.push(...table, '');
        if (shown < model.rows.length) {
            const more = model.rows.length - shown;
            out.push(`… and ${more} more ${more === 1 ? 'row' : 'rows'} that do not fit in a comment: see the job summary or the results artifact.`, '');
        }
    }
    const rest = model.otherRows;
    if (rest.length > 0) {
        const details = [
            `<details><summary>${rest.length} other ${rest.length === 1 ? 'result' : 'results'} (${escapeMarkdown(model.otherSummary)})</summary>`,
            '',
            TABLE_HEAD,
            TABLE_RULE,
        ];
        used += size(details) + 20;
        let shown = 0;
        for (const row of rest) {
            const lines = rowLines(row);
            if (used + size(lines) > limit)
                break;
            details.push(...lines);
            used += size(lines);
            drawn.push(row);
            shown++;
        }
        if (shown < rest.length) {
            details.push('', `… ${rest.length - shown} more not shown (the comment size limit); all are in the job summary and the results artifact.`);
        }
        if (model.hiddenMemoryRows > 0)
            details.push('', hiddenMemoryText(model.hiddenMemoryRows));
        details.push('', '</details>', '');
        out.push(...details);
    }
    else if (model.hiddenMemoryRows > 0) {
        out.push(hiddenMemoryText(model.hiddenMemoryRows), '');
    }
    const causes = causeLines(model.causes, limit - used);
    out.push(...causes);
    used += size(causes);
    const statistics = reasonLines(drawn, limit - used);
    out.push(...statistics);
    used += size(statistics);
    if (model.noise) {
        const noise = noiseLines(model.noise, limit - used);
        out.push(...noise);
        used += size(noise);
    }
    if (model.budgets !== '' && used + model.budgets.length <= limit) {
        out.push(model.budgets, '');
        used += model.budgets.length;
    }
    const charts = model.charts.map((c) => c.markdown);
    const history = [
        `<details><summary>History of ${model.charts.length === 1 ? 'the flagged bench' : 'the flagged benches'}</summary>`,
        '',
        ...charts,
        '',
        '</details>',
        '',
    ];
    if (charts.length > 0 && used + size(history) <= limit)
        out.push(...history);
    out.push(...foot);
    return out.join('\n');
}
/**
 * The folded noise section: hints first (they say what to do), then the table, each cut to fit
 * in `room` characters; nothing at all when not even its frame fits.
 */
function noiseLines(noise, room) {
    const close = ['', '</details>', ''];
    // The summary is perfgate's own words and numbers; inside HTML an escape would show.
    const lines = [`<details><summary>${noise.summary}</summary>`, ''];
    const head = noise.baseVsBase
        ? [
            '| bench | rounds × samples | round-to-round spread | base vs base | threshold | rounds needed |',
            '| --- | ---: | ---: | ---: | ---: | ---: |',
        ]
        : [
            '| bench | rounds × samples | round-to-round spread | threshold | rounds needed |',
            '| --- | ---: | ---: | ---: | ---: |',
        ];
    const note = [
        '',
        `Spread: the coefficient of variation of the per-round medians${noise.baseVsBase ? '; base vs base: the base side’s even rounds against its odd rounds (an A/A comparison in this job)' : ''}. Rounds needed: per side, to see the threshold through that spread (two-sided 5% test, 80% power).${noise.warmUp ? ' First: warm-up: that first round was far slower than the others (a cold start) and is left out of the spread.' : ''}`,
    ];
    // Room kept for the frame, the table's head and note, and the "more not shown" lines.
    let used = size(lines) + size(close) + size(head) + size(note) + 200;
    if (used > room)
        return [];
    // The lines that fit, in order, stopping at the first that does not.
    const fitting = (items) => {
        const out = [];
        for (const line of items) {
            if (used + line.length + 1 > room)
                break;
            used += line.length + 1;
            out.push(line);
        }
        return out;
    };
    const hints = noise.hints.map((h) => `- ${escapeMarkdown(h.bench)}: ${escapeMarkdown(h.hint)}`);
    const shownHints = fitting(hints);
    lines.push(...shownHints);
    if (shownHints.length < hints.length)
        lines.push('', `… ${hints.length - shownHints.length} more too noisy (the comment size limit).`);
    if (hints.length > 0)
        lines.push('');
    const rows = noise.rows.map((row) => {
        const cells = [escapeMarkdown(row.bench), row.rounds, row.spread];
        if (noise.baseVsBase)
            cells.push(row.baseVsBase);
        cells.push(row.threshold, row.needed);
        return `| ${cells.join(' | ')} |`;
    });
    const table = fitting(rows);
    if (table.length > 0)
        lines.push(...head, ...table, ...note);
    if (table.length < noise.rows.length)
        lines.push('', `… ${noise.rows.length - table.length} more not shown (the comment size limit).`);
    return [...lines, ...close];
}
/**
 * Why each confirmed regression is slower, under the table: a bold line naming the bench, then
 * one bullet per function that grew (or the note why none is named), then the files. Each bench
 * whole or not at all, while they fit in `room` characters.
 */
function causeLines(causes, room) {
    const out = [];
    let used = 0;
    for (const cause of causes) {
        const files = cause.files.length === 0
            ? []
            : [`- Files (results artifact): ${cause.files.map((f) => codeSpan(f)).join(', ')}`];
        const lines = [
            `**Why ${escapeMarkdown(cause.bench)} is slower** (${cause.source}):`,
            '',
            ...cause.lines.map((line) => `- ${escapeMarkdown(line)}`),
            ...files,
            '',
        ];
        if (used + size(lines) > room)
            break;
        out.push(...lines);
        used += size(lines);
    }
    return out;
}
/**
 * The full reason of each drawn row whose cell shows only its gist, folded: the table stays
 * readable and the statistics (p-value, rounds, how it was confirmed) are one click away. Cut
 * to the rows that fit in `room` characters; nothing when none does.
 */
function reasonLines(rows, room) {
    const cut = rows.filter((r) => r.fullReason !== r.reason);
    if (cut.length === 0)
        return [];
    const lines = ['<details><summary>Full statistics of each row</summary>', ''];
    const close = ['', '</details>', ''];
    let used = size(lines) + size(close) + 100;
    let shown = 0;
    for (const row of cut) {
        const line = `- ${escapeMarkdown(row.bench)}: ${escapeMarkdown(row.fullReason)}`;
        if (used + line.length + 1 > room)
            break;
        lines.push(line);
        used += line.length + 1;
        shown++;
    }
    if (shown === 0)
        return [];
    if (shown < cut.length)
        lines.push('', `… ${cut.length - shown} more in the job summary and the results artifact.`);
    return [...lines, ...close];
}
const TABLE_HEAD = '| bench | baseline | head | change (CI) | verdict | reason |';
const TABLE_RULE = '| --- | ---: | ---: | ---: | --- | --- |';
function hiddenMemoryText(n) {
    return `${n} memory ${n === 1 ? 'row' : 'rows'} within ${n === 1 ? 'its' : 'their'} resolution not shown.`;
}
function rowLines(row) {
    // The change and verdict cells are perfgate's own text; names, values with their (configured)
    // units and reasons may hold anything.
    const cells = [
        escapeMarkdown(row.bench),
        unbroken(escapeMarkdown(row.baseline)),
        unbroken(escapeMarkdown(row.head)),
        unbroken(row.change),
        row.verdict,
        escapeMarkdown(row.reason),
    ];
    const lines = [`| ${cells.join(' | ')} |`];
    for (const note of row.notes)
        lines.push(`| ↳ ${escapeMarkdown(note)} | | | | | |`);
    return lines;
}
/**
 * A number with its unit (or a change with its interval) that never wraps: beside a wide reason
 * column a browser otherwise breaks `13.1 ms` and `+31.2% [+26.2%, +36.2%]` onto three lines.
 */
function unbroken(cell) {
    return cell.replace(/ /g, '\u00a0');
}
/**
 * The footer in small print: one paragraph, each line its own inline `<sub>` ended by `<br>`.
 * Not one `<sub>` around the paragraph: GitHub's stylesheet gives `sub` `line-height: 0`, and a
 * paragraph inside it inherits that, so its lines are drawn on top of each other. An inline
 * `<sub>` opening a line is no HTML block, so the markdown inside it (code, links) renders.
 */
function footer(model) {
    if (model.footer.length === 0)
        return [];
    return [model.footer.map((line) => `<sub>${inline(line)}</sub>`).join('<br>\n'), ''];
}
/** Inline pieces as markdown: text escaped, code spans literal, links with a safe destination. */
function inline(pieces) {
    return pieces
        .map((piece) => {
        if (typeof piece === 'string')
            return piece;
        if ('text' in piece)
            return escapeMarkdown(piece.text);
        if ('code' in piece)
            return codeSpan(piece.code);
        if ('strong' in piece)
            return `**${inline(piece.strong)}**`;
        return `[${escapeMarkdown(piece.link)}](${linkDestination(piece.url)})`;
    })
        .join('');
}
/** A URL as a link destination: only http(s), with the characters that would end it encoded. */
function linkDestination(url) {
    if (!/^https?:\/\//i.test(url))
        return '#';
    return url.replace(/[\s()<>\\]/g, (c) => encodeURIComponent(c));
}
function size(lines) {
    return lines.reduce((n, line) => n + line.length + 1, 0);
}

export { commentMarker as c, previousVerdict as p, renderComment as r };
