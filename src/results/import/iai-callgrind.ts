/**
 * iai-callgrind (Rust, valgrind-based) results: its console output (`cargo bench`, the default
 * `--output-format`) or its JSON summaries (`--output-format=json|pretty-json`, or the
 * `summary.json` files of `--save-summary`). Every event count of a bench is one metric with a
 * single value: callgrind counts are deterministic, so there are no samples to keep.
 */
import { importedMetric } from './units.js'
import { instructionsFirst, metricShape } from './iai-callgrind-metrics.js'
import { parseIaiCallgrindJson } from './iai-callgrind-json.js'
import { ImportFormatError, type ImportedBench } from './types.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g
/** A bench's headline: its module path (`file::group::function`), then `id:description`. */
const HEADLINE = /^([A-Za-z_][\w]*(?:::[A-Za-z_][\w]*)+)(?: (.*))?$/
/** `  Instructions:     1734|N/A  (*********)`: the new value left of the bar. */
const METRIC_LINE = /^([A-Za-z][\w +\-./]*?):\s+([-+]?\d+(?:\.\d+)?)\|/
/** `======= CALLGRIND =====...`: several tools ran, their metrics follow in sections. */
const TOOL_HEADLINE = /^=+ ([A-Z][A-Z0-9-]*) =+$/
const REGRESSED = /^Performance has regressed:/
/** Ends the bench's own output under --nocapture (`=stdout`, `=stderr`). */
const NOCAPTURE_FOOTER = /^- end of (stdout\/stderr|stdout|stderr)$/
/** Lines in the metric layout that are not metrics (a baseline may well be named `1`). */
const NOT_METRICS = new Set(['Baselines', 'Command', 'Details'])

interface Pending {
  id: string
  moduleId: string
  description?: string
  values: Map<string, { label: string; tool: string; value: number }>
  regressions: string[]
}

/** Every benchmark in iai-callgrind's output: JSON summaries when the file holds JSON, else console text. */
export function parseIaiCallgrind(text: string, file: string): ImportedBench[] {
  return looksLikeJson(text)
    ? parseIaiCallgrindJson(text, file)
    : parseIaiCallgrindConsole(text, file)
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()
  return start.startsWith('{') || start.startsWith('[') || /^\{"/m.test(text)
}

/** Every benchmark in iai-callgrind's console output, colours or not, with or without the grid. */
export function parseIaiCallgrindConsole(text: string, file: string): ImportedBench[] {
  const benches: ImportedBench[] = []
  const seen = new Set<string>()
  let current: Pending | undefined
  let tool = 'callgrind'
  // Per-thread or per-process parts (`## pid: ...`) repeat the counts the `## Total` adds up,
  // and a `Comparison with` block shows another bench's counts: only the totals are the bench's.
  let skipping = false
  const finish = (): void => {
    if (current === undefined || current.values.size === 0) return
    if (seen.has(current.id)) {
      throw new ImportFormatError(file, `benchmark "${current.id}" is listed twice`)
    }
    seen.add(current.id)
    benches.push(toBench(current))
  }
  // Headlines seen since the last bench took its counts. With --nocapture the bench's own output
  // sits between its headline and a `- end of stdout/stderr` footer, and may look like a
  // headline: then the first one is the bench. Without the footer nothing is printed between
  // headline and counts, so the last one is.
  let candidates: Pending[] = []
  const take = (which: 'first' | 'last'): Pending | undefined => {
    if (current === undefined && candidates.length > 0) {
      current = which === 'first' ? candidates[0] : candidates[candidates.length - 1]
      candidates = []
    }
    return current
  }
  const lines = text.replace(ANSI, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    const headline = HEADLINE.exec(raw.trimEnd())
    if (headline) {
      if (current !== undefined) {
        finish()
        current = undefined
        candidates = []
      }
      candidates.push(newBench(headline[1], headline[2]))
      tool = 'callgrind'
      skipping = false
      return
    }
    if (NOCAPTURE_FOOTER.test(raw.trim())) {
      take('first')
      return
    }
    if (current === undefined && candidates.length === 0) return
    if (REGRESSED.test(raw)) {
      take('last')?.regressions.push(raw.trim())
      return
    }
    // The grid (`show_grid`) puts `| `, `|-` or `|=` before each line; the plain layout indents.
    const line = raw.replace(/^\|[-=]?/, '').trim()
    const section = TOOL_HEADLINE.exec(line)
    if (section) {
      take('last')
      tool = section[1].toLowerCase()
      skipping = false
      return
    }
    if (line.startsWith('## ')) {
      take('last')
      skipping = line !== '## Total'
      return
    }
    if (line.startsWith('Comparison with ')) {
      take('last')
      skipping = true
      return
    }
    if (skipping || raw === line) return
    const metric = METRIC_LINE.exec(line)
    if (!metric || NOT_METRICS.has(metric[1])) return
    const bench = take('last')!
    const label = metric[1]
    const { name } = metricShape(tool, label)
    if (bench.values.has(name)) {
      throw new ImportFormatError(
        file,
        `line ${index + 1}: benchmark "${bench.id}" prints ${label} twice outside a part or comparison`,
      )
    }
    bench.values.set(name, { label, tool, value: Number(metric[2]) })
  })
  finish()
  if (benches.length === 0) {
    throw new ImportFormatError(
      file,
      'has no iai-callgrind benchmark (a `module::group::function id:args` headline followed by lines like `Instructions: 1734|N/A`); save the output of `cargo bench`, or use --output-format=json',
    )
  }
  return benches
}

function newBench(modulePath: string, rest: string | undefined): Pending {
  // `id:description`: the id names the bench; the description (its arguments, maybe cut short
  // at 50 characters by iai-callgrind) is kept as a detail only, so the JSON summary, which
  // carries the whole description, gives the same name.
  const colon = rest?.indexOf(':') ?? -1
  const benchId = rest === undefined ? undefined : colon < 0 ? rest : rest.slice(0, colon)
  const description = rest === undefined || colon < 0 ? undefined : rest.slice(colon + 1)
  return {
    id: benchId === undefined || benchId === '' ? modulePath : `${modulePath} ${benchId}`,
    moduleId: modulePath,
    ...(description === undefined || description === '' ? {} : { description }),
    values: new Map(),
    regressions: [],
  }
}

function toBench(pending: Pending): ImportedBench {
  const metrics = [...pending.values.values()].map(({ label, tool, value }) => {
    const shape = metricShape(tool, label)
    return importedMetric({ ...shape, samples: [value] })
  })
  return {
    id: pending.id,
    metrics: instructionsFirst(metrics),
    details: {
      tool: 'iai-callgrind',
      modulePath: pending.moduleId,
      ...(pending.description === undefined ? {} : { description: pending.description }),
      ...(pending.regressions.length === 0 ? {} : { toolRegressions: pending.regressions }),
      singleValue: 'event counts are deterministic: one value per metric',
    },
  }
}
