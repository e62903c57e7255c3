/**
 * Profiles of `command` benches from real processes: a Node script (directly and through a
 * shell script and npm), a native program under perf where this runner allows it, and the note
 * when no profiler applies.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CommandSpec } from '../../src/config/kinds/command.js'
import { captureCommandProfile } from '../../src/profile/capture-command.js'
import { probePerfRecord } from '../../src/profile/perf-record.js'
import { ownSelfTimes } from '../helpers/profile.js'

const FIXTURES = path.resolve('__fixtures__/profile')

const spec = (command: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({
  kind: 'command',
  command,
  cwd: FIXTURES,
  env: {},
  memory: false,
  measure: 'time',
  memoryThreshold: 0.1,
  ...extra,
})

const options = { env: process.env, signal: new AbortController().signal, intervalUs: 200 }

describe('captureCommandProfile', () => {
  it('profiles a Node command: its slow function is named first, by file and line, over the calls', async () => {
    const captured = await captureCommandProfile(spec('node checksum.mjs 2000000'), {
      ...options,
      calls: 3,
    })
    expect(captured.note).toBeUndefined()
    const round = captured.round!
    expect(round.calls).toBe(3)
    const [top] = ownSelfTimes(round.profile)
    expect(top).toMatchObject({
      name: 'slowChecksum',
      url: `file://${path.join(FIXTURES, 'checksum.mjs')}`,
      line: 2,
    })
    // Three processes' profiles in one: one merged node per function, not one per process.
    const nodes = round.profile.nodes.filter((n) => n.callFrame.functionName === 'slowChecksum')
    expect(nodes).toHaveLength(1)
    expect(round.profile.samples.length).toBe(round.profile.timeDeltas.length)
  })

  it('reaches node behind a shell script and keeps the NODE_OPTIONS the bench sets', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfgate-profile-test-'))
    writeFileSync(
      path.join(dir, 'run.sh'),
      `node -p "require('v8').getHeapStatistics().heap_size_limit" > limit.txt
node ${JSON.stringify(path.join(FIXTURES, 'checksum.mjs'))} 1000000 > /dev/null\n`,
    )
    const captured = await captureCommandProfile(
      // --max-old-space-size must survive: the preload is added after the user's options.
      spec('sh run.sh', { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=200' } }),
      { ...options, calls: 1 },
    )
    // Node's own start-up can outweigh a short script on a loaded runner: reaching it is the point.
    const names = ownSelfTimes(captured.round!.profile).map((entry) => entry.name)
    expect(names).toContain('slowChecksum')
    expect(Number(readFileSync(path.join(dir, 'limit.txt'), 'utf8'))).toBeLessThan(300 * 2 ** 20)
  })

  it('says why a failing command has no profile', async () => {
    const captured = await captureCommandProfile(
      spec(`node -e "process.exitCode = 3; console.error('no disk')"`),
      { ...options, calls: 2 },
    )
    expect(captured.note).toBe(
      `profiling failed: command \`node -e "process.exitCode = 3; console.error('no disk')"\` exited with code 3 (no disk)`,
    )
  })

  it('gives the note for a command that starts no Node process where perf cannot run', async () => {
    // perf is looked up on the bench's PATH: without it there, nothing can profile `sort`.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'perfgate-profile-bin-'))
    for (const tool of ['sh', 'sort']) {
      symlinkSync(
        execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(),
        path.join(bin, tool),
      )
    }
    const env = { ...process.env, PATH: bin }
    const captured = await captureCommandProfile(spec('sort checksum.mjs > /dev/null'), {
      ...options,
      env,
      calls: 2,
    })
    expect(captured.round).toBeUndefined()
    expect(captured.note).toBe(
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
    const captured = await captureCommandProfile(spec(binary, { cwd: dir }), {
      ...options,
      calls: 1,
    })
    const perf = await probePerfRecord(process.env)
    if (!perf.ok) {
      expect(captured.note).toMatch(
        /^no profiler applies to `.*hot`: it starts no Node process, and perf is not available on this runner/,
      )
      return
    }
    expect(captured.note).toBeUndefined()
    expect(captured.round!.calls).toBe(1)
    const [top] = ownSelfTimes(captured.round!.profile)
    expect(top).toMatchObject({ name: 'slow_part', url: binary })
  })
})
