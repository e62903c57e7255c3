/** The shard artifact: one matrix job's results, written by the shard and fetched by the merge job. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { FILES, shardArtifactName } from '../baseline/layout.js'
import type { ArtifactStore } from '../baseline/store.js'
import type { GitHubApi } from '../github/api.js'
import type { Shard } from '../inputs.js'
import { parseResults, serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import type { ShardAbSide, ShardFetch } from './merge.js'
import { shardLabel } from './split.js'

/** perfgate-shard.json: which shard the artifact is and what it planned to run. */
export interface ShardInfo {
  perfgateShard: 1
  index: number
  count: number
  /** The config benches this shard's split gave it. */
  planned: string[]
  /** configDigest of the whole config (the shard's results carry its subset's digest). */
  configDigest: string
  /**
   * Set when the shard measured A/B (`baseline: base-ref`): the base it measured beside the head
   * (baseSha null when its share was empty and nothing was checked out).
   */
  ab?: { baseRef: string; baseSha: string | null }
}

const shardInfoSchema = z.object({
  perfgateShard: z.literal(1),
  index: z.int().min(1),
  count: z.int().min(1),
  planned: z.array(z.string()),
  configDigest: z.string(),
  ab: z.object({ baseRef: z.string(), baseSha: z.string().nullable() }).optional(),
})

/** Writes a shard artifact's files into `dir` (created if needed), ready for ArtifactStore.upload. */
export async function writeShardArtifact(
  dir: string,
  shardRun: {
    results: Results
    shard: Shard
    planned: readonly string[]
    /** configDigest(config) of the whole config, before the shard's selection. */
    configDigest: string
    /** The shard's confirming re-run of its flagged benches (same machine as `results`). */
    confirm?: Results
    /** The base side of `confirm` when the shard confirmed against the base on its runner. */
    confirmBase?: Results
    /** A/B: the base side measured beside `results` (and beside `confirm`). */
    ab?: ShardAbSide
  },
): Promise<void> {
  const { results, shard, planned, configDigest, confirm, confirmBase, ab } = shardRun
  await mkdir(dir, { recursive: true })
  const info: ShardInfo = {
    perfgateShard: 1,
    index: shard.index,
    count: shard.count,
    planned: [...planned],
    configDigest,
    ...(ab ? { ab: { baseRef: ab.baseRef, baseSha: ab.baseSha } } : {}),
  }
  await writeFile(path.join(dir, FILES.results), serializeResults(results))
  if (confirm) await writeFile(path.join(dir, FILES.shardConfirm), serializeResults(confirm))
  if (confirmBase) {
    await writeFile(path.join(dir, FILES.shardConfirmBase), serializeResults(confirmBase))
  }
  if (ab) {
    await writeFile(path.join(dir, FILES.shardBase), serializeResults(ab.base))
    if (ab.confirmBase) {
      await writeFile(path.join(dir, FILES.shardConfirmBase), serializeResults(ab.confirmBase))
    }
  }
  await writeFile(path.join(dir, FILES.shard), `${JSON.stringify(info, null, 2)}\n`)
}

/**
 * Lists and downloads every shard artifact (`<artifact-name>-shard-i-of-count`) of run `runId`,
 * one entry per shard in order. Never throws: a shard without an artifact is `missing`, one that
 * cannot be listed, downloaded or read is `unreadable`, each with a sentence saying why.
 */
export async function fetchShardArtifacts(options: {
  api: GitHubApi
  store: ArtifactStore
  runId: number
  artifactName: string
  count: number
  /** Where to unpack; a fresh temporary folder by default. */
  dir?: string
}): Promise<ShardFetch[]> {
  const root = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'perfgate-shards-')))
  const fetched: ShardFetch[] = []
  for (let index = 1; index <= options.count; index++) {
    const shard = { index, count: options.count }
    fetched.push(await fetchOne(options, root, shard))
  }
  return fetched
}

async function fetchOne(
  options: { api: GitHubApi; store: ArtifactStore; runId: number; artifactName: string },
  root: string,
  shard: Shard,
): Promise<ShardFetch> {
  const name = shardArtifactName(options.artifactName, shard)
  try {
    // A re-run job uploads again: the newest live copy wins.
    const listed = (await options.api.listRunArtifacts(options.runId, name))
      .filter((a) => a.name === name && !a.expired)
      .sort((a, b) => b.id - a.id)
    if (listed.length === 0) {
      return {
        shard,
        status: 'missing',
        problem: `run ${options.runId} has no artifact ${name}; did the job of shard ${shardLabel(shard)} fail or not run?`,
      }
    }
    const dir = path.join(root, name)
    await mkdir(dir, { recursive: true })
    await options.store.download(listed[0].id, options.runId, dir)
    const source = `artifact ${name} of run ${options.runId}`
    const results = parseResults(await readFile(path.join(dir, FILES.results), 'utf8'), source)
    const info = parseShardInfo(await readFile(path.join(dir, FILES.shard), 'utf8'), source)
    if (info.index !== shard.index || info.count !== shard.count) {
      return {
        shard,
        status: 'unreadable',
        problem: `${source} says it is shard ${info.index}/${info.count}`,
      }
    }
    const confirm = await readOptional(dir, FILES.shardConfirm, source)
    // An A/B shard's base side is required: without it its benches would have nothing to compare with.
    const ab: ShardAbSide | undefined = info.ab && {
      ...info.ab,
      base: parseResults(
        await readFile(path.join(dir, FILES.shardBase), 'utf8'),
        `${source} (${FILES.shardBase})`,
      ),
    }
    // The base side of the confirmation: an A/B shard's, or one that confirmed against the base.
    const confirmBase = await readOptional(dir, FILES.shardConfirmBase, source)
    return {
      shard,
      status: 'ok',
      results,
      planned: info.planned,
      configDigest: info.configDigest,
      ...(confirm ? { confirm } : {}),
      ...(confirmBase && !ab ? { confirmBase } : {}),
      ...(ab ? { ab: { ...ab, ...(confirmBase ? { confirmBase } : {}) } } : {}),
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const detail =
      code === 'ENOENT'
        ? `${name} lacks ${path.basename((error as NodeJS.ErrnoException).path ?? '')}`
        : (error as Error).message
    return { shard, status: 'unreadable', problem: detail }
  }
}

/** A results file the artifact may lack (a shard that confirmed nothing has no re-run). */
async function readOptional(
  dir: string,
  file: string,
  source: string,
): Promise<Results | undefined> {
  const text = await readFile(path.join(dir, file), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    },
  )
  return text === undefined ? undefined : parseResults(text, `${source} (${file})`)
}

function parseShardInfo(text: string, source: string): ShardInfo {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`${source}: ${FILES.shard} is not valid JSON (${(error as Error).message})`)
  }
  const parsed = shardInfoSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(
      `${source}: ${FILES.shard} is not a perfgate shard file: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
    )
  }
  return parsed.data
}
