/** Reading a CPU profile in tests: self time per function, heaviest first. */
import type { CpuProfile } from '../../src/profile/types.js'

/** One function's self time in a profile. */
export interface SelfTime {
  name: string
  url: string
  /** One-based, as an editor shows it; 0 when the frame has no line (native code). */
  line: number
  ms: number
}

/**
 * Self time per function (by name, file and line) over every sample, heaviest first. A sample
 * lasts until the next one (as DevTools counts): the gap before the first is not its time.
 */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, SelfTime>()
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame
    if (frame === undefined) return
    const line = frame.lineNumber + 1
    const key = `${frame.functionName}\u0000${frame.url}\u0000${line}`
    const entry = totals.get(key) ?? { name: frame.functionName, url: frame.url, line, ms: 0 }
    entry.ms += (profile.timeDeltas[index + 1] ?? 0) / 1000
    totals.set(key, entry)
  })
  return [...totals.values()].sort((a, b) => b.ms - a.ms)
}

/** Self times of the program's own functions: no `(idle)`, `(program)`, `(garbage collector)`. */
export function ownSelfTimes(profile: CpuProfile): SelfTime[] {
  return selfTimes(profile).filter((entry) => !/^\(.*\)$/.test(entry.name))
}
