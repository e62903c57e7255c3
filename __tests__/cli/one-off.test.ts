// `perfgate run -- 'cmd' …`: commands timed without a config file, named by the command.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'

describe('one-off commands (bundled CLI)', () => {
  it('times each command after -- as a bench named by it, with no perfgate.yml', () => {
    const dir = project()
    expect(existsSync(path.join(dir, 'perfgate.yml'))).toBe(false)
    const { code, stdout, stderr } = perfgate(['run', ...QUICK, '--', 'true', 'sleep 0'], dir)
    expect(stderr).toContain('[1/2] true (command)')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^true\s+\d+ in 2 rounds\s.*ok$/m)
    expect(stdout).toMatch(/^sleep 0\s+\d+ in 2 rounds\s.*ok$/m)
    const results = JSON.parse(readFileSync(path.join(dir, 'perfgate-results.json'), 'utf8')) as {
      benches: { name: string; kind: string }[]
    }
    expect(results.benches.map((b) => [b.name, b.kind])).toEqual([
      ['true', 'command'],
      ['sleep 0', 'command'],
    ])
  })

  it('compares with a baseline as a configured run does', () => {
    const dir = project()
    expect(perfgate(['run', ...QUICK, '--out', 'base.json', '--', 'true'], dir).code).toBe(0)
    const { code, stdout } = perfgate(
      ['run', ...QUICK, '--baseline', 'base.json', '--no-confirm', '--', 'true'],
      dir,
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/^bench\s+baseline\s+head\s+change/m)
    expect(stdout).toMatch(/^true\s/m)
    // As markdown, stdout is the PR comment alone (ready to post); the run table goes to stderr.
    const markdown = perfgate(
      [
        'run',
        ...QUICK,
        '--baseline',
        'base.json',
        '--no-confirm',
        '--format',
        'markdown',
        '--',
        'true',
      ],
      dir,
    )
    expect(markdown.code).toBe(0)
    expect(markdown.stdout).toMatch(/^### /)
    expect(markdown.stdout).not.toContain('Results written')
    expect(markdown.stderr).toContain('Results written')
  })

  it('refuses a command without -- (a mistyped option is never run as a command)', () => {
    const dir = project()
    const { code, stderr } = perfgate(['run', 'true'], dir)
    expect(code).toBe(2)
    expect(stderr).toContain('one-off commands go after --')
  })
})
