/** Cutting a profile window into rounds by time (a server's rounds, src/profile/slice.ts). */
import { describe, expect, it } from '@jest/globals'
import { sliceProfile } from '../../src/profile/slice.js'
import type { CpuProfile, CpuProfileNode } from '../../src/profile/types.js'

const node = (id: number, name: string, children: number[] = []): CpuProfileNode => ({
  id,
  callFrame: {
    functionName: name,
    scriptId: '1',
    url: 'server.mjs',
    lineNumber: id,
    columnNumber: 0,
  },
  hitCount: 0,
  children,
})

// root → handler → {escape, list}; root → (idle). Samples every 10 µs, at 1000 … 1090 µs.
const PROFILE: CpuProfile = {
  nodes: [
    node(1, '(root)', [2, 5]),
    node(2, 'handler', [3, 4]),
    node(3, 'escape'),
    node(4, 'list'),
    node(5, '(idle)'),
  ],
  startTime: 990,
  endTime: 1100,
  samples: [3, 3, 5, 4, 4, 4, 5, 3, 3, 5],
  timeDeltas: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
}

describe('sliceProfile', () => {
  it('keeps the samples stamped inside the span, timed from its start', () => {
    const part = sliceProfile(PROFILE, 1025, 1065)
    expect(part.samples).toEqual([4, 4, 4, 5])
    expect(part.timeDeltas).toEqual([5, 10, 10, 10])
    expect({ start: part.startTime, end: part.endTime }).toEqual({ start: 1025, end: 1065 })
  })

  it('keeps only the nodes its samples reach, their ancestors and the root', () => {
    const part = sliceProfile(PROFILE, 1030, 1060)
    expect(part.nodes.map((n) => n.callFrame.functionName)).toEqual(['(root)', 'handler', 'list'])
    expect(part.nodes.find((n) => n.id === 2)?.children).toEqual([4])
    expect(sliceProfile(PROFILE, 2000, 3000).nodes.map((n) => n.id)).toEqual([1])
  })

  it('puts a sample on a cut in the later round, never in both', () => {
    const first = sliceProfile(PROFILE, 990, 1040)
    const second = sliceProfile(PROFILE, 1040, 1100)
    expect(first.samples.length + second.samples.length).toBe(PROFILE.samples.length)
    expect(second.samples[0]).toBe(4)
  })
})
