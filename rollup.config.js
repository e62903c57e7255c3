// One self-contained ESM file per entry point: the action, the CLI, and the js-bench worker.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const entries = [
  ['src/index.ts', 'dist/index.js'],
  ['src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node'],
  ['src/run/js-worker.ts', 'dist/js-worker.js'],
]

/** @type {import("rollup").RollupOptions[]} */
const config = entries.map(([input, file, banner]) => ({
  input,
  output: { file, format: 'es', banner, inlineDynamicImports: true, sourcemap: false },
  // pg's optional native binding is never installed; the pure-JS client is used.
  external: ['pg-native', 'pg-cloudflare'],
  onwarn(warning, warn) {
    // Dependencies' own comments and cycles are not ours to fix.
    if (
      ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(
        warning.code ?? '',
      )
    )
      return
    warn(warning)
  },
  plugins: [
    typescript({
      tsconfig: 'tsconfig.json',
      noEmit: false,
      outDir: 'dist',
      include: ['src/**/*.ts'],
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs({ ignoreDynamicRequires: true }),
    json(),
  ],
}))

export default config
