/**
 * A token in a `${VAR}` template never leaves the process: a server answering 401 with the
 * header it got puts the token in the error, which must be masked in the progress lines on
 * stderr, the report on stdout and the results file alike (issue #23 part 4).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { progressObserver } from '../../src/cli/progress.js'
import { parseConfig } from '../../src/config/load.js'
import { serializeResults } from '../../src/results/schema.js'
import { runConfig } from '../../src/run/run-config.js'
import { startServer, type TestServer } from './server.js'

const TOKEN = 'tok-7d2e91c4-secret'
const CONFIG = `defaults: {samples: 4, time: 20ms, warmup: 1, rounds: 1}
benches:
  - name: api-bad
    kind: http
    url: \${API}/unauthorized
    headers: {authorization: "Bearer \${TOKEN}-wrong"}
`

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

describe('a token echoed by a 401', () => {
  it('is masked in the progress lines as well as in the results', async () => {
    const parsed = parseConfig(CONFIG, { file: path.join(tmpdir(), 'perfgate.yml') })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    let progress = ''
    const results = await runConfig(parsed.config, {
      env: { API: server.url, TOKEN },
      now: () => new Date(),
      observer: progressObserver((text) => (progress += text), false),
    })
    // The server really got the token, and really echoed it.
    expect(server.authorizations).toContain(`Bearer ${TOKEN}-wrong`)
    expect(progress).toContain('✗ api-bad: error: GET ${API}/unauthorized answered 401')
    expect(progress).toContain('no: Bearer ***-wrong')
    expect(progress).not.toContain(TOKEN)
    expect(serializeResults(results)).toContain('Bearer ***-wrong')
    expect(serializeResults(results)).not.toContain(TOKEN)
  })

  it('never reaches stdout, stderr or the results file of `perfgate run` (bundled CLI)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-secrets-'))
    writeFileSync(path.join(dir, 'perfgate.yml'), CONFIG)
    // Asynchronous: the test server answers from this process's event loop.
    const run = await promisify(execFile)(
      process.execPath,
      [path.resolve('dist/cli.js'), 'run', '--out', 'results.json'],
      { cwd: dir, env: { ...process.env, CI: 'true', API: server.url, TOKEN }, encoding: 'utf8' },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error)
    const file = readFileSync(path.join(dir, 'results.json'), 'utf8')
    expect(run.stderr).toContain('✗ api-bad: error:')
    expect(run.stderr).toContain('Bearer ***-wrong')
    expect(file).toContain('Bearer ***-wrong')
    for (const output of [run.stdout, run.stderr, file]) expect(output).not.toContain(TOKEN)
  })
})
