/**
 * How long examples/postgres's reseed_tasks(n) takes at the demo's sizes, on a throwaway
 * embedded PostgreSQL (or DATABASE_URL when set): the scaled demo bench runs it as each size's
 * setup and reseed_tasks(2000) as its teardown. Usage: `npx tsx bench/reseed.ts [schema.sql]` (default the
 * example's; pass an older copy to compare). RESEED_SIZES=1000,10000,100000 by default.
 */
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../scripts/embedded-postgres.js'

const file = process.argv[2] ?? 'examples/postgres/schema.sql'
const sizes = (process.env.RESEED_SIZES ?? '1000,10000,100000').split(',').map(Number)

const server: EmbeddedServer | undefined = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ label: 'reseed' })
const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? server?.url })
await client.connect()
try {
  const time = async (sql: string): Promise<number> => {
    const started = performance.now()
    await client.query(sql)
    return (performance.now() - started) / 1000
  }
  await client.query('DROP SCHEMA IF EXISTS tasker CASCADE')
  console.log(
    `${file}: schema and 2,000-task seed ${(await time(await readFile(file, 'utf8'))).toFixed(2)} s`,
  )
  let total = 0
  // As a demo run does: each size's setup, then its teardown back to the standard 2,000.
  for (const n of sizes.flatMap((size) => [size, 2000])) {
    const seconds = await time(`SELECT tasker.reseed_tasks(${n})`)
    total += seconds
    const { rows } = await client.query<{ steps: number; edges: number }>(
      'SELECT (SELECT count(*)::int FROM tasker.steps) AS steps, (SELECT count(*)::int FROM tasker.step_edges) AS edges',
    )
    console.log(
      `reseed_tasks(${n}): ${seconds.toFixed(2)} s (${rows[0].steps} steps, ${rows[0].edges} edges)`,
    )
  }
  console.log(`all reseeds of a demo run (each size's setup and teardown): ${total.toFixed(1)} s`)
  await client.query('DROP SCHEMA IF EXISTS tasker CASCADE')
} finally {
  await client.end()
  await server?.stop()
}
