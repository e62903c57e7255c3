/**
 * Profiles of `command` benches from real processes: a Node script (directly and behind a shell
 * script), a native program under perf where this runner allows it, and the note when no
 * profiler applies.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { captureCommand } from '../../src/profile/capture-command.js'
import { CAPTURES, type CaptureTarget } from '../../src/profile/captures.js'
import { probePerfRecord } from '../../src/profile/perf-record.js'
import { functionId } from '../../src/profile/self-time.js'
import type { ProfileRound } from '../../src/profile/types.js'
import { config } from '../run/helpers.js'
import { captureRounds, ownSelfTimes, testSide } from '../helpers/profile.js'

const FIXTURES = path.resolve('__fixtures__/profile')

/** A target for the one command bench of `yaml` (a bench entry), `calls` runs per round. */
function target(entry: string, calls: number, dir = FIXTURES): CaptureTarget {
  const [bench] = config(`benches:\n  - ${entry}\n`, path.join(dir, 'perfgate.yml')).benches
  return { bench, result: bench.name, calls, intervalUs: 200, msPerCall: 100 }
}

const rounds = (captured: ProfileRound[] | string): ProfileRound[] => {
  if (typeof captured === 'string') throw new Error(`a note instead of a profile: ${captured}`)
  return captured
}

describe('the command capture', () => {
  it('is the registered capture of command benches', () => {
    expect(CAPTURES.command).toBe(captureCommand)
  })

  it('profiles a Node command: its slow function is named first, by file and line, over the calls', async () => {
    // 8M rounds, some 50 ms: at 2M, Node's own start-up (compileForInternalLoader) outweighed it
    // once in a full local run.
    const taken = rounds(
      await captureRounds(
        captureCommand,
        testSide(FIXTURES),
        target('{name: sum, kind: command, command: node checksum.mjs 8000000}', 2),
        2,
      ),
    )
    expect(taken).toHaveLength(2)
    for (const round of taken) {
      expect(round.calls).toBe(2)
      // The processes' CPU time over their profiles, for the attribution to share out.
      expect(round.cpuMs).toBeGreaterThan(10)
      const [top] = ownSelfTimes(round.profile)
      expect(top).toMatchObject({
        name: 'slowChecksum',
        url: `file://${path.join(FIXTURES, 'checksum.mjs')}`,
        line: 2,
      })
      // Two processes' profiles in one: one merged node per function, not one per process.
      const nodes = round.profile.nodes.filter((n) => n.callFrame.functionName === 'slowChecksum')
      expect(nodes).toHaveLength(1)
      expect(round.profile.samples.length).toBe(round.profile.timeDeltas.length)
    }
  })

  it('reaches node behind a shell script and keeps the NODE_OPTIONS the bench sets', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfgate-profile-test-'))
    writeFileSync(
      path.join(dir, 'run.sh'),
      `node -p "require('v8').getHeapStatistics().heap_size_limit" > limit.txt
NODE_OPTIONS= node -p "require('v8').getHeapStatistics().heap_size_limit" > default-limit.txt
node ${JSON.stringify(path.join(FIXTURES, 'checksum.mjs'))} 1000000 > /dev/null\n`,
    )
    // --max-old-space-size must survive: the preload is added after the bench's own options.
    const entry =
      '{name: sh, kind: command, command: sh run.sh, env: {NODE_OPTIONS: "--max-old-space-size=200"}}'
    const [round] = rounds(
      await captureRounds(captureCommand, testSide(dir), target(entry, 1, dir)),
    )
    // Node's own start-up can outweigh a short script on a loaded runner: reaching it is the point.
    expect(ownSelfTimes(round.profile).map((entry) => entry.name)).toContain('slowChecksum')
    // Node 24 adds the young generation (~200 MB) to the limit: compare with the default's GBs.
    const limit = (file: string) => Number(readFileSync(path.join(dir, file), 'utf8'))
    expect(limit('limit.txt')).toBeLessThan(limit('default-limit.txt') / 2)
  })

  it('says why a failing command has no profile', async () => {
    const note = await captureRounds(
      captureCommand,
      testSide(FIXTURES),
      target(
        `{name: fails, kind: command, command: "node -e \\"process.exitCode = 3; console.error('no disk')\\""}`,
        2,
      ),
    )
    expect(note).toBe(
      `profiling failed: command \`node -e "process.exitCode = 3; console.error('no disk')"\` exited with code 3 (no disk)`,
    )
  })

  it('gives the note for a command that starts no Node process where perf cannot run', async () => {
    // perf is looked up on the bench's PATH: without it there, nothing can profile `sort`.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'perfgate-profile-bin-'))
    for (const tool of ['sh', 'sort']) {
      const found = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim()
      symlinkSync(found, path.join(bin, tool))
    }
    const note = await captureRounds(
      captureCommand,
      testSide(FIXTURES, { ...process.env, PATH: bin }),
      target('{name: sort, kind: command, command: sort checksum.mjs > /dev/null}', 2),
    )
    expect(note).toBe(
      'no profiler applies to `sort checksum.mjs > /dev/null`: it starts no Node process, and perf is not available on this runner (perf is not installed)',
    )
  })

  it('profiles a native command with perf record where the runner allows it, else gives the note', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfgate-profile-test-'))
    const binary = path.join(dir, 'hot')
    execFileSync('cc', [
      '-O1',
      '-fno-omit-frame-pointer',
      '-o',
      binary,
      path.join(FIXTURES, 'hot.c'),
    ])
    const captured = await captureRounds(
      captureCommand,
      testSide(dir),
      target('{name: hot, kind: command, command: ./hot}', 1, dir),
    )
    if (!(await probePerfRecord(process.env)).ok) {
      expect(captured).toMatch(
        /^no profiler applies to `\.\/hot`: it starts no Node process, and perf is not available on this runner/,
      )
      return
    }
    const [round] = rounds(captured)
    expect(round.calls).toBe(1)
    expect(ownSelfTimes(round.profile)[0]).toMatchObject({ name: 'slow_part', url: binary })
    // Native frames have no line: the comment names the binary alone.
    const node = round.profile.nodes.find((n) => n.callFrame.functionName === 'slow_part')!
    expect(functionId(node)).toMatchObject({ name: 'slow_part', location: binary })
  })
})
