import { n as number, o as object, s as string, _ as _enum, a as array, i as int, b as boolean, t as tuple, c as literal } from './schemas-CtpLbXv5.js';
import { c as formatPercentage, h as formatPercent, n as formatTimePair, f as formatValue } from './format-Czr1TBQt.js';

/** The default policy for inconclusive benches beyond their threshold. */
const DEFAULT_INCONCLUSIVE_POLICY = 'rerun';
/** True when `row` moved the bad way by more than its regression threshold, whatever its verdict. */
function isBeyondThreshold(row) {
    if (row.change === null)
        return false;
    const bad = row.better === 'smaller' ? Math.log1p(row.change) : -Math.log1p(row.change);
    return bad > Math.log1p(row.regressionThreshold);
}
/** Names of the benches with a regression: a bench with several regressed metrics counts once. */
function regressedBenches(rows) {
    return unique(rows.filter((r) => r.verdict === 'regression').map((r) => r.name));
}
/** The headline of `comparison` under `policy`, failing on regressions when `failOnRegression`. */
function headline$1(comparison, options = {}) {
    const policy = options.policy ?? DEFAULT_INCONCLUSIVE_POLICY;
    const rows = comparison.comparisons;
    const benches = new Set(rows.map((r) => r.name)).size;
    const regressed = regressedBenches(rows);
    const beyond = unique(rows
        .filter((r) => r.verdict === 'inconclusive' && isBeyondThreshold(r))
        .map((r) => r.name)
        .filter((name) => !regressed.includes(name)));
    const unconfirmed = unique(rows
        .filter((r) => r.confirmed === false && (r.verdict === 'regression' || isBeyondThreshold(r)))
        .map((r) => r.name));
    const failOnRegression = options.failOnRegression ?? true;
    // Nothing compared is never a pass, and unlike a regression no label or setting accepts it.
    if (comparison.problems && comparison.problems.length > 0) {
        return {
            status: 'error',
            icon: '❌',
            text: `❌ Nothing compared: ${comparison.problems[0]}`,
            regressions: regressed.length,
            beyondThreshold: beyond,
            unconfirmed,
            fail: true,
        };
    }
    const fail = (failOnRegression && regressed.length > 0) || (policy === 'fail' && beyond.length > 0);
    const parts = [];
    if (regressed.length > 0)
        parts.push(plural(regressed.length, 'regression'));
    if (beyond.length > 0) {
        parts.push(`${plural(beyond.length, 'bench', 'benches')} beyond the threshold but inconclusive`);
    }
    if (parts.length === 0) {
        return {
            status: 'pass',
            icon: '✅',
            text: `✅ No regressions in ${plural(benches, 'bench', 'benches')}`,
            regressions: 0,
            beyondThreshold: [],
            unconfirmed,
            fail: false,
        };
    }
    const icon = regressed.length > 0 ? '❌' : '⚠️';
    const tail = unconfirmed.length > 0 ? ` (${unconfirmed.length} unconfirmed)` : '';
    return {
        status: regressed.length > 0 ? 'regression' : 'beyond-threshold',
        icon,
        text: `${icon} ${parts.join(', ')} in ${plural(benches, 'bench', 'benches')}${tail}`,
        regressions: regressed.length,
        beyondThreshold: beyond,
        unconfirmed,
        fail,
    };
}
function unique(names) {
    return [...new Set(names)];
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}

/**
 * Why a confirmed regression is slower: what profiles of both sides (or both sides' query plans)
 * say grew. One zod schema is the stored format (comparison.json, the PR artifact) and the types.
 * Produced only for regressions confirmed with both sides measured on one runner (issue #24).
 */
