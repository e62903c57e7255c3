/**
 * The profiler's own time out of a profile: the preload starting and stopping the profiler runs
 * inside the profiled process, and under load its first sample can stand for tens of ms (the
 * sampler's first tick comes late). That time is perfgate's, never the bench's, so it goes.
 */
import { pathToFileURL } from 'node:url'
import type { CpuProfile } from './types.js'

/**
 * `profile` without the samples taken inside `file` (the preload) or below it; every other
 * sample keeps its duration (until the next sample, as DevTools counts), the dropped spans are
 * cut out of the timeline.
 */
export function dropOwnTime(profile: CpuProfile, file: string): CpuProfile {
  const url = pathToFileURL(file).href
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const own = new Map<number, boolean>()
  const isOwn = (id: number): boolean => {
    const known = own.get(id)
    if (known !== undefined) return known
    const node = nodes.get(id)
    const parent = parents.get(id)
    const result =
      node?.callFrame.url === url || file === node?.callFrame.url
        ? true
        : parent === undefined
          ? false
          : isOwn(parent)
    own.set(id, result)
    return result
  }
  let at = profile.startTime
  const stamps = profile.timeDeltas.map((delta) => (at += delta))
  const duration = (i: number): number =>
    Math.max(0, (i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i])
  const samples: number[] = []
  const timeDeltas: number[] = []
  let previous = 0
  profile.samples.forEach((id, i) => {
    if (isOwn(id)) return
    samples.push(id)
    timeDeltas.push(samples.length === 1 ? stamps[i] - profile.startTime : previous)
    previous = duration(i)
  })
  const last = timeDeltas.reduce((sum, delta) => sum + delta, profile.startTime)
  return { ...profile, samples, timeDeltas, endTime: last + previous }
}
