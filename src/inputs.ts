/** The action's inputs, read once into a typed object; names are declared once, here. */
import { parsePercentage } from './config/units.js'
import { formatForTool, TOOL_NAMES } from './config/tools.js'
import { didYouMean } from './config/messages.js'

/** Every input name, as in action.yml. */
export const INPUT = {
  config: 'config',
  filter: 'filter',
  threshold: 'threshold',
  workingDirectory: 'working-directory',
  githubToken: 'github-token',
  failOnRegression: 'fail-on-regression',
  artifactName: 'artifact-name',
  mode: 'mode',
  baseline: 'baseline',
  baselineBranches: 'baseline-branches',
  baselineRuns: 'baseline-runs',
  historySize: 'history-size',
  retentionDays: 'retention-days',
  maxBaselineAge: 'max-baseline-age',
  confirm: 'confirm',
  profile: 'profile',
  normalize: 'normalize',
  tail: 'tail',
  comment: 'comment',
  acknowledgeLabel: 'acknowledge-label',
  tool: 'tool',
  outputFilePath: 'output-file-path',
  shard: 'shard',
  thresholdsFrom: 'thresholds-from',
  inconclusive: 'inconclusive',
} as const

/** Every output name, as in action.yml. */
export const OUTPUT = {
  results: 'results',
  verdict: 'verdict',
  regressions: 'regressions',
  comparison: 'comparison',
  commentUrl: 'comment-url',
  budgetsBroken: 'budgets-broken',
} as const

/** When to post the PR comment. */
export type CommentPolicy = 'always' | 'on-regression' | 'never'

/** The validated inputs. */
export interface Inputs {
  config: string
  filter?: string
  /** Default regression threshold, a fraction. */
  threshold: number
  workingDirectory: string
  githubToken: string
  failOnRegression: boolean
  artifactName: string
  /**
   * `run` measures; `comment` posts the comment of a triggering run (workflow_run); `merge` fans
   * in the shard artifacts of this run and compares, comments and uploads as one job would.
   */
  mode: 'run' | 'comment' | 'merge'
  /** A results file to compare with instead of the artifact; undefined = the artifact. */
  baseline?: string
  /** Branches whose pushes record the baseline; undefined = the repository's default branch. */
  baselineBranches?: string[]
  baselineRuns: number
  /** Baseline runs history.json keeps per bench. */
  historySize: number
  retentionDays?: number
  maxBaselineAgeDays: number
  /**
   * How a pull request confirms what the stored baseline leaves in doubt: `base` measures base
   * and head again on this runner, interleaved; `rerun` re-runs the head only; `false` neither;
   * `auto` (default) is `base` when the PR's base commit is in the checkout, else `rerun`.
   */
  confirm: ConfirmInput
  /** Profile both sides of a regression confirmed against the base to name what grew (default true). */
  profile: boolean
  /** Divide head times by the calibration bench's ratio (`calibration: true` in the config). */
  normalize: 'none' | 'calibration'
  /** A tail row (per-round p75 beside the centre) for every time metric, or none. */
  tail: 'off' | 'p75'
  comment: CommentPolicy
  acknowledgeLabel: string
  /** Zero-config: the harness that wrote `outputFilePath` (github-action-benchmark's names or ours). */
  tool?: string
  /** Zero-config: the harness output to import, relative to workingDirectory. */
  outputFilePath?: string
  /** This job's share of a matrix (`shard: 2/4`); undefined = all benches. */
  shard?: Shard
  /** Whose thresholds judge a PR: the baseline's (base branch, default) or the PR's own. */
  thresholdsFrom: 'base' | 'head'
  /** What inconclusive benches beyond their threshold do to the step (default rerun). */
  inconclusive: 'fail' | 'warn' | 'rerun'
}

