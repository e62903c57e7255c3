/**
 * `perfgate ab [BASE_REF]`: measures the base commit (in its own worktree) and the current work
 * tree interleaved on this machine, confirms what regressed with an interleaved re-run, and
 * prints the comparison as `perfgate compare` does.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { noiseReport } from '../ab/noise.js'
import { prepareAb } from '../ab/run-ab.js'
import { compareAndConfirmRuns } from '../compare/confirmation.js'
import { withoutProfiling } from '../config/without-profiling.js'
import type { Results } from '../results/types.js'
import { renderReport, type ReportFormat } from '../report/index.js'
import { serializeResults } from '../results/schema.js'
import { budgetsSection } from './budgets-section.js'
import { progressObserver } from './progress.js'
import { unpairedExit } from './unpaired.js'
import { profileOutput, type RunIo } from './run.js'

/** Usage of the ab command. */
export const AB_USAGE = `Usage: perfgate ab [BASE_REF] [--config perfgate.yml] [--filter GLOB] [--out-dir DIR]
                   [--no-confirm] [--no-profile] [--format text|markdown|json]
                   [--fail-on-regression]

Measures BASE_REF (default: the merge base of HEAD with origin/HEAD or main) and the current
work tree on this machine, bench by bench in alternating rounds (base, head, head, base, ...),
and compares them. The base is checked out into a temporary git worktree; the clone needs its
commit (actions/checkout with fetch-depth: 0). Each bench's \`build\` command runs once per side;
sql and pg-notify benches get a database per side on the DATABASE_URL server (a sql bench's
params-query cases are drawn once, on the base side, and timed on both by key:); http and e2e
benches with \`serve\` get each side's own server, one side's at a time.
Writes DIR/base.json and DIR/head.json (default DIR: perfgate-ab); each regression the
re-run confirms is profiled on both sides, its cause printed under its row and its profiles
written to DIR/profiles/ (perfgate explain DIR/base.json DIR/head.json BENCH prints it again). Budgets are checked on the
head and each scaled bench's growth is set beside the base's; --fail-on-regression exits 1 on a
regression, a broken budget, a steeper growth or runs whose names do not pair, as the action
fails.

Options:
  -c, --config PATH            the config file (default perfgate.yml)
  -f, --filter GLOB            measure only what matches (as perfgate run --filter)
  -o, --out-dir DIR            where base.json and head.json go (default perfgate-ab)
  --no-confirm                 do not re-run flagged benches on both sides to confirm them
  --no-profile                 do not profile confirmed regressions (as profile: false)
  --format text|markdown|json  the report (markdown: the PR comment; json: the comparison only)
  --fail-on-regression         exit 1 on a regression, a broken budget, a steeper growth or
                               runs whose names do not pair
  -h, --help                   show this help
`

/** Runs the ab command; returns 0, 1 (a bench errored or --fail-on-regression saw one), 2 (usage/setup). */
export async function abCommand(args: string[], io: RunIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c', default: 'perfgate.yml' },
      filter: { type: 'string', short: 'f' },
      'out-dir': { type: 'string', short: 'o', default: 'perfgate-ab' },
      'no-confirm': { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      'fail-on-regression': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    io.stdout(AB_USAGE)
    return 0
  }
  const format = values.format as ReportFormat
  if (!['text', 'markdown', 'json'].includes(format) || positionals.length > 1) {
    io.stderr(
      positionals.length > 1
        ? `perfgate ab: takes at most one BASE_REF, got ${positionals.join(' ')}\n`
        : `perfgate ab: --format must be text, markdown or json, got "${values.format}"\n`,
    )
    return 2
  }
  let session
  try {
    session = await prepareAb({
      configFile: values.config,
      ...(positionals[0] === undefined ? {} : { baseRef: positionals[0] }),
      ...(values.filter === undefined ? {} : { filter: values.filter }),
      ...(values['no-profile'] ? { adjust: withoutProfiling } : {}),
      env: io.env,
      now: () => io.now(),
      observer: progressObserver((text) => io.stderr(text), io.isTTY),
      log: (line) => io.stderr(`${line}\n`),
    })
  } catch (error) {
    io.stderr(`perfgate ab: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  try {
    const first = await session.measure()
    if (first.head.benches.length === 0) {
      io.stderr(`perfgate ab: no bench matches --filter ${values.filter ?? ''}\n`)
      return 2
    }
    let rerunBase: Results | undefined
    // The re-measure measures the base again too: both base runs are the baseline.
    const { comparison } = await compareAndConfirmRuns({
      baselines: [first.base],
      head: first.head,
      mode: values['no-confirm'] ? 'none' : 'base',
      sameRunner: true,
      includeInconclusive: false,
      remeasure: async (names) => {
        io.stderr(`Re-running ${names.length} flagged bench(es) on both sides to confirm them\n`)
        const rerun = await session.measure(names)
        rerunBase = rerun.base
        // Regressions this confirms are profiled on both sides; their files go beside base.json.
        const output = profileOutput(path.resolve(values['out-dir']))
        return { ...rerun, explain: (targets) => session.profile(targets, output) }
      },
    })
    const dir = values['out-dir']
    await mkdir(path.resolve(dir), { recursive: true })
    await writeFile(path.join(dir, 'base.json'), serializeResults(first.base))
    await writeFile(path.join(dir, 'head.json'), serializeResults(first.head))
    if (rerunBase) await writeFile(path.join(dir, 'base-rerun.json'), serializeResults(rerunBase))
    // Budgets on the head, and each scaled bench's curve beside the base's from the same job.
    const budgets = budgetsSection(
      session.config.benches,
      first.head.benches,
      first.base.benches,
      format,
    )
    // JSON stays parseable: the section goes to stderr there; markdown has it in the comment.
    if (budgets.text !== '' && format === 'json') io.stderr(`\n${budgets.text}\n`)
    if (budgets.text !== '' && format === 'text') io.stdout(`\n${budgets.text}\n`)
    const mode = `A/B on one machine: base ${session.baseRef} (${session.baseSha.slice(0, 12)}) vs head ${session.headSha.slice(0, 12)}, rounds interleaved\n`
    // JSON stays parseable: the mode line goes to stderr there.
    if (format === 'json') io.stderr(mode)
    io.stdout(
      `${format === 'json' ? '' : `\n${mode}\n`}${renderReport(comparison, format, {
        configPath: values.config,
        headCommit: session.headSha,
        baselinePath: path.join(dir, 'base.json'),
        baselineCommit: session.baseSha,
        baselineRuns: rerunBase ? 2 : 1,
        budgets: budgets.local,
      })}`,
    )
    const hints = noiseReport(first.head, first.base).filter((noise) => noise.hint !== undefined)
    for (const noise of hints) io.stderr(`noise: ${noise.name}: ${noise.hint}\n`)
    const unpaired = unpairedExit(comparison, values['fail-on-regression'], (text) =>
      io.stderr(`perfgate ab: ${text}`),
    )
    const errored = first.head.benches.some((b) => b.status === 'error')
    if (errored || unpaired !== 0) return 1
    if (!values['fail-on-regression']) return 0
    if (comparison.regressions > 0) return 1
    if (budgets.failed) io.stderr(`perfgate ab: ${budgets.why.join('; ')}\n`)
    return budgets.failed ? 1 : 0
  } finally {
    await session.close()
  }
}
