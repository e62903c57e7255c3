/** Stage 10: the sticky PR comment (fork PRs' read-only tokens get a notice, not a failure). */
import { OUTPUT } from '../inputs.js'
import { publishComment, readOnlyNotice } from '../publish/comment.js'
import type { CommentInput } from '../report/comment.js'
import type { RunContext } from './context.js'

/** Creates or updates the PR's comment, as the `comment` input allows. */
export async function publishPrComment(run: RunContext, model: CommentInput): Promise<void> {
  const { setup, remote, deps } = run
  const { pr, inputs } = setup
  if (!pr) return
  const { step } = deps
  const posted = await publishComment(await remote.api(), pr.number, model, inputs.comment)
  if (posted.kind === 'posted') {
    step.setOutput(OUTPUT.commentUrl, posted.url)
    step.info(`${posted.updated ? 'Updated' : 'Created'} the PR comment: ${posted.url}`)
  } else if (posted.kind === 'read-only' && pr.fork) {
    step.notice(readOnlyNotice(posted.message), { title: 'perfgate comment' })
  } else if (posted.kind === 'read-only') {
    throw new Error(posted.message)
  } else {
    step.info(`No PR comment: ${posted.why}`)
  }
}
