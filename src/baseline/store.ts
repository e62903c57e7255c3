/**
 * The artifact store port and its implementation: uploads through @actions/artifact (retried),
 * downloads of other runs' artifacts through the REST zip endpoint, size-checked and unzipped
 * in memory with fflate under byte limits, so a garbage or huge zip fails fast instead of spinning.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import { unzipSync } from 'fflate'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../errors.js'
import { withRetry, type RetryPolicy } from '../github/retry.js'

/** Uploads this run's artifacts and downloads other runs' artifacts. */
export interface ArtifactStore {
  /** Uploads every file under `dir` as artifact `name`. */
  upload(name: string, dir: string, retentionDays?: number): Promise<{ id: number }>
  /** Downloads (and unzips) artifact `artifactId` of run `runId` into `dir`. */
  download(artifactId: number, runId: number, dir: string): Promise<void>
}

/** The largest baseline zip perfgate downloads (a window of results is a few MiB at most). */
export const MAX_ZIP_BYTES = 64 * 1024 * 1024
/** The most bytes a baseline zip may unpack to. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024
/** The deadline of one HTTP request of a download (the whole zip included). */
export const DOWNLOAD_TIMEOUT_MS = 60_000

/** A download that cannot succeed by retrying: gone, too large, not a zip. Says why. */
export class ArtifactUnusableError extends Error {
  constructor(
    message: string,
    readonly kind: 'gone' | 'too-large' | 'corrupt' | 'forbidden',
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'ArtifactUnusableError'
  }
}

/** Limits of a download; tests shrink them. */
export interface DownloadLimits {
  maxZipBytes: number
  maxUnzippedBytes: number
  timeoutMs: number
}

/** The real store: @actions/artifact for uploads, the REST zip endpoint for downloads. */
export function artifactStore(options: {
  token: string
  owner: string
  repo: string
  retry: RetryPolicy
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
  /** The REST API root; defaults to GITHUB_API_URL. */
  apiUrl?: string
  limits?: Partial<DownloadLimits>
}): ArtifactStore {
  const limits: DownloadLimits = {
    maxZipBytes: MAX_ZIP_BYTES,
    maxUnzippedBytes: MAX_UNZIPPED_BYTES,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    ...options.limits,
  }
  const apiUrl = options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  return {
    async upload(name, dir, retentionDays) {
      const client = new DefaultArtifactClient()
      const files = await listFiles(dir)
      try {
        // The library retries 5xx answers but not a reset connection on CreateArtifact.
        const result = await withRetry(
          () =>
            client.uploadArtifact(name, files, dir, {
              ...(retentionDays === undefined ? {} : { retentionDays }),
            }),
          // The library already retried 5xx answers ~24 s ("after 5 attempts"): again would pass 2 min.
          (error) =>
            isConflict(error) || /after \d+ attempts/i.test(errorMessage(error))
              ? { retry: false }
              : { retry: true, why: `uploading the artifact ${name}: ${errorMessage(error)}` },
          options.retry,
          { sleep: options.sleep, log: options.log },
        )
        return { id: result.id ?? 0 }
      } catch (error) {
        throw new Error(`uploading the artifact ${name} failed: ${errorMessage(error)}`, {
          cause: error,
        })
      }
    },
    async download(artifactId, runId, dir) {
      const label = `artifact ${artifactId} of run ${runId}`
      const zip = await withRetry(
        () => fetchZip(apiUrl, options, artifactId, limits),
        (error) =>
          error instanceof ArtifactUnusableError
            ? { retry: false }
            : { retry: true, why: `downloading ${label}: ${errorMessage(error)}` },
        options.retry,
        { sleep: options.sleep, log: options.log },
      ).catch((error: unknown) => {
        if (error instanceof ArtifactUnusableError)
          throw new ArtifactUnusableError(`downloading ${label}: ${error.message}`, error.kind, {
            cause: error,
          })
        throw new Error(`downloading ${label} failed: ${errorMessage(error)}`, { cause: error })
      })
      await unzipInto(zip, dir, limits.maxUnzippedBytes, label)
    },
  }
}

