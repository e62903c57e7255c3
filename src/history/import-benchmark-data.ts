/**
 * github-action-benchmark's gh-pages `data.js` (`window.BENCHMARK_DATA = {...}`) → perfgate's
 * history.json, so a team that switches keeps its trend. Pure: text in, history and notices out.
 * Each data.js entry has one value per bench (and sometimes a `range`): it becomes one history
 * entry with rounds 1, as docs/history-format.md asks of importers.
 */
import { z } from 'zod'
import { msPer } from '../results/import/units.js'
import type { Better } from '../results/types.js'
import { HISTORY_VERSION, type History, type HistoryEntry, type HistorySeries } from './schema.js'

const benchSchema = z.looseObject({
  name: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  range: z.union([z.string(), z.number()]).optional(),
  extra: z.string().optional(),
})

const dataSchema = z.looseObject({
  lastUpdate: z.number().optional(),
  repoUrl: z.string().optional(),
  entries: z.record(
    z.string(),
    z.array(
      z.looseObject({
        commit: z.looseObject({ id: z.string().optional() }).nullish(),
        date: z.number(),
        tool: z.string(),
        benches: z.array(benchSchema),
      }),
    ),
  ),
})

/** data.js could not be read; names the file and what is wrong. */
export class BenchmarkDataError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`)
    this.name = 'BenchmarkDataError'
  }
}

/** Options of the conversion. */
export interface ImportOptions {
  /** Written into every entry (the importing perfgate's version). */
  perfgateVersion: string
}

/** The history, plus one line per thing skipped or converted in a way worth knowing. */
export interface ImportedHistory {
  history: History
  notices: string[]
}

/** The JSON inside data.js: the object after `window.BENCHMARK_DATA =` (or a bare JSON file). */
export function extractBenchmarkData(text: string, file: string): unknown {
  const json = text.replace(/^\s*window\.BENCHMARK_DATA\s*=\s*/, '').replace(/;?\s*$/, '')
  try {
    return JSON.parse(json) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new BenchmarkDataError(
      file,
      `is not github-action-benchmark's data.js (window.BENCHMARK_DATA = {...}): ${reason}`,
    )
  }
}

/** go's extra metrics are named `<bench> - <unit>` by the leading action; perfgate's go metric names. */
const GO_METRICS: Record<string, { metric: string; unit: string; better: Better }> = {
  'B/op': { metric: 'bytes-per-op', unit: 'bytes', better: 'smaller' },
  'allocs/op': { metric: 'allocs-per-op', unit: 'allocs', better: 'smaller' },
  'MB/s': { metric: 'mb-per-s', unit: 'MB/s', better: 'bigger' },
}

interface Converted {
  bench: string
  metric: string
  unit: string
  better: Better
  /** value → perfgate value (ms for times); reverses order for rates. */
  convert: (value: number) => number
}

/** How one data.js bench maps onto a perfgate series, matching what the import parsers produce. */
function convertBench(name: string, unit: string, tool: string): Converted {
  const goSuffix = / - (B\/op|allocs\/op|MB\/s)$/.exec(name)
  if (tool === 'go' && goSuffix) {
    const go = GO_METRICS[goSuffix[1]]
    return { bench: name.slice(0, goSuffix.index), ...go, convert: (v) => v }
  }
  const [top, bottom] = unit.trim().split('/')
  // A time per iteration or operation (ns/iter, us/op, ms) is perfgate's `time`, in ms.
  const timeFactor =
    bottom === undefined || bottom === 'iter' || bottom === 'op' ? msPer(top) : undefined
  if (timeFactor !== undefined) {
    return {
      bench: name,
      metric: 'time',
      unit: 'ms',
      better: 'smaller',
      convert: (v) => v * timeFactor,
    }
  }
  // A rate (benchmark.js ops/sec, JMH ops/s) is turned into the time per operation, as the parsers do.
  const per = top === 'ops' ? msPer(bottom === 'sec' ? 's' : (bottom ?? '')) : undefined
  if (per !== undefined) {
    return { bench: name, metric: 'time', unit: 'ms', better: 'smaller', convert: (v) => per / v }
  }
  const better: Better = tool === 'customBiggerIsBetter' ? 'bigger' : 'smaller'
  return { bench: name, metric: 'value', unit, better, convert: (v) => v }
}

/** The range's half-width around `value`: `± 20` (absolute), `± 1.2%` or `5%` (relative). */
function halfWidth(range: string | number | undefined, value: number): number | undefined {
  if (range === undefined) return undefined
  const match = /([\d.,]+)\s*(%)?/.exec(String(range))
  if (!match) return undefined
  const amount = Number(match[1].replace(/,/g, ''))
  if (!Number.isFinite(amount)) return undefined
  return match[2] === '%' ? (Math.abs(value) * amount) / 100 : amount
}

/** Converts data.js text into perfgate's history (one series per bench and metric, oldest first). */
export function importBenchmarkData(
  text: string,
  file: string,
  options: ImportOptions,
): ImportedHistory {
  const parsed = dataSchema.safeParse(extractBenchmarkData(text, file))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BenchmarkDataError(
      file,
      `${issue.path.join('.') || 'the top level'}: ${issue.message}`,
    )
  }
  const suites = Object.entries(parsed.data.entries)
  const notices: string[] = []
  const series = new Map<string, HistorySeries>()
  for (const [suite, runs] of suites) {
    for (const run of runs) {
      for (const bench of run.benches) {
        const converted = convertBench(bench.name, bench.unit, run.tool)
        // One suite: the tool's bench names, as zero-config names them. Several: <suite>/<name>,
        // as a perfgate.yml with one import bench per suite (named after it) names them.
        const name = suites.length === 1 ? converted.bench : `${suite}/${converted.bench}`
        if (!Number.isFinite(bench.value) || (converted.metric === 'time' && bench.value <= 0)) {
          notices.push(
            `${suite}: skipped ${bench.name} at ${new Date(run.date).toISOString()}: value ${bench.value}`,
          )
          continue
        }
        const spread = halfWidth(bench.range, bench.value) ?? 0
        const ends = [bench.value - spread, bench.value + spread].map(converted.convert)
        const centre = converted.convert(bench.value)
        const entry: HistoryEntry = {
          commit: run.commit?.id ?? null,
          date: new Date(run.date).toISOString(),
          runId: null,
          centre,
          low: Math.min(centre, ...ends.filter(Number.isFinite)),
          high: Math.max(centre, ...ends.filter(Number.isFinite)),
          rounds: 1,
          cpuModel: 'unknown',
          perfgateVersion: options.perfgateVersion,
        }
        const key = `${name}\u0000${converted.metric}`
        let target = series.get(key)
        if (!target) {
          target = {
            bench: name,
            metric: converted.metric,
            unit: converted.unit,
            better: converted.better,
            entries: [],
          }
          series.set(key, target)
        } else if (target.unit !== converted.unit) {
          notices.push(
            `${suite}: skipped ${bench.name} at ${entry.date}: unit ${bench.unit} differs from earlier runs`,
          )
          continue
        }
        target.entries.push(entry)
      }
    }
  }
  for (const one of series.values()) one.entries.sort((a, b) => a.date.localeCompare(b.date))
  return { history: { perfgateHistory: HISTORY_VERSION, series: [...series.values()] }, notices }
}
