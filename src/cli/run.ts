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
import { renderReport } from '../report/index.js'
import { parseResults, serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import { benchesProducing } from '../run/run-benches.js'
import { keepsResult } from '../config/filter.js'
import { comparisonCsv, resultsCsv } from '../report/csv.js'
import { ONE_OFF_SOURCE, oneOffConfig } from './one-off.js'
import {
  applyOverrides,
  OVERRIDE_OPTIONS,
  parseOverrides,
  withThreshold,
  type Overrides,
} from './overrides.js'
import { resolveBaseline, savedBaselinePath } from './saved-baselines.js'
import { runSummaryText } from '../report/run-summary.js'
import { runConfig } from '../run/run-config.js'
import type { ProfileOutput } from '../profile/explain.js'
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
export const RUN_HELP = `Usage: perfgate run [--config perfgate.yml] [--filter GLOB] [--out perfgate-results.json]
                    [--baseline BASE.json|NAME]... [--save NAME] [--confirm-base REF]
                    [--no-confirm] [--rounds N] [--samples N] [--time DUR] [--warmup DUR|N]
                    [--threshold PCT] [--no-profile] [--format text|markdown|json|csv]
                    [--fail-on-regression]
       perfgate run [options] -- 'command' ['command2' ...]

Runs the config's benches, writes the results file and, with --baseline, compares with it and
confirms what it leaves in doubt: with --confirm-base, by measuring those benches again for the
base commit REF (checked out in a temporary git worktree) and the work tree, interleaved on this
machine, whose pair alone decides, and then profiles both sides of each regression it confirms
to name the functions whose time grew (files in profiles/ beside --out; perfgate explain prints
it again); otherwise by re-running the head only. Progress goes to
stderr; stdout has the report only. After --, each argument is a shell command timed as a
one-off bench named by the command, with the default settings and no config file.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            run only what matches: comma-separated globs (\`*\` within a
                               segment, \`**\` across) over config bench names and the result
                               names printed (lib/benchMedian runs only that function of js bench
                               lib; other kinds match their config name); the baseline is filtered
                               the same way
  -o, --out FILE               the results file (default perfgate-results.json)
  -b, --baseline FILE|NAME     a baseline results file, or a name saved with --save, to compare
                               with (repeatable: pooled)
  --save NAME                  also keep the results as .perfgate/baselines/NAME.json
  --confirm-base REF           confirm against the base commit REF (any commit-ish) measured
                               here, beside the head, for the benches in doubt only
  --no-confirm                 do not measure anything again to confirm
  --rounds N                   measurement rounds per bench, over the config
  --samples N                  minimum samples per bench, over the config
  --time DUR                   measurement time per bench (e.g. 2s), over the config
  --warmup DUR|N               warm-up time (500ms) or iterations (3), over the config
  --threshold PCT              the regression threshold of every bench (e.g. 5%), over the config
  --no-profile                 do not profile confirmed regressions (as profile: false in the
                               config): no cause under their rows, a quicker confirmation
  --format text|markdown|json|csv
                               the report (markdown: the PR comment; json: only JSON on stdout,
                               the comparison with --baseline, else the results document; csv:
                               one row per comparison row with --baseline, else per bench metric)
  --fail-on-regression         exit 1 when something regressed, a budget broke or a scaled
                               bench's growth got steeper (the action's rule)
  -h, --help                   show this help

Numbers: each bench's centre (p10 of rounds): every round's 10th percentile, averaged over the
rounds without the worst fifth; the comparison judges by the same centre.
`

/** Base and head of the benches producing `names`, interleaved here; undefined when the base cannot be set up. */
async function measureBase(
  configFile: string,
  baseRef: string,
  names: readonly string[],
  io: RunIo,
  overrides: Overrides,
  /** The results file's folder: profiles of confirmed regressions go to its profiles/. */
  outDir: string,
): Promise<Remeasured | undefined> {
  // Loaded only here: a run without --confirm-base starts without git and A/B code.
  const { prepareAb } = await import('../ab/run-ab.js')
  const { measureOnce } = await import('../ab/measure-once.js')
  const open = () =>
    prepareAb({
      configFile,
      baseRef,
      names,
      env: io.env,
      now: () => io.now(),
      observer: progressObserver((text) => io.stderr(text), io.isTTY),
      log: (line) => io.stderr(`${line}\n`),
      // Both sides measured as the head was: `--rounds 2` means two rounds on each.
      adjust: (config) => applyOverrides(config, overrides),
    })
  return measureOnce(
    open,
    names,
    (why) =>
      io.stderr(
        `perfgate run: could not measure ${baseRef} here (${why}); re-running the head only\n`,
      ),
    profileOutput(outDir),
  )
}

/** Profile files written under `dir` (the results file's folder). */
export function profileOutput(dir: string): ProfileOutput {
  return {
    dir,
    mkdir: async (folder) => void (await mkdir(folder, { recursive: true })),
    writeFile: (file, text) => writeFile(file, text),
  }
}

const FORMATS = ['text', 'markdown', 'json', 'csv'] as const

/** Runs `perfgate run` (see RUN_HELP); returns the exit code. */
export async function runCommand(args: string[], io: RunIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      filter: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o', default: 'perfgate-results.json' },
      baseline: { type: 'string', short: 'b', multiple: true },
      save: { type: 'string' },
      'confirm-base': { type: 'string' },
      'no-confirm': { type: 'boolean', default: false },
      ...OVERRIDE_OPTIONS,
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
  const usage = (why: string): number => {
    io.stderr(`perfgate run: ${why} (perfgate run --help)\n`)
    return 2
  }
  const format = values.format as (typeof FORMATS)[number]
  if (!FORMATS.includes(format)) {
    return usage(`--format must be text, markdown, json or csv, got "${values.format}"`)
  }
  // Commands belong after `--`, so a mistyped option is never timed as a shell command.
  const commands = positionals
  if (commands.length > 0 && !args.includes('--')) {
    return usage(`unexpected argument "${commands[0]}"; one-off commands go after --`)
  }
  if (commands.length > 0 && values.config !== undefined) {
    return usage('give either --config or commands after --, not both')
  }
  if (commands.length > 0 && values['confirm-base'] !== undefined) {
    return usage('--confirm-base needs a config file to check out; one-off commands have none')
  }
  let overrides
  let saveFile
  // Read the baselines first: a bad file should stop us before minutes of benches, not after.
  const baselineFiles: string[] = []
  const baselines: Results[] = []
  try {
    overrides = parseOverrides(values)
    saveFile = values.save === undefined ? undefined : savedBaselinePath(values.save)
    for (const arg of values.baseline ?? []) {
      const file = await resolveBaseline(arg)
      baselineFiles.push(file)
      baselines.push(parseResults(await readFile(file, 'utf8'), file))
    }
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
  const configFile = values.config ?? 'perfgate.yml'
  const loaded = commands.length > 0 ? oneOffConfig(commands) : await readConfig(configFile)
  const configName = commands.length > 0 ? ONE_OFF_SOURCE : configFile
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatConfigError(error)}\n`)
    io.stderr(`perfgate: ${loaded.errors.length} problem(s) in ${configName}; nothing was run\n`)
    return 2
  }
  const config = applyOverrides(loaded.config, overrides)
  const run = (chosen: Config, filter?: string) =>
    runConfig(chosen, {
      env: io.env,
      filter,
      now: () => io.now(),
      observer: progressObserver((text) => io.stderr(text), io.isTTY),
    })
  const results = await run(config, values.filter)
  if (results.benches.length === 0) {
    io.stderr(`perfgate: no bench matches --filter ${values.filter ?? ''}\n`)
    return 2
  }
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true })
  await writeFile(values.out, serializeResults(results))
  if (saveFile !== undefined) {
    await mkdir(path.dirname(saveFile), { recursive: true })
    await writeFile(saveFile, serializeResults(results))
  }
  // With --format json or csv, stdout is for that document alone (pipe it on); the table goes to
  // stderr. So with markdown and a baseline: stdout is the PR comment, ready to post.
  const machine =
    format === 'json' || format === 'csv' || (format === 'markdown' && baselines.length > 0)
  const human = (text: string) => (machine ? io.stderr(text) : io.stdout(text))
  const saved =
    saveFile === undefined ? '' : ` and saved as baseline "${values.save}" (${saveFile})`
  human(`\n${runSummaryText(results)}\n\nResults written to ${values.out}${saved}\n`)
  // Budgets and growth curves, beside the baseline's curves when there is one (as the action).
  const budgets = budgetsSection(
    config.benches,
    results.benches,
    baselines[0]?.benches ?? [],
    format === 'csv' ? 'text' : format,
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
    if (format === 'csv') io.stdout(resultsCsv(results))
    return errored ? 1 : failOnBudgets()
  }

  // Bench by bench: a bench measured differently than the baseline is shown as changed. Benches
  // the filter left out are not "removed": they were not asked for; nor are the other functions
  // of a js bench when the filter named one of them.
  const keeps = keepsResult(config, values.filter)
  const asked = baselines.map((baseline) => ({
    ...baseline,
    benches: baseline.benches.filter((b) => keeps(b.name)),
  }))
  const judged =
    overrides.regressionThreshold === undefined
      ? asked
      : asked.map((baseline) => withThreshold(baseline, overrides.regressionThreshold as number))
  const { baselines: matched, match } = matchRuns(judged, results)
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
        const both = await measureBase(
          configFile,
          confirmBase,
          names,
          io,
          overrides,
          path.dirname(path.resolve(values.out)),
        )
        if (both) return both
      }
      return {
        head: await run({ ...config, benches: benchesProducing(config, names) }),
      }
    },
  })
  const report =
    format === 'csv'
      ? comparisonCsv(comparison)
      : renderReport(comparison, format, {
          configPath: configName,
          headCommit: results.meta.commit,
          baselinePath: baselineFiles[0] ?? '',
          baselineCommit: baselines[0].meta.commit,
          baselineRuns: baselines.length,
          budgets: budgets.local,
        })
  io.stdout(machine ? report : `\n${report}`)
  const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) =>
    io.stderr(`perfgate: ${text}`),
  )
  if (errored || unpaired !== 0) return 1
  if (values['fail-on-regression'] && comparison.regressions > 0) return 1
  return failOnBudgets()
}
