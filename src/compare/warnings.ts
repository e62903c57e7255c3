/** Whole-comparison warnings: differences between runs that can move timings without any code change. */
import type { BenchResult, Results } from '../results/types.js'

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}

/** Warnings about runner hardware, Node version or config differences between baselines and head. */
export function runWarnings(baselines: readonly Results[], heads: readonly Results[]): string[] {
  const warnings: string[] = []
  const perBench = [...baselines, ...heads].some((r) => r.benches.some((b) => b.machine))
  if (perBench) warnings.push(...benchCpuWarnings(baselines, heads))
  else {
    const baseCpus = distinct(baselines.map((r) => r.meta.cpuModel))
    const headCpus = distinct(heads.map((r) => r.meta.cpuModel))
    if (differ(baseCpus, headCpus)) {
      warnings.push(
        `RUNNER MISMATCH: baseline ran on ${baseCpus.join(' / ')} but head on ${headCpus.join(' / ')}; timing changes may come from the hardware, not the code`,
      )
    }
  }
  const baseNode = distinct(baselines.map((r) => r.meta.nodeVersion))
  const headNode = distinct(heads.map((r) => r.meta.nodeVersion))
  if (baseNode.join() !== headNode.join()) {
    warnings.push(
      `Node version differs: baseline ${baseNode.join(' / ')}, head ${headNode.join(' / ')}`,
    )
  }
  const baseConfig = distinct(baselines.map((r) => r.meta.configDigest))
  const headConfig = distinct(heads.map((r) => r.meta.configDigest))
  if (baseConfig.join() !== headConfig.join()) {
    warnings.push('The perfgate config differs between baseline and head runs')
  }
  return warnings
}

function differ(a: string[], b: string[]): boolean {
  return a.some((x) => !b.includes(x)) || b.some((x) => !a.includes(x))
}

const cpuOf = (run: Results, bench: BenchResult) => bench.machine?.cpuModel ?? run.meta.cpuModel

/**
 * Runner mismatch per bench, for merged shard runs whose benches ran on different machines: one
 * warning per (baseline CPUs, head CPUs) pair, naming the benches it affects.
 */
function benchCpuWarnings(baselines: readonly Results[], heads: readonly Results[]): string[] {
  const cpusByBench = (runs: readonly Results[]) => {
    const map = new Map<string, string[]>()
    for (const run of runs) {
      for (const bench of run.benches) {
        map.set(bench.name, distinct([...(map.get(bench.name) ?? []), cpuOf(run, bench)]))
      }
    }
    return map
  }
  const base = cpusByBench(baselines)
  const head = cpusByBench(heads)
  const groups = new Map<string, { base: string[]; head: string[]; benches: string[] }>()
  for (const [name, headCpus] of head) {
    const baseCpus = base.get(name)
    if (!baseCpus || !differ(baseCpus, headCpus)) continue
    const key = `${baseCpus.join(' / ')}\u0000${headCpus.join(' / ')}`
    const group = groups.get(key) ?? { base: baseCpus, head: headCpus, benches: [] }
    group.benches.push(name)
    groups.set(key, group)
  }
  return [...groups.values()].map((g) => {
    const shown = g.benches.slice(0, 10).join(', ')
    const more = g.benches.length > 10 ? ` and ${g.benches.length - 10} more` : ''
    return `RUNNER MISMATCH: ${g.benches.length === 1 ? 'bench' : `${g.benches.length} benches`} ${shown}${more} ran on ${g.base.join(' / ')} in the baseline but on ${g.head.join(' / ')} in head; their timing changes may come from the hardware, not the code`
  })
}
