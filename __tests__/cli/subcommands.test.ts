import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'

/** Runs the CLI in-process with captured output. */
async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: () => new Date(),
    readFile: (file) => readFile(file, 'utf8'),
  })
  return { code, stdout, stderr }
}

describe('perfgate subcommands', () => {
  it.each([
    [['run', '--help'], /^Usage: perfgate run /],
    [['run', '-h'], /^Usage: perfgate run /],
    [['compare', '--help'], /^Usage: perfgate compare /],
    [['help', 'compare'], /^Usage: perfgate compare /],
    [['help', 'run'], /^Usage: perfgate run /],
    [['ab', '--help'], /^Usage: perfgate ab /],
    [['help', 'ab'], /^Usage: perfgate ab /],
    [['--help'], /^perfgate .*\n\nUsage:/],
  ])('%j prints its help on stdout and exits 0', async (args, pattern) => {
    const { code, stdout, stderr } = await cli(args)
    expect(code).toBe(0)
    expect(stdout).toMatch(pattern)
    expect(stdout).toContain('--format')
    expect(stderr).toBe('')
  })

  it('keeps stdout JSON-only with run --format json, with and without a baseline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-json-'))
    const config = path.join(dir, 'perfgate.yml')
    writeFileSync(
      config,
      `defaults: {time: 20ms, warmup: 1, rounds: 2, samples: 3}
benches:
  - {name: shell/true, kind: command, command: 'true'}
`,
    )
    const out = path.join(dir, 'results.json')
    const first = await cli(['run', '--config', config, '--out', out, '--format', 'json'])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')))
    expect(first.stderr).toContain('Results written to')

    const second = await cli([
      'run',
      ...['--config', config, '--out', path.join(dir, 'head.json')],
      ...['--baseline', out, '--format', 'json', '--no-confirm'],
    ])
    const report = JSON.parse(second.stdout) as {
      formatVersion: number
      comparisons: { name: string }[]
    }
    expect(report.formatVersion).toBe(1)
    expect(report.comparisons.map((c) => c.name)).toContain('shell/true')
  }, 60_000)
})
