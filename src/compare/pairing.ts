/**
 * Whether the head run's bench names pair with the baseline's at all. A comparison matches
 * benches by name; when the names differ (cases keyed on random values, a different config),
 * every row is "new" or "removed", no row can regress, and the report would read "no
 * regressions" over whatever changed. Nothing compared is never a pass: these problems make
 * the verdict an error.
 */
import type { BenchResult, Results } from '../results/types.js'

/**
 * The config bench a result belongs to: a drawn or listed case (`<bench>/<label>` or
 * `<bench>/<key>`) its bench's name.
 */
export function caseGroup(bench: Pick<BenchResult, 'name' | 'details'>): string {
  for (const suffix of [bench.details?.label, bench.details?.key]) {
    if (typeof suffix === 'string' && bench.name.endsWith(`/${suffix}`)) {
      return bench.name.slice(0, bench.name.length - suffix.length - 1)
    }
  }
  return bench.name
}

/**
 * Problems that make the comparison of `head` with `baselines` say nothing, in words that name
 * the mismatch and the fix; empty when the names pair. Judged on the baseline's names:
 * - a bench whose cases the head also has, but with none of the baseline's case names;
 * - under half of the baseline's names found in the head, among the benches the head has;
 * - no bench of the baseline in the head at all, though both ran the same config (a PR whose
 *   config replaces every bench compares nothing too, but says so with its new benches).
 * A bench the head lacks altogether is a removed bench (a PR may remove some, and a filtered run
 * measures fewer): it counts only when none are left. New benches in the head never count, nor
 * do benches that errored or were skipped on either side (their status is the verdict).
 */
export function pairingProblems(baselines: readonly Results[], head: Results): string[] {
  // Only measured benches: a bench that errored is reported as such, under its bench's name.
  const measured = (benches: readonly BenchResult[]) => benches.filter((b) => b.status === 'ok')
  const headNames = new Set(measured(head.benches).map((b) => b.name))
  const headGroups = groupNames(measured(head.benches))
  const baseGroups = groupNames(measured(baselines.flatMap((run) => run.benches)))
  if (baseGroups.size === 0 || headGroups.size === 0) return []
  const problems: string[] = []
  const common = [...baseGroups.keys()].filter((group) => headGroups.has(group))
  // A PR may replace its benches; only the same config with no name in common is a mismatch.
  const sameConfig = baselines.every((run) => run.meta.configDigest === head.meta.configDigest)
  if (common.length === 0 && !sameConfig) return []
  if (common.length === 0) {
    const base = [...baseGroups.keys()]
    const heads = [...headGroups.keys()]
    return [
      `none of the ${count(base.length, 'baseline bench', 'baseline benches')} is in the head run (the names differ: ${quoted(base[0])} vs ${quoted(heads[0])}): the runs measured different benches; compare runs of the same config`,
    ]
  }
  let shared = 0
  let total = 0
  for (const group of common) {
    const names = baseGroups.get(group) ?? []
    const found = names.filter((name) => headNames.has(name))
    if (found.length > 0) {
      shared += found.length
      total += names.length
      continue
    }
    const other = (headGroups.get(group) ?? []).find((name) => !names.includes(name)) ?? ''
    problems.push(
      `only 0 of ${count(names.length, 'baseline case', 'baseline cases')} of ${group} ${names.length === 1 ? 'appears' : 'appear'} in the head run (the case names differ: ${quoted(names[0])} vs ${quoted(other)}): ${CASE_FIX}`,
    )
  }
  if (total > 0 && shared * 2 < total) {
    problems.push(
      `only ${shared} of ${count(total, 'baseline bench or case', 'baseline benches and cases')} appear in the head run: most names differ between the runs, so most rows could not be compared; ${CASE_FIX}`,
    )
  }
  return problems
}

/** The fix for cases that do not pair, as docs/postgres.md explains it. */
const CASE_FIX =
  'cases keyed on random values cannot pair; key them on a stable column with key:, or name them with label: (see docs/postgres.md)'

/** Result names by their config bench, each name once, in first-seen order. */
function groupNames(benches: readonly BenchResult[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const bench of benches) {
    const group = caseGroup(bench)
    const names = groups.get(group) ?? []
    if (!names.includes(bench.name)) names.push(bench.name)
    groups.set(group, names)
  }
  return groups
}

function quoted(name: string): string {
  return JSON.stringify(name)
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
