import { c as compareRuns } from './compare-runs-Dp3QnuNF.js';
import { h as formatPercent, j as formatMilliseconds } from './format-Czr1TBQt.js';
import { i as isBeyondThreshold } from './model-CSX-gO8p.js';
import { n as number, o as object, a as array, s as string } from './schemas-CtpLbXv5.js';

/**
 * Names of benches whose verdict asks for a re-run: regressions, and with `includeInconclusive`
 * (the `rerun` policy) inconclusive benches beyond their threshold.
 */
function benchesToConfirm(comparison, includeInconclusive = false) {
    const flagged = comparison.comparisons.filter((c) => needsConfirming(c, includeInconclusive));
    return [...new Set(flagged.map((c) => c.name))];
}
function needsConfirming(row, includeInconclusive) {
    return (row.verdict === 'regression' ||
        (includeInconclusive && row.verdict === 'inconclusive' && isBeyondThreshold(row)));
}
const key$1 = (c) => `${c.name}\u0000${c.metric}`;
/** True when `again` holds exactly the samples of `first`: nothing was measured again. */
function sameMeasurement(first, again) {
    if (first.metrics.length !== again.metrics.length || first.metrics.length === 0)
        return false;
    return first.metrics.every((metric, i) => {
        const other = again.metrics[i];
        return (other.name === metric.name &&
            other.samples.length === metric.samples.length &&
            other.samples.every((v, j) => v === metric.samples[j]));
    });
}
const NOT_REMEASURED = 'unconfirmed: the re-run read the same results again (an import without run: cannot re-measure), so it adds no evidence';
/**
 * Re-judges the flagged rows of `first` (regressions, and inconclusive rows beyond their
 * threshold) with a re-run of the flagged benches (`rerun` may hold only those). A row becomes
 * or stays a regression, with `confirmed: true`, when the re-run on its own also shows a change
 * beyond the regression threshold in the same direction and the pooled head runs are a
 * regression; the re-run is the evidence that settles a shared shift, so it is not discounted
 * here. Otherwise the row takes the pooled verdict (a regression turning inconclusive), marked
 * `confirmed: false`. Benches the re-run did not re-measure keep their first verdict, unconfirmed.
 */
function confirmRegressions(baselines, head, rerun, first, options = {}) {
    const { bothSides, ...compareOptions } = options;
    const how = bothSides ? 'base' : 'rerun';
    const byWhat = bothSides
        ? 'an interleaved re-run of base and head on this runner'
        : 'a re-run of the head only';
    const firstBenches = new Map(head.benches.map((b) => [b.name, b]));
    const stale = new Set(rerun.benches
        .filter((b) => {
        const before = firstBenches.get(b.name);
        return before !== undefined && sameMeasurement(before, b);
    })
        .map((b) => b.name));
    const measured = { ...rerun, benches: rerun.benches.filter((b) => !stale.has(b.name)) };
    const rerunNames = new Set(measured.benches.map((b) => b.name));
    const pooledHead = {
        ...head,
        benches: head.benches.filter((b) => rerunNames.has(b.name)),
    };
    const settled = { ...compareOptions, sharedShift: false };
    const any = measured.benches.length > 0;
    const pooled = any ? compareRuns(baselines, [pooledHead, measured], settled) : null;
    const alone = any ? compareRuns(baselines, measured, settled) : null;
    const pooledRows = new Map((pooled?.comparisons ?? []).map((c) => [key$1(c), c]));
    const aloneRows = new Map((alone?.comparisons ?? []).map((c) => [key$1(c), c]));
    const askedFor = new Set(rerun.benches.map((b) => b.name));
    const comparisons = first.comparisons.map((row) => {
        // A row the re-run did not measure keeps its verdict: judged against a re-run without it,
        // it would read as "removed".
        if (!needsConfirming(row, true) || !askedFor.has(row.name))
            return row;
        if (stale.has(row.name))
            return {
                ...row,
                confirmed: false,
                confirmation: how,
                reason: `${row.reason}; ${NOT_REMEASURED}`,
            };
        const again = aloneRows.get(key$1(row));
        const both = pooledRows.get(key$1(row));
        if (!again || !both || again.verdict === 'removed' || both.verdict === 'removed')
            return { ...row, confirmed: false, confirmation: how };
        const limit = Math.log1p(row.regressionThreshold);
        const sameWay = (c) => c.change !== null &&
            (row.better === 'smaller' ? Math.log1p(c.change) : -Math.log1p(c.change)) > limit;
        if (sameWay(again) && both.verdict === 'regression') {
            return {
                ...both,
                confirmed: true,
                confirmation: how,
                reason: `${both.reason}; confirmed by ${byWhat}`,
            };
        }
        const rerunChange = again.change === null ? 'no change' : formatPercent(again.change);
        const verdict = both.verdict === 'regression' ? 'inconclusive' : both.verdict;
        return {
            ...both,
            verdict,
            confirmed: false,
            confirmation: how,
            reason: `not confirmed: the re-run measured ${rerunChange} (${again.verdict}); pooled: ${both.reason}`,
        };
    });
    return {
        comparisons,
        warnings: [...new Set([...first.warnings, ...(pooled?.warnings ?? [])])],
        regressions: comparisons.filter((c) => c.verdict === 'regression').length,
        // A re-run measures a few benches again; whether the runs pair was settled by the first.
        ...(first.problems ? { problems: first.problems } : {}),
    };
}

