/** Process checks for tests that start servers: a zombie (exited, not yet reaped) is not alive. */
import { readFileSync } from 'node:fs'

/** True while `pid` runs; false once it exited, even if PID 1 has not reaped it yet. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
    return state !== 'Z' && state !== 'X'
  } catch {
    // No /proc (macOS): kill(pid, 0) is all there is.
    return true
  }
}
