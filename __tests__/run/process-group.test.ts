// groupRunning: a stopped server's process group counts as gone once only zombies are left, so
// perfgate does not wait for a slow PID 1 to reap them before the next server binds the port.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { groupRunning } from '../../src/run/process.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A parent that never reaps: its child leads a group of its own and exits at once, so the group
// holds one zombie for as long as the parent sleeps.
const NEVER_REAPS = `import os, sys, time
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    os._exit(0)
print(pid, flush=True)
time.sleep(30)
`

describe('groupRunning', () => {
  it('is true while a member runs and false once the group is killed', async () => {
    const child = spawn('sh', ['-c', 'node -e "setInterval(() => {}, 1000)"; echo done'], {
      detached: true,
      stdio: 'ignore',
    })
    const pid = child.pid as number
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await sleep(300)
    expect(groupRunning(pid)).toBe(true)
    process.kill(-pid, 'SIGKILL')
    await exited
    const started = performance.now()
    while (groupRunning(pid) && performance.now() - started < 5000) await sleep(10)
    expect(groupRunning(pid)).toBe(false)
  })

  it('is false for a group of zombies, which kill(-pgid, 0) still finds', async () => {
    const parent = spawn('python3', ['-c', NEVER_REAPS], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const pgid = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
      )
      await sleep(200)
      expect(() => process.kill(-pgid, 0)).not.toThrow()
      expect(groupRunning(pgid)).toBe(false)
    } finally {
      parent.kill('SIGKILL')
    }
  })

  it('is false for a group that never existed', () => {
    expect(groupRunning(2 ** 22 - 3)).toBe(false)
  })
})
