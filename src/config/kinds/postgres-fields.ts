/** Config fields both PostgreSQL kinds (`sql`, `pg-notify`) share: where to connect and how. */
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
  setup?: string
  teardown?: string
}

/** The connection part of a spec from the parsed fields. */
export function toConnectionSpec(raw: {
  'database-url-env'?: string
  'search-path'?: string | string[]
  setup?: string
  teardown?: string
}): ConnectionSpec {
  const searchPath = raw['search-path']
  return {
    urlEnv: raw['database-url-env'] ?? 'DATABASE_URL',
    searchPath:
      searchPath === undefined ? [] : typeof searchPath === 'string' ? [searchPath] : searchPath,
    setup: raw.setup,
    teardown: raw.teardown,
  }
}
