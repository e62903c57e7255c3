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
  /** The time from the last sample so far to the end of its profile. */
  let tail = 0

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
    // The time before a profile's first sample is start-up, nobody's: the previous profile's
    // last sample lasts until that profile's end instead, as it would have alone.
    let stamp = profile.startTime
    profile.samples.forEach((id, index) => {
      const delta = profile.timeDeltas[index] ?? 0
      stamp += delta
      const into = merged.get(id)
      if (into === undefined) return
      samples.push(into.id)
      timeDeltas.push(samples.length === 1 || index > 0 ? delta : tail)
    })
    if (profile.samples.length > 0) tail = Math.max(0, profile.endTime - stamp)
  }
  const sampled = timeDeltas.reduce((sum, delta) => sum + delta, 0)
  return { nodes, startTime, endTime: startTime + sampled + tail, samples, timeDeltas }
}

/** A frame's identity across processes: scriptIds differ per process, names and places do not. */
function frameKey(frame: Frame): string {
  return [frame.functionName, frame.url, frame.lineNumber, frame.columnNumber].join('\u0000')
}
