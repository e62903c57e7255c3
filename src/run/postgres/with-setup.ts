/** Runs a bench's setup SQL, its work, then its teardown SQL, whatever happened in between. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { ConnectionSpec } from '../../config/kinds/postgres-fields.js'
import { BenchError } from '../outcome.js'
import { runSql } from './connect.js'

/** setup → work → teardown; a teardown failure is reported only when the work succeeded. */
export async function withSetup<T>(
  client: pg.Client,
  spec: ConnectionSpec,
  work: () => Promise<T>,
): Promise<T> {
  if (spec.setupFile !== undefined) {
    const sql = await readFile(spec.setupFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new BenchError(
        `setup-file ${spec.setupFile} could not be read (${error.code ?? error.message})`,
      )
    })
    await runSql(client, sql, `setup-file ${path.basename(spec.setupFile)}`)
  }
  if (spec.setup !== undefined) await runSql(client, spec.setup, 'setup')
  let result: T
  try {
    result = await work()
  } catch (error) {
    if (spec.teardown !== undefined)
      await runSql(client, spec.teardown, 'teardown').catch(() => undefined)
    throw error
  }
  if (spec.teardown !== undefined) await runSql(client, spec.teardown, 'teardown')
  return result
}
