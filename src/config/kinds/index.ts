/** Every bench kind perfgate knows, by name. Add a kind here and in run/kinds. */
import path from 'node:path'
import { defineKind } from './define.js'
import { commandFields, type CommandSpec } from './command.js'
import { jsFields, type JsSpec } from './js.js'
import { importFields, type ImportSpec } from './import.js'
import { pgNotifyFields, toPgNotifySpec, type PgNotifySpec } from './pg-notify.js'
import { checkSql, sqlFields, toSqlSpec, type SqlSpec } from './sql.js'

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
    }),
  }),
  command: defineKind({
    fields: commandFields,
    toSpec: (raw, { configDir }): CommandSpec => ({
      kind: 'command',
      command: raw.command,
      prepare: raw.prepare,
      cwd: path.resolve(configDir, raw.cwd ?? '.'),
      env: raw.env ?? {},
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
    toSpec: toSqlSpec,
    check: checkSql,
    settings: DATABASE_SETTINGS,
  }),
  'pg-notify': defineKind({
    fields: pgNotifyFields,
    toSpec: toPgNotifySpec,
    settings: DATABASE_SETTINGS,
  }),
}

/** The name of a bench kind. */
export type KindName = keyof typeof KINDS

/** A validated, kind-specific bench spec. */
export type BenchSpec = JsSpec | CommandSpec | ImportSpec | SqlSpec | PgNotifySpec
