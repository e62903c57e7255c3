/** Retrying a flaky call with exponential backoff; short and configurable so tests stay fast. */
/** The policy the action uses unless PERFGATE_RETRY_DELAY_MS says otherwise. */
const DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };
/** Runs `attempt` until it succeeds, `classify` says the failure is permanent, or attempts run out. */
async function withRetry(attempt, classify, policy, hooks) {
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            const decision = classify(error);
            if (!decision.retry || n >= policy.attempts)
                throw error;
            const backoff = policy.baseDelayMs * 2 ** (n - 1);
            const delay = Math.min(policy.maxDelayMs, decision.delayMs ?? backoff);
            hooks.log?.(`${decision.why}; retrying in ${delay} ms (attempt ${n + 1} of ${policy.attempts})`);
            await hooks.sleep(delay);
        }
    }
}

export { DEFAULT_RETRY as D, withRetry as w };
