/**
 * The CPU part of the demo, perfgate's pull-request job run locally: a throwaway repository with
 * the example json bench, a baseline run on `main`, then a branch whose `json/stringify`
 * pretty-prints (a real code change, about 30% slower) run against that baseline with
 * `--confirm-base main`. What the first comparison leaves in doubt is measured again for `main`
 * and the branch, interleaved on this machine, and that pair alone decides: a machine busier
 * during one run than during the other slows both sides of the pair, so it flags nothing.
 */
import path from 'node:path'
import { commitChange, diffLines, type Change } from './change.js'
import { commentIn, flaggedIn } from './comment.js'
import { example } from './examples.js'
import { throwawayRepo } from './git-repo.js'
import type { PartOutcome } from './paired.js'
import { perfgate, type CliRun } from './perfgate-cli.js'

/** Measurement settings of the demo's config. */
export interface CpuBudget {
  /** Measurement time per function, over all rounds (e.g. 300ms). */
  time: string
  /** Warm-up per function and round. */
  warmup: string
  rounds: number
  /** A/B rounds per configured round in the confirmation (`ab-split`; perfgate's default is 2). */
  abSplit: number
}

/**
 * The default budget: the CPU part in under a minute on a busy 2-core machine. Every round forks
 * a worker, which there costs about a second, so rounds are the price; the confirmation splits
 * each in two (8 interleaved rounds a side): with 4 a side, a CPU hog beside the demo once had an
 * unchanged 10 µs function's best round 50% slower on one side and flagged it.
 */
export const DEMO_BUDGET: CpuBudget = { time: '300ms', warmup: '50ms', rounds: 4, abSplit: 2 }

/** The function the branch slows. */
export const SLOWED = 'json/stringify'

const PRETTY_PRINT: Change = {
  file: 'benches/json.js',
  before: '  return JSON.stringify(payload)\n',
  after: '  return JSON.stringify(payload, null, 2)\n',
  branch: 'pretty-json',
  message: `${SLOWED} pretty-prints its output`,
}

function config(budget: CpuBudget): string {
  return `# The json bench of examples/perfgate.yml, with a time budget for the demo.
defaults:
  time: ${budget.time}
  warmup: ${budget.warmup}
  rounds: ${budget.rounds}
  ab-split: ${budget.abSplit}
  noise-threshold: 5%
  regression-threshold: 10%

benches:
  - name: json
    kind: js
    module: benches/json.js
`
}

function check(run: CliRun, what: string): void {
  if (run.code === 0) return
  throw new Error(`${what} exited with code ${run.code}:\n${run.stderr}${run.stdout}`)
}

/** Runs the CPU part, printing progress through `say`; removes its repository afterwards. */
export async function cpuDemo(
  say: (line: string) => void,
  budget = DEMO_BUDGET,
): Promise<PartOutcome> {
  const started = performance.now()
  const { root, repo, remove } = throwawayRepo('cpu', {
    'perfgate.yml': config(budget),
    'benches/json.js': example('benches/json.js'),
  })
  const progress = (line: string): void => say(`    ${line}`)
  const seconds = (run: CliRun): void => say(`   (${run.seconds.toFixed(0)} s)`)
  try {
    say(`A throwaway git repository with examples/benches/json.js: ${repo}`)
    say('')
    say('1. main: record the baseline')
    say('   $ perfgate run --out base.json')
    const base = path.join(root, 'base.json')
    const baseRun = await perfgate(['run', '--out', base], { cwd: repo, progress })
    check(baseRun, 'perfgate run')
    seconds(baseRun)
    say('')
    say(`2. branch ${PRETTY_PRINT.branch}: ${PRETTY_PRINT.message}`)
    for (const line of diffLines(PRETTY_PRINT)) say(`   ${line}`)
    commitChange(repo, PRETTY_PRINT)
    say('')
    say(`3. ${PRETTY_PRINT.branch}: compare with the baseline; what is in doubt is measured again`)
    say('   for main and the branch, interleaved here, and that pair decides')
    say('   $ perfgate run --baseline base.json --confirm-base main --format markdown')
    const confirm = ['--baseline', base, '--confirm-base', 'main', '--format', 'markdown']
    const head = await perfgate(['run', '--out', path.join(root, 'head.json'), ...confirm], {
      cwd: repo,
      progress,
    })
    check(head, 'perfgate run --baseline')
    seconds(head)
    const comment = commentIn(head.stdout)
    return { comment, flagged: flaggedIn(comment), seconds: (performance.now() - started) / 1000 }
  } finally {
    remove()
  }
}
