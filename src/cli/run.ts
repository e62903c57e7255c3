/**
 * `perfgate run`: load the config, run the benches with progress, write the results file; with
 * `--baseline`, compare, re-run what regressed to confirm it, and print the comparison.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { formatConfigError } from '../config/load.js'
import { readConfig } from '../config/read.js'
import { matchRuns } from '../baseline/source.js'
import { compareAndConfirmRuns, type Remeasured } from '../compare/confirmation.js'
import { markChanged } from '../compare/index.js'
import type { Config } from '../config/types.js'
import { renderReport, type ReportFormat } from '../report/index.js'
import { parseResults, serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { benchesProducing, filterBenches } from '../run/run-benches.js'
import { runSummaryText } from '../report/run-summary.js'
import { runConfig } from '../run/run-config.js'
import { budgetsSection } from './budgets-section.js'
import { progressObserver } from './progress.js'
import { unpairedExit } from './unpaired.js'

/** What the run command touches outside itself. */
export interface RunIo {
  env: Readonly<Record<string, string | undefined>>
  stdout(text: string): void
  stderr(text: string): void
  isTTY: boolean
  now(): Date
}

/** The full help of `perfgate run --help`. */
export const RUN_HELP = `usage: perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
                    [--baseline BASE.json]... [--confirm-base REF] [--no-confirm]
                    [--format text|markdown|json] [--fail-on-regression]

Runs the config's benches, writes the results file and, with --baseline, compares with it and
confirms what it leaves in doubt: with --confirm-base, by measuring those benches again for the
base commit REF (checked out in a temporary git worktree) and the work tree, interleaved on this
machine, whose pair alone decides; otherwise by re-running the head only. Progress goes to
stderr; stdout has the report only.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            run only the benches whose name matches
  -o, --out FILE               the results file (default perfgate-results.json)
  -b, --baseline FILE          a baseline results file to compare with (repeatable: pooled)
  --confirm-base REF           confirm against the base commit REF (any commit-ish) measured
                               here, beside the head, for the benches in doubt only
  --no-confirm                 do not measure anything again to confirm
  --format text|markdown|json  the report (markdown: the PR comment; json: only JSON on stdout,
                               the comparison with --baseline, else the results document)
  --fail-on-regression         exit 1 when something regressed, a budget broke or a scaled
                               bench's growth got steeper (the action's rule)
  -h, --help                   show this help
`

/** Base and head of the benches producing `names`, interleaved here; undefined when the base cannot be set up. */
async function measureBase(
  configFile: string,
  baseRef: string,
  names: readonly string[],
  io: RunIo,
): Promise<Remeasured | undefined> {
  // Loaded only here: a run without --confirm-base starts without git and A/B code.
  const { prepareAb } = await import('../ab/run-ab.js')
  let session
  try {
    session = await prepareAb({
      configFile,
      baseRef,
      names,
      env: io.env,
      now: () => io.now(),
      observer: progressObserver((text) => io.stderr(text), io.isTTY),
      log: (line) => io.stderr(`${line}\n`),
    })
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    io.stderr(
      `perfgate run: could not measure ${baseRef} here (${why}); re-running the head only\n`,
    )
    return undefined
  }
  try {
    return await session.measure(names)
  } finally {
    await session.close()
  }
}

/**
 * Runs `perfgate run [--config F] [--filter GLOB] [--out FILE] [--baseline B.json]... [--no-confirm]
 * [--format text|markdown|json] [--fail-on-regression]`; returns the exit code.
 */
