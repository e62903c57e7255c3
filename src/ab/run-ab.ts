/**
 * A/B mode: the base commit in its own worktree, each side built (and given its own database),
 * then every bench measured for base and head in alternating rounds. Returns one normal Results
 * per side, so compareRuns([base], head) and confirmation work as with an artifact baseline.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { formatConfigError, parseConfig } from '../config/load.js'
import type { BenchConfig, Config } from '../config/types.js'
import { secretBook, type Secrets } from '../results/redact.js'
import { RESULTS_SCHEMA_VERSION, type BenchResult, type Results } from '../results/types.js'
import { collectMeta } from '../run/meta.js'
import { maskedObserver } from '../run/masked-observer.js'
import type { CaseDraws } from '../run/outcome.js'
import { createServers, type Servers } from '../run/serve.js'
import { keepsResult } from '../config/filter.js'
import {
  benchesProducing,
  filterBenches,
  runBenches,
  type RunObserver,
} from '../run/run-benches.js'
import { buildCommands, runBuilds } from './build.js'
import { createSideDatabase, databaseUrlVariables, type SideDatabase } from './databases.js'
import {
  AbSetupError,
  checkoutWorktree,
  defaultBase,
  repoRoot,
  resolveCommit,
  type Checkout,
} from './git.js'
import { abRounds, mergeRounds, oneRound, roundOrder, type Side } from './interleave.js'
import type { CaptureSide } from '../profile/captures.js'
import { explainTarget, type ProfileOutput } from '../profile/explain.js'
import type { Cause } from '../profile/types.js'

/** What an A/B session needs. */
export interface AbOptions {
  /** The config file in the head checkout (the current work tree). */
  configFile: string
  /** The base commit or ref; default: the merge base of HEAD with the default branch. */
  baseRef?: string
  filter?: string
  /**
   * Only the benches producing these names are set up (built, given databases) and measured:
   * confirming a few benches against the base costs those benches, not the suite.
   */
  names?: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  now(): Date
  observer?: RunObserver
  /** Progress lines that belong to no bench (checkout, builds, databases). */
  log?(line: string): void
  secret?(value: string): void
  regressionThreshold?: number
  /** Applied to both sides' configs once read (the CLI's `--rounds`, `--time`, ... overrides). */
  adjust?(config: Config): Config
}

/** Both sides' results of one interleaved measurement. */
export interface AbResults {
  base: Results
  head: Results
}

/** A confirmed regression to profile: its result name and the head's time per call, ms. */
export interface ProfileRequest {
  result: string
  msPerCall: number
}

/** A prepared A/B session: both sides checked out and built; measure as often as needed, then close. */
export interface AbSession {
  baseRef: string
  baseSha: string
  headSha: string
  /** The head config (the benches a report talks about). */
  config: Config
  /** Measures the selected benches (all, or those producing `names`) on both sides, interleaved. */
  measure(names?: readonly string[]): Promise<AbResults>
  /**
   * Profiles both sides of confirmed regressions (after their timing, never during it) and says
   * what grew, by result name; writes the profile files to `output`. A result whose kind has no
   * profiler is left out.
   */
  profile(targets: readonly ProfileRequest[], output?: ProfileOutput): Promise<Map<string, Cause>>
  /** Drops the side databases and removes the base worktree. */
  close: () => Promise<void>
}

