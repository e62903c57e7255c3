/**
 * Opens a session, measures the benches producing `names` once on both sides and closes it;
 * undefined when the session cannot be set up, after `onSetupError` heard why.
 */
async function measureOnce(open, names, onSetupError) {
    let session;
    try {
        session = await open();
    }
    catch (error) {
        onSetupError(error instanceof Error ? error.message : String(error));
        return undefined;
    }
    try {
        return await session.measure(names);
    }
    finally {
        await session.close();
    }
}

export { measureOnce };
