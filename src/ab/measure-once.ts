/** One interleaved measurement of some benches in a session of their own (a base confirmation). */
import type { AbResults, AbSession } from './run-ab.js'

/**
 * Opens a session, measures the benches producing `names` once on both sides and closes it;
 * undefined when the session cannot be set up, after `onSetupError` heard why.
 */
export async function measureOnce(
  open: () => Promise<AbSession>,
  names: readonly string[],
  onSetupError: (why: string) => void,
): Promise<AbResults | undefined> {
  let session: AbSession
  try {
    session = await open()
  } catch (error) {
    onSetupError(error instanceof Error ? error.message : String(error))
    return undefined
  }
  try {
    return await session.measure(names)
  } finally {
    await session.close()
  }
}
