/**
 * `npm run demo`: perfgate's main job on the bundled examples, with nothing to set up.
 * 1. CPU benches (js + command) on a "main branch" run, then on a "pull request" run that makes
 *    one function 30% slower, and the comparison the PR comment would show.
 * 2. PostgreSQL benches on a throwaway embedded server.
 * 3. HTTP, end-to-end and throughput benches against the example task API.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { freePort, startEmbeddedPostgres } from './embedded-postgres.js'

const out = '.perfgate/demo'
mkdirSync(out, { recursive: true })

function perfgate(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

function banner(text: string): void {
  process.stdout.write(`\n${'='.repeat(78)}\n${text}\n${'='.repeat(78)}\n`)
}

async function cpuBenches(): Promise<void> {
  banner('1/3  CPU benches: a baseline run, a pull-request run 30% slower in json/stringify')
  await perfgate(['run', '--config', 'examples/perfgate.yml', '--out', `${out}/base.json`])
  await perfgate(['run', '--config', 'examples/perfgate.yml', '--out', `${out}/head.json`], {
    DEMO_SLOWDOWN: '0.3',
  })
  banner('The comparison (what the PR comment shows; markdown with --format markdown)')
  await perfgate(['compare', `${out}/base.json`, `${out}/head.json`])
}

async function postgresBenches(): Promise<void> {
  banner('2/3  PostgreSQL benches on a throwaway embedded server')
  const server = await startEmbeddedPostgres({ label: 'demo' })
  process.stdout.write(`PostgreSQL started on 127.0.0.1:${server.port}\n`)
  try {
    await perfgate(
      ['run', '--config', 'examples/postgres/perfgate.yml', '--out', `${out}/postgres.json`],
      { DATABASE_URL: server.url },
    )
  } finally {
    await server.stop()
  }
}

async function httpBenches(): Promise<void> {
  banner('3/3  HTTP, end-to-end and throughput benches against examples/http/server.js')
  const port = await freePort()
  const server: ChildProcess = spawn(process.execPath, [path.join('examples/http/server.js')], {
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port) },
  })
  try {
    await perfgate(['run', '--config', 'examples/http/perfgate.yml', '--out', `${out}/http.json`], {
      TASK_API: `http://127.0.0.1:${port}`,
      TASK_API_TOKEN: 'demo-token',
    })
  } finally {
    server.kill()
  }
}

await cpuBenches()
await postgresBenches()
await httpBenches()
process.stdout.write(`\nResults files are in ${out}/.\n`)
