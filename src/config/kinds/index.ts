/** Every bench kind perfgate knows, by name. Add a kind here and in run/kinds. */
import path from 'node:path'
import { defineKind } from './define.js'
import { checkCommand, commandFields, type CommandSpec } from './command.js'
import { e2eFields, type E2eSpec } from './e2e.js'
import { httpFields, toHealthSpec, toRequestSpec, type HttpSpec } from './http.js'
import { jsFields, type JsSpec } from './js.js'
import { importFields, type ImportSpec } from './import.js'
import { pgNotifyFields, toPgNotifySpec, type PgNotifySpec } from './pg-notify.js'
import { checkSql, sqlFields, toSqlSpec, type SqlSpec } from './sql.js'
import { queueFields, toQueueSpec, type QueueSpec } from './queue.js'

/** Database benches are noisier than CPU benches: their changes under 15% are noise by default. */
const DATABASE_SETTINGS = { noiseThreshold: 0.15 }

/** The config definitions of all kinds. */
export const KINDS = {
  js: defineKind({
    fields: jsFields,
    toSpec: (raw, { configDir }): JsSpec => ({
      kind: 'js',
      module: path.resolve(configDir, raw.module),
      functions: raw.functions,
      leakCheck: raw['leak-check'] ?? false,
    }),
  }),
  command: defineKind({
    fields: commandFields,
    concurrency: true,
    toSpec: (raw, { configDir }): CommandSpec => ({
      kind: 'command',
      command: raw.command,
      prepare: raw.prepare,
      cwd: path.resolve(configDir, raw.cwd ?? '.'),
      env: raw.env ?? {},
      memory: raw.memory ?? true,
      measure: raw.measure ?? 'time',
      // Only on counting benches, so the identity of a timed bench does not change.
      ...(raw.measure === 'instructions' ? { counter: raw.counter ?? 'auto' } : {}),
      memoryThreshold: raw['memory-threshold'] ?? 0.1,
    }),
    check: checkCommand,
  }),
  http: defineKind({
    fields: httpFields,
    concurrency: true,
    toSpec: (raw): HttpSpec => ({
      kind: 'http',
      request: toRequestSpec(raw),
      baseUrls: raw['base-urls'] ?? [],
      health: toHealthSpec(raw.health),
    }),
  }),
  e2e: defineKind({
    fields: e2eFields,
    concurrency: true,
    toSpec: (raw): E2eSpec => ({
      kind: 'e2e',
      baseUrls: raw['base-urls'] ?? [],
      health: toHealthSpec(raw.health),
      create: toRequestSpec(raw.create, 'POST'),
      id: raw.id,
      poll: {
        ...toRequestSpec(raw.poll),
        field: raw.poll.field,
        success: raw.poll.success,
        failure: raw.poll.failure ?? [],
      },
      pollInterval: raw['poll-interval'] ?? 50,
      sampleTimeout: raw['sample-timeout'] ?? 30_000,
      cleanup: raw.cleanup === undefined ? undefined : toRequestSpec(raw.cleanup, 'DELETE'),
    }),
  }),
  import: defineKind({
    fields: importFields,
    toSpec: (raw, { configDir }): ImportSpec => ({
      kind: 'import',
      format: raw.format,
      paths: raw.path === undefined ? [] : Array.isArray(raw.path) ? raw.path : [raw.path],
      configDir,
      ...(raw.run === undefined ? {} : { run: raw.run }),
      ...(raw.prefix === undefined ? {} : { prefix: raw.prefix }),
    }),
  }),
  sql: defineKind({
    fields: sqlFields,
    concurrency: true,
    toSpec: toSqlSpec,
    check: checkSql,
    settings: DATABASE_SETTINGS,
  }),
  'pg-notify': defineKind({
    fields: pgNotifyFields,
    toSpec: toPgNotifySpec,
    settings: DATABASE_SETTINGS,
  }),
  queue: defineKind({
    fields: queueFields,
    toSpec: toQueueSpec,
    settings: DATABASE_SETTINGS,
  }),
}

/** The name of a bench kind. */
export type KindName = keyof typeof KINDS

/** A validated, kind-specific bench spec. */
export type BenchSpec =
  JsSpec | CommandSpec | ImportSpec | SqlSpec | PgNotifySpec | QueueSpec | HttpSpec | E2eSpec
