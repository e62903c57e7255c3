/**
 * Profiles of commands that are not Node processes: `perf record -g` on a software clock (no
 * hardware counters needed, so it works in most VMs when the kernel lets perf sample at all),
 * and `perf script` read back into the V8 profile shape, so one attribution serves both.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { CommandSpec } from '../config/kinds/command.js'
import { lastLines, runShell, type ShellOptions } from '../run/process.js'
import type { SideProfiler } from './captures.js'
import { commandLabel } from './label.js'
import { mergeProfiles } from './merge.js'
import type { CpuProfile, CpuProfileNode } from './types.js'

const run = promisify(execFile)

/** Whether `perf record` works here, and if not, why. */
export type PerfRecordProbe = { ok: true } | { ok: false; reason: string }

const probed = new Map<string, Promise<PerfRecordProbe>>()

/**
 * Probes once per PATH (perf is looked up where the bench's commands are):
 * `perf record -e cpu-clock -g -- true` must write a data file.
 */
export function probePerfRecord(
  env: Readonly<Record<string, string | undefined>>,
): Promise<PerfRecordProbe> {
  const key = env.PATH ?? ''
  let probing = probed.get(key)
  if (probing === undefined) {
    probing = probe(env)
    probed.set(key, probing)
  }
  return probing
}

async function probe(env: Readonly<Record<string, string | undefined>>): Promise<PerfRecordProbe> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-record-'))
  const data = path.join(dir, 'probe.data')
  try {
    await run('perf', ['record', '-e', 'cpu-clock', '-g', '-q', '-o', data, '--', 'true'], { env })
    await stat(data)
    return { ok: true }
  } catch (error) {
    const failed = error as NodeJS.ErrnoException & { stderr?: string }
    if (failed.code === 'ENOENT') return { ok: false, reason: 'perf is not installed' }
    const why = lastLines(failed.stderr ?? '', 1) || failed.message
    return { ok: false, reason: `perf record fails: ${why}` }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** What a perf profiler needs: runs per round, sampling interval, how to run the bench's commands. */
export interface PerfProfilerOptions {
  calls: number
  intervalUs: number
  /** The side's folder and environment; each round gets a fresh timeout of `timeoutMs`. */
  shell: ShellOptions
  timeoutMs: number
}

/** A side's profiler that runs the command `calls` times per round under `perf record -g`. */
export async function openPerfProfiler(
  spec: CommandSpec,
  options: PerfProfilerOptions,
): Promise<SideProfiler> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-perf-record-'))
  // perf caps the rate (kernel.perf_event_max_sample_rate); 4 kHz is under its usual floor.
  const frequency = Math.min(4000, Math.max(100, Math.round(1e6 / options.intervalUs)))
  return {
    async round() {
      const shell = { ...options.shell, signal: AbortSignal.timeout(options.timeoutMs) }
      const profiles: CpuProfile[] = []
      for (let call = 0; call < options.calls; call++) {
        if (spec.prepare !== undefined) {
          const prepared = await runShell(spec.prepare, shell)
          if (prepared.code !== 0) {
            throw new Error(`prepare \`${commandLabel(spec.prepare)}\` failed before perf record`)
          }
        }
        const data = path.join(dir, `${call}.data`)
        const recorded = await runShell(
          `perf record -e cpu-clock -F ${frequency} -g -q -o ${quote(data)} -- sh -c ${quote(spec.command)}`,
          shell,
        )
        if (recorded.code !== 0) {
          const tail = lastLines(recorded.stderrTail, 1)
          throw new Error(
            `\`perf record … ${commandLabel(spec.command)}\` exited with code ${recorded.code}${tail ? ` (${tail})` : ''}`,
          )
        }
        const { stdout } = await run(
          'perf',
          ['script', '-i', data, '-F', 'comm,pid,tid,period,event,ip,sym,dso'],
          { maxBuffer: 256 * 1024 * 1024, env: shell.env },
        )
        profiles.push(parsePerfScript(stdout))
      }
      return { profile: mergeProfiles(profiles), calls: options.calls }
    },
    close: () => rm(dir, { recursive: true, force: true }),
  }
}

/**
 * `perf script -F comm,pid,tid,period,event,ip,sym,dso` output as a V8 CPU profile: each sample's
 * stack (leaf first in perf, root first here) under a frame for its process name, its period
 * (nanoseconds of cpu-clock) as the time before it. Frames perf could not name at all
 * (`[unknown] ([unknown])`, broken frame-pointer chains) are left out.
 */
export function parsePerfScript(text: string): CpuProfile {
  const root: CpuProfileNode = { id: 1, callFrame: frame('(root)', ''), hitCount: 0, children: [] }
  const nodes: CpuProfileNode[] = [root]
  const index = new Map<string, CpuProfileNode>()
  const samples: number[] = []
  const timeDeltas: number[] = []
  const add = (parent: CpuProfileNode, name: string, url: string): CpuProfileNode => {
    const key = `${parent.id}\u0000${name}\u0000${url}`
    let node = index.get(key)
    if (node === undefined) {
      node = { id: nodes.length + 1, callFrame: frame(name, url), hitCount: 0 }
      nodes.push(node)
      index.set(key, node)
      ;(parent.children ??= []).push(node.id)
    }
    return node
  }
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '')
    const header = lines.find((line) => !/^\s/.test(line))
    if (header === undefined) continue
    // `comm pid/tid period event:` — comm may contain spaces, so read from the right.
    const match = /^(.*?)\s+\d+\/\d+\s+(\d+)\s+\S+:\s*$/.exec(header)
    if (match === null) continue
    const [, comm, period] = match
    const frames = lines
      .filter((line) => /^\s/.test(line))
      .map(parseFrameLine)
      .filter((f): f is { name: string; dso: string } => f !== undefined)
      .reverse()
    let node = add(root, comm, '')
    for (const f of frames) node = add(node, f.name, f.dso)
    node.hitCount = (node.hitCount ?? 0) + 1
    samples.push(node.id)
    timeDeltas.push(Number(period) / 1000)
  }
  const duration = timeDeltas.reduce((sum, delta) => sum + delta, 0)
  return { nodes, startTime: 0, endTime: duration, samples, timeDeltas }
}

function parseFrameLine(line: string): { name: string; dso: string } | undefined {
  const match = /^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$/.exec(line)
  if (match === null) return undefined
  const [, symbol, dso] = match
  const known = dso !== '[unknown]'
  if (symbol === '[unknown]' && !known) return undefined
  // An unnamed address in a known binary still says which binary the time went to.
  return {
    name: symbol === '[unknown]' ? `[${path.basename(dso)}]` : symbol,
    dso: known ? dso : '',
  }
}

function frame(functionName: string, url: string): CpuProfileNode['callFrame'] {
  // Native code has no line: -1, as V8 writes for its own native frames.
  return { functionName, scriptId: '0', url, lineNumber: -1, columnNumber: -1 }
}

/** A single-quoted shell word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}