const finite$3 = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** One function (or plan node) whose time grew, per bench call, base → head. */
const causeLineSchema = object({
    /** Function name, or a plan node (`Seq Scan on workflow_steps`). */
    name: string(),
    /** Source location `src/hash.js:12` (functions); absent for plan nodes. */
    location: string().optional(),
    /** Self time per bench call (functions) or the node's actual time per execution (plans), ms. */
    baseMs: finite$3,
    headMs: finite$3,
    /** This line's share of the whole change in time per call, 0–1 (0.71 = 71%). */
    share: finite$3,
});
/** The files a profiler opens, relative to the results file's folder (uploaded with the artifact). */
const causeFilesSchema = object({
    /** Each side's V8 CPU profile (Chrome DevTools, speedscope). */
    base: string().optional(),
    head: string().optional(),
    /** Folded stacks with both sides' values: `a;b;c <base> <head>` per line (difffolded format). */
    folded: string().optional(),
});
/** What the profiles of both sides say about one confirmed regression. */
const causeSchema = object({
    /** `functions` (a CPU profile), `plan-nodes` (EXPLAIN ANALYZE of both sides), or `none`. */
    kind: _enum(['functions', 'plan-nodes', 'none']),
    /** Up to 3 lines by growth, only those whose growth the profiles separate from noise. */
    lines: array(causeLineSchema),
    /**
     * Said instead of (or beside) lines: why nothing is named — "no profiler applies to this
     * command", "the profiles cannot separate the change from noise".
     */
    note: string().optional(),
    files: causeFilesSchema.optional(),
});

/**
 * The comparison of a head run with its baseline run(s): one zod schema is both the stored format
 * (comparison.json, the PR artifact's metadata) and, through `z.infer`, the TypeScript types, so
 * the file format cannot drift from the code. docs/results-format.md describes the same fields.
 */
const finite$2 = number().refine(Number.isFinite, { error: 'must be a finite number' });
const count = int().min(0);
/** The verdicts, in no particular order. */
const VERDICTS = [
    'regression',
    'improvement',
    'slower',
    'faster',
    'unchanged',
    'inconclusive',
    'new',
    'changed',
    'removed',
    'skipped',
    'error',
];
/** How one metric of one bench compares between baseline run(s) and the head run. */
const metricComparisonSchema = object({
    /** Bench name; for a secondary metric, the bench name (the metric is in `metric`). */
    name: string(),
    metric: string(),
    unit: string(),
    better: _enum(['smaller', 'bigger']),
    verdict: _enum(VERDICTS),
    /** Relative change of the robust centre, head/base - 1 (0.12 = 12% larger); null when not comparable. */
    change: finite$2.nullable(),
    /** Interval [low, high] for `change`, reflecting run-to-run variation; null when not computable. */
    ci: tuple([finite$2, finite$2]).nullable(),
    /** p-value of the test behind the verdict (after multiple-comparison correction); null when none applies. */
    p: finite$2.nullable(),
    /** The verdict's reason in words. */
    reason: string(),
    /** Centre of the baseline and head samples (compare/centre.ts: p10 of rounds), in `unit`; null when absent. */
    base: finite$2.nullable(),
    head: finite$2.nullable(),
    baseSamples: count,
    headSamples: count,
    /** Number of baseline runs pooled. */
    baseRuns: count,
    /** Rounds (run-level units) pooled on each side; absent when no statistics were computed. */
    baseRounds: count.optional(),
    headRounds: count.optional(),
    noiseThreshold: finite$2,
    regressionThreshold: finite$2,
    /** True when a re-run confirmed this verdict. */
    confirmed: boolean().optional(),
    /**
     * How the verdict was confirmed: `base` — base and head measured again on this runner,
     * interleaved, and judged by that pair alone; `rerun` — the head alone re-run and pooled.
     */
    confirmation: _enum(['base', 'rerun']).optional(),
    /** Kind-specific notes shown beside the timing (e.g. a query plan change). */
    notes: array(string()).optional(),
    /** Why a confirmed regression is slower: what grew in profiles or plans of both sides. */
    cause: causeSchema.optional(),
});
/** The comparison of a head run with its baseline run(s). */
const comparisonSchema = object({
    comparisons: array(metricComparisonSchema),
    /** Warnings about the whole comparison (runner mismatch, config changed, ...). */
    warnings: array(string()),
    regressions: count,
    /**
     * Why nothing (or too little) could be compared: the head's bench or case names do not pair
     * with the baseline's (compare/pairing.ts). Any problem makes the verdict an error, never a pass.
     */
    problems: array(string()).optional(),
});
/** The JSON document `perfgate compare --format json` prints and comparison.json holds. */
comparisonSchema.extend({ formatVersion: literal(1) });

