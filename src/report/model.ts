/**
 * The comment model: from the facts of a run (its comparison, baseline, errors, verdict) to what
 * the PR comment and job summary show (headline, paragraphs, warnings, rows, footer), as plain
 * text that the renderer escapes. Pure: no markdown syntax decisions live here, no I/O.
 *
 * The facts (`CommentInput`) are what the PR artifact stores for `mode: comment`; their zod
 * schema validates that untrusted file and gives the TypeScript type, so the two cannot drift.
 */
import { z } from 'zod'
import { regressedBenches } from '../compare/headline.js'
import {
  comparisonSchema,
  type Comparison,
  type MetricComparison,
  type Verdict,
} from '../compare/types.js'
import { formatPercent, formatPercentage, formatValue } from '../format.js'
import { benchNoiseSchema, noiseSection, type NoiseSection } from './noise.js'
import { shortReason } from './short-reason.js'
import { causeTexts } from './cause.js'

/** The step's overall verdict (the `verdict` output). */
export const stepVerdictSchema = z.enum(['pass', 'regression', 'no-baseline', 'error'])
/** The step's overall verdict (the `verdict` output). */
export type StepVerdict = z.infer<typeof stepVerdictSchema>

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

/** Where the baseline came from, as the comment names it. */
export const baselineInfoSchema = z.object({
  /** 'artifact' (a workflow run's artifact) or 'file' (the `baseline` input). */
  source: z.enum(['artifact', 'file', 'base-ref']),
  commit: z.string().nullable(),
  /** The baseline workflow run (artifact source). */
  runId: z.int().optional(),
  runUrl: z.string().optional(),
  branch: z.string().optional(),
  /** Commits the baseline lags behind the PR's merge base (0 = at the merge base). */
  lagCommits: finite.optional(),
  /** Days since the baseline ran. */
  ageDays: finite.optional(),
  /** Baseline runs pooled. */
  runs: finite,
  /** The file, for the file source. */
  path: z.string().optional(),
})
/** Where the baseline came from, as the comment names it. */
export type BaselineInfo = z.infer<typeof baselineInfoSchema>

/** The facts of one run the comment is built from; plain data so `mode: comment` can rebuild it. */
export const commentInputSchema = z.object({
  /** The config file path (also the hidden marker's key). */
  configPath: z.string(),
  verdict: stepVerdictSchema,
  /** Null when there is no baseline. */
  comparison: comparisonSchema.nullable(),
  headCommit: z.string().nullable(),
  /** Benches in this run (for the no-baseline case). */
  benchCount: z.int().min(0),
  /** Benches in this run that errored, with their reasons (shown even without a baseline). */
  errors: z.array(z.object({ name: z.string(), reason: z.string() })),
  baseline: baselineInfoSchema.nullable(),
  /** Why there is no baseline and how to get one (verdict no-baseline). */
  noBaseline: z.object({ reason: z.string(), hint: z.string() }).optional(),
  /** This run is the push that records its branch's first baseline (verdict no-baseline). */
  firstBaseline: z.boolean().optional(),
  /** Warnings about the baseline: its age, its artifact about to expire, a degraded history. */
  baselineWarnings: z.array(z.string()),
  /** Links to this run and its artifacts. */
  runUrl: z.string().optional(),
  artifactsUrl: z.string().optional(),
  /** True when flagged regressions were re-run and pooled. */
  rerun: z.boolean(),
  /** Set when the acknowledge label turned regressions into a pass. */
  acknowledged: z.object({ label: z.string() }).optional(),
  /** The label that would accept regressions (to say how). */
  acknowledgeLabel: z.string().optional(),
  /** The previous comment reported regressions that this run no longer has. */
  fixedSince: z.boolean().optional(),
  /** Inconclusive benches beyond their regression threshold: never a ✅ headline. */
  beyondThreshold: z.array(z.string()).optional(),
  /** This PR's threshold edits and when they take effect (the base branch decides the gate). */
  thresholdChanges: z.array(z.string()).optional(),
  /**
   * Markdown perfgate generated (Mermaid history charts of flagged benches). Trusted only when
   * this run built it: `mode: comment` drops it from an artifact.
   */
  charts: z.array(z.object({ bench: z.string(), markdown: z.string() })).optional(),
  /** The budgets and growth sections (perfgate's own markdown; dropped from an artifact too). */
  budgets: z.string().optional(),
  /** Budgets broken on this run, and benches whose growth got steeper: never a ✅ headline. */
  brokenBudgets: z.number().int().min(0).optional(),
  growthRegressions: z.number().int().min(0).optional(),
  /** Each bench's measured noise (src/ab/noise.ts): shown in the details. */
  noise: z.array(benchNoiseSchema).optional(),
})
/** The facts of one run the comment is built from. */
export type CommentInput = z.infer<typeof commentInputSchema>