/** Checks out the base, creates side databases, runs the builds; on failure cleans up and throws. */
export async function prepareAb(given: AbOptions): Promise<AbSession> {
  // Every secret seen (URLs of side databases, passwords, template values) is masked in both
  // results, in every progress line and log line, and in the errors this throws.
  const secrets = secretBook((value) => given.secret?.(value))
  const options: AbOptions = { ...given, observer: maskedObserver(given.observer, secrets) }
  const log = (line: string): void => options.log?.(secrets.mask(line))
  const configFile = path.resolve(options.configFile)
  const text = await readFile(configFile, 'utf8').catch(() => {
    throw new AbSetupError(`${options.configFile} does not exist or cannot be read`)
  })
  const headConfig = parse(text, options.configFile, options)
  const root = await repoRoot(path.dirname(configFile))
  const headSha = await resolveCommit(root, 'HEAD')
  const base =
    options.baseRef === undefined
      ? await defaultBase(root)
      : { ref: options.baseRef, sha: await resolveCommit(root, options.baseRef) }
  log(`A/B: base ${base.ref} = ${base.sha.slice(0, 12)}, head ${headSha.slice(0, 12)}`)
  const cleanups: (() => Promise<void>)[] = []
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    cleanups.length = 0
  }
  try {
    const checkout: Checkout = await checkoutWorktree(root, base.sha)
    cleanups.push(checkout.remove)
    // The head's config, its paths resolved inside the base checkout: same benches, base code.
    const baseFile = path.join(checkout.dir, path.relative(root, configFile))
    const baseConfig = parse(text, baseFile, options)
    const selected =
      options.names === undefined
        ? filterBenches(headConfig, options.filter)
        : benchesProducing(headConfig, options.names)
    const env = {
      base: { ...options.env } as Record<string, string | undefined>,
      head: { ...options.env } as Record<string, string | undefined>,
    }
    for (const variable of databaseUrlVariables(selected)) {
      const url = options.env[variable]
      if (url === undefined || url.trim() === '') continue
      secrets.add(url)
      for (const side of ['base', 'head'] as const) {
        const database: SideDatabase = await createSideDatabase(url, side)
        cleanups.push(database.drop)
        secrets.add(database.url)
        env[side][variable] = database.url
        log(`${side}: database ${database.name} for ${variable}`)
      }
    }
    const commands = buildCommands(selected)
    await runBuilds('base', commands, baseConfig.dir, env.base, log)
    await runBuilds('head', commands, headConfig.dir, env.head, log)
    // The base side narrowed as the head is: `--filter lib/sum` runs only `sum` on both sides.
    const sides = {
      base: { ...baseConfig, benches: filterBenches(baseConfig, options.filter) },
      head: headConfig,
    }
    return {
      baseRef: base.ref,
      baseSha: base.sha,
      headSha,
      config: headConfig,
      close,
      measure: (names) =>
        measureInterleaved(
          names === undefined ? selected : benchesProducing(headConfig, names),
          sides,
          env,
          { base: base.sha, head: headSha },
          options,
          secrets,
        ),
      profile: (targets, output) =>
        profileSides(
          targets,
          output,
          sides,
          env,
          { base: checkout.dir, head: root },
          options,
          secrets,
        ),
    }
  } catch (error) {
    await close()
    // A build's output or a driver's message may quote a database URL from the build's env.
    if (error instanceof Error) error.message = secrets.mask(error.message)
    throw error
  }
}

function parse(text: string, file: string, options: AbOptions): Config {
  const parsed = parseConfig(text, {
    file,
    ...(options.regressionThreshold === undefined
      ? {}
      : { regressionThreshold: options.regressionThreshold }),
  })
  if (!parsed.ok) throw new AbSetupError(parsed.errors.map(formatConfigError).join('\n'))
  return options.adjust ? options.adjust(parsed.config) : parsed.config
}

async function profileSides(
  targets: readonly ProfileRequest[],
  output: ProfileOutput | undefined,
  configs: Record<Side, Config>,
  env: Record<Side, Record<string, string | undefined>>,
  roots: Record<Side, string>,
  options: AbOptions,
  secrets: Secrets,
): Promise<Map<string, Cause>> {
  const servers = createServers()
  const side = (which: Side): CaptureSide => ({
    side: which,
    root: roots[which],
    configDir: configs[which].dir,
    env: env[which],
    servers,
    secrets,
    log: (line) => options.log?.(secrets.mask(`${which}: ${line}`)),
  })
  const sides = { base: side('base'), head: side('head') }
  const causes = new Map<string, Cause>()
  try {
    for (const target of targets) {
      const [head] = benchesProducing(configs.head, [target.result])
      if (!head) continue
      // `profile: false` (or --no-profile) leaves the cause out rather than say nothing grew.
      if (head.settings.profile === false) continue
      const base = configs.base.benches.find((b) => b.name === head.name)
      options.log?.(`Profiling ${target.result} on both sides to name what grew`)
      const cause = await explainTarget(
        sides,
        { result: target.result, msPerCall: target.msPerCall, benches: { base, head } },
        output,
      )
      if (cause) causes.set(target.result, secrets.redact(cause))
    }
  } finally {
    await servers.stop()
  }
  return causes
}