/**
 * The noise section of the comment's details, pure: each bench's measured spread (between rounds
 * of this run; base against base in A/B mode) and, for a bench too noisy for its threshold, how
 * many rounds it would need. The facts come from src/ab/noise.ts; this only puts them in words.
 */
const finite$1 = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** One bench's measured noise, as stored with the comment's facts. */
const benchNoiseSchema = object({
    name: string(),
    metric: string(),
    rounds: int().min(0),
    samples: int().min(0),
    roundSpread: finite$1.nullable(),
    baseVsBase: finite$1.nullable(),
    threshold: finite$1,
    roundsNeeded: int().nullable(),
    hint: string().optional(),
    warmUp: boolean().optional(),
});
/** The noise section of `noise`, or undefined when no bench was measured. */
function noiseSection(noise) {
    if (noise.length === 0)
        return undefined;
    // The benches that need more rounds first, then the noisiest.
    const sorted = [...noise].sort((a, b) => Number(b.hint !== undefined) - Number(a.hint !== undefined) ||
        (b.roundSpread ?? -1) - (a.roundSpread ?? -1));
    const noisy = sorted.filter((n) => n.hint !== undefined);
    const benches = `${noise.length} ${noise.length === 1 ? 'bench' : 'benches'}`;
    const summary = noisy.length > 0
        ? `Noise: ${noisy.length} of ${benches} too noisy for ${noisy.length === 1 ? 'its' : 'their'} threshold`
        : `Noise: spread of ${benches}, all within what their thresholds need`;
    return {
        summary,
        baseVsBase: noise.some((n) => n.baseVsBase !== null),
        rows: sorted.map((n) => ({
            bench: n.metric === 'time' ? n.name : `${n.name} (${n.metric})`,
            rounds: `${n.rounds} × ${n.rounds === 0 ? 0 : Math.round(n.samples / n.rounds)}${n.warmUp ? ' (first: warm-up)' : ''}`,
            spread: n.roundSpread === null ? '—' : formatPercentage(n.roundSpread, 1),
            baseVsBase: n.baseVsBase === null ? '—' : formatPercent(n.baseVsBase),
            threshold: formatPercentage(n.threshold, n.threshold < 0.1 ? 1 : 0),
            needed: n.roundsNeeded === null ? '—' : `≥ ${n.roundsNeeded}`,
        })),
        hints: noisy.map((n) => ({ bench: n.name, hint: n.hint })),
        warmUp: noise.some((n) => n.warmUp === true),
    };
}

/**
 * A reason short enough for a table cell. The full reason (the change again, the thresholds, the
 * p-value, the rounds, how it was confirmed) runs to 35 words and squeezes the number columns
 * onto three lines; the table keeps its gist and the comment shows the full text folded below.
 */
/** Most words a reason shows in a table cell. */
const REASON_WORDS = 12;
/**
 * The gist of `reason` in at most `REASON_WORDS` words: its first clause (before a `;`), without
 * parenthesised statistics or the leading change the row's change column already shows, cut
 * with an ellipsis when still longer.
 */
