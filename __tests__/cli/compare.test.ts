import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareCommand } from '../../src/cli/compare.js'
import { serializeResults } from '../../src/results/schema.js'
import { makeResults, roundsOf } from '../../__fixtures__/results.js'

const LEVELS = [10, 10.1, 9.9, 10.2, 10.05]
const dir = mkdtempSync(join(tmpdir(), 'perfgate-compare-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const run = (factor: number) =>
  serializeResults(
    makeResults({
      benches: [
        {
          name: 'a',
          ...roundsOf(
            LEVELS.map((l) => l * factor),
            10,
          ),
        },
      ],
    }),
  )
const base = write('base.json', run(1))
const same = write('same.json', run(1.01))
const slower = write('slower.json', run(1.3))

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await compareCommand(args, {
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  })
  return { code, stdout, stderr }
}

describe('perfgate compare', () => {
  it('prints a text report and exits 0', async () => {
    const { code, stdout, stderr } = await cli([base, same])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('unchanged')
  })

  it('exits 1 with --fail-on-regression only when something regressed', async () => {
    expect((await cli([base, slower])).code).toBe(0)
    expect((await cli([base, slower, '--fail-on-regression'])).code).toBe(1)
    expect((await cli([base, same, '--fail-on-regression'])).code).toBe(0)
  })

  it('accepts several baselines and the json and markdown formats', async () => {
    const json = await cli([base, same, slower, '--format', 'json'])
    const parsed = JSON.parse(json.stdout) as {
      comparisons: { baseRuns: number; verdict: string }[]
    }
    expect(parsed.comparisons[0]).toMatchObject({ baseRuns: 2, verdict: 'regression' })
    expect((await cli([base, slower, '--format', 'markdown'])).stdout).toContain(
      '| bench | baseline | head | change (CI) |',
    )
  })

  it.each([
    [['only-one.json'], /needs at least one baseline file and one head file/],
    [['--format', 'html', 'a', 'b'], /--format must be one of text, markdown, json/],
    [['--normalize', 'cpu', 'a', 'b'], /--normalize only supports "calibration"/],
    [['--bogus', 'a', 'b'], /Unknown option '--bogus'/],
    [[join(dir, 'missing.json'), 'x'], /cannot read .*missing\.json \(ENOENT\)/],
  ])('exits 2 with one usage line for %j', async (args, pattern) => {
    const { code, stderr, stdout } = await cli(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(pattern)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 naming the file when it is not a valid results file', async () => {
    const broken = write('broken.json', '{ "schemaVersion": 1, ')
    const { code, stderr } = await cli([base, broken])
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('broken.json: is not valid JSON')
    expect(readFileSync(base, 'utf8')).toContain('"schemaVersion": 1')
  })
})

describe('perfgate compare --tail p75', () => {
  // Five rounds of 20 samples; in the head, 30% of each round's calls take 1.5× as long.
  const tailRun = (slowShare: number) => {
    const samples: number[] = []
    LEVELS.forEach((level) => {
      for (let i = 0; i < 20; i++) {
        const jitter = 1 + ((i * 7) % 5) / 500
        samples.push(level * jitter * (i >= 20 * (1 - slowShare) ? 1.5 : 1))
      }
    })
    return serializeResults(
      makeResults({ benches: [{ name: 'api', samples, rounds: LEVELS.map(() => 20) }] }),
    )
  }
  const tailBase = write('tail-base.json', tailRun(0))
  const tailHead = write('tail-head.json', tailRun(0.3))

  it('adds a tail row that flags slower calls the centre does not see', async () => {
    const { code, stdout } = await cli([tailBase, tailHead, '--tail', 'p75', '--format', 'json'])
    expect(code).toBe(0)
    const rows = (JSON.parse(stdout) as { comparisons: { metric: string; verdict: string }[] })
      .comparisons
    expect(rows.find((r) => r.metric === 'time')?.verdict).toBe('unchanged')
    expect(rows.find((r) => r.metric === 'time p75')?.verdict).toBe('regression')
    const plain = JSON.parse((await cli([tailBase, tailHead, '--format', 'json'])).stdout) as {
      comparisons: { metric: string }[]
    }
    expect(plain.comparisons.map((r) => r.metric)).toEqual(['time'])
  })

  it('refuses other tails by name', async () => {
    const { code, stderr } = await cli([tailBase, tailHead, '--tail', 'p99'])
    expect(code).toBe(2)
    expect(stderr).toContain('--tail only supports "p75"')
  })
})