async function measureInterleaved(
  benches: readonly BenchConfig[],
  configs: Record<Side, Config>,
  env: Record<Side, Record<string, string | undefined>>,
  commits: Record<Side, string>,
  options: AbOptions,
  secrets: Secrets,
): Promise<AbResults> {
  const started = options.now()
  const collected: Record<Side, BenchResult[]> = { base: [], head: [] }
  const keeps = keepsResult(configs.head, options.filter)
  const benchNames = new Set(benches.map((bench) => bench.name))
  // One server up at a time: a side's server runs for that side's consecutive rounds (ABBA
  // keeps it up across the pair), then gives way to the other side's.
  const servers = createServers()
  try {
    await measurePairs(benches, configs, env, options, servers, secrets, collected)
  } finally {
    await servers.stop()
  }
  const results = (side: Side): Results =>
    secrets.redact({
      schemaVersion: RESULTS_SCHEMA_VERSION,
      meta: {
        ...collectMeta(configs[side], { ...options.env, GITHUB_SHA: commits[side] }, started),
        // Both sides share one config: the same digest tells a reader they are comparable.
        configDigest: collectMeta(configs.head, options.env, started).configDigest,
      },
      // A wildcard after a js bench's name runs it whole: keep what the filter asked for.
      benches: collected[side].filter(
        (result) => benchNames.has(result.name) || keeps(result.name),
      ),
    })
  return { base: results('base'), head: results('head') }
}

async function measurePairs(
  benches: readonly BenchConfig[],
  configs: Record<Side, Config>,
  env: Record<Side, Record<string, string | undefined>>,
  options: AbOptions,
  servers: Servers,
  secrets: Secrets,
  collected: Record<Side, BenchResult[]>,
): Promise<void> {
  // The base runs first (round 0 is base-head): it draws each params-query bench's cases and
  // the head times the same ones, so cases pair even when each side's data differs.
  const draws: CaseDraws = new Map()
  for (const [index, headBench] of benches.entries()) {
    options.observer?.benchStarted?.(headBench, index, benches.length)
    const pair: Record<Side, BenchConfig | undefined> = {
      head: headBench,
      // A bench new in the head has no base side: it is measured alone and reported as new.
      base: configs.base.benches.find((b) => b.name === headBench.name),
    }
    const perRound: Record<Side, BenchResult[][]> = { base: [], head: [] }
    for (const [round, order] of roundOrder(abRounds(headBench.settings)).entries()) {
      for (const side of order) {
        const bench = pair[side]
        if (bench === undefined) continue
        perRound[side].push(
          await runBenches([warmFirstRoundOnly(oneRound(bench, round), round)], {
            env: env[side],
            // Identity paths are relative to each side's own tree, so both sides match.
            configDir: configs[side].dir,
            observer: { log: (b, line) => options.observer?.log?.(b, `${side}: ${line}`) },
            // One set for every round: a server started in an earlier round registered its values there.
            secrets,
            servers,
            side,
            draws,
          }),
        )
      }
    }
    const head = mergeRounds(perRound.head)
    collected.head.push(...head)
    collected.base.push(...mergeRounds(perRound.base))
    options.observer?.benchFinished?.(headBench, head)
  }
}

/**
 * A `command` bench warms up in the first round only: every sample is a fresh process anyway,
 * so what its warm-up warms (page cache, binary, files) is still warm in later rounds, while
 * repeating it in each of the 2 × `rounds` rounds per side doubled the runs of a bench with one
 * warm-up run and one sample per round (bench/confirm-cost.ts). Kinds that open a process or
 * connection per round (js, sql, http) keep their warm-up in every round: it warms that.
 */
function warmFirstRoundOnly(bench: BenchConfig, round: number): BenchConfig {
  if (round === 0 || bench.spec.kind !== 'command') return bench
  return { ...bench, settings: { ...bench.settings, warmup: { iterations: 0 } } }
}