function isConflict(error: unknown): boolean {
  return /\b409\b|already exists/i.test(errorMessage(error))
}

/** One attempt: the REST endpoint redirects to a signed blob URL; both requests have a deadline. */
async function fetchZip(
  apiUrl: string,
  options: { token: string; owner: string; repo: string },
  artifactId: number,
  limits: DownloadLimits,
): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  const endpoint = `${apiUrl}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/actions/artifacts/${artifactId}/zip`
  const redirect = await fetch(endpoint, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${options.token}`,
      'user-agent': 'perfgate',
    },
    redirect: 'manual',
    signal,
  })
  await redirect.body?.cancel()
  const location = redirect.headers.get('location')
  if (redirect.status === 404 || redirect.status === 410)
    throw new ArtifactUnusableError(
      `the artifact is gone (${redirect.status}: expired or deleted since it was listed)`,
      'gone',
    )
  if (redirect.status === 401 || redirect.status === 403)
    throw new ArtifactUnusableError(
      `${redirect.status} from the artifact download. The token lacks the \`actions: read\` permission: add it under \`permissions:\` in the workflow`,
      'forbidden',
    )
  if (redirect.status < 300 || redirect.status >= 400 || !location)
    throw new Error(`${redirect.status} from ${endpoint} (expected a redirect to the zip)`)
  // The signed URL carries its own authorization: the token must not travel to blob storage.
  const response = await fetch(location, { signal })
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel()
    throw new ArtifactUnusableError(`the artifact's zip is gone (${response.status})`, 'gone')
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new Error(`${response.status} downloading the artifact's zip`)
  }
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limits.maxZipBytes) {
    await response.body?.cancel()
    throw tooLarge(declared, limits.maxZipBytes)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response.body ?? []) {
    total += (chunk as Uint8Array).length
    if (total > limits.maxZipBytes) {
      await response.body?.cancel().catch(() => undefined)
      throw tooLarge(total, limits.maxZipBytes)
    }
    chunks.push(Buffer.from(chunk as Uint8Array))
  }
  return Buffer.concat(chunks)
}

function tooLarge(bytes: number, max: number): ArtifactUnusableError {
  return new ArtifactUnusableError(
    `the zip is larger than ${max} bytes (${bytes} bytes or more), perfgate's limit for a baseline`,
    'too-large',
  )
}

/**
 * Unzips in memory. fflate reads the central directory first, so garbage or a truncated zip
 * fails at once; the declared sizes are summed before anything is inflated.
 */
async function unzipInto(zip: Buffer, dir: string, maxBytes: number, label: string): Promise<void> {
  let declared = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip, {
      filter(file) {
        declared += file.originalSize
        if (declared > maxBytes) throw tooLargeUnzipped(maxBytes)
        return !file.name.endsWith('/')
      },
    })
  } catch (error) {
    if (error instanceof ArtifactUnusableError) throw error
    throw new ArtifactUnusableError(
      `${label} is not a readable zip (${errorMessage(error)}); it may be truncated or corrupt`,
      'corrupt',
      { cause: error },
    )
  }
  const root = path.resolve(dir)
  for (const [name, data] of Object.entries(files)) {
    const target = path.resolve(root, name)
    // A zip entry may not write outside the folder ("../x" or an absolute path).
    if (!target.startsWith(root + path.sep))
      throw new ArtifactUnusableError(
        `${label} has an entry outside its folder: ${name}`,
        'corrupt',
      )
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, data)
  }
}

function tooLargeUnzipped(max: number): ArtifactUnusableError {
  return new ArtifactUnusableError(
    `the zip unpacks to more than ${max} bytes, perfgate's limit for a baseline`,
    'too-large',
  )
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}
