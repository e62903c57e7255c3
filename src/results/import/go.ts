/** `go test -bench` text output: every `-count` line of a bench is one sample. */
import type { Better, Metric } from '../types.js'
import { ImportFormatError, type ImportedBench } from './types.js'
import { importedMetric } from './units.js'

const BENCH_LINE = /^(Benchmark\S*)\s+(\d+)\s+(.*)$/
const HEADER = /^(goos|goarch|pkg|cpu):\s*(.*)$/
const FAIL_LINE = /^--- FAIL: (Benchmark\S*)/
/** Go appends -GOMAXPROCS to a bench's name when it is not 1. */
const PROCS_SUFFIX = /-(\d+)$/

/** Go's units → perfgate metric names (others keep their unit as the name). */
const KNOWN_UNITS: Record<string, { name: string; unit: string; better: Better }> = {
  'ns/op': { name: 'time', unit: 'ns', better: 'smaller' },
  'B/op': { name: 'bytes-per-op', unit: 'bytes', better: 'smaller' },
  'allocs/op': { name: 'allocs-per-op', unit: 'allocs', better: 'smaller' },
  'MB/s': { name: 'mb-per-s', unit: 'MB/s', better: 'bigger' },
}

interface GoBench {
  /** The name without the -GOMAXPROCS suffix. */
  name: string
  /** The name as go printed it. */
  fullName: string
  pkg: string
  procs?: number
  iterations: number[]
  values: Map<string, number[]>
  error?: string
}

/** Every bench in the text output of `go test -bench` (several -count lines become samples). */
export function parseGoBench(text: string, file: string): ImportedBench[] {
  const headers: Record<string, string> = {}
  const benches = new Map<string, GoBench>()
  const lines = text.split(/\r?\n/)
  let pkg = ''
  const benchFor = (fullName: string): GoBench => {
    const procs = PROCS_SUFFIX.exec(fullName)
    const name = fullName.replace(PROCS_SUFFIX, '')
    const key = `${pkg}\u0000${fullName}`
    let bench = benches.get(key)
    if (!bench) {
      bench = { name, fullName, pkg, iterations: [], values: new Map() }
      if (procs) bench.procs = Number(procs[1])
      benches.set(key, bench)
    }
    return bench
  }
  lines.forEach((line, index) => {
    const header = HEADER.exec(line)
    if (header) {
      headers[header[1]] = header[2]
      if (header[1] === 'pkg') pkg = header[2]
      return
    }
    const failed = FAIL_LINE.exec(line)
    if (failed) {
      const message = lines
        .slice(index + 1, index + 6)
        .filter((next) => /^\s+\S/.test(next))
        .map((next) => next.trim())
      benchFor(failed[1]).error =
        `go reported FAIL${message.length ? `: ${message.join(' ')}` : ''}`
      return
    }
    const match = BENCH_LINE.exec(line.trimEnd())
    if (!match) return
    const bench = benchFor(match[1])
    const fields = match[3].trim().split(/\s+/)
    if (fields.length % 2 !== 0 || !fields.includes('ns/op')) {
      throw new ImportFormatError(
        file,
        `line ${index + 1} is not a complete benchmark result (want "<value> ns/op ..." pairs), got ${JSON.stringify(line.trim())} — was the output cut short?`,
      )
    }
    bench.iterations.push(Number(match[2]))
    for (let i = 0; i < fields.length; i += 2) {
      const value = Number(fields[i])
      if (!Number.isFinite(value)) {
        throw new ImportFormatError(
          file,
          `line ${index + 1}: ${JSON.stringify(fields[i])} is not a number (before ${fields[i + 1]})`,
        )
      }
      const unit = fields[i + 1]
      const values = bench.values.get(unit) ?? []
      bench.values.set(unit, [...values, value])
    }
  })
  if (benches.size === 0) {
    throw new ImportFormatError(
      file,
      'holds no benchmark result lines (like "BenchmarkX-8  1000  123 ns/op"); was it written by `go test -bench`?',
    )
  }
  const packages = new Set([...benches.values()].map((bench) => bench.pkg))
  // `-cpu 1,2` runs a bench at several GOMAXPROCS: those keep their suffix to stay apart.
  const variants = new Map<string, number>()
  for (const bench of benches.values()) {
    const key = `${bench.pkg}\u0000${bench.name}`
    variants.set(key, (variants.get(key) ?? 0) + 1)
  }
  return [...benches.values()].map((bench) => {
    const several = (variants.get(`${bench.pkg}\u0000${bench.name}`) ?? 0) > 1
    const name = several ? bench.fullName : bench.name
    const id = packages.size > 1 && bench.pkg ? `${bench.pkg}/${name}` : name
    const details: Record<string, unknown> = {
      tool: 'go',
      ...(bench.procs === undefined ? {} : { gomaxprocs: bench.procs }),
      iterations: bench.iterations,
      ...(bench.pkg ? { pkg: bench.pkg } : {}),
      ...(headers.goos ? { goos: headers.goos } : {}),
      ...(headers.goarch ? { goarch: headers.goarch } : {}),
      ...(headers.cpu ? { cpu: headers.cpu } : {}),
    }
    if (bench.error !== undefined) return { id, metrics: [], details, error: bench.error }
    return { id, metrics: metricsOf(bench), details }
  })
}

function metricsOf(bench: GoBench): Metric[] {
  const metrics: Metric[] = []
  for (const [goUnit, samples] of bench.values) {
    const known = KNOWN_UNITS[goUnit]
    const metric = known
      ? importedMetric({ ...known, samples })
      : // A b.ReportMetric unit: rates (x/s) are better bigger, like Go's benchstat assumes.
        importedMetric({
          name: goUnit,
          unit: goUnit,
          samples,
          better: goUnit.endsWith('/s') ? 'bigger' : 'smaller',
        })
    if (known?.name === 'time') metrics.unshift(metric)
    else metrics.push(metric)
  }
  return metrics
}
