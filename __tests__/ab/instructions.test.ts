/**
 * `measure: instructions`: a real C program under real valgrind (an extra loop is counted exactly),
 * and real `perf stat` output and runs (this VM's kernel exposes no hardware counters).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareRuns } from '../../src/compare/index.js'
import { parseConfig, formatConfigError } from '../../src/config/load.js'
import { parseInstructionRefs } from '../../src/run/instructions.js'
import { countWithPerf, parsePerfStat, probePerf } from '../../src/run/perf-stat.js'
import { runConfig } from '../../src/run/run-config.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-instr-'))
  await writeFile(
    path.join(dir, 'loop.c'),
    `#include <stdlib.h>
int main(int argc, char **argv) {
  volatile long sink = 0;
  long n = atol(argv[1]);
  for (long i = 0; i < n; i++) sink += i;
  return 0;
}
`,
  )
  execFileSync('cc', ['-O1', '-o', 'loop', 'loop.c'], { cwd: dir })
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function run(iterations: number) {
  const parsed = parseConfig(
    `benches:
  - name: loop
    kind: command
    command: ./loop ${iterations}
    measure: instructions
    samples: 4
    rounds: 2
    regression-threshold: 2%
`,
    { file: path.join(dir, 'perfgate.yml') },
  )
  if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
  return runConfig(parsed.config, { env: process.env, now: () => new Date() })
}

describe('measure: instructions', () => {
  it('counts a 3% longer loop as a regression, with under 0.5% spread between runs', async () => {
    const base = await run(2_000_000)
    const head = await run(2_060_000)
    const [bench] = base.benches
    expect(bench.reason).toBeUndefined()
    expect(bench.noiseThreshold).toBe(0.01)
    for (const results of [base, head]) {
      const metric = results.benches[0].metrics[0]
      expect(metric).toMatchObject({ name: 'instructions', unit: 'count' })
      expect(metric.samples).toHaveLength(4)
      const spread = (metric.summary.max - metric.summary.min) / metric.summary.median
      expect(spread).toBeLessThan(0.005)
    }
    const ratio = head.benches[0].metrics[0].summary.median / bench.metrics[0].summary.median
    // The loop is most of the program: about 3% more instructions, process start-up the rest.
    expect(ratio).toBeGreaterThan(1.02)
    expect(ratio).toBeLessThan(1.031)
    expect(compareRuns([base], head).comparisons[0].verdict).toBe('regression')
    expect(compareRuns([base], await run(2_000_000)).comparisons[0].verdict).not.toBe('regression')
  }, 120_000)

  it('names the bench and field of a bad measure value', () => {
    const parsed = parseConfig(
      'benches:\n  - {name: loop, kind: command, command: ./loop, measure: cycles}\n',
      { file: 'perfgate.yml' },
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.map(formatConfigError)).toEqual([
      expect.stringMatching(/perfgate\.yml:2 bench "loop": measure .*time or instructions/),
    ])
  })

  it('reads the I refs total of a cachegrind log', () => {
    expect(parseInstructionRefs('==12== \n==12== I   refs:      1,234,567\n')).toBe(1234567)
    expect(parseInstructionRefs('no summary')).toBeUndefined()
  })
})

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../__fixtures__/perf',
)
const perfInstalled = spawnSync('perf', ['--version']).status === 0

describe('perf stat', () => {
  it('reads the counts of real perf stat -x, output, and <not supported>', async () => {
    const fixture = (name: string) => readFile(path.join(FIXTURES, name), 'utf8')
    const [clock] = parsePerfStat(await fixture('task-clock.csv'))
    expect(clock).toMatchObject({ event: 'task-clock', unit: 'msec' })
    expect(clock.value).toBeGreaterThan(0)
    expect(parsePerfStat(await fixture('instructions-not-supported.csv'))).toEqual([
      { event: 'instructions:u', value: null, status: '<not supported>', unit: '' },
    ])
    expect(parsePerfStat(await fixture('mixed.csv')).map((c) => [c.event, c.value])).toEqual([
      ['task-clock', 0.65],
      ['instructions:u', null],
      ['page-faults', 63],
    ])
  })

  // An event every kernel counts (a software one), through the same wrapper instructions use.
  ;(perfInstalled ? it : it.skip)(
    'counts a real command with perf stat, children included',
    async () => {
      const shell = { cwd: dir, env: process.env, signal: new AbortController().signal }
      const run = await countWithPerf('sh -c "./loop 3000000"', shell, 'task-clock')
      expect(run.code).toBe(0)
      expect(run.count).toBeGreaterThan(1)
      const failed = await countWithPerf('exit 3', shell, 'task-clock')
      expect(failed.code).toBe(3)
    },
  )

  it('counter: perf works where the kernel counts instructions, and is a clear error where not', async () => {
    const probe = await probePerf()
    const parsed = parseConfig(
      'benches:\n  - {name: loop, kind: command, command: ./loop 1000, measure: instructions, counter: perf, samples: 2, rounds: 1}\n',
      { file: path.join(dir, 'perfgate.yml') },
    )
    if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
    const [bench] = (await runConfig(parsed.config, { env: process.env, now: () => new Date() }))
      .benches
    if (probe.ok) {
      expect(bench.status).toBe('ok')
      expect(bench.details?.measure).toContain('perf stat')
    } else {
      // This VM: perf is installed but the kernel has no hardware counters for it.
      expect(bench.status).toBe('error')
      expect(bench.reason).toMatch(/^counter: perf cannot count instructions here: /)
      expect(bench.reason).toContain(probe.reason)
      expect(bench.reason).toContain('use counter: valgrind')
    }
  }, 60_000)

  it('counter: auto uses perf where it counts, else valgrind, and says which', async () => {
    const probe = await probePerf()
    const parsed = parseConfig(
      'benches:\n  - {name: loop, kind: command, command: ./loop 1000, measure: instructions, samples: 2, rounds: 1}\n',
      { file: path.join(dir, 'perfgate.yml') },
    )
    if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
    expect(parsed.config.benches[0].spec).toMatchObject({ counter: 'auto' })
    const [bench] = (await runConfig(parsed.config, { env: process.env, now: () => new Date() }))
      .benches
    expect(bench.status).toBe('ok')
    expect(bench.details?.measure).toContain(probe.ok ? 'perf stat' : 'valgrind')
  }, 60_000)

  it('names the bench and field of counter without measure: instructions', () => {
    const parsed = parseConfig(
      'benches:\n  - {name: loop, kind: command, command: ./loop, counter: perf}\n',
      { file: 'perfgate.yml' },
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.map(formatConfigError)).toEqual([
      'perfgate.yml:2 bench "loop": counter only applies with measure: instructions, got "perf"',
    ])
  })
})