/** One job's place in a sharded matrix: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/** Thrown for an input value that makes no sense; the message names the input and an example. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Reads and validates the inputs through `get` (core.getInput in the action). */
export function readInputs(get: (name: string) => string): Inputs {
  const threshold = parsePercentage(get(INPUT.threshold) || '10%')
  if (threshold === undefined) {
    throw new InputError(
      `input "threshold" must be a percentage like 10%, got ${JSON.stringify(get(INPUT.threshold))}`,
    )
  }
  const branches = get(INPUT.baselineBranches)
    .split(/[,\n]/)
    .map((b) => b.trim())
    .filter((b) => b !== '')
  const retention = get(INPUT.retentionDays).trim()
  const tool = get(INPUT.tool).trim() || undefined
  const outputFilePath = get(INPUT.outputFilePath).trim() || undefined
  if (tool !== undefined && formatForTool(tool) === undefined) {
    throw new InputError(
      `input "tool" must be one of ${TOOL_NAMES.join(', ')}, got ${JSON.stringify(tool)}${didYouMean(tool, TOOL_NAMES)}`,
    )
  }
  if (tool !== undefined && outputFilePath === undefined && formatForTool(tool) !== 'criterion') {
    throw new InputError(
      `input "output-file-path" is required with tool "${tool}": the file your benchmark run wrote (e.g. output.txt)`,
    )
  }
  if (outputFilePath !== undefined && tool === undefined) {
    throw new InputError(
      'input "output-file-path" needs input "tool" too (e.g. tool: cargo), which says how to read the file',
    )
  }
  const mode = readChoice(get, INPUT.mode, ['run', 'comment', 'merge'], 'run')
  const shard = parseShard(get(INPUT.shard))
  if (shard && mode !== 'run') {
    throw new InputError(
      `input "shard" is for the matrix jobs that measure (mode: run); the ${mode} job takes no shard, got ${JSON.stringify(get(INPUT.shard))}`,
    )
  }
  return {
    config: get(INPUT.config) || 'perfgate.yml',
    filter: get(INPUT.filter) || undefined,
    threshold,
    workingDirectory: get(INPUT.workingDirectory) || '.',
    githubToken: get(INPUT.githubToken),
    failOnRegression: readBoolean(get, INPUT.failOnRegression, true),
    artifactName: get(INPUT.artifactName) || 'perfgate-results',
    mode,
    baseline: get(INPUT.baseline).trim() || undefined,
    baselineBranches: branches.length > 0 ? branches : undefined,
    baselineRuns: readCount(get, INPUT.baselineRuns, 5, 1, 100),
    historySize: readCount(get, INPUT.historySize, 500, 2, 10_000),
    retentionDays: retention === '' ? undefined : readCount(get, INPUT.retentionDays, 90, 1, 400),
    maxBaselineAgeDays: readDays(get, INPUT.maxBaselineAge, 30),
    confirm: readConfirm(get),
    profile: readBoolean(get, INPUT.profile, true),
    normalize: readChoice(get, INPUT.normalize, ['none', 'calibration'], 'none'),
    tail: readChoice(get, INPUT.tail, ['off', 'p75'], 'off'),
    comment: readChoice(get, INPUT.comment, ['always', 'on-regression', 'never'], 'always'),
    thresholdsFrom: readChoice(get, INPUT.thresholdsFrom, ['base', 'head'], 'base'),
    inconclusive: readChoice(get, INPUT.inconclusive, ['fail', 'warn', 'rerun'], 'rerun'),
    acknowledgeLabel: get(INPUT.acknowledgeLabel).trim() || 'perfgate:accept',
    ...(tool === undefined ? {} : { tool }),
    ...(outputFilePath === undefined ? {} : { outputFilePath }),
    ...(shard ? { shard } : {}),
  }
}

/** The most shards a matrix may have (GitHub allows 256 jobs per matrix). */
export const MAX_SHARDS = 256

/** Parses `i/n` (e.g. `2/4`, 1-based); empty = no sharding. Throws InputError on anything else. */
export function parseShard(text: string): Shard | undefined {
  const value = text.trim()
  if (value === '') return undefined
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value)
  if (!match) {
    throw new InputError(
      `input "shard" must look like 2/4 (this job's number / the number of shards), got ${JSON.stringify(value)}`,
    )
  }
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || count > MAX_SHARDS) {
    throw new InputError(
      `input "shard" must have from 1 to ${MAX_SHARDS} shards, got ${JSON.stringify(value)}`,
    )
  }
  if (index < 1 || index > count) {
    throw new InputError(
      `input "shard" must number this job from 1 to ${count}, got ${JSON.stringify(value)} (the matrix should list 1..${count})`,
    )
  }
  return { index, count }
}

function readBoolean(get: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = get(name).trim().toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  throw new InputError(`input "${name}" must be true or false, got ${JSON.stringify(value)}`)
}

/** The policies of the `confirm` input. */
export type ConfirmInput = 'auto' | 'base' | 'rerun' | 'false'

/** `confirm`: a policy; `true` (its old boolean form) means `auto`. */
function readConfirm(get: (name: string) => string): ConfirmInput {
  const value = get(INPUT.confirm).trim().toLowerCase()
  if (value === 'true') return 'auto'
  return readChoice(get, INPUT.confirm, ['auto', 'base', 'rerun', 'false'], 'auto')
}

function readChoice<T extends string>(
  get: (name: string) => string,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = get(name).trim().toLowerCase()
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new InputError(
    `input "${name}" must be one of ${choices.join(' | ')}, got ${JSON.stringify(value)}${didYouMean(value, choices)}`,
  )
}

function readCount(
  get: (name: string) => string,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = get(name).trim()
  if (value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(
      `input "${name}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    )
  }
  return n
}

/** Days, written `30`, `30d` or `30 days`. */
function readDays(get: (name: string) => string, name: string, fallback: number): number {
  const value = get(name).trim()
  if (value === '') return fallback
  const match = /^(\d+(?:\.\d+)?)\s*(d|days?)?$/i.exec(value)
  if (!match)
    throw new InputError(
      `input "${name}" must be a number of days like 30 or 30d, got ${JSON.stringify(value)}`,
    )
  return Number(match[1])
}