/**
 * Inline pieces of a line: a string is perfgate's own prose (rendered as is), `{ text }` is
 * untrusted text (escaped), `{ code }` is shown literally, `{ link }` is a link whose text is escaped.
 */
export type Inline =
  | string
  | { text: string }
  | { code: string }
  | { strong: Inline[] }
  | { link: string; url: string }

/** One table row: a metric's comparison in words. */
export interface CommentRow {
  bench: string
  baseline: string
  head: string
  change: string
  verdict: string
  /** The reason's gist, short enough for a table cell (at most `REASON_WORDS` words). */
  reason: string
  /** The whole reason with its statistics, shown folded under the table. */
  fullReason: string
  /** Notes (query plan, scaling curve) shown in rows under it. */
  notes: string[]
}

/** What the comment shows, ready to render. */
export interface CommentModel {
  configPath: string
  verdict: StepVerdict
  headline: { icon: string; text: Inline[] }
  /** Paragraphs after the headline (fixed since, accepted, why no baseline). */
  paragraphs: Inline[][]
  warnings: string[]
  /** Failed benches, shown as a table when there is no comparison to show them in. */
  errors: { name: string; reason: string }[]
  /** The rows that matter (regressions, errors, improvements, inconclusive), worst first. */
  rows: CommentRow[]
  /** The other rows, folded. */
  otherRows: CommentRow[]
  /** "2 unchanged, 1 faster" for the folded section's summary. */
  otherSummary: string
  /** Memory rows left out of the folded table because they did not move beyond their resolution. */
  hiddenMemoryRows: number
  /** Footer lines (baseline, head, links, how to accept). */
  footer: Inline[][]
  /** History charts of flagged benches (perfgate's own markdown), shown folded when they fit. */
  charts: { bench: string; markdown: string }[]
  /** Budgets and growth with data size (perfgate's own markdown), after the tables. */
  budgets: string
  /** Each bench's spread and the rounds it would need, folded; undefined without noise facts. */
  noise?: NoiseSection
}

const ORDER: Verdict[] = [
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
]
const MATTERS = new Set<Verdict>(['regression', 'error', 'improvement', 'inconclusive'])
const LABEL: Record<Verdict, string> = {
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
}

/** Builds what the comment shows from the facts of a run. */
export function buildCommentModel(input: CommentInput): CommentModel {
  const sorted = [...(input.comparison?.comparisons ?? [])].sort(
    (a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict),
  )
  const rest = sorted.filter((c) => !MATTERS.has(c.verdict))
  const folded = rest.filter((c) => !unmovedMemory(c))
  const noisy = noisyBenches(input)
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
  }
}

/** Benches the noise report calls too noisy for their threshold: never called "confirmed". */
function noisyBenches(input: CommentInput): Set<string> {
  return new Set((input.noise ?? []).filter((n) => n.hint !== undefined).map((n) => n.name))
}

function noiseOf(input: CommentInput): { noise?: NoiseSection } {
  const noise = noiseSection(input.noise ?? [])
  return noise === undefined ? {} : { noise }
}

/** A memory metric whose verdict is unchanged: it did not move beyond its resolution or noise. */
function unmovedMemory(c: MetricComparison): boolean {
  return c.unit === 'bytes' && c.verdict === 'unchanged'
}

