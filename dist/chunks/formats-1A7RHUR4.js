/** The names of the formats the `import` kind reads, apart from their parsers (cheap to load). */
/** Every tool output format the `import` kind reads. */
const IMPORT_FORMATS = [
    'criterion',
    'google-benchmark',
    'pytest-benchmark',
    'hyperfine',
    'go',
    'vitest',
    'tinybench',
    'custom',
    'cargo',
    'catch2',
    'jmh',
    'benchmarkdotnet',
    'benchmarkjs',
    'julia',
    'custom-smaller-is-better',
    'custom-bigger-is-better',
];

export { IMPORT_FORMATS as I };
