// The action, the CLI and the js-bench worker as ESM entry points in dist/, sharing chunks in
// dist/chunks/. Code splitting lets the action load the artifact client, Octokit and pg only when
// a step needs them (dynamic import), so `node dist/index.js` starts fast.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** @type {import("rollup").RollupOptions} */
const config = {
  input: { index: 'src/index.ts', cli: 'src/cli.ts', 'js-worker': 'src/run/js-worker.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
    sourcemap: false,
  },
  // @actions/core reaches undici only through getIDToken (OIDC), which perfgate never calls: let
  // those modules go when nothing uses them, so the action's first chunk stays small.
  treeshake: {
    moduleSideEffects: (id) => !/node_modules\/(undici|@actions\/http-client)\//.test(id),
  },
  // pg's optional native binding is never installed; the pure-JS client is used (pg requires it in
  // a try, so leaving it out is safe). pg-cloudflare is bundled, not external: pg imports it
  // statically, and outside Cloudflare Workers it resolves to an empty module. The action runs
  // dist/ from its checkout with no node_modules, and the npm package has no dependencies, so
  // nothing but node: builtins may stay external (__tests__/release/bundle.test.ts checks it).
  external: ['pg-native'],
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
}

export default config
