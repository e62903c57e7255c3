import packageJson from '../package.json' with { type: 'json' }

/** This perfgate's version, from package.json (inlined by the bundler). */
export const PERFGATE_VERSION: string = packageJson.version
