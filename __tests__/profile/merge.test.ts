/** Merging per-process profiles and cutting the preload's own samples keep each sample's time. */
import { describe, expect, it } from '@jest/globals'
import { pathToFileURL } from 'node:url'
import { dropOwnTime } from '../../src/profile/drop-own-time.js'
import { mergeProfiles } from '../../src/profile/merge.js'
import { sampleDurations } from '../../src/profile/self-time.js'
import type { CpuProfile, CpuProfileNode } from '../../src/profile/types.js'

const frame = (functionName: string, url = 'file:///app/main.js', line = 0) => ({
  functionName,
  scriptId: '7',
  url,
  lineNumber: line,
  columnNumber: 0,
})

/** root → main → work, and root → (program); `samples` as node ids with µs before each. */
function profile(
  samples: [number, number][],
  start: number,
  end: number,
  scriptId = '7',
): CpuProfile {
  const nodes: CpuProfileNode[] = [
    { id: 1, callFrame: frame('(root)', '', -1), children: [2, 4] },
    { id: 2, callFrame: { ...frame('main'), scriptId }, children: [3] },
    { id: 3, callFrame: { ...frame('work', 'file:///app/main.js', 4), scriptId } },
    { id: 4, callFrame: frame('(program)', '', -1) },
  ]
  return {
    nodes,
    startTime: start,
    endTime: end,
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, delta]) => delta),
  }
}

/** Time per function name, µs, as DevTools counts (each sample until the next). */
function timeByName(p: CpuProfile): Record<string, number> {
  const names = new Map(p.nodes.map((n) => [n.id, n.callFrame.functionName]))
  const durations = sampleDurations(p)
  const out: Record<string, number> = {}
  p.samples.forEach((id, i) => {
    const name = names.get(id) as string
    out[name] = (out[name] ?? 0) + durations[i]
  })
  return out
}

describe('mergeProfiles', () => {
  it('merges functions by call path across processes and keeps every sample its time', () => {
    // Process 1: work 300 µs, main 100 µs. Process 2 (other scriptIds): 5 ms of start-up
    // before its first sample, then work 200 µs, (program) 50 µs.
    const one = profile(
      [
        [3, 40],
        [3, 100],
        [3, 100],
        [2, 100],
      ],
      1000,
      1440,
    )
    const two = profile(
      [
        [3, 5000],
        [3, 100],
        [4, 100],
      ],
      9000,
      14250,
      '99',
    )
    const merged = mergeProfiles([one, two])
    expect(merged.nodes.filter((n) => n.callFrame.functionName === 'work')).toHaveLength(1)
    expect(merged.samples).toHaveLength(7)
    // The 5 ms before process 2's first sample is nobody's: main keeps its 100 µs.
    expect(timeByName(merged)).toEqual({ work: 500, main: 100, '(program)': 50 })
  })
})

describe('dropOwnTime', () => {
  it("cuts the preload's samples out of the timeline and leaves the others their time", () => {
    const preload = '/tmp/perfgate-profile-x/perfgate-profile-preload.cjs'
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1), children: [2, 3] },
        { id: 2, callFrame: frame('', pathToFileURL(preload).href), children: [4] },
        { id: 3, callFrame: frame('work') },
        { id: 4, callFrame: frame('dispatch', '', -1) },
      ],
      startTime: 0,
      endTime: 30_400,
      samples: [4, 3, 3, 4],
      // dispatch stands for 30 ms (a late second tick), work 200 µs, dispatch again at the end.
      timeDeltas: [10, 30_000, 100, 100],
    }
    const kept = dropOwnTime(p, preload)
    expect(kept.samples).toEqual([3, 3])
    expect(timeByName(kept)).toEqual({ work: 200 })
  })
})
