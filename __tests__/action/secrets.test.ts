// The bundled action with a token in a `${VAR}` template that the API echoes in its 401: the
// runner is told to mask the value (`::add-mask::`), and the log, summary, outputs, comment and
// artifacts never hold it (issue #23 part 4).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { ACTION, prPayload, runAction } from '../../__fixtures__/github/action.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/github/server.js'
import { readZip } from '../../__fixtures__/github/zip.js'
import { startServer, type TestServer } from '../http/server.js'

const sha = (c: string) => c.repeat(40)
const TOKEN = 'tok-3b8f60aa-secret'
const CONFIG = `defaults: {samples: 4, time: 1ms, warmup: 1, rounds: 1}
benches:
  - name: steady
    kind: command
    command: sleep 0.01
  - name: api-bad
    kind: http
    url: \${API}/unauthorized
    headers: {authorization: "Bearer \${TOKEN}-wrong"}
`

let github: FakeGitHub | undefined
let api: TestServer | undefined

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run bundle\` first`)
})
afterEach(async () => {
  await github?.close()
  await api?.close()
})

describe('a secret in an http bench (bundled action, fake GitHub)', () => {
  it('is registered with setSecret and appears in no output', async () => {
    github = await startFakeGitHub()
    api = await startServer()
    github.mainCommits.push(sha('1'))
    const head = sha('b')
    github.branchPoints.set(head, sha('1'))
    github.pulls.set(4, { headSha: head, labels: [] })
    const run = await runAction({
      server: github,
      event: 'pull_request',
      payload: prPayload({ number: 4, headSha: head, baseSha: sha('1'), fork: false }),
      sha: sha('f'),
      ref: 'refs/pull/4/merge',
      runId: 311,
      config: CONFIG,
      env: { API: api.url, TOKEN },
    })
    // The server got the token and echoed it: there was something to leak.
    expect(api.authorizations).toContain(`Bearer ${TOKEN}-wrong`)
    expect(run.stdout.split('\n')).toContain(`::add-mask::${TOKEN}`)
    expect(run.summary).toContain('Bearer \\*\\*\\*-wrong')
    const log = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    expect(log).toContain('api-bad: error:')
    const artifacts = github.artifacts.flatMap((a) => Object.values(readZip(a.zip)))
    const comments = github.comments.map((c) => c.body)
    // Read back as stored: the results file is there, masked.
    expect(artifacts.some((file) => String(file).includes('Bearer ***-wrong'))).toBe(true)
    expect(comments).toHaveLength(1)
    for (const output of [
      log,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      ...comments,
      ...artifacts.map(String),
    ]) {
      expect(output).not.toContain(TOKEN)
    }
  }, 90_000)
})
