/**
 * Part of a profile by time: the rounds of a server's one profiler window, cut at the moments
 * the driver started and finished each round's requests. V8 stamps samples with the monotonic
 * clock Node's `process.hrtime` reads, so the driver's moments and the server's samples compare.
 */
import type { CpuProfile, CpuProfileNode } from './types.js'

/**
 * The samples of `profile` taken in [fromUs, toUs), as a profile of that span, holding only the
 * nodes its samples reach (and their ancestors), so a stored round stays the size of its tree.
 */
export function sliceProfile(profile: CpuProfile, fromUs: number, toUs: number): CpuProfile {
  let at = profile.startTime
  const stamps = profile.timeDeltas.map((delta) => (at += delta))
  const samples: number[] = []
  const timeDeltas: number[] = []
  let previous = fromUs
  profile.samples.forEach((id, i) => {
    if (stamps[i] < fromUs || stamps[i] >= toUs) return
    samples.push(id)
    timeDeltas.push(stamps[i] - previous)
    previous = stamps[i]
  })
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const kept = new Set<number>()
  for (const id of new Set(samples)) {
    let node: number | undefined = id
    while (node !== undefined && !kept.has(node)) {
      kept.add(node)
      node = parents.get(node)
    }
  }
  // The root stays even in a span without samples: a profile always has one.
  for (const node of profile.nodes) if (!parents.has(node.id)) kept.add(node.id)
  const nodes = profile.nodes
    .filter((node) => kept.has(node.id))
    .map((node): CpuProfileNode => {
      const children = node.children?.filter((child) => kept.has(child))
      return { ...node, ...(node.children ? { children } : {}) }
    })
  return { nodes, startTime: fromUs, endTime: toUs, samples, timeDeltas }
}

/** Now on the clock V8 stamps profile samples with (monotonic), µs. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n)
}
