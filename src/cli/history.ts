/**
 * `perfgate history HISTORY.json [--bench GLOB] [--format text|markdown|html|json]`: shows a
 * history.json's benches, their lasting shifts and charts. A damaged file is read as far as it
 * goes, with the notice on stderr.
 */
import { parseArgs } from 'node:util'
import { describeChangePoint } from '../history/change-points.js'
import { readHistory } from '../history/history.js'
import { htmlReport } from '../history/html.js'
import { analyseHistory, historyJson, historyMarkdown, historyText } from '../history/report.js'
import { globToRegExp, splitGlobs } from '../config/glob.js'

/** What the history command needs from its environment. */
export interface HistoryIo {
  readFile(path: string): Promise<string>
  stdout(text: string): void
  stderr(text: string): void
}

/** Usage of the history command. */
export const HISTORY_USAGE = `Usage: perfgate history HISTORY.json [--filter GLOB] [--format text|markdown|html|json]

Shows each bench's history from a history.json (in a baseline artifact), with its lasting shifts
(change points by E-divisive means).

Options:
  -f, --filter GLOB            keep the benches matching comma-separated globs (\`*\` within a
                               segment, \`**\` across), as perfgate run --filter; --bench is
                               the same option under its old name
  --format text|markdown|html|json
                               html: a self-contained report.html (default text)
  -h, --help                   show this help
`

const FORMATS = ['text', 'markdown', 'html', 'json'] as const

/** Runs the history command; returns the exit code (2 for usage or unreadable files). */
export async function historyCommand(args: string[], io: HistoryIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      filter: { type: 'string', short: 'f' },
      // The old name of --filter, kept so existing scripts go on working.
      bench: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.stdout(HISTORY_USAGE)
    return 0
  }
  const format = values.format as (typeof FORMATS)[number]
  if (!FORMATS.includes(format) || positionals.length !== 1) {
    io.stderr(
      `perfgate history: ${positionals.length !== 1 ? 'give exactly one HISTORY.json' : `unknown format "${values.format}"`}\n${HISTORY_USAGE}`,
    )
    return 2
  }
  const file = positionals[0]
  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    io.stderr(`perfgate history: cannot read ${file}${code ? ` (${code})` : ''}\n`)
    return 2
  }
  const { history, notice } = readHistory(text, file)
  if (notice) io.stderr(`perfgate history: ${notice}\n`)
  const globs = splitGlobs([values.filter, values.bench].filter(Boolean).join(',')).map(
    globToRegExp,
  )
  const kept = {
    ...history,
    series: history.series.filter(
      (s) => globs.length === 0 || globs.some((re) => re.test(s.bench)),
    ),
  }
  const reports = analyseHistory(kept)
  if (format === 'json') io.stdout(historyJson(reports))
  else if (format === 'markdown') io.stdout(historyMarkdown(reports))
  else if (format === 'text') io.stdout(historyText(reports))
  else
    io.stdout(
      htmlReport(
        { history: kept, changePoints: reports.flatMap((r) => r.changePoints) },
        describeChangePoint,
      ),
    )
  return 0
}