export async function runCommand(args: string[], io: RunIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', short: 'c', default: 'perfgate.yml' },
      filter: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o', default: 'perfgate-results.json' },
      baseline: { type: 'string', short: 'b', multiple: true },
      'confirm-base': { type: 'string' },
      'no-confirm': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      'fail-on-regression': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    io.stdout(RUN_HELP)
    return 0
  }
  const format = values.format as ReportFormat
  if (!['text', 'markdown', 'json'].includes(format)) {
    io.stderr(`perfgate run: --format must be text, markdown or json, got "${values.format}"\n`)
    return 2
  }
  // Read the baselines first: a bad file should stop us before minutes of benches, not after.
  const baselines: Results[] = []
  for (const file of values.baseline ?? []) {
    try {
      baselines.push(parseResults(await readFile(file, 'utf8'), file))
    } catch (error) {
      io.stderr(`perfgate run: ${error instanceof Error ? error.message : String(error)}\n`)
      return 2
    }
  }
  const loaded = await readConfig(values.config)
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatConfigError(error)}\n`)
    io.stderr(`perfgate: ${loaded.errors.length} problem(s) in ${values.config}; nothing was run\n`)
    return 2
  }
  const run = (config: Config, filter?: string) =>
    runConfig(config, {
      env: io.env,
      filter,
      now: () => io.now(),
      observer: progressObserver((text) => io.stderr(text), io.isTTY),
    })
  const results = await run(loaded.config, values.filter)
  if (results.benches.length === 0) {
    io.stderr(`perfgate: no bench matches --filter ${values.filter ?? ''}\n`)
    return 2
  }
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true })
  await writeFile(values.out, serializeResults(results))
  // With --format json, stdout is for the JSON document alone (pipe it to jq); the table goes to stderr.
  const human = (text: string) => (format === 'json' ? io.stderr(text) : io.stdout(text))
  human(`\n${runSummaryText(results)}\n\nResults written to ${values.out}\n`)
  // Budgets and growth curves, beside the baseline's curves when there is one (as the action).
  const budgets = budgetsSection(
    loaded.config.benches,
    results.benches,
    baselines[0]?.benches ?? [],
    format,
  )
  // With a baseline, the markdown report is the PR comment, which holds the section itself.
  const inReport = baselines.length > 0 && format === 'markdown'
  if (budgets.text !== '' && !inReport) human(`\n${budgets.text}\n`)
  const errored = results.benches.some((bench) => bench.status === 'error')
  // As the action: a broken budget or a steeper growth fails even without a baseline.
  const failOnBudgets = (): number => {
    if (!values['fail-on-regression'] || !budgets.failed) return 0
    io.stderr(`perfgate: ${budgets.why.join('; ')}\n`)
    return 1
  }
  if (baselines.length === 0) {
    if (format === 'json') io.stdout(serializeResults(results))
    return errored ? 1 : failOnBudgets()
  }

  // Bench by bench: a bench measured differently than the baseline is shown as changed. Benches
  // the filter left out are not "removed": they were not asked for.
  const selected = { ...loaded.config, benches: filterBenches(loaded.config, values.filter) }
  const asked = baselines.map((run) => ({
    ...run,
    benches: run.benches.filter((b) => benchesProducing(selected, [b.name]).length > 0),
  }))
  const { baselines: matched, match } = matchRuns(asked, results)
  const confirmBase = values['confirm-base']
  const { comparison } = await compareAndConfirmRuns({
    baselines: matched,
    head: results,
    mode: values['no-confirm'] ? 'none' : confirmBase ? 'base' : 'rerun',
    sameRunner: false,
    // Regressions and inconclusive benches beyond their threshold (the action's default policy).
    includeInconclusive: true,
    finish: (c) => markChanged(c, match.changed),
    remeasure: async (names) => {
      io.stderr(
        confirmBase
          ? `Confirming ${names.length} bench(es) against ${confirmBase}, measured here beside the head\n`
          : `Re-running ${names.length} bench(es) flagged as regressions to confirm them\n`,
      )
      if (confirmBase) {
        const both = await measureBase(values.config, confirmBase, names, io)
        if (both) return both
      }
      return {
        head: await run({ ...loaded.config, benches: benchesProducing(loaded.config, names) }),
      }
    },
  })
  const report = renderReport(comparison, format, {
    configPath: values.config,
    headCommit: results.meta.commit,
    baselinePath: values.baseline?.[0] ?? '',
    baselineCommit: baselines[0].meta.commit,
    baselineRuns: baselines.length,
    budgets: budgets.local,
  })
  io.stdout(format === 'json' ? report : `\n${report}`)
  const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) =>
    io.stderr(`perfgate: ${text}`),
  )
  if (errored || unpaired !== 0) return 1
  if (values['fail-on-regression'] && comparison.regressions > 0) return 1
  return failOnBudgets()
}
