/**
 * `perfgate compare BASE.json [MORE_BASES.json…] HEAD.json`: compares result files and prints
 * a report. File access comes in through `io`, so the command is testable and wiring-agnostic.
 */
import { parseArgs } from 'node:util'
import { compareRuns, CompareInputError, DEFAULT_TAIL } from '../compare/index.js'
import { renderReport, type ReportFormat } from '../report/index.js'
import { unpairedExit } from './unpaired.js'
import { comparisonCsv } from '../report/csv.js'
import { OVERRIDE_OPTIONS, parseOverrides, withThreshold } from './overrides.js'
import { parseResults, ResultsFormatError } from '../results/schema.js'
import type { Results } from '../results/types.js'

/** What the compare command needs from its environment. */
export interface CompareIo {
  readFile(path: string): Promise<string>
  stdout(text: string): void
  stderr(text: string): void
}

/** One-line usage, printed with usage errors. */
export const COMPARE_USAGE =
  'Usage: perfgate compare BASE.json [MORE_BASES.json…] HEAD.json [--format text|markdown|json|csv] [--threshold PCT] [--fail-on-regression] [--normalize calibration] [--tail p75] [--config perfgate.yml]'

/** The full help of `perfgate compare --help`. */
export const COMPARE_HELP = `${COMPARE_USAGE}

Compares result files: every file but the last is a baseline run (pooled), the last is the head.
It does not confirm: nothing is measured again, so a verdict is only as good as the two files'
conditions (other machines, other load). To confirm what is in doubt, run the benches instead:
perfgate run --baseline BASE.json --confirm-base REF (base and head measured here, interleaved).

Options:
  --format text|markdown|json|csv
                               text: aligned table (default); markdown: exactly the PR comment
                               (without its hidden markers); json: the comparison document
                               (docs/results-format.md); csv: one row per comparison row
  --threshold PCT              judge every bench by this regression threshold (e.g. 5%)
                               instead of the one recorded in the files
  --fail-on-regression         exit 1 when something regressed, or when the runs' bench names
                               do not pair (nothing compared)
  --normalize calibration      divide out the runner speed measured by the calibration bench
  --tail p75                   also compare each time metric's tail (per-round p75 over its p10)
  --config PATH                the config named in the markdown heading (default perfgate.yml)
  -h, --help                   show this help

Numbers: baseline and head are each bench's centre (p10 of rounds): every round's 10th
percentile, averaged over the rounds without the worst fifth, as perfgate run prints it.
`

const FORMATS: readonly (ReportFormat | 'csv')[] = ['text', 'markdown', 'json', 'csv']

class UsageError extends Error {}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

async function load(path: string, io: CompareIo): Promise<Results> {
  let text: string
  try {
    text = await io.readFile(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UsageError(`cannot read ${path}${code ? ` (${code})` : ''}`)
  }
  return parseResults(text, path)
}

/**
 * Runs the compare command; returns the exit code: 0, 1 when `--fail-on-regression` is given and
 * something regressed, 2 for usage, file or input errors (one line on stderr, no stack trace).
 */
export async function compareCommand(args: string[], io: CompareIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on-regression': { type: 'boolean', default: false },
        normalize: { type: 'string' },
        tail: { type: 'string' },
        threshold: OVERRIDE_OPTIONS.threshold,
        config: { type: 'string', default: 'perfgate.yml' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.help) {
      io.stdout(COMPARE_HELP)
      return 0
    }
    const format = values.format as ReportFormat | 'csv'
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`)
    }
    if (values.normalize !== undefined && values.normalize !== 'calibration') {
      throw new UsageError(`--normalize only supports "calibration", not "${values.normalize}"`)
    }
    if (values.tail !== undefined && values.tail !== 'p75') {
      throw new UsageError(`--tail only supports "p75", not "${values.tail}"`)
    }
    if (positionals.length < 2) {
      throw new UsageError('compare needs at least one baseline file and one head file')
    }
    let threshold: number | undefined
    try {
      threshold = parseOverrides({ threshold: values.threshold }).regressionThreshold
    } catch (error) {
      throw new UsageError(message(error))
    }
    const runs: Results[] = []
    for (const path of positionals) {
      const run = await load(path, io)
      runs.push(threshold === undefined ? run : withThreshold(run, threshold))
    }
    const head = runs.pop() as Results
    const comparison = compareRuns(runs, head, {
      ...(values.normalize === 'calibration' ? { normalize: 'calibration' as const } : {}),
      ...(values.tail === 'p75' ? { tail: DEFAULT_TAIL } : {}),
    })
    io.stdout(
      format === 'csv'
        ? comparisonCsv(comparison)
        : renderReport(comparison, format, {
            configPath: values.config,
            headCommit: head.meta.commit,
            baselinePath: positionals[0],
            baselineCommit: runs[0].meta.commit,
            baselineRuns: runs.length,
          }),
    )
    const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) =>
      io.stderr(`perfgate compare: ${text}`),
    )
    if (unpaired !== 0) return unpaired
    return values['fail-on-regression'] && comparison.regressions > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError || isArgError(error)) {
      io.stderr(`perfgate compare: ${message(error)}\n${COMPARE_USAGE}\n`)
      return 2
    }
    // Bad input files and anything unexpected: one line, never a stack trace.
    const kind =
      error instanceof ResultsFormatError || error instanceof CompareInputError
        ? ''
        : 'internal error: '
    io.stderr(`perfgate compare: ${kind}${message(error)}\n`)
    return 2
  }
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