function shortReason(reason) {
    const first = reason.split(';')[0];
    let text = first;
    // Nested parentheses are rare; removing the innermost until none is left handles them too.
    while (/\([^()]*\)/.test(text))
        text = text.replace(/\s*\([^()]*\)/g, '');
    // "25.0% slower, beyond …", "+25.0%, but most benches …": the change is in its own column.
    text = text
        .replace(/^[+\-−]?\d[\d.,]*\s*%(\s+(slower|faster|more|less))?,\s+(but\s+)?/, '')
        .replace(/[\s,:]+$/, '')
        .trim();
    if (text === '')
        text = reason.trim();
    const words = text.split(/\s+/);
    if (words.length <= REASON_WORDS)
        return text;
    return `${words
        .slice(0, REASON_WORDS)
        .join(' ')
        .replace(/[\s,:;]+$/, '')}…`;
}

/**
 * A cause in words, for the comment, the job summary and the terminal: one line per function
 * (or plan node) whose time grew — `checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139%),
 * 71% of the change` — or the note saying why none is named. Plain text; callers escape.
 */
/** The cause's lines in words: the functions by growth, then the note (when there is one). */
function causeTexts(cause) {
    const per = cause.kind === 'plan-nodes' ? 'per execution' : 'per call';
    const lines = cause.lines.map((line) => causeLineText(line, per));
    return cause.note === undefined ? lines : [...lines, cause.note];
}
/** What the cause was measured by, for the heading above its lines. */
function causeSource(cause) {
    if (cause.kind === 'plan-nodes')
        return 'plans of base and head on this runner';
    return 'CPU profiles of base and head on this runner';
}
/** `checksum (src/hash.js:12): 0.41 → 0.98 ms per call (+139%), 71% of the change`. */
function causeLineText(line, per = 'per call') {
    const where = line.location === undefined ? '' : ` (${line.location})`;
    const [base, head] = formatTimePair(line.baseMs, line.headMs);
    const growth = line.baseMs > 0 ? ` (${formatPercent(line.headMs / line.baseMs - 1)})` : ' (new)';
    const share = `${Math.round(line.share * 100)}% of the change`;
    return `${line.name}${where}: ${base} → ${head} ${per}${growth}, ${share}`;
}

/**
 * The comment model: from the facts of a run (its comparison, baseline, errors, verdict) to what
 * the PR comment and job summary show (headline, paragraphs, warnings, rows, footer), as plain
 * text that the renderer escapes. Pure: no markdown syntax decisions live here, no I/O.
 *
 * The facts (`CommentInput`) are what the PR artifact stores for `mode: comment`; their zod
 * schema validates that untrusted file and gives the TypeScript type, so the two cannot drift.
 */
