/**
 * Opens a session and measures the benches producing `names` once on both sides; undefined when
 * the session cannot be set up, after `onSetupError` heard why. The session stays open for the
 * regressions it confirms to be profiled (profile files to `output`): the caller closes it
 * (compareAndConfirmRuns does).
 */
async function measureOnce(open, names, onSetupError, output) {
    let session;
    try {
        session = await open();
    }
    catch (error) {
        onSetupError(error instanceof Error ? error.message : String(error));
        return undefined;
    }
    try {
        const both = await session.measure(names);
        return {
            ...both,
            explain: (targets) => session.profile(targets, output),
            close: () => session.close(),
        };
    }
    catch (error) {
        await session.close();
        throw error;
    }
}

export { measureOnce };
