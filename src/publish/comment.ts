/** Posting the PR comment: one per PR and config, found by its hidden marker and updated in place. */
import type { GitHubApi } from '../github/api.js'
import { GitHubApiError } from '../github/client.js'
import type { CommentPolicy } from '../inputs.js'
import { commentMarker, previousVerdict, renderComment } from '../report/comment.js'
import { buildCommentModel, type CommentInput } from '../report/model.js'

/** What happened to the comment. */
export type CommentOutcome =
  | { kind: 'posted'; url: string; updated: boolean }
  | { kind: 'skipped'; why: string }
  /** The token may not comment (a fork PR's read-only token). */
  | { kind: 'read-only'; message: string }

/** Creates or updates the comment for the run `input` describes on PR `pr`, as `policy` allows. */
export async function publishComment(
  api: GitHubApi,
  pr: number,
  input: CommentInput,
  policy: CommentPolicy,
): Promise<CommentOutcome> {
  if (policy === 'never') return { kind: 'skipped', why: 'the comment input is never' }
  const marker = commentMarker(input.configPath)
  const existing = (await api.listComments(pr)).find((c) => c.body?.includes(marker))
  const regressed = (input.comparison?.regressions ?? 0) > 0
  if (policy === 'on-regression' && !regressed && !existing) {
    return { kind: 'skipped', why: 'no regression and no earlier comment (comment: on-regression)' }
  }
  const previous = existing?.body ? previousVerdict(existing.body) : undefined
  const body = renderComment(
    buildCommentModel({ ...input, fixedSince: previous === 'regression' && !regressed }),
  )
  try {
    const posted = existing
      ? await api.updateComment(existing.id, body)
      : await api.createComment(pr, body)
    return { kind: 'posted', url: posted.html_url, updated: existing !== undefined }
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403) {
      return { kind: 'read-only', message: error.message }
    }
    throw error
  }
}

/** The notice for a read-only token: how to comment from a `workflow_run` workflow instead. */
export function readOnlyNotice(message: string): string {
  return (
    `perfgate could not comment on the PR (${message}). Pull requests from forks get a read-only token, ` +
    'so the results are in the job summary and the PR artifact instead. To comment on fork PRs, add a ' +
    'second workflow triggered by `workflow_run` (types: completed) of this one that runs perfgate with ' +
    '`mode: comment` and `permissions: pull-requests: write, actions: read` (see docs/github.md).'
  )
}
