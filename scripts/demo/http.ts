/**
 * The HTTP part of `npm run demo:all`: the task API of examples/http, which perfgate starts for
 * each side itself (`serve:`), one side at a time; the branch makes task creation slower while
 * the health check stays as it was.
 */
import { freePort } from '../embedded-postgres.js'
import type { Change } from './change.js'
import { example } from './examples.js'
import { pairedDemo, type PartOutcome } from './paired.js'

/** The bench the branch slows. */
export const HTTP_SLOWED = 'api/create-task'

function config(port: number): string {
  const base = `http://127.0.0.1:${port}`
  return `# The task API of examples/http, started by perfgate for each side.
defaults:
  time: 500ms
  warmup: 100ms
  rounds: 3
  serve:
    command: node server.js
    env: { PORT: '${port}', HEALTHY_AFTER: '0' }
    health: { url: ${base}/health, timeout: 10s }

benches:
  # One task creation per sample; {{uuidv7}} keeps the API's dedup from answering 409.
  - name: ${HTTP_SLOWED}
    kind: http
    method: POST
    url: ${base}/v1/tasks
    body: { name: linear, correlation_id: '{{uuidv7}}' }
    expect-status: 201

  - name: api/health
    kind: http
    url: ${base}/health
`
}

const SLOWER_CREATE: Change = {
  file: 'server.js',
  before: '  }, 10)\n',
  after: '  }, 20)\n',
  branch: 'slower-create',
  message: 'each task creation takes 20 ms instead of 10 (a slower handler)',
}

/** Runs the paired comparison of the task API, base and branch each on its own server. */
export async function httpDemo(say: (line: string) => void): Promise<PartOutcome> {
  return pairedDemo(
    {
      label: 'http',
      files: { 'perfgate.yml': config(await freePort()), 'server.js': example('http/server.js') },
      change: SLOWER_CREATE,
    },
    say,
  )
}
