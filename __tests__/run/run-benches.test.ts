import { describe, expect, it } from '@jest/globals'
import { filterBenches, runBenches } from '../../src/run/run-benches.js'
import { runConfig } from '../../src/run/run-config.js'
import { config } from './helpers.js'

const quick = 'warmup: 0, samples: 1, rounds: 1, time: 1ms'

describe('runBenches', () => {
  it('skips a bench whose required variables are missing, naming them, and runs the rest', async () => {
    const { benches } = config(`benches:
  - {name: db, kind: command, command: 'true', requires: [PERFGATE_NOPE_A, PERFGATE_NOPE_B], ${quick}}
  - {name: set, kind: command, command: 'true', requires: [HOME], ${quick}}
`)
    const [db, set] = await runBenches(benches, { env: { HOME: '/root', PATH: process.env.PATH } })
    expect(db).toMatchObject({
      status: 'skipped',
      reason: 'requires PERFGATE_NOPE_A, PERFGATE_NOPE_B, which are not set',
      metrics: [],
    })
    expect(set.status).toBe('ok')
  })

  it('turns a skip into an error when the bench is required', async () => {
    const { benches } = config(`benches:
  - {name: db, kind: command, command: 'true', requires: [PERFGATE_NOPE], required: true, ${quick}}
`)
    const [db] = await runBenches(benches, { env: {} })
    expect(db).toMatchObject({
      status: 'error',
      reason: 'required bench was skipped: requires PERFGATE_NOPE, which is not set',
    })
  })

  it('carries thresholds and tags into every result', async () => {
    const { benches } = config(`benches:
  - {name: t, kind: command, command: 'true', noise-threshold: 15%, regression-threshold: 20%, tags: [a], ${quick}}
`)
    const [result] = await runBenches(benches, { env: process.env })
    expect(result).toMatchObject({
      kind: 'command',
      noiseThreshold: 0.15,
      regressionThreshold: 0.2,
      tags: ['a'],
    })
  })

  it('reports progress to the observer', async () => {
    const { benches } = config(`benches:
  - {name: a, kind: command, command: 'true', ${quick}}
  - {name: b, kind: command, command: 'true', ${quick}}
`)
    const events: string[] = []
    await runBenches(benches, {
      env: process.env,
      observer: {
        benchStarted: (bench, index, total) =>
          events.push(`start ${bench.name} ${index + 1}/${total}`),
        benchFinished: (bench, results) => events.push(`end ${bench.name} ${results.length}`),
      },
    })
    expect(events).toEqual(
      ['start a 1/2', 'end a 1', 'start b 1/2', 'end b 1'].map((e, i) =>
        i >= 2 ? e.replace('1/2', '2/2') : e,
      ),
    )
  })
})

describe('filterBenches', () => {
  const cfg = config(`benches:
  - {name: sql/ready, kind: command, command: x}
  - {name: sql/deps/deep, kind: command, command: x}
  - {name: api/create, kind: command, command: x}
`)
  const names = (filter?: string): string[] => filterBenches(cfg, filter).map((b) => b.name)

  it('keeps all benches without a filter', () => {
    expect(names()).toEqual(['sql/ready', 'sql/deps/deep', 'api/create'])
    expect(names('')).toEqual(['sql/ready', 'sql/deps/deep', 'api/create'])
  })
  it('matches globs within a segment, across segments, and group prefixes', () => {
    expect(names('sql/*')).toEqual(['sql/ready'])
    expect(names('sql/**')).toEqual(['sql/ready', 'sql/deps/deep'])
    expect(names('sql')).toEqual(['sql/ready', 'sql/deps/deep'])
    expect(names('api/create, sql/ready')).toEqual(['sql/ready', 'api/create'])
    expect(names('*/create')).toEqual(['api/create'])
    expect(names('nothing')).toEqual([])
  })
})

describe('runConfig', () => {
  it('stamps run metadata and redacts registered secrets', async () => {
    const cfg = config(`benches:
  - {name: a, kind: command, command: 'exit 1', ${quick}}
`)
    const results = await runConfig(cfg, {
      env: { GITHUB_SHA: 'abc123', GITHUB_EVENT_NAME: 'push', PATH: process.env.PATH },
      now: () => new Date('2026-01-02T03:04:05Z'),
      observer: { benchStarted: () => undefined },
    })
    expect(results.schemaVersion).toBe(1)
    expect(results.meta).toMatchObject({
      commit: 'abc123',
      event: 'push',
      timestamp: '2026-01-02T03:04:05.000Z',
    })
    expect(results.meta.configDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(results.meta.cores).toBeGreaterThan(0)
    // Each bench carries its own measurement identity, so one edit does not unmatch the rest.
    expect(results.benches[0].identity?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(results.benches[0].identity?.fields).toMatchObject({ kind: 'command', rounds: '1' })
  })
})
