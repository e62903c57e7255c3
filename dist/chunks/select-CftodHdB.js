/** The config benches that produce `names` (`json` produces `json/parse`). */
function benchesProducing(config, names) {
    const wanted = new Set(names);
    return config.benches.filter((bench) => wanted.has(bench.name) || names.some((name) => name.startsWith(`${bench.name}/`)));
}

export { benchesProducing as b };
