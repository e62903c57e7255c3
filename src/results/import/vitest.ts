/**
 * `vitest bench --outputJson` files. Written against vitest's json-formatter: it empties every
 * bench's `samples`, so a bench usually yields its median as a single value.
 */
import { z } from 'zod'
import { ImportFormatError, parseJson, type ImportedBench } from './types.js'
import { taskResultSchema, timeFromTaskResult } from './tinybench-result.js'
import { validate } from './validate.js'

const fileSchema = z.looseObject({
  files: z.array(
    z.looseObject({
      filepath: z.string(),
      groups: z.array(
        z.looseObject({
          fullName: z.string(),
          benchmarks: z.array(
            taskResultSchema.extend({
              name: z.string().min(1),
              id: z.string().optional(),
              rank: z.number().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
})

const WHAT = 'a vitest bench JSON file (--outputJson)'

/** Every bench in a vitest bench JSON file, keyed `<group full name> > <bench name>`. */
export function parseVitest(text: string, file: string): ImportedBench[] {
  const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT)
  const benches: ImportedBench[] = []
  for (const source of data.files) {
    for (const group of source.groups) {
      for (const bench of group.benchmarks) {
        const id = `${group.fullName} > ${bench.name}`
        const time = timeFromTaskResult(bench)
        if (!time) throw new ImportFormatError(file, `bench "${id}" has no mean time`)
        benches.push({
          id,
          metrics: [time.metric],
          details: {
            tool: 'vitest',
            file: source.filepath,
            ...(bench.rank === undefined ? {} : { rank: bench.rank }),
            ...time.details,
          },
        })
      }
    }
  }
  if (benches.length === 0) throw new ImportFormatError(file, 'lists no benches')
  return benches
}
