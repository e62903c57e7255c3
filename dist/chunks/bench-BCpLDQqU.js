/** A bench's result: metrics when it measured, a reason (and none) when it errored or was skipped. */
function benchResult(fields, outcome) {
    if (outcome.status === 'ok')
        return { ...fields, status: 'ok', metrics: outcome.metrics };
    const reason = outcome.reason ?? (outcome.status === 'error' ? 'the bench failed' : 'skipped');
    return { ...fields, status: outcome.status, reason, metrics: [] };
}

export { benchResult as b };
