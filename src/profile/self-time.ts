/**
 * One profile round read two ways, both per bench call: the self time of each function (the
 * attribution) and the time of each stack (the folded flame graph). Pure.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { CpuProfile, CpuProfileNode, ProfileRound } from './types.js'

/** A function's identity across both sides: its name and file (its line may shift between them). */
export interface FunctionId {
  key: string
  name: string
  /** `src/hash.js:12` (one-based), absent for the runtime's own entries. */
  location?: string
}

/** Self time per bench call of each function, ms, and the round's total per call. */
export interface RoundTimes {
  byFunction: Map<string, number>
  functions: Map<string, FunctionId>
  totalMs: number
  /** The collector's part of totalMs. */
  collectorMs: number
  /** Samples of each function, and of the bench and the collector in all: counts, for tests on few rounds. */
  samplesByFunction: Map<string, number>
  samples: number
  collectorSamples: number
}

/**
 * Whether a (relativized) script URL is the bench's own code: a path inside its checkout. The
 * runtime's (`node:…`), perfgate's worker and the profiler's own calls are none of the bench's.
 */
export function isBenchCode(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url)
}

/** The collector's time is the bench's (its allocations) though it has no stack above it. */
const GC = '(garbage collector)'

/** Whether a function is the garbage collector. */
export function isCollector(fn: FunctionId | undefined): boolean {
  return fn?.name === GC && fn.location === undefined
}

/**
 * The samples of a round that belong to the bench: those with its code on the stack (what it
 * calls in the runtime included), and the collector's. Each with its stack, root first, cut to
 * start at the outermost frame of bench code (the worker's loop above it is perfgate's).
 */
function benchSamples(
  round: ProfileRound,
): { node: CpuProfileNode; stack: CpuProfileNode[]; us: number }[] {
  const { profile } = round
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const stacks = new Map<number, CpuProfileNode[] | null>()
  const stackOf = (id: number): CpuProfileNode[] | null => {
    const known = stacks.get(id)
    if (known !== undefined) return known
    const path: CpuProfileNode[] = []
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = nodes.get(at)
      if (node) path.unshift(node)
    }
    const first = path.findIndex((node) => isBenchCode(node.callFrame.url))
    const leaf = path[path.length - 1]
    const stack =
      first >= 0 ? path.slice(first) : leaf?.callFrame.functionName === GC ? [leaf] : null
    stacks.set(id, stack)
    return stack
  }
  const durations = sampleDurations(profile)
  // With the calls' CPU time known, every sample but the idle ones holds an equal part of it.
  const idle = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  )
  const busy = profile.samples.filter((id) => !idle.has(id)).length
  const weight = (i: number): number =>
    round.cpuMs === undefined ? durations[i] : busy > 0 ? (round.cpuMs * 1000) / busy : 0
  const out: { node: CpuProfileNode; stack: CpuProfileNode[]; us: number }[] = []
  profile.samples.forEach((id, i) => {
    const stack = stackOf(id)
    if (stack && stack.length > 0) out.push({ node: stack[stack.length - 1], stack, us: weight(i) })
  })
  return out
}

/** `profile` with every script URL under `root` turned into a path relative to it (`src/hash.js`). */
export function relativizeProfile(profile: CpuProfile, root: string): CpuProfile {
  const prefix = `${pathToFileURL(root).href.replace(/\/$/, '')}/`
  const plain = `${root.replace(/\/$/, '')}/`
  const relative = (url: string): string => {
    if (url.startsWith(prefix)) return fileURLToPath(url).slice(plain.length)
    if (url.startsWith(plain)) return url.slice(plain.length)
    return url
  }
  return {
    ...profile,
    nodes: profile.nodes.map((node) => ({
      ...node,
      callFrame: { ...node.callFrame, url: relative(node.callFrame.url) },
    })),
  }
}

/** The identity of a node's function: named ones by name and file, anonymous ones by their line. */
export function functionId(node: CpuProfileNode): FunctionId {
  const { functionName, url, lineNumber } = node.callFrame
  const name = functionName === '' ? '(anonymous)' : functionName
  // Native frames (perf) have no line: the binary alone says where.
  const location = url === '' ? undefined : lineNumber < 0 ? url : `${url}:${lineNumber + 1}`
  const key = functionName === '' ? `${name} ${location ?? ''}` : `${name} ${url}`
  return { key, name, ...(location === undefined ? {} : { location }) }
}

/**
 * How long each sample stood for, µs: until the next sample, the last one until the profile's
 * end (as Chrome DevTools counts). Negative gaps (clock steps) count as nothing.
 */
export function sampleDurations(profile: CpuProfile): number[] {
  const { samples, timeDeltas } = profile
  let at = profile.startTime
  const stamps = timeDeltas.map((delta) => (at += delta))
  return samples.map((_, i) =>
    Math.max(0, (i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i]),
  )
}

/** Self time per bench call of each function in one round (the bench's samples only), ms. */
export function roundTimes(round: ProfileRound): RoundTimes {
  const byFunction = new Map<string, number>()
  const functions = new Map<string, FunctionId>()
  const samplesByFunction = new Map<string, number>()
  let total = 0
  let collector = 0
  let samples = 0
  let collectorSamples = 0
  for (const { node, us } of benchSamples(round)) {
    const ms = us / 1000 / round.calls
    total += ms
    samples++
    const fn = functionId(node)
    if (isCollector(fn)) {
      collector += ms
      collectorSamples++
    }
    functions.set(fn.key, fn)
    byFunction.set(fn.key, (byFunction.get(fn.key) ?? 0) + ms)
    samplesByFunction.set(fn.key, (samplesByFunction.get(fn.key) ?? 0) + 1)
  }
  return {
    byFunction,
    functions,
    totalMs: total,
    collectorMs: collector,
    samplesByFunction,
    samples,
    collectorSamples,
  }
}

/** Time per bench call of each stack in one round (from the bench's outermost frame), ms. */
export function roundStacks(round: ProfileRound): Map<string, number> {
  const stacks = new Map<string, number>()
  for (const { stack, us } of benchSamples(round)) {
    const key = stack.map(frameText).join(';')
    stacks.set(key, (stacks.get(key) ?? 0) + us / 1000 / round.calls)
  }
  return stacks
}

/** A frame of a folded stack: `name (file:line)`, without the `;` that separates frames. */
function frameText(node: CpuProfileNode): string {
  const { name, location } = functionId(node)
  const text = location === undefined ? name : `${name} (${location})`
  return text.replace(/;/g, ',').replace(/\s+/g, ' ')
}
