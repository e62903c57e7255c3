/** Config text → a validated Config, or every problem found, each located. Pure: no file access. */
import path from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { DETERMINISTIC_FORMATS } from '../results/import/formats.js'
import { CALIBRATION_GROUP, CALIBRATION_MODULE } from './kinds/js.js'
import { KINDS, type KindName } from './kinds/index.js'
import { locate, type IssuePath } from './locate.js'
import { describeIssue, didYouMean } from './messages.js'
import { configSchema } from './schema.js'
import { budgetFields, budgetList, type Budget, type ScaleConfig } from './budget.js'
import { scaledName, scalePoints, scaleProblem, specAtSize } from './scale.js'
import { mergeSettings, settingsFields, BUILT_IN_SETTINGS, type SettingsInput } from './settings.js'
import { SERVE_KINDS, toServeSpec } from './serve.js'
import type { BenchConfig, ConfigError, ConfigOutcome } from './types.js'

/** Default noise threshold of `measure: instructions` benches (counts vary by well under 1%). */
export const INSTRUCTIONS_NOISE_THRESHOLD = 0.01

/** Options for parsing a config. */
export interface ParseOptions {
  /** Path of the file, as shown in messages; relative paths in it resolve against its folder. */
  file: string
  /** Default regression threshold (fraction) when neither bench nor defaults set one. */
  regressionThreshold?: number
}