/**
 * Confirmation against the base, on this runner: the stored baseline came from another machine at
 * another time, so it only screens. Every bench it leaves in doubt is measured again here for
 * both sides, interleaved (base, head, head, base, …), and that paired measurement alone gives
 * its verdict: whatever slowed or sped up this runner slowed both sides alike.
 */
/**
 * Names of the benches a stored-baseline comparison leaves in doubt: regressions, improvements,
 * inconclusive rows, and changes beyond the regression threshold that are not yet significant, in
 * either direction. An improvement too: a baseline recorded while its runner was slow makes
 * unchanged code look faster, and hides a real regression behind a false 🟢 (seen in the demo,
 * +30% shown as -11% against a baseline measured beside another job).
 */
function benchesInDoubt(comparison) {
    return [...new Set(comparison.comparisons.filter(inDoubt).map((row) => row.name))];
}
function inDoubt(row) {
    if (row.verdict === 'regression' || row.verdict === 'inconclusive')
        return true;
    if (row.verdict === 'improvement')
        return true;
    if (row.change === null)
        return false;
    return Math.abs(Math.log1p(row.change)) > Math.log1p(row.regressionThreshold);
}
const key = (row) => `${row.name}\u0000${row.metric}`;
/** "confirmed against the base on this runner (10 rounds each)" for a paired row. */
function baseConfirmationText(row) {
    const rounds = Math.min(row.baseRounds ?? 0, row.headRounds ?? 0);
    const each = rounds > 0 ? ` (${rounds} rounds each)` : '';
    return `against the base on this runner${each}`;
}
/**
 * Re-judges the rows of the benches `pair` measured (those in doubt) by the paired measurement
 * of base and head on this runner; every other row keeps its stored-baseline verdict. A row the
 * pair could not measure (the base side failed) keeps its first verdict, downgraded from
 * regression to inconclusive and marked unconfirmed, with the reason.
 */
function confirmAgainstBase(first, pair, options = {}, 
/**
 * The names asked for: one the pair did not measure (a case drawn differently, a shard that
 * did not re-measure it) is unconfirmed, never left with its stored-baseline verdict.
 */
requested = pair.head.benches.map((b) => b.name)) {
    const measured = new Set(requested);
    // Both sides ran here: a shared move is the code's, never the runner's.
    const paired = compareRuns([pair.base], pair.head, { ...options, sharedShift: false });
    const pairedRows = new Map(paired.comparisons.map((row) => [key(row), row]));
    const comparisons = first.comparisons.map((row) => {
        if (!measured.has(row.name))
            return row;
        const again = pairedRows.get(key(row));
        // No change means the pair compared nothing: a base side that errored or was skipped comes
        // back `inconclusive` with no change, and taking that row would drop the stored evidence
        // (and the headline's "beyond the threshold") and claim it was measured here.
        const comparedNothing = again?.change === null && again.verdict !== 'unchanged';
        if (!again || again.verdict === 'error' || again.verdict === 'new' || comparedNothing) {
            const why = again?.reason ?? 'the measurement here has no result for it on both sides';
            return {
                ...row,
                verdict: row.verdict === 'regression' ? 'inconclusive' : row.verdict,
                confirmed: false,
                confirmation: 'base',
                reason: `${row.reason}; not confirmed: measuring the base on this runner failed (${why})`,
            };
        }
        const where = baseConfirmationText(again);
        const stored = row.change === null ? '' : `; the stored baseline showed ${formatPercent(row.change)}`;
        const confirmed = again.verdict === 'regression';
        return {
            ...again,
            // The stored row's notes (a plan change) still describe the PR; keep the paired ones first.
            ...(again.notes || row.notes
                ? { notes: [...new Set([...(again.notes ?? []), ...(row.notes ?? [])])] }
                : {}),
            confirmed,
            confirmation: 'base',
            reason: confirmed
                ? `${again.reason}; confirmed ${where}`
                : `${again.reason}, measured ${where}${stored}`,
        };
    });
    return {
        comparisons,
        warnings: [...new Set([...first.warnings, ...paired.warnings.filter(isAboutTheCode)])],
        regressions: comparisons.filter((c) => c.verdict === 'regression').length,
        // Whether the runs pair is a fact of the first comparison, which the pair does not change.
        ...(first.problems ? { problems: first.problems } : {}),
    };
}
/** The pair ran on one runner: its hardware and Node warnings cannot apply, only the others. */
function isAboutTheCode(warning) {
    return !/^RUNNER MISMATCH|^Node version differs/.test(warning);
}

