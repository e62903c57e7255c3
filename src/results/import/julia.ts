/**
 * Julia BenchmarkTools JSON (`BenchmarkTools.save("out.json", results)`): nested BenchmarkGroups
 * whose leaves are a Trial (every sample's time) or a TrialEstimate (one estimate), in ns.
 */
import { z } from 'zod'
import type { Metric } from '../types.js'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'
import { validate } from './validate.js'

const WHAT = 'a BenchmarkTools JSON file (BenchmarkTools.save)'

const fileSchema = z.tuple([z.record(z.string(), z.unknown()), z.array(z.unknown())])
const groupSchema = z.tuple([
  z.literal('BenchmarkGroup'),
  z.looseObject({ data: z.record(z.string(), z.unknown()) }),
])
const trialSchema = z.tuple([
  z.literal('Trial'),
  z.looseObject({ times: z.array(z.number()).min(1), memory: z.number(), allocs: z.number() }),
])
const estimateSchema = z.tuple([
  z.literal('TrialEstimate'),
  z.looseObject({ time: z.number(), memory: z.number(), allocs: z.number() }),
])

/** Every Trial or TrialEstimate, keyed by its group path joined with `/` (as the leading action). */
export function parseJulia(text: string, file: string): ImportedBench[] {
  const [versions, groups] = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  const benches: ImportedBench[] = []
  const visit = (node: unknown, labels: string[]): void => {
    const where = labels.length > 0 ? labels.join('/') : 'the top group'
    const kind: unknown = Array.isArray(node) ? (node as unknown[])[0] : undefined
    if (kind === 'BenchmarkGroup') {
      const [, group] = validate(groupSchema, node, file, `${WHAT} (at ${where})`)
      for (const [key, child] of Object.entries(group.data)) visit(child, [...labels, key])
      return
    }
    const details: Record<string, unknown> = { tool: 'julia', ...versions }
    let metrics: Metric[]
    if (kind === 'Trial') {
      const [, trial] = validate(trialSchema, node, file, `${WHAT} (at ${where})`)
      metrics = [importedMetric({ name: 'time', unit: 'ns', samples: trial.times })]
      details.memoryBytes = trial.memory
      details.allocs = trial.allocs
    } else if (kind === 'TrialEstimate') {
      const [, estimate] = validate(estimateSchema, node, file, `${WHAT} (at ${where})`)
      metrics = [importedMetric({ name: 'time', unit: 'ns', samples: [estimate.time] })]
      details.memoryBytes = estimate.memory
      details.allocs = estimate.allocs
      details.singleValue = 'the saved TrialEstimate (save the Trial to keep every sample)'
    } else {
      throw new ImportFormatError(
        file,
        `${where} is ${JSON.stringify(kind)}; expected a BenchmarkGroup, Trial or TrialEstimate`,
      )
    }
    benches.push({ id: labels.join('/'), metrics, details })
  }
  for (const group of groups) visit(group, [])
  if (benches.length === 0) throw new ImportFormatError(file, 'holds no Trial or TrialEstimate')
  return benches
}
