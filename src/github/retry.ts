/** Retrying a flaky call with exponential backoff; short and configurable so tests stay fast. */

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Total attempts, including the first. */
  attempts: number
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number
  /** Upper bound on one delay (a server's retry-after is honoured up to this too). */
  maxDelayMs: number
}

/** The policy the action uses unless PERFGATE_RETRY_DELAY_MS says otherwise. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 }

/** What a failed attempt means: retry (after `delayMs` if the server said so) or give up. */
export type RetryDecision = { retry: false } | { retry: true; delayMs?: number; why: string }

/** Runs `attempt` until it succeeds, `classify` says the failure is permanent, or attempts run out. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  policy: RetryPolicy,
  hooks: { sleep: (ms: number) => Promise<void>; log?: (line: string) => void },
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      const decision = classify(error)
      if (!decision.retry || n >= policy.attempts) throw error
      const backoff = policy.baseDelayMs * 2 ** (n - 1)
      const delay = Math.min(policy.maxDelayMs, decision.delayMs ?? backoff)
      hooks.log?.(
        `${decision.why}; retrying in ${delay} ms (attempt ${n + 1} of ${policy.attempts})`,
      )
      await hooks.sleep(delay)
    }
  }
}
