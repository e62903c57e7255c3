import { describe, expect, it } from '@jest/globals'
import { MIN_SECRET_LENGTH, redact, secretBook } from '../../src/results/redact.js'
import { parseResults, ResultsFormatError, serializeResults } from '../../src/results/schema.js'
import { makeMetric, summarize } from '../../src/results/summary.js'
import type { Results } from '../../src/results/types.js'

const sample = (): Results => ({
  schemaVersion: 1,
  meta: {
    commit: 'abc',
    ref: 'refs/heads/main',
    event: 'push',
    runId: '1',
    runAttempt: '1',
    workflow: 'bench',
    os: 'Linux 6',
    arch: 'x64',
    cpuModel: 'Some CPU',
    cores: 2,
    nodeVersion: 'v20.0.0',
    perfgateVersion: '0.1.0',
    timestamp: '2026-01-01T00:00:00.000Z',
    configDigest: 'sha256:00',
  },
  benches: [
    {
      name: 'a',
      kind: 'command',
      status: 'ok',
      tags: [],
      noiseThreshold: 0.05,
      regressionThreshold: 0.1,
      metrics: [makeMetric({ name: 'time', unit: 'ms', samples: [1, 2, 3, 4], rounds: [2, 2] })],
    },
    {
      name: 'b',
      kind: 'js',
      status: 'skipped',
      reason: 'no DB',
      tags: [],
      noiseThreshold: 0.05,
      regressionThreshold: 0.1,
      metrics: [],
    },
  ],
})

describe('summarize', () => {
  it('computes the documented statistics (hand-checked)', () => {
    const s = summarize([4, 1, 3, 2, 10], 'ms')
    // Quantiles interpolate linearly: p99 = 4 + 0.96 × (10 − 4).
    expect(s).toMatchObject({ n: 5, mean: 4, median: 3, min: 1, max: 10, p75: 4, mad: 1 })
    expect(s.p99).toBeCloseTo(9.76, 10)
    expect(s.sd).toBeCloseTo(Math.sqrt(10), 10) // population sd of [4,1,3,2,10]
    expect(s.cv).toBeCloseTo(Math.sqrt(10) / 4, 10)
    expect(s.opsPerSecond).toBe(250)
  })
  it('has no spread for one sample and no ops/s for non-time units', () => {
    expect(summarize([7], 'bytes')).toMatchObject({
      n: 1,
      sd: 0,
      cv: 0,
      mad: 0,
      opsPerSecond: null,
    })
  })
})

describe('results file', () => {
  it('round-trips through serialize and parse', () => {
    const results = sample()
    expect(parseResults(serializeResults(results), 'r.json')).toEqual(results)
  })

  it('keeps the per-bench duration and machine of merged shard runs', () => {
    const results = sample()
    results.benches[0] = {
      ...results.benches[0],
      durationMs: 1840,
      machine: {
        os: 'Linux',
        arch: 'x64',
        cpuModel: 'AMD EPYC 7763',
        cores: 4,
        nodeVersion: 'v24.1.0',
      },
    }
    expect(parseResults(serializeResults(results), 'r.json')).toEqual(results)
    results.benches[0].durationMs = -1
    expect(() => parseResults(serializeResults(results), 'r.json')).toThrow(
      /benches\.0\.durationMs/,
    )
  })

  const rejects = (text: string): string => {
    try {
      parseResults(text, 'base.json')
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsFormatError)
      return (error as Error).message
    }
    throw new Error('expected a ResultsFormatError')
  }

  it('rejects truncated JSON, naming the file', () => {
    expect(rejects(serializeResults(sample()).slice(0, 50))).toMatch(
      /^base\.json: is not valid JSON/,
    )
  })
  it('rejects files that are not results', () => {
    expect(rejects('{"hello": 1}')).toBe(
      'base.json: is not a perfgate results file (no schemaVersion)',
    )
  })
  it('rejects an old or unknown schema version with what to do', () => {
    expect(rejects(JSON.stringify({ ...sample(), schemaVersion: 0 }))).toBe(
      'base.json: has results schema version 0, but this perfgate reads version 1; re-run the benches with this version to make a new one',
    )
    expect(rejects(JSON.stringify({ ...sample(), schemaVersion: 2 }))).toContain('version 2')
  })
  it('rejects NaN, negative counts, empty samples and missing fields', () => {
    const withSamples = (samples: unknown): string => {
      const r = sample() as unknown as { benches: { metrics: { samples: unknown }[] }[] }
      r.benches[0].metrics[0].samples = samples
      return JSON.stringify(r)
    }
    expect(rejects(withSamples([]))).toContain(
      'benches.0.metrics.0.samples must hold at least one sample',
    )
    expect(rejects(withSamples([1, 'x']))).toContain('benches.0.metrics.0.samples.1')
    expect(rejects(withSamples(null))).toContain('benches.0.metrics.0.samples')
    const noMeta = JSON.stringify({ ...sample(), meta: undefined })
    expect(rejects(noMeta)).toContain('meta')
  })
})

describe('redact', () => {
  it('replaces every occurrence of each secret in every string, deeply', () => {
    const results = sample()
    results.benches[1].reason = 'cannot connect to postgres://u:hunter2@db/x (hunter2)'
    results.benches[1].details = { dsn: 'hunter2', nested: ['a hunter2 b'] }
    const clean = redact(results, ['hunter2'])
    expect(JSON.stringify(clean)).not.toContain('hunter2')
    expect(clean.benches[1].reason).toBe('cannot connect to postgres://u:***@db/x (***)')
    expect(results.benches[1].reason).toContain('hunter2') // the input is not modified
  })
})

describe('secretBook', () => {
  it('masks a value, its URL and JSON forms, and a URL holding it as one piece', () => {
    const announced: string[] = []
    const book = secretBook((value) => announced.push(value))
    book.add('p@ss/"word"')
    book.add('postgres://u:p@ss/"word"@db/x')
    book.add('p@ss/"word"') // known: announced once
    expect(book.mask('url postgres://u:p@ss/"word"@db/x, raw p@ss/"word"')).toBe('url ***, raw ***')
    expect(book.mask('?pw=p%40ss%2F%22word%22')).toBe('?pw=***')
    expect(book.mask('{"pw":"p@ss/\\"word\\""}')).toBe('{"pw":"***"}')
    expect(announced).toEqual([
      'p@ss/"word"',
      'p%40ss%2F%22word%22',
      'p@ss/\\"word\\"',
      'postgres://u:p@ss/"word"@db/x',
      'postgres%3A%2F%2Fu%3Ap%40ss%2F%22word%22%40db%2Fx',
      'postgres://u:p@ss/\\"word\\"@db/x',
    ])
  })

  it('leaves values shorter than MIN_SECRET_LENGTH alone: masking "dev" would garble every line', () => {
    const announced: string[] = []
    const book = secretBook((value) => announced.push(value))
    book.add('dev')
    book.add('   ')
    book.add('abcd')
    expect(MIN_SECRET_LENGTH).toBe(4)
    expect(book.mask('dev abcd')).toBe('dev ***')
    expect(announced).toEqual(['abcd'])
  })
})
