/** Whole-comparison warnings: differences between runs that can move timings without any code change. */
import type { Results } from '../results/types.js'

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}

/** Warnings about runner hardware or Node version differences between baselines and head. */
export function runWarnings(baselines: readonly Results[], heads: readonly Results[]): string[] {
  const warnings: string[] = []
  const baseCpus = distinct(baselines.map((r) => r.meta.cpuModel))
  const headCpus = distinct(heads.map((r) => r.meta.cpuModel))
  if (
    baseCpus.some((cpu) => !headCpus.includes(cpu)) ||
    headCpus.some((cpu) => !baseCpus.includes(cpu))
  ) {
    warnings.push(
      `RUNNER MISMATCH: baseline ran on ${baseCpus.join(' / ')} but head on ${headCpus.join(' / ')}; timing changes may come from the hardware, not the code`,
    )
  }
  const baseNode = distinct(baselines.map((r) => r.meta.nodeVersion))
  const headNode = distinct(heads.map((r) => r.meta.nodeVersion))
  if (baseNode.join() !== headNode.join()) {
    warnings.push(
      `Node version differs: baseline ${baseNode.join(' / ')}, head ${headNode.join(' / ')}`,
    )
  }
  // Config differences are judged bench by bench (baseline/source.ts matchBenches), not here.
  return warnings
}
