/** Runs every configured bench in order; one bench's failure never stops or hides the others. */
import { benchResult } from '../results/bench.js'
import type { BenchConfig, Config } from '../config/types.js'
import type { BenchResult } from '../results/types.js'
import { formatDuration } from '../config/units.js'
import { RUNNERS } from './kinds/index.js'
import { BenchError, BenchSkipped, type MeasuredBench, type RunContext } from './outcome.js'

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
  /** Registers a secret to mask (the action masks it in logs). */
  secret?(value: string): void
}

/** Runs `benches` (already filtered) and returns one or more results per bench. */
export async function runBenches(
  benches: readonly BenchConfig[],
  options: RunOptions,
): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  for (const [index, bench] of benches.entries()) {
    options.observer?.benchStarted?.(bench, index, benches.length)
    const started = performance.now()
    const measured = await runOne(bench, options)
    // One config bench may yield several results; they share its wall time so sums stay right.
    const durationMs = Math.round((performance.now() - started) / Math.max(1, measured.length))
    const finished = measured.map((m) => ({ ...toResult(bench, m), durationMs }))
    options.observer?.benchFinished?.(bench, finished)
    results.push(...finished)
  }
  return results
}

/** The benches whose names match any of the comma-separated globs (`*` within a segment, `**` across). */
export function filterBenches(config: Config, filter: string | undefined): BenchConfig[] {
  const patterns = (filter ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (patterns.length === 0) return config.benches
  const regexes = patterns.map(globToRegExp)
  return config.benches.filter((bench) => regexes.some((re) => re.test(bench.name)))
}

/** The config's benches that produced any of these result names (`json` for `json/parse`). */
export function benchesProducing(config: Config, names: readonly string[]): BenchConfig[] {
  const wanted = new Set(names)
  return config.benches.filter(
    (bench) => wanted.has(bench.name) || names.some((name) => name.startsWith(`${bench.name}/`)),
  )
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**'
        ? '.*'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '[^/]'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  // A plain name also selects its group (`sql` selects `sql/ready`).
  return new RegExp(/[*?]/.test(glob) ? `^${source}$` : `^${source}(/.*)?$`)
}

async function runOne(bench: BenchConfig, options: RunOptions): Promise<MeasuredBench[]> {
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
    secret: (value) => options.secret?.(value),
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
  try {
    return await Promise.race([RUNNERS[bench.spec.kind](bench, ctx), timeout])
  } catch (error) {
    if (error instanceof BenchSkipped) return [skipOrFail(bench, error.message)]
    return [{ name: bench.name, status: 'error', reason: describeError(error), metrics: [] }]
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

function toResult(bench: BenchConfig, measured: MeasuredBench): BenchResult {
  const fields = {
    name: measured.name,
    kind: bench.spec.kind,
    tags: bench.settings.tags,
    noiseThreshold: bench.settings.noiseThreshold,
    regressionThreshold: bench.settings.regressionThreshold,
    ...(measured.details === undefined ? {} : { details: measured.details }),
  }
  return benchResult(fields, measured)
}