/**
 * Why a confirmed `sql` regression is slower, from one EXPLAIN ANALYZE per side: the plan nodes
 * whose self time grew, with both sides' times (issue #24). Pure: it reads the plan summaries
 * the sql kind stored in `details.plan` (run/postgres/plan-summary.ts).
 */
/** A node's growth below this is EXPLAIN's own jitter (µs timers, instrumentation), never a cause. */
const MIN_NODE_GROWTH_MS = 0.02;
/** One execution per side is a single sample: a node must grow by a quarter to be named. */
const MIN_NODE_GROWTH_RATIO = 1.25;
/** A node with less of all the growth than this is a footnote, not a cause (a sort's jitter). */
const MIN_NODE_SHARE = 0.05;
const TOP = 3;
const finite = number().refine(Number.isFinite);
const planTimesSchema = object({
    depth: string().optional(),
    executionMs: finite.nullable().optional(),
    nodeTimes: array(object({ node: string(), totalMs: finite, selfMs: finite })).optional(),
});
/**
 * The plan nodes whose self time grew from base to head, top 3 by growth, each with both sides'
 * times (each side's fastest EXPLAIN) and its share of all the growth; a node new in the head (a
 * plan-shape change) is named with what it replaced on the same relation. A node is named only
 * when the head's fastest run of it is a quarter and `MIN_NODE_GROWTH_MS` slower than the base's
 * slowest and it has 5% of all the growth; when none is, the note says the EXPLAINs cannot
 * separate the change from noise. Undefined when neither side captured a plan.
 */
