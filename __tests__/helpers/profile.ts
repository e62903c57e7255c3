/** Profiles in tests: self time per function, heaviest first; one side's capture opened and run. */
import type { Capture, CaptureSide, CaptureTarget } from '../../src/profile/captures.js'
import type { CpuProfile, ProfileRound } from '../../src/profile/types.js'
import { secretBook } from '../../src/results/redact.js'
import { createServers } from '../../src/run/serve.js'

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

/** One side of a profiling pass for tests: this process's environment, a fresh server keeper. */
export function testSide(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): CaptureSide {
  return {
    side: 'head',
    root,
    configDir: root,
    env,
    servers: createServers(),
    secrets: secretBook(),
    log: () => undefined,
  }
}

/** Opens `capture` for one side, takes `rounds` rounds and closes it (stopping its server). */
export async function captureRounds(
  capture: Capture,
  side: CaptureSide,
  target: CaptureTarget,
  rounds = 1,
): Promise<ProfileRound[] | string> {
  try {
    const opened = await capture(side, target)
    if ('note' in opened) return opened.note
    const taken: ProfileRound[] = []
    for (let i = 0; i < rounds; i++) taken.push(await opened.round())
    await opened.close()
    return taken
  } finally {
    await side.servers.stop()
  }
}
