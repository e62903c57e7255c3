/** One interleaved measurement of some benches in a session of their own (a base confirmation). */
import type { Remeasured } from '../compare/confirmation.js'
import type { ProfileOutput } from '../profile/explain.js'
import type { AbSession } from './run-ab.js'

/**
 * Opens a session and measures the benches producing `names` once on both sides; undefined when
 * the session cannot be set up, after `onSetupError` heard why. The session stays open for the
 * regressions it confirms to be profiled (profile files to `output`): the caller closes it
 * (compareAndConfirmRuns does).
 */
export async function measureOnce(
  open: () => Promise<AbSession>,
  names: readonly string[],
  onSetupError: (why: string) => void,
  output?: ProfileOutput,
): Promise<Remeasured | undefined> {
  let session: AbSession
  try {
    session = await open()
  } catch (error) {
    onSetupError(error instanceof Error ? error.message : String(error))
    return undefined
  }
  try {
    const both = await session.measure(names)
    return {
      ...both,
      explain: (targets) => session.profile(targets, output),
      close: () => session.close(),
    }
  } catch (error) {
    await session.close()
    throw error
  }
}
