/**
 * A lock the few test files that judge a small slowdown take for as long as they run, so that jest's
 * two workers never run two of them at once. Each holds on a busy machine by design; two of them
 * together on a 2-core runner, each loading the other's core while it measures, tipped one over in
 * fresh-clone CI runs (the tail input's test failed in three of three runs beside a heavier
 * profiled script, and passed alone). The lock is a directory (mkdir is atomic) holding the owner's
 * pid, so a worker that died holding it does not block the next run. (Two waiters breaking the
 * same dead owner's lock at once could both go on; with two workers, and an owner gone only when
 * its worker was killed, a safer protocol is not worth its code.)
 */
import { afterAll, beforeAll } from '@jest/globals'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const LOCK = path.join(tmpdir(), 'perfgate-tests-timing.lock')
const OWNER = path.join(LOCK, 'pid')

/** How long a file may wait: each holder ran 9-45 s in a fresh-clone CI run, waits included. */
const WAIT_MS = 8 * 60_000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner's pid, or null while the owner has made the directory but not yet written it. */
function owner(): number | null {
  try {
    const pid = Number(readFileSync(OWNER, 'utf8'))
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Waits for the lock and takes it; the returned function gives it back. */
async function takeTimingLock(): Promise<() => void> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    try {
      mkdirSync(LOCK)
      writeFileSync(OWNER, String(process.pid))
      return () => rmSync(LOCK, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = owner()
    if (pid !== null && !alive(pid)) {
      rmSync(LOCK, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline)
      throw new Error(`${LOCK} still held by pid ${pid} after ${WAIT_MS / 1000} s`)
    await sleep(200)
  }
}

/** Holds the lock from before this file's first hook (in its order) to after its last test. */
export function holdTimingLockForThisFile(): void {
  let release = () => {}
  beforeAll(async () => {
    release = await takeTimingLock()
  }, WAIT_MS)
  afterAll(() => release())
}
