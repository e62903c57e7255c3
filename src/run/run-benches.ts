/** Runs every configured bench in order; one bench's failure never stops or hides the others. */
import { benchResult } from '../results/bench.js'
import type { BenchConfig, Config } from '../config/types.js'
import type { BenchResult } from '../results/types.js'
import { benchIdentity } from '../config/identity.js'
import { selectBenches } from '../config/filter.js'
import { formatDuration } from '../format.js'
import { secretBook, type Secrets } from '../results/redact.js'
import { RUNNERS } from './kinds/index.js'
import { maskedObserver } from './masked-observer.js'
import {
  BenchError,
  BenchSkipped,
  type CaseDraws,
  type MeasuredBench,
  type RunContext,
} from './outcome.js'
import { createServers, type Servers } from './serve.js'

/** Hears about progress, for the log or a live display. */
export interface RunObserver {
  benchStarted?(bench: BenchConfig, index: number, total: number): void
  benchFinished?(bench: BenchConfig, results: BenchResult[]): void
  log?(bench: BenchConfig, line: string): void
}

/** What runBenches needs from the outside world. */
export interface RunOptions {
  env: Readonly<Record<string, string | undefined>>
  observer?: RunObserver
  /** Hears each secret a bench registers (the action passes it to `setSecret`). */
  secret?(value: string): void
  /**
   * The secrets to mask in progress and results, when the caller shares one set over several
   * calls (A/B rounds, a server started in an earlier round); it then announces new values
   * itself and `secret` is not called. Without it, runBenches keeps its own, announcing to `secret`.
   */
  secrets?: Secrets
  /** The config file's folder: paths under it are stored relative in each bench's identity. */
  configDir?: string
  /**
   * The keeper of `serve` servers, when the caller runs benches in several calls (A/B mode);
   * without one, runBenches starts each server once and stops it before returning.
   */
  servers?: Servers
  /** A/B mode: the side these benches measure (named in server errors). */
  side?: string
  /** A/B mode: one store of drawn cases for both sides, so they time the same cases. */
  draws?: CaseDraws
}

/** Runs `benches` (already filtered) and returns one or more results per bench. */
export async function runBenches(
  benches: readonly BenchConfig[],
  options: RunOptions,
): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const servers = options.servers ?? createServers()
  const secrets = options.secrets ?? secretBook((value) => options.secret?.(value))
  // Progress leaves the process as it happens: masked here, not only in the results file.
  const masked: RunOptions = { ...options, observer: maskedObserver(options.observer, secrets) }
  try {
    for (const [index, bench] of benches.entries()) {
      masked.observer?.benchStarted?.(bench, index, benches.length)
      const started = performance.now()
      const measured = await runOne(bench, masked, servers, secrets)
      // One config bench may yield several results; they share its wall time so sums stay right.
      const durationMs = Math.round((performance.now() - started) / Math.max(1, measured.length))
      const configDir = options.configDir ?? process.cwd()
      const finished = secrets.redact(
        measured.map((m) => ({ ...toResult(bench, m, configDir), durationMs })),
      )
      masked.observer?.benchFinished?.(bench, finished)
      results.push(...finished)
    }
  } finally {
    if (options.servers === undefined) await servers.stop()
  }
  return results
}

/**
 * The benches `filter` selects: comma-separated globs (`*` within a segment, `**` across) over
 * config entry names and the result names perfgate prints (see config/filter.ts).
 */
export function filterBenches(config: Config, filter: string | undefined): BenchConfig[] {
  return selectBenches(config, filter)
}

// Kept here too for the runner's callers; the selection itself is pure config logic.
export { benchesProducing } from '../config/select.js'
export { globToRegExp } from '../config/glob.js'

async function runOne(
  bench: BenchConfig,
  options: RunOptions,
  servers: Servers,
  secrets: Secrets,
): Promise<MeasuredBench[]> {
  const missing = bench.settings.requires.filter((name) => !options.env[name])
  if (missing.length > 0) {
    const reason = `requires ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not set`
    return [skipOrFail(bench, reason)]
  }
  const controller = new AbortController()
  const ctx: RunContext = {
    env: options.env,
    signal: controller.signal,
    log: (line) => options.observer?.log?.(bench, line),
    secret: (value) => secrets.add(value),
    ...(options.draws ? { draws: options.draws } : {}),
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(
        new BenchError(`timed out after ${formatDuration(bench.settings.timeout)} and was killed`),
      )
    }, bench.settings.timeout)
  })
  const measure = async (): Promise<MeasuredBench[]> => {
    // The server's start-up counts against the bench's timeout, and is never a sample.
    await servers.ensure(bench, { ...ctx, ...(options.side ? { side: options.side } : {}) })
    return RUNNERS[bench.spec.kind](bench, ctx)
  }
  try {
    return await Promise.race([measure(), timeout])
  } catch (error) {
    if (error instanceof BenchSkipped) return [skipOrFail(bench, error.message)]
    // Requests failing because the server died say so, with the server's last words.
    const died = bench.settings.serve === undefined ? undefined : servers.exitNote()
    const reason = describeError(error) + (died === undefined ? '' : `; ${died}`)
    return [{ name: bench.name, status: 'error', reason, metrics: [] }]
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

function skipOrFail(bench: BenchConfig, reason: string): MeasuredBench {
  return bench.settings.required
    ? {
        name: bench.name,
        status: 'error',
        reason: `required bench was skipped: ${reason}`,
        metrics: [],
      }
    : { name: bench.name, status: 'skipped', reason, metrics: [] }
}

/** A one-line reason for an error: our own errors' messages, the message of anything else. */
export function describeError(error: unknown): string {
  if (error instanceof BenchError) return error.message
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

function toResult(bench: BenchConfig, measured: MeasuredBench, configDir: string): BenchResult {
  const fields = {
    name: measured.name,
    kind: bench.spec.kind,
    tags: bench.settings.tags,
    noiseThreshold: bench.settings.noiseThreshold,
    regressionThreshold: bench.settings.regressionThreshold,
    ...(measured.details === undefined ? {} : { details: measured.details }),
    identity: benchIdentity(bench, configDir),
    ...(bench.scale === undefined ? {} : { scale: resultScale(bench, measured.name) }),
  }
  return benchResult(fields, measured)
}

/** The size of a scaled bench's result row; a js row `b[n=10]/fn` belongs to the curve `b/fn`. */
function resultScale(bench: BenchConfig, resultName: string): BenchResult['scale'] {
  const { param, value } = bench.scale as NonNullable<BenchConfig['scale']>
  return { bench: resultName.replace(`[${param}=${value}]`, ''), param, value }
}
