/** Facts about the run and the machine, read from the environment, for the results file. */
import { createHash } from 'node:crypto'
import os from 'node:os'
import type { Config } from '../config/types.js'
import type { RunMeta } from '../results/types.js'
import { PERFGATE_VERSION } from '../version.js'

/** Run metadata from GitHub's variables (when present), the machine and the clock. */
export function collectMeta(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
  commit?: string,
): RunMeta {
  const cpus = os.cpus()
  return {
    commit: env.GITHUB_SHA ?? commit ?? null,
    ref: env.GITHUB_REF ?? null,
    event: env.GITHUB_EVENT_NAME ?? null,
    runId: env.GITHUB_RUN_ID ?? null,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? null,
    workflow: env.GITHUB_WORKFLOW ?? null,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    nodeVersion: process.version,
    perfgateVersion: PERFGATE_VERSION,
    timestamp: now.toISOString(),
    configDigest: configDigest(config),
  }
}

/** sha256 of the effective config (defaults merged, paths relative), ignoring where it was checked out. */
export function configDigest(config: Config): string {
  const portable = JSON.stringify(config.benches, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(config.dir)
      ? value.slice(config.dir.length)
      : value,
  )
  return `sha256:${createHash('sha256').update(portable).digest('hex')}`
}