function planNodeCause(base, head) {
    const before = readSide(base.details);
    const after = readSide(head.details);
    if (before === 'no plan' && after === 'no plan')
        return undefined;
    if (before === 'no plan' ||
        after === 'no plan' ||
        before === 'no times' ||
        after === 'no times') {
        const which = before === 'no plan' || before === 'no times' ? 'base' : 'head';
        return {
            kind: 'plan-nodes',
            lines: [],
            note: `the ${which}'s result has no per-node plan times (recorded by an older perfgate, or EXPLAIN without timing), so no plan node can be named`,
        };
    }
    const baseRuns = [before, ...sides(base.repeats)];
    const headRuns = [after, ...sides(head.repeats)];
    const replaced = replacements(before.self, after.self);
    const growths = [...after.self.keys()].map((node) => {
        const was = replaced.get(node);
        // What the base spent on this node, or on the nodes it replaced on the same relation.
        const baseValues = baseRuns.map((run) => before.self.has(node)
            ? (run.self.get(node) ?? 0)
            : (was?.nodes ?? []).reduce((sum, old) => sum + (run.self.get(old) ?? 0), 0));
        const headValues = headRuns.flatMap((run) => run.self.get(node) ?? []);
        // Each side at its fastest: a busy machine only ever adds time to one EXPLAIN's nodes.
        const baseMs = Math.min(...baseValues);
        const headMs = Math.min(...headValues);
        // A node that replaced others is named with them; one simply new shows as `0 → x ms (new)`.
        const name = was ? `${node} (was ${was.types})` : node;
        return { name, baseMs, headMs, baseMax: Math.max(...baseValues), growth: headMs - baseMs };
    });
    const grown = growths.filter((g) => g.growth > 0);
    const totalGrowth = grown.reduce((sum, g) => sum + g.growth, 0);
    const separated = grown
        .filter((g) => g.headMs - g.baseMax >= MIN_NODE_GROWTH_MS &&
        g.headMs >= g.baseMax * MIN_NODE_GROWTH_RATIO &&
        g.growth >= totalGrowth * MIN_NODE_SHARE)
        .sort((a, b) => b.growth - a.growth)
        .slice(0, TOP);
    const lines = separated.map((g) => ({
        name: g.name,
        baseMs: round4(g.baseMs),
        headMs: round4(g.headMs),
        share: round4(g.growth / totalGrowth),
    }));
    if (lines.length > 0)
        return { kind: 'plan-nodes', lines };
    const execution = before.executionMs !== null && after.executionMs !== null
        ? ` (execution ${formatMilliseconds(before.executionMs)} → ${formatMilliseconds(after.executionMs)})`
        : '';
    if (grown.length === 0) {
        return {
            kind: 'plan-nodes',
            lines: [],
            note: `EXPLAIN ANALYZE of each side shows no plan node slower${execution}: the time went elsewhere (planning, the round trip, the client)`,
        };
    }
    const largest = grown.reduce((a, b) => (b.growth > a.growth ? b : a));
    const counts = baseRuns.length === 1 && headRuns.length === 1
        ? 'one EXPLAIN ANALYZE per side'
        : `${baseRuns.length} + ${headRuns.length} EXPLAIN ANALYZE runs`;
    return {
        kind: 'plan-nodes',
        lines: [],
        note: `${counts} cannot separate the change from noise${execution}: the most grown node, ${largest.name} (${msPair(largest.baseMs, largest.headMs)}), is not a quarter and ${formatMilliseconds(MIN_NODE_GROWTH_MS)} slower in the head's fastest run than in the base's slowest`,
    };
}
function sides(details) {
    return (details ?? []).map(readSide).filter((side) => typeof side === 'object');
}
function readSide(details) {
    const parsed = planTimesSchema.safeParse(details?.plan);
    if (!parsed.success)
        return 'no plan';
    const times = parsed.data.nodeTimes;
    if (times === undefined || times.length === 0)
        return 'no times';
    // Statements inside functions were captured (auto_explain): their nodes carry the time, so the
    // node that called the function would count it twice.
    const nested = parsed.data.depth === 'nested';
    const self = new Map();
    for (const time of times) {
        if (nested && (time.node.startsWith('Function Scan') || time.node === 'Result'))
            continue;
        self.set(time.node, (self.get(time.node) ?? 0) + time.selfMs);
    }
    return { self, executionMs: parsed.data.executionMs ?? null };
}
/**
 * For each node on a relation that only the head has, what the base had on that relation and
 * the head no longer has (`Index Scan on steps` → `Seq Scan on steps`).
 */
function replacements(base, head) {
    const gone = new Map();
    for (const node of base.keys()) {
        const split = splitLabel(node);
        if (head.has(node) || split === undefined)
            continue;
        const entry = gone.get(split.relation) ?? { types: [], nodes: [] };
        entry.types.push(split.type);
        entry.nodes.push(node);
        gone.set(split.relation, entry);
    }
    const out = new Map();
    for (const node of head.keys()) {
        const split = splitLabel(node);
        if (base.has(node) || split === undefined)
            continue;
        const entry = gone.get(split.relation);
        if (entry === undefined)
            continue;
        out.set(node, { types: entry.types.join(' + '), nodes: entry.nodes });
        // One new node takes the replaced time; a second new node on the relation is new.
        gone.delete(split.relation);
    }
    return out;
}
function splitLabel(node) {
    const at = node.indexOf(' on ');
    return at < 0 ? undefined : { type: node.slice(0, at), relation: node.slice(at + 4) };
}
function msPair(base, head) {
    return `${formatMilliseconds(base).replace(/ ms$/, '')} → ${formatMilliseconds(head)}`;
}
function round4(value) {
    return Math.round(value * 10000) / 10000;
}

/**
 * Adds `cause` (kind `plan-nodes`) to the first regression row of each bench that `pair` measured
 * on both sides with a plan, when the row was confirmed against the base; a row that already has
 * a cause (a profile's) keeps it. `repeats` tell how much a node's time moves run to run. Every
 * other row is returned as it was.
 */
function withPlanCauses(comparison, pair, repeats = {}) {
    const done = new Set();
    const comparisons = comparison.comparisons.map((row) => {
        const confirmedHere = row.verdict === 'regression' && row.confirmed === true && row.confirmation === 'base';
        if (!confirmedHere || row.cause)
            return row;
        if (done.has(row.name))
            return row;
        const details = (runs = []) => runs.map((run) => detailsOf(run, row.name));
        const cause = planNodeCause({ details: detailsOf(pair.base, row.name), repeats: details(repeats.base) }, { details: detailsOf(pair.head, row.name), repeats: details(repeats.head) });
        if (cause === undefined)
            return row;
        done.add(row.name);
        return { ...row, cause };
    });
    return { ...comparison, comparisons };
}
function detailsOf(run, name) {
    const bench = run.benches.find((b) => b.name === name && b.status === 'ok');
    return bench?.details;
}

