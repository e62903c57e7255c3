/** The bundled perfgate CLI run from the demo: its progress shown briefly, its report kept. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js')

/** What one perfgate command printed and how it ended. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
  seconds: number
}

/** How the demo runs perfgate: where, with which extra variables, and where progress goes. */
export interface CliOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Receives each progress line worth showing (a bench started or finished, a confirmation). */
  progress(line: string): void
}

// The per-bench log lines ("  json: ...") are details for debugging a config, not for a demo.
const shown = (line: string): boolean => line.trim() !== '' && !line.startsWith('  ')

/** Runs `perfgate ARGS` in `options.cwd`; stdout is kept, stderr is streamed as progress. */
export function perfgate(args: string[], options: CliOptions): Promise<CliRun> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let partial = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) if (shown(line)) options.progress(line)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (shown(partial)) options.progress(partial)
      const seconds = (performance.now() - started) / 1000
      resolve({ code: code ?? 1, stdout, stderr, seconds })
    })
  })
}
