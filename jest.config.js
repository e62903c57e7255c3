// Jest runs the TypeScript sources as ESM through ts-jest (the actions/typescript-action setup).
export default {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true, diagnostics: false }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60_000,
  // Two test files at a time, also on a 2-core runner (jest's default there is one): the suite
  // takes about 7 minutes instead of 13. The timing tests hold on a busy machine by design (A/B
  // rounds interleaved, wide margins): perfgate's own job is to work on shared runners. The few
  // that judge a slowdown near their margin take __tests__/helpers/timing-lock.ts, so never two of
  // them run at once.
  maxWorkers: 2,
  verbose: false,
}
