/**
 * The real collaborators of the action: @actions/core, the GitHub API, @actions/artifact, the
 * bench runner, the file system. The heavy ones (the artifact client with the Azure SDK, the
 * GitHub client, the runners with pg) are imported on first use, so the action starts fast.
 */
import * as core from '@actions/core'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { DEFAULT_RETRY, type RetryPolicy } from './github/retry.js'
import type { BenchRunner, Deps } from './ports.js'
import { coreStep } from './publish/step.js'
import { formatValue } from './format.js'
import { metricCentre } from './compare/centre.js'
import type { BenchResult } from './results/types.js'
import type { RunObserver } from './run/run-benches.js'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The deps of the action on a runner. PERFGATE_RETRY_DELAY_MS shortens backoff (tests). */
export function defaultDeps(env: NodeJS.ProcessEnv = process.env): Deps {
  const retry = retryPolicy(env)
  const log = (line: string) => core.info(line)
  const step = coreStep()
  // Every template value a bench puts in a request is masked by the runner in all later logs.
  const secret = (value: string) => step.setSecret(value)
  return {
    env,
    input: (name) => core.getInput(name),
    readEvent: async () =>
      env.GITHUB_EVENT_PATH ? readFile(env.GITHUB_EVENT_PATH, 'utf8') : undefined,
    now: () => new Date(),
    sleep,
    retry,
    runBenches: benchRunner(env, secret),
    abSession: async (options) => {
      const { prepareAb } = await import('./ab/run-ab.js')
      return prepareAb({
        ...options,
        observer: logObserver(),
        log,
        secret,
      })
    },
    hasCommit: async (dir, ref) => {
      const { hasCommit } = await import('./ab/git.js')
      return hasCommit(dir, ref)
    },
    github: async (token, ctx) => {
      const { createApi } = await import('./github/api.js')
      const { createClient } = await import('./github/client.js')
      const client = createClient({ apiUrl: ctx.apiUrl, token, retry, sleep, log })
      return createApi(client, ctx.owner, ctx.repo)
    },
    artifacts: async (token, ctx) => {
      const { artifactStore } = await import('./baseline/store.js')
      return artifactStore({
        token,
        owner: ctx.owner,
        repo: ctx.repo,
        apiUrl: ctx.apiUrl,
        retry,
        sleep,
        log,
      })
    },
    files: {
      mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
      writeFile: (file, text) => writeFile(file, text),
      readFile: (file) => readFile(file, 'utf8'),
    },
    step,
  }
}

function retryPolicy(env: NodeJS.ProcessEnv): RetryPolicy {
  const base = Number(env.PERFGATE_RETRY_DELAY_MS)
  return Number.isFinite(base) && base >= 0 && env.PERFGATE_RETRY_DELAY_MS
    ? { ...DEFAULT_RETRY, baseDelayMs: base, maxDelayMs: Math.max(base * 8, 1) }
    : DEFAULT_RETRY
}

/** The bench runner: runConfig with the log observer; `names` selects benches by exact name. */
function benchRunner(env: NodeJS.ProcessEnv, secret: (value: string) => void): BenchRunner {
  return async (config, select) => {
    const { runConfig } = await import('./run/run-config.js')
    const { benchesProducing } = await import('./run/run-benches.js')
    const names = select.names
    const chosen = names ? { ...config, benches: benchesProducing(config, names) } : config
    return runConfig(chosen, {
      env,
      ...(names ? {} : { filter: select.filter }),
      now: () => new Date(),
      observer: logObserver(),
      secret,
    })
  }
}

function logObserver(): RunObserver {
  return {
    benchStarted(bench, index, total) {
      core.startGroup(`[${index + 1}/${total}] ${bench.name} (${bench.spec.kind})`)
    },
    benchFinished(_bench, results) {
      for (const result of results) core.info(describe(result))
      core.endGroup()
    },
    log(_bench, line) {
      core.info(line)
    },
  }
}

function describe(result: BenchResult): string {
  const metric = result.metrics[0]
  if (result.status !== 'ok' || !metric)
    return `${result.name}: ${result.status}: ${result.reason ?? ''}`
  return `${result.name}: ${metric.summary.n} samples, centre ${formatValue(metricCentre(metric), metric.unit)}`
}
