/**
 * `perfgate ab` with a token in a `${VAR}` template that the API echoes in its 401: each side's
 * rounds run in their own runBenches calls, and neither the progress on stderr nor the files
 * written hold the token (issue #23 part 4).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { startServer, type TestServer } from '../http/server.js'

const TOKEN = 'tok-0c5e7a19-secret'
let repo: string
let api: TestServer

beforeAll(async () => {
  api = await startServer()
  repo = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-secrets-'))
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  await writeFile(
    path.join(repo, 'perfgate.yml'),
    `defaults: {samples: 3, time: 1ms, warmup: 1, rounds: 2}
benches:
  - name: api-bad
    kind: http
    url: \${API}/unauthorized
    headers: {authorization: "Bearer \${TOKEN}-wrong"}
`,
  )
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  git('commit', '-q', '--allow-empty', '-m', 'head')
}, 60_000)

afterAll(async () => {
  await api.close()
  await rm(repo, { recursive: true, force: true })
})

describe('a secret in A/B mode', () => {
  it('is masked in the progress of both sides and in every file written', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'perfgate-ab-secrets-out-'))
    let stdout = ''
    let stderr = ''
    await runCli(['ab', 'main', '--config', path.join(repo, 'perfgate.yml'), '--out-dir', out], {
      env: { ...process.env, API: api.url, TOKEN },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: false,
      now: () => new Date(),
      readFile: (file) => readFile(file, 'utf8'),
    })
    expect(api.authorizations).toContain(`Bearer ${TOKEN}-wrong`)
    expect(stderr).toContain('✗ api-bad: error:')
    expect(stderr).toContain('Bearer ***-wrong')
    const files = await Promise.all(
      (await readdir(out)).map((name) => readFile(path.join(out, name), 'utf8')),
    )
    expect(files.length).toBeGreaterThan(0)
    for (const output of [stdout, stderr, ...files]) expect(output).not.toContain(TOKEN)
    await rm(out, { recursive: true, force: true })
  }, 60_000)
})
