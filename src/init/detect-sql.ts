/** SQL: a migrations folder or `.sql` files, for a commented `sql` example. */
import type { SqlFinding } from './findings.js'
import type { ProjectTree } from './tree.js'

/** Finds SQL files; the example names a schema file or the migrations folder when there is one. */
export function detectSql(tree: ProjectTree): SqlFinding[] {
  const files = tree.paths.filter((file) => file.endsWith('.sql'))
  if (files.length === 0) return []
  const migrationsDir = files
    .map((file) => /^(.*?(?:^|\/)migrations?)\//.exec(file)?.[1])
    .find((dir) => dir !== undefined)
  const schemaFile = files.find((file) => /(?:^|\/)(?:schema|seed|init|structure)\.sql$/.test(file))
  return [
    {
      kind: 'sql',
      ...(schemaFile ? { schemaFile } : {}),
      ...(migrationsDir ? { migrationsDir } : {}),
      files,
    },
  ]
}
