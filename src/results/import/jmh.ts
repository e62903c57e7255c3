/** JMH's JSON result file (`-rf json`): primaryMetric.rawData holds every measured iteration. */
import { z } from 'zod'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'
import { validate } from './validate.js'

const fileSchema = z.array(
  z.looseObject({
    benchmark: z.string().min(1),
    mode: z.string(),
    threads: z.number().optional(),
    forks: z.number().optional(),
    jmhVersion: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    primaryMetric: z.looseObject({
      score: z.number(),
      scoreError: z.union([z.number(), z.string()]).optional(),
      scoreUnit: z.string().min(1),
      rawData: z.array(z.array(z.number())).optional(),
    }),
  }),
)

const WHAT = 'a JMH JSON result file (-rf json)'

/** `ns/op` → time unit `ns`; `ops/s` → rate per `s`; anything else undefined. */
function splitUnit(scoreUnit: string): { time?: string; ratePer?: string } {
  const [top, bottom] = scoreUnit.split('/')
  if (bottom === 'op' && msPer(top) !== undefined) return { time: top }
  if (top === 'ops' && bottom !== undefined) {
    const per = bottom === 'min' ? undefined : msPer(bottom)
    if (per !== undefined) return { ratePer: bottom }
  }
  return {}
}

/**
 * Every benchmark in a JMH JSON file, named like github-action-benchmark does (`benchmark` plus
 * ` ( {"param":"value"} )`). Each measured iteration is a sample; a throughput (ops/time) is
 * turned into the time per operation so that every bench's `time` is smaller-is-better.
 */
export function parseJmh(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  if (data.length === 0) throw new ImportFormatError(file, 'lists no benchmarks')
  const seen = new Set<string>()
  return data.map((bench, index): ImportedBench => {
    const id = bench.benchmark + (bench.params ? ` ( ${JSON.stringify(bench.params)} )` : '')
    if (seen.has(id)) throw new ImportFormatError(file, `[${index}] ("${id}") is listed twice`)
    seen.add(id)
    const metric = bench.primaryMetric
    const raw = (metric.rawData ?? []).flat()
    const values = raw.length > 0 ? raw : [metric.score]
    const unit = splitUnit(metric.scoreUnit)
    const details = {
      tool: 'jmh',
      mode: bench.mode,
      score: metric.score,
      scoreUnit: metric.scoreUnit,
      ...(metric.scoreError === undefined ? {} : { scoreError: metric.scoreError }),
      ...(bench.forks === undefined ? {} : { forks: bench.forks }),
      ...(bench.threads === undefined ? {} : { threads: bench.threads }),
      ...(bench.jmhVersion === undefined ? {} : { jmhVersion: bench.jmhVersion }),
      ...(raw.length > 0 ? {} : { singleValue: 'score (the file has no rawData)' }),
    }
    if (unit.time !== undefined) {
      return {
        id,
        metrics: [importedMetric({ name: 'time', unit: unit.time, samples: values })],
        details,
      }
    }
    if (unit.ratePer !== undefined) {
      const perOp = values.map((rate) => 1 / rate)
      return {
        id,
        metrics: [importedMetric({ name: 'time', unit: unit.ratePer, samples: perOp })],
        details,
      }
    }
    return {
      id,
      metrics: [importedMetric({ name: 'value', unit: metric.scoreUnit, samples: values })],
      details,
    }
  })
}
