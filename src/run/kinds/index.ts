/** The runner of every bench kind, by kind name (the config side lives in config/kinds). */
import type { KindName } from '../../config/kinds/index.js'
import type { KindRunner } from '../outcome.js'
import { runCommandBench } from './command.js'
import { runE2eBench } from './e2e.js'
import { runHttpBench } from './http.js'
import { runJsBench } from './js.js'
import { runImportBench } from './import.js'
import { runPgNotifyBench } from './pg-notify.js'
import { runSqlBench } from './sql.js'
import { runQueueBench } from './queue.js'

/** Kind name → runner. */
export const RUNNERS: Record<KindName, KindRunner> = {
  js: runJsBench,
  command: runCommandBench,
  import: runImportBench,
  sql: runSqlBench,
  'pg-notify': runPgNotifyBench,
  queue: runQueueBench,
  http: runHttpBench,
  e2e: runE2eBench,
}