/** Parses and validates config text; never throws for bad input. */
export function parseConfig(text: string, options: ParseOptions): ConfigOutcome {
  const { file } = options
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        message: `is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    }
  }
  const raw: unknown = doc.toJS()
  const parsed = configSchema.safeParse(raw ?? {})
  const errors: ConfigError[] = []
  const at = (issuePath: IssuePath, message: string, key?: string, field?: string): void => {
    const where = locate(doc, counter, issuePath, key)
    errors.push({
      file,
      line: where?.line,
      column: where?.col,
      bench: benchLabel(raw, issuePath),
      field: field ?? fieldName(issuePath),
      message,
    })
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint = didYouMean(key, knownKeys(raw, issue.path))
          at(issue.path, `is not a known field${hint}`, key, fieldName([...issue.path, key]))
        }
      } else {
        at(issue.path, describeIssue(issue, valueAt(raw, issue.path)))
      }
    }
  }
  const seen = new Map<string, number>()
  rawBenches(raw).forEach((name, index) => {
    if (name === '') return
    const first = seen.get(name)
    if (first !== undefined) {
      at(['benches', index, 'name'], `is used by bench #${first + 1} too: names must be unique`)
    }
    seen.set(name, index)
  })
  rawBenchKinds(raw).forEach(({ kind, concurrency }, index) => {
    if (concurrency === undefined || !(kind in KINDS)) return
    if (KINDS[kind as KindName].concurrency === true) return
    at(['benches', index, 'concurrency'], concurrencyUnsupported(kind))
  })
  rawBenchKinds(raw).forEach(({ kind, fields }, index) => {
    for (const where of relativeUrls(kind, fields)) {
      at(
        ['benches', index, ...where],
        `is not an http(s) URL: write a full URL like http://127.0.0.1:8080${where[0] === 'health' ? '/health' : '/v1/tasks'}, or list base-urls and write a path`,
      )
    }
  })
  rawBenchKinds(raw).forEach(({ kind, serve }, index) => {
    if (serve === undefined || !(kind in KINDS) || SERVE_KINDS.includes(kind)) return
    at(
      ['benches', index, 'serve'],
      `is not supported by ${kind} benches: perfgate starts a server only for the benches that send it requests (${SERVE_KINDS.join(', ')})`,
    )
  })
  if (!parsed.success || errors.length > 0) return { ok: false, errors: sortByLine(errors) }

  const config = parsed.data as {
    defaults?: SettingsInput
    calibration?: boolean
    benches: RawBench[]
  }

  const dir = path.dirname(path.resolve(file))
  const base = {
    ...BUILT_IN_SETTINGS,
    regressionThreshold: options.regressionThreshold ?? BUILT_IN_SETTINGS.regressionThreshold,
  }
  const benches: BenchConfig[] = []
  config.benches.forEach((bench, index) => {
    const definition = KINDS[bench.kind]
    const settings = mergeSettings([bench, config.defaults ?? {}], {
      ...base,
      ...definition.settings,
    })
    // `concurrency` in defaults applies only to the kinds that can run operations side by side.
    if (definition.concurrency !== true) settings.concurrency = []
    // Instruction counts barely move: their own 1% noise threshold unless the bench sets one.
    const own = bench['noise-threshold']
    if (countsInstructions(bench) && typeof own !== 'number')
      settings.noiseThreshold = INSTRUCTIONS_NOISE_THRESHOLD
    const spec = definition.toSpec(bench as never, { configDir: dir })
    // Known only once defaults are merged: `concurrency` may come from them.
    if (
      (spec as { poolSize?: number }).poolSize !== undefined &&
      settings.concurrency.length === 0
    ) {
      at(
        ['benches', index, 'pool-size'],
        'only applies in throughput mode: add concurrency, e.g. [1, 4, 16], or remove it',
      )
      return
    }
    // `serve` in defaults applies to the kinds that send requests; its folder is the config's.
    const serve = bench.serve ?? config.defaults?.serve
    if (serve !== undefined && SERVE_KINDS.includes(bench.kind)) {
      settings.serve = toServeSpec(serve, dir)
      if (
        settings.serve.health === undefined &&
        (spec as { health?: unknown }).health === undefined
      ) {
        at(
          ['benches', index, bench.serve === undefined ? 'kind' : 'serve'],
          'needs a health check to know when the server is up: add `health: {url: /health}` to the bench, or `health:` under `serve`',
          undefined,
          'serve',
        )
        return
      }
    }
    const budgets = budgetList(bench.budget)
    if (bench.scale === undefined) {
      benches.push({ name: bench.name, settings, spec, budgets })
      return
    }
    const problem = scaleProblem(bench.kind, spec, bench.scale)
    if (problem !== undefined) {
      const field = problem.startsWith('values') ? 'scale.values' : 'scale'
      at(['benches', index, ...field.split('.')], problem.replace(/^values /, ''), undefined, field)
      return
    }
    // One bench per size, so each size is measured, stored and compared like any other bench.
    for (const point of scalePoints(bench.name, bench.scale)) {
      benches.push({
        name: scaledName(bench.name, point.param, point.value),
        settings,
        spec: specAtSize(spec, point.param, point.value),
        budgets,
        scale: point,
      })
    }
  })
  if (errors.length > 0) return { ok: false, errors: sortByLine(errors) }
  if (config.calibration === true) {
    benches.push({
      name: CALIBRATION_GROUP,
      settings: mergeSettings([config.defaults ?? {}], base),
      budgets: [],
      spec: {
        kind: 'js',
        module: CALIBRATION_MODULE,
        functions: ['calibration'],
        leakCheck: false,
      },
    })
  }
  return { ok: true, config: { file, dir, benches } }
}

/** True for benches whose samples are instruction (event) counts, deterministic run to run. */
function countsInstructions(bench: RawBench): boolean {
  const { measure, format } = bench as { measure?: string; format?: string }
  if (measure === 'instructions') return true
  return (
    bench.kind === 'import' && (DETERMINISTIC_FORMATS as readonly string[]).includes(format ?? '')
  )
}