/** The headline: the verdict in words, with its icon. */
export function headline(input: CommentInput): { icon: string; text: Inline[] } {
  const comparisons = input.comparison?.comparisons ?? []
  const regressions = comparisons.filter((c) => c.verdict === 'regression')
  const errors = input.errors.length
  const beyond = input.beyondThreshold ?? []
  const errorText =
    (errors > 0 ? `, ${countOf(errors, 'bench', 'benches')} failed` : '') +
    (beyond.length > 0 && regressions.length > 0
      ? `, ${beyond.length} more beyond the threshold but inconclusive`
      : '')
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
    }
  }
  // Names that do not pair compared nothing: whatever the rows say, that is not a pass.
  const problems = input.comparison?.problems ?? []
  if (problems.length > 0) {
    const benches = new Set(comparisons.map((c) => c.name)).size
    return {
      icon: '❌',
      text: [
        {
          strong: [
            `Nothing compared: the head run's bench names do not pair with the baseline's (${countOf(benches, 'bench', 'benches')}${errorText})`,
          ],
        },
      ],
    }
  }
  const budgets = budgetTrouble(input.brokenBudgets, input.growthRegressions)
  // Regressions and broken budgets alike: ❌, or ☑️ once the acknowledge label accepted them.
  const flagged = (text: string): { icon: string; text: Inline[] } =>
    input.acknowledged
      ? {
          icon: '☑️',
          text: [
            { strong: [text] },
            ', accepted with the ',
            { code: input.acknowledged.label },
            ' label',
          ],
        }
      : { icon: '❌', text: [{ strong: [text] }] }
  if (regressions.length > 0) {
    const thresholds = new Set(regressions.map((c) => c.regressionThreshold))
    const over =
      thresholds.size === 1
        ? `over ${formatPercentage([...thresholds][0])}`
        : 'over their thresholds'
    const noisy = noisyBenches(input)
    const confirmed = regressions.every((c) => c.confirmed && !noisy.has(c.name))
      ? `, ${confirmedHow(regressions)}`
      : ''
    // Benches, as the step's `regressions` output counts them, not each regressed metric.
    const benches = regressedBenches(regressions).length
    const also = budgets === '' ? '' : `, ${budgets}`
    return flagged(
      `${countOf(benches, 'regression', 'regressions')} ${over}${confirmed}${also}${errorText}`,
    )
  }
  // A budget is checked without a baseline: its break is the headline even when nothing compared.
  if (budgets !== '') {
    const compared = input.comparison ? '' : ', no baseline to compare with'
    return flagged(`${budgets}${compared}${errorText}`)
  }
  const benches = new Set(comparisons.map((c) => c.name)).size
  if (beyond.length > 0) {
    const text = `${countOf(beyond.length, 'bench', 'benches')} beyond the threshold but inconclusive, in ${countOf(benches, 'bench', 'benches')}${errorText}`
    return { icon: '⚠️', text: [{ strong: [text] }] }
  }
  if (errors > 0)
    return {
      icon: '⚠️',
      text: [{ strong: [`No regressions in ${countOf(benches, 'bench', 'benches')}${errorText}`] }],
    }
  const improvements = comparisons.filter((c) => c.verdict === 'improvement').length
  const better = improvements > 0 ? `, ${countOf(improvements, 'improvement', 'improvements')}` : ''
  return {
    icon: '✅',
    text: [{ strong: [`No regressions in ${countOf(benches, 'bench', 'benches')}`] }, better],
  }
}

/** "1 budget broken, 1 growth regression", or '' when budgets and growth are fine. */
export function budgetTrouble(broken = 0, steeper = 0): string {
  return [
    ...(broken > 0 ? [`${countOf(broken, 'budget', 'budgets')} broken`] : []),
    ...(steeper > 0 ? [countOf(steeper, 'growth regression', 'growth regressions')] : []),
  ].join(', ')
}

function paragraphs(input: CommentInput): Inline[][] {
  const out: Inline[][] = []
  for (const problem of input.comparison?.problems ?? []) {
    out.push([{ strong: ['Error:'] }, ' ', { text: problem }])
  }
  if (input.fixedSince && input.verdict === 'pass') {
    out.push([
      '✅ The regression reported earlier on this PR is fixed as of ',
      ...commit(input.headCommit),
      '.',
    ])
  }
  if (input.acknowledged) {
    out.push([
      'The ',
      { code: input.acknowledged.label },
      ' label accepts these regressions, so the check passes; remove the label to gate again.',
    ])
  }
  for (const change of input.thresholdChanges ?? []) {
    out.push([{ strong: ['Threshold change:'] }, ' ', { text: change }])
  }
  if (input.noBaseline) {
    out.push([{ strong: ['Why:'] }, ' ', { text: input.noBaseline.reason }])
    // The first baseline needs nothing more from the reader: say what happens next instead.
    const next = input.firstBaseline ? 'Next:' : 'How to get one:'
    out.push([{ strong: [next] }, ' ', { text: input.noBaseline.hint }])
  }
  return out
}

/** "confirmed against the base on this runner" when every row was, else "… on re-run". */
function confirmedHow(rows: readonly MetricComparison[]): string {
  return rows.every((c) => c.confirmation === 'base')
    ? 'confirmed against the base on this runner'
    : rows.every((c) => c.confirmation === 'rerun')
      ? 'confirmed on a re-run of the head only'
      : 'confirmed on re-run'
}