/** The step's overall verdict (the `verdict` output). */
const stepVerdictSchema = _enum(['pass', 'regression', 'no-baseline', 'error']);
const finite = number().refine(Number.isFinite, { error: 'must be a finite number' });
/** Where the baseline came from, as the comment names it. */
const baselineInfoSchema = object({
    /** 'artifact' (a workflow run's artifact) or 'file' (the `baseline` input). */
    source: _enum(['artifact', 'file', 'base-ref']),
    commit: string().nullable(),
    /** The baseline workflow run (artifact source). */
    runId: int().optional(),
    runUrl: string().optional(),
    branch: string().optional(),
    /** Commits the baseline lags behind the PR's merge base (0 = at the merge base). */
    lagCommits: finite.optional(),
    /** Days since the baseline ran. */
    ageDays: finite.optional(),
    /** Baseline runs pooled. */
    runs: finite,
    /** The file, for the file source. */
    path: string().optional(),
});
/** The facts of one run the comment is built from; plain data so `mode: comment` can rebuild it. */
const commentInputSchema = object({
    /** The config file path (also the hidden marker's key). */
    configPath: string(),
    verdict: stepVerdictSchema,
    /** Null when there is no baseline. */
    comparison: comparisonSchema.nullable(),
    headCommit: string().nullable(),
    /** Benches in this run (for the no-baseline case). */
    benchCount: int().min(0),
    /** Benches in this run that errored, with their reasons (shown even without a baseline). */
    errors: array(object({ name: string(), reason: string() })),
    baseline: baselineInfoSchema.nullable(),
    /** Why there is no baseline and how to get one (verdict no-baseline). */
    noBaseline: object({ reason: string(), hint: string() }).optional(),
    /** This run is the push that records its branch's first baseline (verdict no-baseline). */
    firstBaseline: boolean().optional(),
    /** Warnings about the baseline: its age, its artifact about to expire, a degraded history. */
    baselineWarnings: array(string()),
    /** Links to this run and its artifacts. */
    runUrl: string().optional(),
    artifactsUrl: string().optional(),
    /** True when flagged regressions were re-run and pooled. */
    rerun: boolean(),
    /** Set when the acknowledge label turned regressions into a pass. */
    acknowledged: object({ label: string() }).optional(),
    /** The label that would accept regressions (to say how). */
    acknowledgeLabel: string().optional(),
    /** The previous comment reported regressions that this run no longer has. */
    fixedSince: boolean().optional(),
    /** Inconclusive benches beyond their regression threshold: never a ✅ headline. */
    beyondThreshold: array(string()).optional(),
    /** This PR's threshold edits and when they take effect (the base branch decides the gate). */
    thresholdChanges: array(string()).optional(),
    /**
     * Markdown perfgate generated (Mermaid history charts of flagged benches). Trusted only when
     * this run built it: `mode: comment` drops it from an artifact.
     */
    charts: array(object({ bench: string(), markdown: string() })).optional(),
    /** The budgets and growth sections (perfgate's own markdown; dropped from an artifact too). */
    budgets: string().optional(),
    /** Budgets broken on this run, and benches whose growth got steeper: never a ✅ headline. */
    brokenBudgets: number().int().min(0).optional(),
    growthRegressions: number().int().min(0).optional(),
    /** Each bench's measured noise (src/ab/noise.ts): shown in the details. */
    noise: array(benchNoiseSchema).optional(),
});
const ORDER = [
    'regression',
    'error',
    'improvement',
    'inconclusive',
    'slower',
    'faster',
    'new',
    'changed',
    'removed',
    'skipped',
    'unchanged',
];
const MATTERS = new Set(['regression', 'error', 'improvement', 'inconclusive']);
const LABEL = {
    regression: '🔴 regression',
    error: '⚠️ error',
    improvement: '🟢 improvement',
    inconclusive: '❔ inconclusive',
    slower: 'slower',
    faster: 'faster',
    unchanged: 'unchanged',
    new: 'new',
    changed: '✏️ changed',
    removed: 'removed',
    skipped: 'skipped',
};
/** Builds what the comment shows from the facts of a run. */
function buildCommentModel(input) {
    const sorted = [...(input.comparison?.comparisons ?? [])].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
    const rest = sorted.filter((c) => !MATTERS.has(c.verdict));
    const folded = rest.filter((c) => !unmovedMemory(c));
    const noisy = noisyBenches(input);
    return {
        configPath: input.configPath,
        verdict: input.verdict,
        headline: headline(input),
        paragraphs: paragraphs(input),
        warnings: [...input.baselineWarnings, ...(input.comparison?.warnings ?? [])],
        errors: input.comparison ? [] : input.errors,
        rows: sorted.filter((c) => MATTERS.has(c.verdict)).map((c) => row(c, input.rerun, noisy)),
        otherRows: folded.map((c) => row(c, input.rerun, noisy)),
        otherSummary: describeCounts(folded),
        hiddenMemoryRows: rest.length - folded.length,
        footer: footer(input),
        charts: input.charts ?? [],
        budgets: input.budgets ?? '',
        ...noiseOf(input),
        causes: causeSections(sorted),
    };
}
/** The cause of each regression that carries one, in the table's order. */
function causeSections(rows) {
    return rows.flatMap((c) => c.verdict === 'regression' && c.cause
        ? [
            {
                bench: c.metric === 'time' ? c.name : `${c.name} (${c.metric})`,
                source: causeSource(c.cause),
                lines: causeTexts(c.cause),
                files: Object.values(c.cause.files ?? {}),
            },
        ]
        : []);
}
/** Benches the noise report calls too noisy for their threshold: never called "confirmed". */
function noisyBenches(input) {
    return new Set((input.noise ?? []).filter((n) => n.hint !== undefined).map((n) => n.name));
}
function noiseOf(input) {
    const noise = noiseSection(input.noise ?? []);
    return noise === undefined ? {} : { noise };
}
/** A memory metric whose verdict is unchanged: it did not move beyond its resolution or noise. */
function unmovedMemory(c) {
    return c.unit === 'bytes' && c.verdict === 'unchanged';
}
/** The headline: the verdict in words, with its icon. */
function headline(input) {
    const comparisons = input.comparison?.comparisons ?? [];
    const regressions = comparisons.filter((c) => c.verdict === 'regression');
    const errors = input.errors.length;
    const beyond = input.beyondThreshold ?? [];
    const errorText = (errors > 0 ? `, ${countOf(errors, 'bench', 'benches')} failed` : '') +
        (beyond.length > 0 && regressions.length > 0
            ? `, ${beyond.length} more beyond the threshold but inconclusive`
            : '');
    if (input.verdict === 'no-baseline') {
        return {
            icon: '⚪',
            text: [
                {
                    strong: [
                        input.firstBaseline
                            ? 'This push records the first baseline'
                            : 'No baseline to compare with',
                    ],
                },
                ` (${countOf(input.benchCount, 'bench', 'benches')} run${errorText})`,
            ],
        };
    }
    // Names that do not pair compared nothing: whatever the rows say, that is not a pass.
    const problems = input.comparison?.problems ?? [];
    if (problems.length > 0) {
        const benches = new Set(comparisons.map((c) => c.name)).size;
        return {
            icon: '❌',
            text: [
                {
                    strong: [
                        `Nothing compared: the head run's bench names do not pair with the baseline's (${countOf(benches, 'bench', 'benches')}${errorText})`,
                    ],
                },
            ],
        };
    }
    const budgets = budgetTrouble(input.brokenBudgets, input.growthRegressions);
    // Regressions and broken budgets alike: ❌, or ☑️ once the acknowledge label accepted them.
    const flagged = (text) => input.acknowledged
        ? {
            icon: '☑️',
            text: [
                { strong: [text] },
                ', accepted with the ',
                { code: input.acknowledged.label },
                ' label',
            ],
        }
        : { icon: '❌', text: [{ strong: [text] }] };
    if (regressions.length > 0) {
        const thresholds = new Set(regressions.map((c) => c.regressionThreshold));
        const over = thresholds.size === 1
            ? `over ${formatPercentage([...thresholds][0])}`
            : 'over their thresholds';
        const noisy = noisyBenches(input);
        const confirmed = regressions.every((c) => c.confirmed && !noisy.has(c.name))
            ? `, ${confirmedHow(regressions)}`
            : '';
        // Benches, as the step's `regressions` output counts them, not each regressed metric.
        const benches = regressedBenches(regressions).length;
        const also = budgets === '' ? '' : `, ${budgets}`;
        return flagged(`${countOf(benches, 'regression', 'regressions')} ${over}${confirmed}${also}${errorText}`);
    }
    // A budget is checked without a baseline: its break is the headline even when nothing compared.
    if (budgets !== '') {
        const compared = input.comparison ? '' : ', no baseline to compare with';
        return flagged(`${budgets}${compared}${errorText}`);
    }
    const benches = new Set(comparisons.map((c) => c.name)).size;
    if (beyond.length > 0) {
        const text = `${countOf(beyond.length, 'bench', 'benches')} beyond the threshold but inconclusive, in ${countOf(benches, 'bench', 'benches')}${errorText}`;
        return { icon: '⚠️', text: [{ strong: [text] }] };
    }
    if (errors > 0)
        return {
            icon: '⚠️',
            text: [{ strong: [`No regressions in ${countOf(benches, 'bench', 'benches')}${errorText}`] }],
        };
    const improvements = comparisons.filter((c) => c.verdict === 'improvement').length;
    const better = improvements > 0 ? `, ${countOf(improvements, 'improvement', 'improvements')}` : '';
    return {
        icon: '✅',
        text: [{ strong: [`No regressions in ${countOf(benches, 'bench', 'benches')}`] }, better],
    };
}
/** "1 budget broken, 1 growth regression", or '' when budgets and growth are fine. */
function budgetTrouble(broken = 0, steeper = 0) {
    return [
        ...(broken > 0 ? [`${countOf(broken, 'budget', 'budgets')} broken`] : []),
        ...(steeper > 0 ? [countOf(steeper, 'growth regression', 'growth regressions')] : []),
    ].join(', ');
}
function paragraphs(input) {
    const out = [];
    for (const problem of input.comparison?.problems ?? []) {
        out.push([{ strong: ['Error:'] }, ' ', { text: problem }]);
    }
    if (input.fixedSince && input.verdict === 'pass') {
        out.push([
            '✅ The regression reported earlier on this PR is fixed as of ',
            ...commit(input.headCommit),
            '.',
        ]);
    }
    if (input.acknowledged) {
        out.push([
            'The ',
            { code: input.acknowledged.label },
            ' label accepts these regressions, so the check passes; remove the label to gate again.',
        ]);
    }
    for (const change of input.thresholdChanges ?? []) {
        out.push([{ strong: ['Threshold change:'] }, ' ', { text: change }]);
    }
    if (input.noBaseline) {
        out.push([{ strong: ['Why:'] }, ' ', { text: input.noBaseline.reason }]);
        // The first baseline needs nothing more from the reader: say what happens next instead.
        const next = input.firstBaseline ? 'Next:' : 'How to get one:';
        out.push([{ strong: [next] }, ' ', { text: input.noBaseline.hint }]);
    }
    return out;
}
/** "confirmed against the base on this runner" when every row was, else "… on re-run". */
function confirmedHow(rows) {
    return rows.every((c) => c.confirmation === 'base')
        ? 'confirmed against the base on this runner'
        : rows.every((c) => c.confirmation === 'rerun')
            ? 'confirmed on a re-run of the head only'
            : 'confirmed on re-run';
}
function row(c, rerun, noisy) {
    // The words follow the evidence: a bench the noise report calls too noisy is not "confirmed".
    const confirmed = c.verdict === 'regression' && rerun && c.confirmed && !noisy.has(c.name)
        ? c.confirmation === 'base'
            ? ' (confirmed against the base)'
            : c.confirmation === 'rerun'
                ? ' (confirmed, head re-run only)'
                : ' (confirmed on re-run)'
        : c.confirmed === false && (c.verdict === 'regression' || c.verdict === 'inconclusive')
            ? ' (unconfirmed)'
            : '';
    return {
        bench: c.metric === 'time' ? c.name : `${c.name} (${c.metric})`,
        baseline: formatValue(c.base, c.unit),
        head: formatValue(c.head, c.unit),
        change: changeText(c),
        verdict: `${LABEL[c.verdict]}${confirmed}`,
        reason: shortReason(c.reason),
        fullReason: c.reason,
        notes: c.notes ?? [],
    };
}
/** `+12.3% [+8.1%, +16.0%]`, or an em dash when not comparable. */
function changeText(c) {
    if (c.change === null)
        return '—';
    return c.ci
        ? `${formatPercent(c.change)} [${formatPercent(c.ci[0])}, ${formatPercent(c.ci[1])}]`
        : formatPercent(c.change);
}
function footer(input) {
    const lines = [];
    const b = input.baseline;
    if (b) {
        const run = b.runId === undefined
            ? []
            : [', ', b.runUrl ? { link: `run ${b.runId}`, url: b.runUrl } : `run ${b.runId}`];
        const where = b.source === 'base-ref'
            ? [
                'A/B on this runner against ',
                ...commit(b.commit),
                ...(b.branch && b.branch !== b.commit ? [' (', { code: b.branch }, ')'] : []),
                ', rounds interleaved',
            ]
            : b.source === 'file'
                ? [
                    'the file ',
                    { code: b.path ?? '' },
                    ...(b.commit ? [' (', ...commit(b.commit), ')'] : []),
                ]
                : [...commit(b.commit), ...(b.branch ? [' on ', { code: b.branch }] : []), ...run];
        const lag = b.lagCommits === undefined
            ? ''
            : b.lagCommits === 0
                ? ', at the merge base'
                : `, ${countOf(b.lagCommits, 'commit', 'commits')} before the merge base`;
        const age = b.ageDays === undefined ? '' : `, ${formatAge(b.ageDays)} old`;
        const pooled = b.runs > 1 ? `; ${b.runs} baseline runs pooled` : '';
        lines.push(['Baseline: ', ...where, `${lag}${age}${pooled}.`]);
    }
    if (input.headCommit)
        lines.push(['Head: ', ...commit(input.headCommit), '.']);
    const links = [];
    if (input.runUrl)
        links.push({ link: 'this run', url: input.runUrl });
    if (input.artifactsUrl) {
        if (links.length > 0)
            links.push(' · ');
        links.push({ link: 'results artifacts', url: input.artifactsUrl });
    }
    if (links.length > 0)
        lines.push(['Details: ', ...links, '.']);
    if (input.verdict === 'regression' && !input.acknowledged && input.acknowledgeLabel) {
        lines.push([
            'To accept these regressions, add the ',
            { code: input.acknowledgeLabel },
            ' label to the PR (anyone with triage or write access can).',
        ]);
    }
    return lines;
}
/** A commit as a short sha in a code span; anything that is not a hex sha is shown whole. */
function commit(sha) {
    if (!sha)
        return ['an unknown commit'];
    return [{ code: /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : sha }];
}
function formatAge(days) {
    if (days < 1 / 24)
        return 'under an hour';
    if (days < 1)
        return `${Math.round(days * 24)} h`;
    return countOf(Math.round(days), 'day', 'days');
}
function describeCounts(rows) {
    const counts = new Map();
    for (const r of rows)
        counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
}
/** "1 bench", "3 benches". */
function countOf(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** The comment facts for a local comparison: the verdict follows from the comparison and the budgets. */
function localCommentInput(comparison, facts) {
    const errors = comparison.comparisons
        .filter((c) => c.verdict === 'error')
        .map((c) => ({ name: c.name, reason: c.reason }));
    const budgets = facts.budgets;
    const flagged = comparison.regressions > 0 ||
        (budgets?.broken ?? 0) > 0 ||
        (budgets?.growthRegressions ?? 0) > 0;
    return {
        ...(budgets?.markdown ? { budgets: budgets.markdown } : {}),
        ...(budgets?.broken ? { brokenBudgets: budgets.broken } : {}),
        ...(budgets?.growthRegressions ? { growthRegressions: budgets.growthRegressions } : {}),
        configPath: facts.configPath,
        verdict: flagged ? 'regression' : errors.length > 0 ? 'error' : 'pass',
        comparison,
        headCommit: facts.headCommit,
        benchCount: new Set(comparison.comparisons.map((c) => c.name)).size,
        errors,
        baseline: {
            source: 'file',
            commit: facts.baselineCommit,
            path: facts.baselinePath,
            runs: facts.baselineRuns,
        },
        baselineWarnings: [],
        rerun: comparison.comparisons.some((c) => c.confirmed !== undefined),
    };
}

export { causeTexts as a, budgetTrouble as b, causeSource as c, buildCommentModel as d, changeText as e, commentInputSchema as f, baselineInfoSchema as g, headline$1 as h, isBeyondThreshold as i, localCommentInput as l, regressedBenches as r, stepVerdictSchema as s };
