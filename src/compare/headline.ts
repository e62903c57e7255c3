/**
 * The comment's headline and the step's outcome. ✅ only when no bench is beyond its threshold:
 * a bench beyond it whose verdict is `inconclusive` (a shared shift, an unconfirmed re-run) is
 * counted, and the policy for such benches decides whether the step fails.
 */
import type { Comparison, MetricComparison } from './types.js'

/**
 * What happens to benches beyond their threshold whose verdict is inconclusive. `rerun` (the
 * default) re-runs them with the flagged regressions; those the re-run reproduces become
 * regressions, the rest warn. `fail` fails the step on them; `warn` only warns.
 */
export type InconclusivePolicy = 'fail' | 'warn' | 'rerun'

/** The default policy for inconclusive benches beyond their threshold. */
export const DEFAULT_INCONCLUSIVE_POLICY: InconclusivePolicy = 'rerun'

/** The headline of a comparison, and whether the step fails. */
export interface Headline {
  /** `error`: the runs' names do not pair (comparison.problems), so nothing was compared. */
  status: 'pass' | 'regression' | 'beyond-threshold' | 'error'
  icon: '✅' | '❌' | '⚠️'
  /** e.g. `❌ 2 regressions in 7 benches` or `⚠️ 5 benches beyond their threshold, inconclusive`. */
  text: string
  regressions: number
  /** Inconclusive benches whose change is beyond their regression threshold (the bad way). */
  beyondThreshold: string[]
  /** Of those and the regressions, the ones a re-run could not re-measure. */
  unconfirmed: string[]
  /** Whether the step should fail (before an acknowledge label is considered). */
  fail: boolean
}

/** True when `row` moved the bad way by more than its regression threshold, whatever its verdict. */
export function isBeyondThreshold(row: MetricComparison): boolean {
  if (row.change === null) return false
  const bad = row.better === 'smaller' ? Math.log1p(row.change) : -Math.log1p(row.change)
  return bad > Math.log1p(row.regressionThreshold)
}

/** Names of the benches with a regression: a bench with several regressed metrics counts once. */
export function regressedBenches(rows: readonly MetricComparison[]): string[] {
  return unique(rows.filter((r) => r.verdict === 'regression').map((r) => r.name))
}

/** The headline of `comparison` under `policy`, failing on regressions when `failOnRegression`. */
export function headline(
  comparison: Comparison,
  options: { policy?: InconclusivePolicy; failOnRegression?: boolean } = {},
): Headline {
  const policy = options.policy ?? DEFAULT_INCONCLUSIVE_POLICY
  const rows = comparison.comparisons
  const benches = new Set(rows.map((r) => r.name)).size
  const regressed = regressedBenches(rows)
  const beyond = unique(
    rows
      .filter((r) => r.verdict === 'inconclusive' && isBeyondThreshold(r))
      .map((r) => r.name)
      .filter((name) => !regressed.includes(name)),
  )
  const unconfirmed = unique(
    rows
      .filter((r) => r.confirmed === false && (r.verdict === 'regression' || isBeyondThreshold(r)))
      .map((r) => r.name),
  )
  const failOnRegression = options.failOnRegression ?? true
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
    }
  }
  const fail =
    (failOnRegression && regressed.length > 0) || (policy === 'fail' && beyond.length > 0)
  const parts: string[] = []
  if (regressed.length > 0) parts.push(plural(regressed.length, 'regression'))
  if (beyond.length > 0) {
    parts.push(`${plural(beyond.length, 'bench', 'benches')} beyond the threshold but inconclusive`)
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
    }
  }
  const icon = regressed.length > 0 ? '❌' : '⚠️'
  const tail = unconfirmed.length > 0 ? ` (${unconfirmed.length} unconfirmed)` : ''
  return {
    status: regressed.length > 0 ? 'regression' : 'beyond-threshold',
    icon,
    text: `${icon} ${parts.join(', ')} in ${plural(benches, 'bench', 'benches')}${tail}`,
    regressions: regressed.length,
    beyondThreshold: beyond,
    unconfirmed,
    fail,
  }
}

/** Parses the `inconclusive` input (fail, warn or rerun; empty means the default). */
export function parseInconclusivePolicy(text: string | undefined): InconclusivePolicy {
  const value = (text ?? '').trim()
  if (value === '') return DEFAULT_INCONCLUSIVE_POLICY
  if (value === 'fail' || value === 'warn' || value === 'rerun') return value
  throw new Error(`input "inconclusive" must be fail, warn or rerun, got ${JSON.stringify(value)}`)
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