function row(c: MetricComparison, rerun: boolean, noisy: ReadonlySet<string>): CommentRow {
  // The words follow the evidence: a bench the noise report calls too noisy is not "confirmed".
  const confirmed =
    c.verdict === 'regression' && rerun && c.confirmed && !noisy.has(c.name)
      ? c.confirmation === 'base'
        ? ' (confirmed against the base)'
        : c.confirmation === 'rerun'
          ? ' (confirmed, head re-run only)'
          : ' (confirmed on re-run)'
      : c.confirmed === false && (c.verdict === 'regression' || c.verdict === 'inconclusive')
        ? ' (unconfirmed)'
        : ''
  return {
    bench: c.metric === 'time' ? c.name : `${c.name} (${c.metric})`,
    baseline: formatValue(c.base, c.unit),
    head: formatValue(c.head, c.unit),
    change: changeText(c),
    verdict: `${LABEL[c.verdict]}${confirmed}`,
    reason: shortReason(c.reason),
    fullReason: c.reason,
    // Why it is slower (issue #24) reads like a plan change: a row of its own under the bench.
    notes: [...(c.notes ?? []), ...(c.cause ? causeTexts(c.cause) : [])],
  }
}

/** `+12.3% [+8.1%, +16.0%]`, or an em dash when not comparable. */
export function changeText(c: Pick<MetricComparison, 'change' | 'ci'>): string {
  if (c.change === null) return '—'
  return c.ci
    ? `${formatPercent(c.change)} [${formatPercent(c.ci[0])}, ${formatPercent(c.ci[1])}]`
    : formatPercent(c.change)
}

function footer(input: CommentInput): Inline[][] {
  const lines: Inline[][] = []
  const b = input.baseline
  if (b) {
    const run: Inline[] =
      b.runId === undefined
        ? []
        : [', ', b.runUrl ? { link: `run ${b.runId}`, url: b.runUrl } : `run ${b.runId}`]
    const where: Inline[] =
      b.source === 'base-ref'
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
          : [...commit(b.commit), ...(b.branch ? [' on ', { code: b.branch }] : []), ...run]
    const lag =
      b.lagCommits === undefined
        ? ''
        : b.lagCommits === 0
          ? ', at the merge base'
          : `, ${countOf(b.lagCommits, 'commit', 'commits')} before the merge base`
    const age = b.ageDays === undefined ? '' : `, ${formatAge(b.ageDays)} old`
    const pooled = b.runs > 1 ? `; ${b.runs} baseline runs pooled` : ''
    lines.push(['Baseline: ', ...where, `${lag}${age}${pooled}.`])
  }
  if (input.headCommit) lines.push(['Head: ', ...commit(input.headCommit), '.'])
  const links: Inline[] = []
  if (input.runUrl) links.push({ link: 'this run', url: input.runUrl })
  if (input.artifactsUrl) {
    if (links.length > 0) links.push(' · ')
    links.push({ link: 'results artifacts', url: input.artifactsUrl })
  }
  if (links.length > 0) lines.push(['Details: ', ...links, '.'])
  if (input.verdict === 'regression' && !input.acknowledged && input.acknowledgeLabel) {
    lines.push([
      'To accept these regressions, add the ',
      { code: input.acknowledgeLabel },
      ' label to the PR (anyone with triage or write access can).',
    ])
  }
  return lines
}

/** A commit as a short sha in a code span; anything that is not a hex sha is shown whole. */
function commit(sha: string | null): Inline[] {
  if (!sha) return ['an unknown commit']
  return [{ code: /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : sha }]
}

function formatAge(days: number): string {
  if (days < 1 / 24) return 'under an hour'
  if (days < 1) return `${Math.round(days * 24)} h`
  return countOf(Math.round(days), 'day', 'days')
}

function describeCounts(rows: MetricComparison[]): string {
  const counts = new Map<Verdict, number>()
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1)
  return [...counts].map(([v, n]) => `${n} ${v}`).join(', ')
}

/** "1 bench", "3 benches". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What a comparison made outside a workflow (the CLI) knows about its runs. */
export interface LocalRunFacts {
  configPath: string
  headCommit: string | null
  /** The baseline file (the first when several are pooled) and its commit. */
  baselinePath: string
  baselineCommit: string | null
  baselineRuns: number
  /** Budgets and growth of the head run, as the action puts them in the comment. */
  budgets?: LocalBudgets
}

/** The budgets part of a local report: perfgate's markdown sections and what broke. */
export interface LocalBudgets {
  markdown: string
  broken: number
  growthRegressions: number
}

/** The comment facts for a local comparison: the verdict follows from the comparison and the budgets. */
export function localCommentInput(comparison: Comparison, facts: LocalRunFacts): CommentInput {
  const errors = comparison.comparisons
    .filter((c) => c.verdict === 'error')
    .map((c) => ({ name: c.name, reason: c.reason }))
  const budgets = facts.budgets
  const flagged =
    comparison.regressions > 0 ||
    (budgets?.broken ?? 0) > 0 ||
    (budgets?.growthRegressions ?? 0) > 0
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
  }
}
