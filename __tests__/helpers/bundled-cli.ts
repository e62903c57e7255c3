/** The bundled CLI (dist/cli.js, written by `npm run bundle`), run in a project folder as a user would. */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const CLI = path.resolve('dist/cli.js')

/** Runs `perfgate ARGS` in `cwd` (with `cli`, another copy of it); returns its exit code and output. */
export function perfgate(args: string[], cwd: string, cli = CLI) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A temporary project with `config` as perfgate.yml (when given) and the tiny js bench module. */
export function project(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-cli-'))
  if (config !== undefined) writeFileSync(path.join(dir, 'perfgate.yml'), config)
  copyFileSync('__fixtures__/benches/tiny.js', path.join(dir, 'tiny.js'))
  return dir
}

/** Settings that keep a test's benches to a fraction of a second. */
export const QUICK = ['--rounds', '2', '--samples', '3', '--time', '20ms', '--warmup', '1']
