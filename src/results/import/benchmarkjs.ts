/** benchmark.js text: each bench's `String(bench)`, `name x 1,234 ops/sec ±0.5% (90 runs sampled)`. */
import { ImportFormatError, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'

const LINE = /^(.+?) x ([\d,]+(?:\.\d+)?) ops\/sec ±(\d+(?:\.\d+)?)% \((\d+) runs? sampled\)\s*$/

/**
 * Every bench line of benchmark.js output. benchmark.js prints only the mean rate (hz), so each
 * bench has one value: the mean time per operation (1/hz), with the rate and its ± kept.
 */
export function parseBenchmarkjs(text: string, file: string): ImportedBench[] {
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line.trim())
    if (!match) continue
    const [, name, rate, rme, runs] = match
    const hz = Number(rate.replace(/,/g, ''))
    if (seen.has(name)) throw new ImportFormatError(file, `bench "${name}" is listed twice`)
    seen.add(name)
    if (!(hz > 0)) {
      benches.push({
        id: name,
        metrics: [],
        details: { tool: 'benchmarkjs' },
        error: `${hz} ops/sec`,
      })
      continue
    }
    benches.push({
      id: name,
      metrics: [importedMetric({ name: 'time', unit: 's', samples: [1 / hz] })],
      details: {
        tool: 'benchmarkjs',
        opsPerSec: hz,
        rmePercent: Number(rme),
        runsSampled: Number(runs),
        singleValue: 'mean (benchmark.js prints no samples)',
      },
    })
  }
  if (benches.length === 0) {
    throw new ImportFormatError(
      file,
      'has no benchmark.js result lines ("name x 1,234 ops/sec ±0.50% (90 runs sampled)")',
    )
  }
  return benches
}
