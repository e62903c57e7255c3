/**
 * `--filter`: which benches to run, and which of their results to keep. A glob may name a config
 * entry (`lib`) or a result perfgate prints (`lib/benchMedian`, a js bench's function): users
 * copy the names from the tables, so both must select.
 */
import { benchesProducing } from './select.js'
import { globToRegExp, splitGlobs } from './glob.js'
import type { BenchConfig, Config } from './types.js'

/**
 * The config benches `filter` selects, a js bench narrowed to the functions a result-name glob
 * names (`lib/benchMedian` runs only `benchMedian`). A glob with wildcards after the entry's name
 * cannot be resolved before the module is loaded: that bench runs whole and keepsResult drops
 * the rest. Other kinds produce one result named as the entry, so they match by entry name.
 */
export function selectBenches(config: Config, filter: string | undefined): BenchConfig[] {
  const globs = splitGlobs(filter)
  if (globs.length === 0) return config.benches
  return config.benches.flatMap((bench) => {
    if (globs.some((glob) => globToRegExp(glob).test(bench.name))) return [bench]
    if (bench.spec.kind !== 'js') return []
    const rests = globs.flatMap((glob) => restAfter(glob, bench.name))
    if (rests.length === 0) return []
    const spec = bench.spec
    const literal = rests.every((rest) => !/[*?]/.test(rest))
    const functions =
      spec.functions?.filter((fn) => rests.some((rest) => globToRegExp(rest).test(fn))) ??
      (literal ? [...new Set(rests)] : undefined)
    if (functions?.length === 0) return []
    return [{ ...bench, spec: { ...spec, ...(functions ? { functions } : {}) } }]
  })
}

/**
 * Whether a result (or a baseline's bench) named `name` is one `filter` asks for: its own name
 * matches, or the config entry producing it was selected whole.
 */
export function keepsResult(config: Config, filter: string | undefined): (name: string) => boolean {
  const regexes = splitGlobs(filter).map(globToRegExp)
  if (regexes.length === 0) return () => true
  return (name) =>
    regexes.some((re) => re.test(name)) ||
    benchesProducing(config, [name]).some((b) => regexes.some((re) => re.test(b.name)))
}

/** The part of `glob` after the segments that match `benchName` (`lib/bench*` after `lib`: `bench*`). */
function restAfter(glob: string, benchName: string): string[] {
  const segments = glob.split('/')
  const depth = benchName.split('/').length
  if (segments.length <= depth) return []
  const head = segments.slice(0, depth).join('/')
  return globToRegExp(head).test(benchName) ? [segments.slice(depth).join('/')] : []
}
