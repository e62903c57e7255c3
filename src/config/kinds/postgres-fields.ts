/** Config fields both PostgreSQL kinds (`sql`, `pg-notify`) share: where to connect and how. */
import path from 'node:path'
import { z } from 'zod'
import { envName, text } from '../fields.js'

/** Connection fields of a PostgreSQL bench. */
export const connectionFields = {
  'database-url-env': envName().optional().meta({
    description:
      'Environment variable holding the connection URL (default DATABASE_URL). The URL itself never goes in the config.',
  }),
  'search-path': z
    .union([text('a schema name'), z.array(text('a schema name')).min(1)], {
      error: 'must be a schema name or a list of schema names',
    })
    .optional()
    .meta({ description: 'search_path for the bench connection(s), e.g. [tasker, public].' }),
  'setup-file': text('a path to an .sql file, relative to the config file').optional().meta({
    description:
      'SQL file run once before the bench, before `setup` (e.g. an idempotent schema and seed).',
  }),
  setup: text('SQL')
    .optional()
    .meta({ description: 'SQL run once before the bench (not timed), e.g. schema and seed.' }),
  teardown: text('SQL')
    .optional()
    .meta({ description: 'SQL run once after the bench, even when it failed (not timed).' }),
}

/** Connection settings of a PostgreSQL bench spec. */
export interface ConnectionSpec {
  /** Name of the environment variable with the URL. */
  urlEnv: string
  /** Schemas for search_path, in order; empty = server default. */
  searchPath: string[]
  /** Absolute path of an SQL file run before `setup`. */
  setupFile?: string
  setup?: string
  teardown?: string
}

/** The connection part of a spec from the parsed fields; paths resolve against `configDir`. */
export function toConnectionSpec(
  raw: {
    'database-url-env'?: string
    'search-path'?: string | string[]
    'setup-file'?: string
    setup?: string
    teardown?: string
  },
  configDir: string,
): ConnectionSpec {
  const searchPath = raw['search-path']
  const setupFile = raw['setup-file']
  return {
    urlEnv: raw['database-url-env'] ?? 'DATABASE_URL',
    searchPath:
      searchPath === undefined ? [] : typeof searchPath === 'string' ? [searchPath] : searchPath,
    ...(setupFile === undefined ? {} : { setupFile: path.resolve(configDir, setupFile) }),
    setup: raw.setup,
    teardown: raw.teardown,
  }
}
