/**
 * Catch2 benchmark results, from its console reporter (the default) or its XML reporter
 * (`-r xml`). Catch2 prints no samples, only the mean with its bootstrap interval and the
 * standard deviation: each bench has the mean as one value.
 */
import { XMLParser } from 'fast-xml-parser'
import { z } from 'zod'
import { ImportFormatError, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'
import { validate } from './validate.js'

const TIME = String.raw`([\d.]+(?:e[-+]?\d+)?) (ns|us|µs|ms|s)`
const TABLE_START = /^benchmark name\s+samples\s+iterations\s+(estimated|est run time)/
const NAME_LINE = new RegExp(String.raw`^(.+?)\s+(\d+)\s+(\d+)\s+${TIME}\s*$`)
const STATS_LINE = new RegExp(String.raw`^\s*${TIME}\s+${TIME}\s+${TIME}\s*$`)

const toNs = (value: string, unit: string): number => (Number(value) * msPer(unit)!) / 1e-6

interface Catch2Result {
  name: string
  samples: number
  iterations: number
  meanNs: number
  lowMeanNs: number
  highMeanNs: number
  stdDevNs: number
}

function toBench(result: Catch2Result, file: string, seen: Set<string>, testCase?: string) {
  if (seen.has(result.name)) {
    throw new ImportFormatError(file, `benchmark "${result.name}" is listed twice`)
  }
  seen.add(result.name)
  return {
    id: result.name,
    metrics: [importedMetric({ name: 'time', unit: 'ns', samples: [result.meanNs] })],
    details: {
      tool: 'catch2',
      ...(testCase === undefined ? {} : { testCase }),
      samples: result.samples,
      iterations: result.iterations,
      meanIntervalMs: [result.lowMeanNs * 1e-6, result.highMeanNs * 1e-6],
      stdDevMs: result.stdDevNs * 1e-6,
      singleValue: 'mean (Catch2 prints no samples)',
    },
  } satisfies ImportedBench
}

/** Every benchmark in Catch2's console output (v2 and v3). */
export function parseCatch2(text: string, file: string): ImportedBench[] {
  if (text.trimStart().startsWith('<')) return parseCatch2Xml(text, file)
  const lines = text.split(/\r?\n/)
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  // out → header (the column titles) → rows (after the dashed rule) → out (at the next rule).
  let state: 'out' | 'header' | 'rows' = 'out'
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (TABLE_START.test(line)) {
      state = 'header'
      continue
    }
    if (/^[-=]{10,}$/.test(line.trim())) {
      state = state === 'header' ? 'rows' : 'out'
      continue
    }
    if (state !== 'rows') continue
    const head = NAME_LINE.exec(line)
    if (!head) continue
    const mean = STATS_LINE.exec(lines[index + 1] ?? '')
    const spread = STATS_LINE.exec(lines[index + 2] ?? '')
    const name = head[1].trim()
    if (!mean || !spread) {
      throw new ImportFormatError(
        file,
        `line ${index + 1}: benchmark "${name}" lacks its mean and std dev lines`,
      )
    }
    benches.push(
      toBench(
        {
          name,
          samples: Number(head[2]),
          iterations: Number(head[3]),
          meanNs: toNs(mean[1], mean[2]),
          lowMeanNs: toNs(mean[3], mean[4]),
          highMeanNs: toNs(mean[5], mean[6]),
          stdDevNs: toNs(spread[1], spread[2]),
        },
        file,
        seen,
      ),
    )
    index += 2
  }
  if (benches.length === 0) {
    throw new ImportFormatError(
      file,
      'has no Catch2 benchmark table ("benchmark name  samples  iterations  estimated"); run the benches with BENCHMARK and without -r for the console reporter, or -r xml',
    )
  }
  return benches
}

const estimate = z.looseObject({
  value: z.coerce.number(),
  lowerBound: z.coerce.number(),
  upperBound: z.coerce.number(),
})
const resultSchema = z.looseObject({
  name: z.string().min(1),
  samples: z.coerce.number(),
  iterations: z.coerce.number(),
  mean: estimate,
  standardDeviation: estimate,
})

const XML_WHAT = 'Catch2 XML output (-r xml) with <BenchmarkResults>'

/** Every <BenchmarkResults> in Catch2's XML reporter output (values in nanoseconds). */
export function parseCatch2Xml(text: string, file: string): ImportedBench[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
  })
  let tree: unknown
  try {
    tree = parser.parse(text, true)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportFormatError(file, `is not valid XML (${reason}); expected ${XML_WHAT}`)
  }
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  // Benchmarks sit in TestCase elements, possibly inside nested Sections: walk the whole tree.
  const walk = (node: unknown, testCase: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, testCase))
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    for (const [key, value] of Object.entries(record)) {
      if (key === 'BenchmarkResults') {
        for (const raw of Array.isArray(value) ? value : [value]) {
          const result = validate(resultSchema, raw, file, XML_WHAT)
          benches.push(
            toBench(
              {
                name: result.name,
                samples: result.samples,
                iterations: result.iterations,
                meanNs: result.mean.value,
                lowMeanNs: result.mean.lowerBound,
                highMeanNs: result.mean.upperBound,
                stdDevNs: result.standardDeviation.value,
              },
              file,
              seen,
              testCase,
            ),
          )
        }
      } else if (key === 'TestCase') {
        for (const child of Array.isArray(value) ? value : [value]) {
          const name = (child as Record<string, unknown>)?.name
          walk(child, typeof name === 'string' ? name : testCase)
        }
      } else {
        walk(value, testCase)
      }
    }
  }
  walk(tree, undefined)
  if (benches.length === 0)
    throw new ImportFormatError(file, `has no <BenchmarkResults>; expected ${XML_WHAT}`)
  return benches
}
