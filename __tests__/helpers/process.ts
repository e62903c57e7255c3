/** Process checks for tests that start servers: a zombie (exited, not yet reaped) is not alive. */
import { procStat } from '../../src/run/process.js'

/** True while `pid` runs; false once it exited, even if PID 1 has not reaped it yet. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // No /proc (macOS): kill(pid, 0) is all there is.
  return procStat(pid)?.running ?? true
}
