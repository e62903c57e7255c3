/** tinybench results serialised as JSON: `bench.tasks.map(({ name, result }) => ({ name, result }))`. */
import { z } from 'zod'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { taskResultSchema, timeFromTaskResult } from './tinybench-result.js'
import { validate } from './validate.js'

const fileSchema = z.array(
  z.looseObject({ name: z.string().min(1), result: taskResultSchema.nullish() }),
)

const WHAT = 'a JSON array of tinybench tasks ({ name, result })'

/** Every task in a tinybench JSON file; raw samples with `retainSamples`, else the summary. */
export function parseTinybench(text: string, file: string): ImportedBench[] {
  const tasks = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  if (tasks.length === 0) throw new ImportFormatError(file, 'lists no tasks')
  return tasks.map(({ name, result }): ImportedBench => {
    const time = result ? timeFromTaskResult(result) : undefined
    const state = result?.state
    if (!time || state === 'errored') {
      return {
        id: name,
        metrics: [],
        details: { tool: 'tinybench' },
        error: `tinybench reports the task as ${state ?? 'without a result'}, with no statistics`,
      }
    }
    return {
      id: name,
      metrics: [time.metric],
      details: { tool: 'tinybench', ...(state ? { state } : {}), ...time.details },
    }
  })
}
