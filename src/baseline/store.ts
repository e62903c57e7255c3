/** The artifact store port and its @actions/artifact implementation (with download retries). */
import { DefaultArtifactClient } from '@actions/artifact'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { withRetry, type RetryPolicy } from '../github/retry.js'

/** Uploads this run's artifacts and downloads other runs' artifacts. */
export interface ArtifactStore {
  /** Uploads every file under `dir` as artifact `name`. */
  upload(name: string, dir: string, retentionDays?: number): Promise<{ id: number }>
  /** Downloads (and unzips) artifact `artifactId` of run `runId` into `dir`. */
  download(artifactId: number, runId: number, dir: string): Promise<void>
}

/** The real store: @actions/artifact, with the token and repository for other runs' artifacts. */
export function artifactStore(options: {
  token: string
  owner: string
  repo: string
  retry: RetryPolicy
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
}): ArtifactStore {
  const client = new DefaultArtifactClient()
  return {
    async upload(name, dir, retentionDays) {
      const files = await listFiles(dir)
      try {
        const result = await client.uploadArtifact(name, files, dir, {
          ...(retentionDays === undefined ? {} : { retentionDays }),
        })
        return { id: result.id ?? 0 }
      } catch (error) {
        throw new Error(`uploading the artifact ${name} failed: ${(error as Error).message}`)
      }
    },
    async download(artifactId, runId, dir) {
      // The library retries its listing calls but not the redirect to another run's zip.
      await withRetry(
        () =>
          client.downloadArtifact(artifactId, {
            path: dir,
            findBy: {
              token: options.token,
              workflowRunId: runId,
              repositoryOwner: options.owner,
              repositoryName: options.repo,
            },
          }),
        (error) => {
          const status = (error as { status?: number }).status
          if (status !== undefined && status < 500 && status !== 429) return { retry: false }
          return {
            retry: true,
            why: `downloading artifact ${artifactId}: ${(error as Error).message}`,
          }
        },
        options.retry,
        { sleep: options.sleep, log: options.log },
      ).catch((error: unknown) => {
        const status = (error as { status?: number }).status
        const hint =
          status === 403
            ? '. The token lacks the `actions: read` permission: add it under `permissions:` in the workflow'
            : ''
        throw new Error(
          `downloading artifact ${artifactId} of run ${runId} failed: ${(error as Error).message}${hint}`,
        )
      })
    },
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}
