import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runBenches } from '../../src/run/run-benches.js'
import { config } from './helpers.js'

const scratch = (): string => mkdtempSync(path.join(tmpdir(), 'perfgate-cmd-'))

describe('command kind', () => {
  it('runs warm-ups, prepare before every run, and one sample per timed run', async () => {
    const dir = scratch()
    const { benches } = config(
      `benches:
  - name: count
    kind: command
    prepare: echo p >> prepare.log
    command: echo r >> runs.log
    warmup: 2
    samples: 6
    rounds: 3
    time: 1ms
`,
      path.join(dir, 'perfgate.yml'),
    )
    const [result] = await runBenches(benches, { env: process.env })
    expect(result.status).toBe('ok')
    const [time] = result.metrics
    expect(time.samples).toHaveLength(6)
    expect(time.rounds).toEqual([2, 2, 2])
    expect(time.unit).toBe('ms')
    // 2 warm-up runs + 6 timed runs, each preceded by prepare.
    expect(
      readFileSync(path.join(dir, 'runs.log'), 'utf8').split('\n').filter(Boolean),
    ).toHaveLength(8)
    expect(
      readFileSync(path.join(dir, 'prepare.log'), 'utf8').split('\n').filter(Boolean),
    ).toHaveLength(8)
  })

  it('measures wall time: a 50 ms sleep takes at least 50 ms', async () => {
    const { benches } = config(`benches:
  - {name: sleep, kind: command, command: sleep 0.05, warmup: 0, samples: 2, rounds: 1, time: 1ms}
`)
    const [result] = await runBenches(benches, { env: process.env })
    expect(result.metrics[0].summary.min).toBeGreaterThanOrEqual(50)
  })

  it('passes env and cwd', async () => {
    const dir = scratch()
    const { benches } = config(
      `benches:
  - name: env
    kind: command
    command: echo "$GREETING" > out.txt
    env: { GREETING: hello }
    warmup: 0
    samples: 1
    rounds: 1
    time: 1ms
`,
      path.join(dir, 'perfgate.yml'),
    )
    await runBenches(benches, { env: process.env })
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('hello\n')
  })

  it('turns a non-zero exit into an error with the stderr tail, and runs the next bench', async () => {
    const { benches } = config(`benches:
  - name: fails
    kind: command
    command: echo "line one" >&2; echo "disk on fire" >&2; exit 3
    warmup: 0
  - {name: ok, kind: command, command: 'true', warmup: 0, samples: 1, rounds: 1, time: 1ms}
`)
    const [fails, ok] = await runBenches(benches, { env: process.env })
    expect(fails.status).toBe('error')
    expect(fails.reason).toBe(
      'command `echo "line one" >&2; echo "disk on fire" >&2; exit 3` exited with code 3:\nline one\ndisk on fire',
    )
    expect(ok.status).toBe('ok')
  })

  it('reports a failing prepare command as such', async () => {
    const { benches } = config(`benches:
  - {name: p, kind: command, prepare: 'exit 1', command: 'true', warmup: 0}
`)
    const [result] = await runBenches(benches, { env: process.env })
    expect(result.reason).toBe('prepare `exit 1` exited with code 1 (no output)')
  })

  it('kills the command and its children at the timeout', async () => {
    const dir = scratch()
    const pidFile = path.join(dir, 'child.pid')
    const { benches } = config(`benches:
  - name: hangs
    kind: command
    command: sh -c 'echo $$ > ${pidFile}; sleep 30' ; sleep 30
    warmup: 0
    timeout: 500ms
`)
    const [result] = await runBenches(benches, { env: process.env })
    expect(result).toMatchObject({
      status: 'error',
      reason: 'timed out after 500ms and was killed',
    })
    expect(existsSync(pidFile)).toBe(true)
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(isAlive(grandchild)).toBe(false)
  })
})

// A killed process whose parent died too may linger as a zombie until init reaps it: not alive.
function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}
