/**
 * `cargo bench` text: libtest's `test name ... bench: 1,234 ns/iter (+/- 56)` lines, which
 * Criterion also prints with `--output-format bencher`.
 */
import { ImportFormatError, type ImportedBench } from './types.js'
import { importedMetric, msPer } from './units.js'

const LINE =
  /^test (.+?)\s+\.\.\. bench:\s+([\d,]+(?:\.\d+)?) (\S+?)(?:\/iter)? \(\+\/- ([\d,]+(?:\.\d+)?)\)\s*$/

const number = (text: string): number => Number(text.replace(/,/g, ''))

/** Every bench line of `cargo bench` output; one value per bench (libtest prints the median). */
export function parseCargo(text: string, file: string): ImportedBench[] {
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line.trim())
    if (!match) continue
    const [, name, value, unit, spread] = match
    if (seen.has(name)) throw new ImportFormatError(file, `bench "${name}" is listed twice`)
    seen.add(name)
    const time = msPer(unit) !== undefined
    benches.push({
      id: name,
      // A time per iteration is `time`; another unit (cycles, MS/s) is kept as a plain value.
      metrics: [importedMetric({ name: time ? 'time' : 'value', unit, samples: [number(value)] })],
      details: {
        tool: 'cargo',
        plusMinus: number(spread),
        unit: line.includes('/iter') ? `${unit}/iter` : unit,
        singleValue: 'median (libtest prints no samples)',
      },
    })
  }
  if (benches.length === 0) {
    throw new ImportFormatError(
      file,
      'has no `cargo bench` result lines ("test name ... bench: 1,234 ns/iter (+/- 56)")',
    )
  }
  return benches
}
