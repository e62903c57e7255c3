/**
 * Several V8 CPU profiles (one per process or per profiled window) as one: call trees merged by
 * call-frame path, samples and their time deltas laid end to end. The result is still a valid
 * profile (DevTools and speedscope open it) whose self time per function is the sum over all.
 */
import type { CpuProfile, CpuProfileNode } from './types.js'

type Frame = CpuProfileNode['callFrame']

/** One profile holding every sample of `profiles`, their call trees merged by frame path. */
export function mergeProfiles(profiles: readonly CpuProfile[]): CpuProfile {
  const root: CpuProfileNode = {
    id: 1,
    callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 },
    hitCount: 0,
    children: [],
  }
  const nodes: CpuProfileNode[] = [root]
  // parent id + frame → merged node id
  const byPath = new Map<string, number>()
  const samples: number[] = []
  const timeDeltas: number[] = []
  const startTime = profiles[0]?.startTime ?? 0
  let elapsed = 0

  const childOf = (parent: CpuProfileNode, frame: Frame): CpuProfileNode => {
    const key = `${parent.id}\u0000${frameKey(frame)}`
    const known = byPath.get(key)
    if (known !== undefined) return nodes[known - 1]
    const node: CpuProfileNode = { id: nodes.length + 1, callFrame: { ...frame }, hitCount: 0 }
    nodes.push(node)
    byPath.set(key, node.id)
    ;(parent.children ??= []).push(node.id)
    return node
  }

  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]))
    const merged = new Map<number, CpuProfileNode>()
    // Roots are the nodes no other node names as a child (V8 writes exactly one, `(root)`).
    const children = new Set(profile.nodes.flatMap((node) => node.children ?? []))
    const stack: [CpuProfileNode, CpuProfileNode][] = profile.nodes
      .filter((node) => !children.has(node.id))
      .map((node) => [node, root])
    while (stack.length > 0) {
      const [node, parent] = stack.pop() as [CpuProfileNode, CpuProfileNode]
      const into =
        node.callFrame.functionName === '(root)' && parent === root
          ? root
          : childOf(parent, node.callFrame)
      merged.set(node.id, into)
      into.hitCount = (into.hitCount ?? 0) + (node.hitCount ?? 0)
      for (const id of node.children ?? []) {
        const child = byId.get(id)
        if (child) stack.push([child, into])
      }
    }
    for (const [index, id] of profile.samples.entries()) {
      const into = merged.get(id)
      if (into === undefined) continue
      samples.push(into.id)
      // The first delta of each profile is from its own start: a gap between processes adds none.
      timeDeltas.push(profile.timeDeltas[index] ?? 0)
    }
    elapsed += Math.max(0, profile.endTime - profile.startTime)
  }
  return { nodes, startTime, endTime: startTime + elapsed, samples, timeDeltas }
}

/** A frame's identity across processes: scriptIds differ per process, names and places do not. */
function frameKey(frame: Frame): string {
  return [frame.functionName, frame.url, frame.lineNumber, frame.columnNumber].join('\u0000')
}