/** A config error as one line: `perfgate.yml:14 bench "x": noise-threshold must be ...`. */
export function formatConfigError(error: ConfigError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`
  const bench = error.bench === undefined ? '' : ` bench ${JSON.stringify(error.bench)}`
  const field = error.field === undefined ? '' : `${error.field} `
  return `${where}${bench}: ${field}${error.message}`
}

type RawBench = SettingsInput & {
  name: string
  kind: KindName
  budget?: Budget[]
  scale?: ScaleConfig
}

function rawBenches(raw: unknown): string[] {
  const benches = (raw as { benches?: unknown } | null)?.benches
  if (!Array.isArray(benches)) return []
  return benches.map((bench: unknown) => {
    const name = (bench as { name?: unknown } | null)?.name
    return typeof name === 'string' ? name : ''
  })
}

/**
 * The paths of an http or e2e bench's urls that can never be sent: neither http(s):// nor a path
 * with base-urls. A url starting with a `$VAR`/`${VAR}` or `{{...}}` template may fill in the scheme.
 */
function relativeUrls(kind: string, bench: Record<string, unknown>): string[][] {
  if ((kind !== 'http' && kind !== 'e2e') || bench['base-urls'] !== undefined) return []
  const fields =
    kind === 'http'
      ? [['url'], ['health', 'url']]
      : [
          ['health', 'url'],
          ['create', 'url'],
          ['poll', 'url'],
          ['cleanup', 'url'],
        ]
  return fields.filter((field) => {
    const value = field.reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key]
          : undefined,
      bench,
    )
    return typeof value === 'string' && value !== '' && !/^(https?:\/\/|\$|\{\{)/i.test(value)
  })
}

function rawBenchKinds(
  raw: unknown,
): { kind: string; concurrency: unknown; serve: unknown; fields: Record<string, unknown> }[] {
  const benches = (raw as { benches?: unknown } | null)?.benches
  if (!Array.isArray(benches)) return []
  return benches.map((bench: unknown) => {
    const fields = (bench !== null && typeof bench === 'object' ? bench : {}) as Record<
      string,
      unknown
    >
    const { kind, concurrency, serve } = fields
    return { kind: typeof kind === 'string' ? kind : '', concurrency, serve, fields }
  })
}

function concurrencyUnsupported(kind: string): string {
  const supported = Object.entries(KINDS)
    .filter(([, definition]) => (definition as { concurrency?: boolean }).concurrency === true)
    .map(([name]) => name)
  const why =
    kind === 'js'
      ? 'a js sample is one call on a single-threaded event loop, so calls cannot run side by side'
      : `${kind} benches do not measure throughput`
  return `is not supported by ${kind} benches: ${why}; remove it, or measure throughput with a ${supported.slice(0, -1).join(', ')} or ${supported.at(-1)} bench`
}

function benchLabel(raw: unknown, issuePath: IssuePath): string | undefined {
  if (issuePath[0] !== 'benches' || typeof issuePath[1] !== 'number') return undefined
  const name = (valueAt(raw, issuePath.slice(0, 2)) as { name?: unknown } | undefined)?.name
  return typeof name === 'string' && name !== '' ? name : `#${issuePath[1] + 1}`
}

function fieldName(issuePath: IssuePath): string | undefined {
  const inBench = issuePath[0] === 'benches' && typeof issuePath[1] === 'number'
  const rest = inBench ? issuePath.slice(2) : issuePath
  if (rest.length === 0) return inBench ? undefined : 'config'
  return rest.map(String).join('.')
}

function valueAt(raw: unknown, issuePath: IssuePath): unknown {
  let value = raw
  for (const segment of issuePath) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return value
}

function knownKeys(raw: unknown, issuePath: IssuePath): string[] {
  const settings = Object.keys(settingsFields)
  if (issuePath.length === 0) return ['defaults', 'benches', '$schema']
  if (issuePath[0] === 'defaults') return settings
  const kind = (valueAt(raw, issuePath) as { kind?: unknown } | undefined)?.kind
  const kindFields = typeof kind === 'string' && kind in KINDS ? KINDS[kind as KindName].fields : {}
  return ['name', ...settings, ...Object.keys(budgetFields), ...Object.keys(kindFields)]
}

function sortByLine(errors: ConfigError[]): ConfigError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
