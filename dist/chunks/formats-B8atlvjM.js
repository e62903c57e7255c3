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
    'iai-callgrind',
    'custom-smaller-is-better',
    'custom-bigger-is-better',
];
/**
 * Formats whose values are event counts, deterministic run to run: their benches get the small
 * noise threshold of `measure: instructions` unless they set their own.
 */
const DETERMINISTIC_FORMATS = ['iai-callgrind'];

export { DETERMINISTIC_FORMATS as D, IMPORT_FORMATS as I };
