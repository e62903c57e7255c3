/** `config` with every bench's confirmed regressions left unprofiled (as `profile: false`). */
function withoutProfiling(config) {
    return {
        ...config,
        benches: config.benches.map((bench) => ({
            ...bench,
            settings: { ...bench.settings, profile: false },
        })),
    };
}

export { withoutProfiling as w };