/**
 * Compares `head` with `baselines`, then confirms what is in doubt as `mode` says; regressions
 * confirmed with both sides measured here are then profiled on both sides and carry their cause.
 */
async function compareAndConfirmRuns(input) {
    let again;
    const remeasure = async (names) => (again = await input.remeasure(names));
    try {
        const confirmed = await compareThenConfirm({ ...input, remeasure });
        if (!again?.explain || confirmed.confirmedWith !== 'base')
            return confirmed;
        return { ...confirmed, comparison: await withCauses(confirmed.comparison, again.explain) };
    }
    finally {
        await again?.close?.();
    }
}
/** The rows a profile can explain: time regressions confirmed with both sides measured here. */
function rowsToExplain(comparison) {
    const seen = new Set();
    return comparison.comparisons.filter((row) => {
        const explainable = row.verdict === 'regression' &&
            row.confirmed === true &&
            row.confirmation === 'base' &&
            row.unit === 'ms' &&
            row.head !== null &&
            !seen.has(row.name);
        if (explainable)
            seen.add(row.name);
        return explainable;
    });
}
async function withCauses(comparison, explain) {
    const rows = rowsToExplain(comparison);
    // Nothing confirmed: no profiling at all, so a clean PR pays nothing for it.
    if (rows.length === 0)
        return comparison;
    const causes = await explain(rows.map((row) => ({ result: row.name, msPerCall: row.head })));
    const explained = new Set(rows);
    return {
        ...comparison,
        comparisons: comparison.comparisons.map((row) => {
            const cause = explained.has(row) ? causes.get(row.name) : undefined;
            return cause ? { ...row, cause } : row;
        }),
    };
}
async function compareThenConfirm(input) {
    const finish = input.finish ?? ((c) => c);
    const prepare = input.prepare ?? ((r) => r);
    const options = input.options ?? {};
    const stored = !input.sameRunner;
    const first = (guessShift) => finish(compareRuns(input.baselines, input.head, { ...options, sharedShift: guessShift && stored }));
    if (input.mode === 'none')
        return { comparison: first(true), remeasured: [] };
    if (input.mode === 'base' && stored) {
        const screened = first(false);
        const names = benchesInDoubt(screened);
        if (names.length === 0)
            return { comparison: screened, remeasured: [] };
        const again = await input.remeasure(names);
        if (again.base) {
            const pair = { base: again.base, head: prepare(again.head) };
            return {
                // The head measured at first ran here too: a second EXPLAIN of the head's code.
                comparison: withPlanCauses(finish(confirmAgainstBase(screened, pair, options, names)), pair, { head: [input.head] }),
                confirmedWith: 'base',
                remeasured: names,
            };
        }
        // The base could not be measured here: a stored baseline confirmed by the head alone.
        const guessed = first(true);
        return {
            comparison: finish(confirmRegressions(input.baselines, input.head, prepare(again.head), guessed, options)),
            confirmedWith: 'rerun',
            remeasured: names,
        };
    }
    const comparison = first(true);
    const names = benchesToConfirm(comparison, input.includeInconclusive);
    if (names.length === 0)
        return { comparison, remeasured: [] };
    const again = await input.remeasure(names);
    const bothSides = input.sameRunner && again.base !== undefined;
    const baselines = bothSides ? [...input.baselines, again.base] : input.baselines;
    const confirmed = finish(confirmRegressions(baselines, input.head, prepare(again.head), comparison, {
        ...options,
        bothSides,
    }));
    return {
        // Both sides re-measured here (A/B): their plans say which node's time grew.
        comparison: bothSides
            ? withPlanCauses(confirmed, { base: again.base, head: again.head }, { base: input.baselines, head: [input.head] })
            : confirmed,
        confirmedWith: bothSides ? 'base' : 'rerun',
        remeasured: names,
    };
}

/**
 * Marks the rows of `changed` benches (which compareRuns saw as new, their baseline runs having
 * been left out) as `changed`, saying what changed.
 */
function markChanged(comparison, changed) {
    const byName = new Map(changed.map((c) => [c.name, c.changes]));
    const comparisons = comparison.comparisons.map((row) => {
        const changes = byName.get(row.name);
        if (!changes || row.verdict !== 'new')
            return row;
        return {
            ...row,
            verdict: 'changed',
            reason: `measured differently than the baseline (${changes.join(', ')}); compared once this reaches the base branch`,
        };
    });
    return { ...comparison, comparisons };
}

export { compareAndConfirmRuns as c, markChanged as m };
